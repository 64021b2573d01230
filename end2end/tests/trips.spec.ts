// Where a real user tripped (issue 12), each reproduced as it was found and now passing:
// the phone layout (nothing wider than the screen at 412 and 320 px, each step's
// primary action on the first screen or one obvious control away), errors that stay on
// empty fields, Enter in the organisation number, the way back to a receipt, the
// receipt PDF's language, the portal's first visit, and the smaller ones.
import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { fitsPhoneWidths, onFirstScreen } from './pages/layout';
import { JourneyPage, goodFor } from './pages/journey';
import { LoginPage, testPerson } from './pages/login';
import { fillDdfl, toSigning } from './pages/signing';
import { PortalPage } from './pages/portal';
import { chooseLanguage } from './pages/language';

/** Daglig leder of DEMO LEGEKONTOR AS in the bundled registry (birth date and name). */
const dagligLeder = () => testPerson('Kari Testperson', { day: 8, month: 10, year: 1988 });
const LEGEKONTOR = 'DEMO LEGEKONTOR AS (DEMODATA) (945627913)';

async function pickLegekontor(page: Page) {
  await page.getByRole('region', { name: 'Dine virksomheter' }).getByRole('button', { name: LEGEKONTOR }).click();
}

test('on a phone every page of the journey and the portal fits the screen, and each step\'s action is on the first screen', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'the phone layout');
  test.setTimeout(120_000);
  const j = new JourneyPage(page);
  await page.goto('/');
  await fitsPhoneWidths(page, 'landing page');
  await onFirstScreen(page, page.getByRole('link', { name: /Logg inn med ID-porten/ }), 'landing page');

  await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
  const login = new LoginPage(page);
  await login.fill(dagligLeder());
  await fitsPhoneWidths(page, 'test login');
  await onFirstScreen(page, page.getByRole('button', { name: 'Logg inn', exact: true }), 'test login');
  await login.submit();

  // After the login, focus is in the page, not left on <body> (the first Tab went to the footer).
  await expect(page.getByRole('heading', { name: /Du er innlogget som Kari Testperson/ })).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main')), 'the first Tab after login lands in the main content').toBe(true);

  // Step 2; Enter in the number goes on (and raises no wasm panic: see fixtures.ts).
  await fitsPhoneWidths(page, 'step 2');
  await j.orgInput().fill('945627913');
  await expect(page.getByRole('status').getByText(LEGEKONTOR)).toBeVisible();
  await onFirstScreen(page, page.getByRole('button', { name: 'Gå videre' }), 'step 2');
  await j.orgInput().press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`Du aksepterer på vegne av ${LEGEKONTOR.replace(/[()]/g, '\\$&')}`) })).toBeVisible();

  await j.fillForm(goodFor('945627913'));
  await fitsPhoneWidths(page, 'step 3');
  await j.send();

  // Step 4: the review is three screens long; one control at the top goes to the action.
  await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggertjenester' })).toBeVisible();
  await fitsPhoneWidths(page, 'step 4');
  const jump = page.getByRole('button', { name: 'Gå ned til aksept og innsending' });
  await onFirstScreen(page, jump, 'step 4');
  await jump.click();
  const accept = page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' });
  await expect(accept).toBeFocused();
  await expect(accept).toBeInViewport();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Fullfør' }).click();
  const reference = await j.reference();
  await fitsPhoneWidths(page, 'step 5');

  // The receipt page: the SHA-256 wraps; the way back and out are there.
  await page.getByRole('link', { name: 'Vis kvittering' }).click();
  await expect(page.getByTestId('receipt-reference')).toHaveText(reference);
  await fitsPhoneWidths(page, 'receipt');
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  await expectNoAxeViolations(page, 'receipt with its way back');

  // Mine bestillinger: the status is on screen, and one's own reference opens the receipt again.
  await page.getByRole('link', { name: 'Til Mine bestillinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine bestillinger' })).toBeVisible();
  await fitsPhoneWidths(page, 'Mine bestillinger');
  const row = page.getByTestId('orders').getByRole('row').filter({ hasText: reference });
  const status = row.getByText('Mottatt');
  await expect(status).toBeInViewport();
  const box = (await status.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await expectNoAxeViolations(page, 'Mine bestillinger on a phone');
  for (const [path, heading] of [
    ['/kundeportal', 'Tjenester'], ['/kundeportal/konto', 'Min konto'], ['/kundeportal/kundeinformasjon', 'Kundeinformasjon'],
    ['/kundeportal/dokumenter', 'Dokumentoversikt'], ['/kundeportal/brukerstotte', 'Brukerstøtte'],
    ['/kundeportal/persontjenesten', 'Klargjøring til Persontjenesten'], ['/kundeportal/helseid', 'HelseID – kom i gang'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText('Laster')).toHaveCount(0);
    await fitsPhoneWidths(page, heading);
  }
  await page.goto('/kundeportal/bestillinger');
  await page.getByTestId('orders').getByRole('link', { name: reference }).click();
  await expect(page.getByTestId('receipt-reference')).toHaveText(reference);

  // DDFL: the form, the signing intro (its action one control away) and the viewer.
  await page.goto('/skjema/ddfl');
  await pickLegekontor(page);
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await fitsPhoneWidths(page, 'DDFL form');
  await fillDdfl(j, testPerson('Åse Signatar').fnr);
  await toSigning(page);
  await fitsPhoneWidths(page, 'DDFL signing intro');
  await onFirstScreen(page, page.getByRole('button', { name: 'Gå til signering' }), 'DDFL signing intro');
  await page.getByRole('button', { name: 'Gå til signering' }).click();
  await expect(page.getByRole('button', { name: 'Les dokument og signer' })).toBeFocused();
  await page.getByRole('button', { name: 'Les dokument og signer' }).click();
  await expect(page.getByText('Side 1 av 2')).toBeVisible();
  await fitsPhoneWidths(page, 'DDFL viewer');

  // Logged out: the portal's own login pages.
  await page.goto('/kundeportal/innlogging');
  await fitsPhoneWidths(page, 'customer-portal login');
  await onFirstScreen(page, page.getByRole('button', { name: 'Logg inn' }), 'customer-portal login');
  await page.goto('/kundeportal/glemt-passord');
  await fitsPhoneWidths(page, 'forgot password');
});

test('an empty field keeps its error when the user passes through it, and nothing jumps', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(dagligLeder());
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await j.send();
  const summary = j.errorSummary();
  await expect(summary).toBeFocused();
  const navn = j.group('Kommune').getByLabel('Navn');
  const link = summary.getByRole('link', { name: 'Kommune – Navn: Du må fylle ut feltet.', exact: true });
  await expect(link).toBeVisible();
  const next = j.group('Kommune').getByLabel('Her-id virksomhet');
  const top = () => next.evaluate(e => e.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await navn.click();
  await next.click();
  await expect(navn).toHaveAttribute('aria-invalid', 'true');
  await expect(j.group('Kommune').getByText('Du må fylle ut feltet.').first()).toBeVisible();
  await expect(link).toBeVisible();
  expect(await top()).toBe(before);
  await expect(next).toBeFocused();
  // A checkbox group's error is in the error colour, like any other field's.
  const colour = (selector: string) => page.locator(selector).first().evaluate(e => getComputedStyle(e).color);
  const groupError = page.locator('fieldset .ds-validation-message').first();
  await expect(groupError).toHaveText('Du må velge minst ett alternativ.');
  expect(await groupError.evaluate(e => getComputedStyle(e).color)).toBe(await colour('.ds-field > .ds-validation-message'));
  expect(await groupError.evaluate(e => getComputedStyle(e).color)).not.toBe('rgb(84, 94, 107)');
});

test('the receipt PDF is in the language chosen in the portal, not the browser\'s', async ({ page }) => {
  const reference = await new JourneyPage(page).orderToReceipt(dagligLeder());
  await chooseLanguage(page, 'English');
  const link = page.getByTestId('receipt-pdf');
  await expect(link).toHaveAttribute('href', `/api/orders/${reference}/pdf?lang=en`);
  // Fetched as the browser would, with its own (Norwegian) Accept-Language.
  const pdf = await page.request.get((await link.getAttribute('href'))!, { headers: { 'Accept-Language': 'nb-NO' } });
  expect(pdf.status()).toBe(200);
  const { pdfText } = await import('./pages/signing');
  const text = pdfText(await pdf.body());
  expect(text).toContain('Reference number');
  expect(text).not.toContain('Referansenummer');
});

test('a first visit to the customer portal asks to log in, with both ways in, and says nothing expired', async ({ page }) => {
  await page.goto('/kundeportal');
  const needed = page.getByTestId('login-needed');
  await expect(needed).toContainText('Logg inn for å bruke kundeportalen.');
  const main = page.getByRole('main');
  await expect(main.getByText('Økten din er utløpt')).toHaveCount(0);
  await expect(main.getByText('tatt vare på')).toHaveCount(0);
  await expect(needed.getByRole('link', { name: 'Logg inn med brukernavn og passord' })).toHaveAttribute('href', '/kundeportal/innlogging');
  await expect(needed.getByRole('link', { name: 'Logg inn med ID-porten' })).toHaveAttribute('href', '/api/auth/login?tilbake=/kundeportal');
  // The header says where the user is.
  await expect(page.locator('.bp-brand__app')).toHaveText('Kundeportal');
  await expectNoAxeViolations(page, 'portal, not logged in');
});

test('in English, Dokumentoversikt names the eID and level, and times read "at", not raw codes and "kl."', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(dagligLeder(), '', '/skjema/digitaleinnbyggertjenester');
  await pickLegekontor(page);
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await j.fillForm(goodFor('945627913'));
  await j.send();
  await j.acceptAndFinish();
  const reference = await j.reference();
  await page.goto('/kundeportal/dokumenter');
  await chooseLanguage(page, 'English');
  const accepted = page.getByTestId('accepted-documents').getByRole('listitem').filter({ hasText: reference });
  await expect(accepted).toContainText('Electronic ID: BankID, security level: test login, not an ID-porten level');
  await expect(accepted).toContainText(/accepted by Kari Testperson on \d\d\.\d\d\.\d{4} at \d\d:\d\d/);
  await expect(accepted).not.toContainText('kl.');
  await expect(accepted).not.toContainText('testinnlogging');
  await page.goto('/kundeportal/bestillinger');
  await expect(page.getByTestId('orders').getByRole('row').filter({ hasText: reference })).toContainText(/\d\d\.\d\d\.\d{4} at \d\d:\d\d/);
  // Back to bokmål for the next pages of this browser.
  await chooseLanguage(page, 'Bokmål');
});

test('DDFL where it is active already says so before a second order; Tjenester\'s links are targets of 24 px', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(dagligLeder());
  await page.goto('/kundeportal');
  await expect(new PortalPage(page).currentOrg()).toHaveText(LEGEKONTOR);
  for (const link of await new PortalPage(page).inactiveServices().getByRole('link').all()) {
    const box = (await link.boundingBox())!;
    expect(box.height, `${await link.innerText()} is ${box.height} px tall`).toBeGreaterThanOrEqual(24);
  }
  // DDFL ordered and signed, then opened again: told, for a unit the user acts for (whether
  // a service is active is the organisation's to see). Once, in one project: the first
  // opening must show no warning.
  if (test.info().project.name === 'phone') return;
  await page.goto('/skjema/ddfl');
  await pickLegekontor(page);
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(page.getByText('Bestilling av Digital Dialog Fastlege')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('already-active')).toHaveCount(0);
  await fillDdfl(j, dagligLeder().fnr);
  await toSigning(page);
  await page.getByRole('button', { name: 'Les dokument og signer' }).click();
  await page.getByRole('button', { name: 'Signer dokument' }).click();
  await new LoginPage(page).fill(dagligLeder());
  await page.getByRole('button', { name: 'Logg inn og signer' }).click();
  await j.reference();
  await page.goto('/skjema/ddfl');
  await pickLegekontor(page);
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(page.getByTestId('already-active')).toContainText(`Digital Dialog Fastlege (DDFL) er allerede aktiv for ${LEGEKONTOR}.`);
  await expectNoAxeViolations(page, 'DDFL already active');
});

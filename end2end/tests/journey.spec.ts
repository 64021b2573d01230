// The whole "Digitale innbyggertjenester" journey, desktop and phone, with an axe scan
// on every step (SPEC §3, issue 2).
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { GOOD, JourneyPage, SERVICE_PATH, goodFor } from './pages/journey';
import { kari, LoginPage } from './pages/login';
import { chooseLanguage } from './pages/language';

test('a municipal user orders DigiHelse through all five steps and gets a receipt', async ({ page }) => {
  const j = new JourneyPage(page);
  await page.goto(SERVICE_PATH);
  await expect(page.getByRole('heading', { name: 'Logg inn for å akseptere' })).toBeVisible();
  await expect(page.getByText('Har du spørsmål?')).toBeVisible();
  await expectNoAxeViolations(page, 'login intro');

  await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
  const login = new LoginPage(page);
  await login.fill(kari());
  await expectNoAxeViolations(page, 'test login');
  await login.submit();

  // Step 1 done, step 2 current; the countdown follows the server's expiry.
  await expect(page.getByRole('heading', { name: 'Du er innlogget som Kari Testperson (fullført)' })).toBeVisible();
  await expect(page.getByTestId('countdown')).toHaveText(/Tid igjen av økten: (30:00|29:\d\d)/);
  await expect(page.getByText('Skriv inn et gyldig organisasjons- eller virksomhetsnummer for å søke.')).toBeVisible();
  await expectNoAxeViolations(page, 'step 2');
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await expect(page.getByRole('heading', { name: 'Du aksepterer på vegne av NORSK HELSENETT SF (994598759). Du er daglig leder. (fullført)' })).toBeVisible();

  await expect(page.getByText('DigiHelse, DigiHelsestasjon og Smittevern (Timebestilling Covid-19)')).toBeVisible();
  await j.fillForm(GOOD);
  await expectNoAxeViolations(page, 'step 3');
  await j.send();

  await expect(page.getByText('Du kan laste ned dokumentene ved å trykke på ikonet til høyre for tittelen.')).toBeVisible();
  const pdfLink = page.getByRole('link', { name: 'Last ned Avtale for etablering av Digihelse (PDF)' });
  await expect(pdfLink).toHaveAttribute('href', '/api/documents/avtale-digihelse/pdf');
  const pdf = await page.request.get('/api/documents/avtale-digihelse/pdf');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await expect(page.getByText('Ved å gå videre bekrefter du at du aksepterer innholdet i dokumentene')).toBeVisible();
  await expectNoAxeViolations(page, 'step 4');
  await j.acceptAndFinish();

  const reference = await j.reference();
  expect(reference).toMatch(/^BP-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
  await expect(page.getByText('Digitale innbyggertjenester ✓')).toBeVisible();
  await expect(page.getByText('Avtale for etablering av Digihelse ✓')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Videre saksgang' })).toBeVisible();
  await expect(page.getByText('Saken vil bli behandlet fortløpende')).toBeVisible();
  await expectNoAxeViolations(page, 'step 5');

  // The receipt page, from the server, with the answers normalised.
  await page.getByRole('link', { name: 'Vis kvittering' }).click();
  await expect(page.getByTestId('receipt-reference')).toHaveText(reference);
  await expect(page.getByText('NORSK HELSENETT SF (994598759)')).toBeVisible();
  await expect(page.getByText('91234567')).toBeVisible();
  await expect(page.getByText('DigiHelse, DigiHelsestasjon')).toBeVisible();
  await expectNoAxeViolations(page, 'receipt');

  // The confirmation to the contact person went through the outbox (no SMTP here: the
  // development mailbox).
  await page.goto('/utvikling/postkasse');
  await expect(page.getByRole('heading', { name: `Bestilling mottatt: Digitale innbyggertjenester (${reference})` })).toBeVisible();
  await expect(page.getByText('Til: kari.nordmann@orland.kommune.no').first()).toBeVisible();
  await expectNoAxeViolations(page, 'development mailbox');
});

test('logging out on the receipt step ends the session', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  await j.chooseOrg('958935420', 'OSLO KOMMUNE (958935420)');
  await j.fillForm(goodFor('958935420'));
  await j.send();
  await j.acceptAndFinish();
  await j.reference();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByText('Du er logget ut.')).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);
});

test('a sub-unit (virksomhetsnummer) can be chosen, and going back keeps every answer', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  await j.chooseOrg('974 760 673', 'OSLO KOMMUNE HELSEETATEN (DEMODATA) (974760673)');
  await j.fillForm(goodFor('974760673'));
  await page.getByRole('button', { name: 'Tilbake' }).click();
  await expect(j.orgInput()).toHaveValue('974760673');
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(j.group('Kommune').getByLabel('Navn')).toHaveValue('Ørland kommune');
  await expect(page.getByLabel('Her-id kommunikasjonsparter 2')).toHaveValue('8770003');
  await j.send();
  // Step 4's own Tilbake: step 3 has one too, until the server has taken the answers.
  await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggertjenester' })).toBeVisible();
  await page.getByRole('button', { name: 'Tilbake' }).click();
  await expect(j.group('Kontaktperson Kommune').getByLabel('Mobilnummer')).toHaveValue('+47 912 34 567');
});

test('the pages work in English too', async ({ page }) => {
  await page.goto(SERVICE_PATH);
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Log in to accept' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page, 'intro in English');
  await chooseLanguage(page, 'Bokmål');
  await expect(page.getByRole('heading', { name: 'Logg inn for å akseptere' })).toBeVisible();
});

test('deep links answer with the app, unknown pages say so', async ({ page }) => {
  const response = await page.goto('/finnes/ikke');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Fant ikke siden' })).toBeVisible();
  await expectNoAxeViolations(page, 'not found');
  await page.goto('/skjema/ukjent-tjeneste');
  await expect(page.getByRole('heading', { name: 'Fant ikke siden' })).toBeVisible();
});

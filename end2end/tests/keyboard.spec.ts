// The DigiHelse journey with the keyboard only (issue 18.2), on desktop and phone: the
// skip link first, then every step by Tab, Enter and Space — no clicks, no filling a field
// that Tab did not reach. Focus is visible on every control reached, and after each step
// change it is on the new step's heading, never on the body.
import { expect, test } from './fixtures';
import { GOOD, SERVICE_PATH } from './pages/journey';
import { testPerson } from './pages/login';
import { focusKept, press, tabTo, typeInto } from './pages/keyboard';

test('the DigiHelse journey with the keyboard only', async ({ page }) => {
  const person = testPerson('Kari Testperson', { day: 8, month: 10, year: 1988 });
  await page.goto(SERVICE_PATH);
  // The first Tab reaches the skip link, which leads to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await press(page, page.getByRole('link', { name: /Logg inn med ID-porten/ }));

  // The test login.
  await expect(page.getByRole('heading', { name: 'Testinnlogging' })).toBeVisible();
  await typeInto(page, page.getByLabel('Fødselsnummer (syntetisk testperson)'), person.fnr);
  await typeInto(page, page.getByLabel('Navn'), person.name);
  await press(page, page.getByRole('button', { name: 'Logg inn', exact: true }));
  await expect(page.getByRole('heading', { name: `Du er innlogget som ${person.name} (fullført)` })).toBeVisible();

  // Step 2.
  await typeInto(page, page.getByLabel('Org. nr. eller virksomhetsnummer'), '994598759');
  await expect(page.getByRole('status').getByText('NORSK HELSENETT SF (994598759)')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Gå videre' }));
  await expect(page.getByRole('heading', { name: /Du aksepterer på vegne av/ })).toBeVisible();
  await expect(page.locator('#step-3')).toBeFocused();
  await focusKept(page, 'step 3');

  // Step 3: a mistake first — the summary takes focus — then the answers.
  await press(page, page.getByRole('button', { name: 'Send', exact: true }));
  const summary = page.getByRole('region', { name: 'For å gå videre må du rette opp følgende feil:' });
  await expect(summary).toBeFocused();
  for (const s of GOOD.services) await press(page, page.getByRole('checkbox', { name: s, exact: true }), 'Space');
  await expect(page.getByRole('checkbox', { name: 'DigiHelse', exact: true })).toBeChecked();
  const group = (name: string) => page.getByRole('group', { name, exact: true });
  await typeInto(page, group('Kommune').getByLabel('Navn'), GOOD.kommune);
  await typeInto(page, group('Kommune').getByLabel('Her-id virksomhet'), GOOD.herIdVirksomhet);
  await typeInto(page, page.getByLabel('Her-id kommunikasjonsparter 1'), GOOD.herIdParter[0]);
  const kontakt = group('Kontaktperson Kommune');
  await typeInto(page, kontakt.getByLabel('Navn'), GOOD.kontaktNavn);
  await typeInto(page, kontakt.getByLabel('E-post'), GOOD.kontaktEpost);
  await typeInto(page, kontakt.getByLabel('Mobilnummer'), GOOD.kontaktMobil);
  const epj = group('EPJ-leverandør');
  await typeInto(page, epj.getByLabel('Navn'), GOOD.epjNavn);
  await typeInto(page, epj.getByLabel('EPJ-system'), GOOD.epjSystem);
  await typeInto(page, epj.getByLabel('EPJ-versjon'), GOOD.epjVersjon);
  const ikt = group('IKT-driftsleverandør');
  await typeInto(page, ikt.getByLabel('Navn'), GOOD.iktNavn);
  await typeInto(page, ikt.getByLabel('Org nr'), GOOD.iktOrgnr);
  await typeInto(page, ikt.getByLabel('Mobilnummer'), GOOD.iktMobil);
  await typeInto(page, ikt.getByLabel('E-postadresse for mottak av meldingsstatistikk hver 14. dag'), GOOD.iktEpost);
  await press(page, page.getByRole('button', { name: 'Send', exact: true }));

  // Step 4.
  await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggertjenester' })).toBeVisible();
  await focusKept(page, 'step 4');
  await press(page, page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' }), 'Space');
  await press(page, page.getByRole('button', { name: 'Fullfør' }));

  // Step 5 and the receipt.
  await expect(page.getByText('Ferdig!')).toBeVisible();
  await focusKept(page, 'step 5');
  await press(page, page.getByRole('link', { name: 'Vis kvittering' }));
  await expect(page.getByRole('heading', { name: 'Kvittering for bestilling' })).toBeVisible();
  await focusKept(page, 'receipt');
  await tabTo(page, page.getByTestId('receipt-pdf'));
});

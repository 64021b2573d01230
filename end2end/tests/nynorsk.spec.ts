// Nynorsk (issue 18.1): chosen in the header, it holds through the login and every step
// of the DigiHelse journey, the server answers in it, and the receipt PDF is in it —
// with no axe violation on the way.
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { GOOD, SERVICE_PATH } from './pages/journey';
import { testPerson } from './pages/login';
import { chooseLanguage } from './pages/language';
import { pdfText } from './pages/signing';

test('the DigiHelse journey in nynorsk, to a nynorsk receipt PDF', async ({ page }) => {
  const person = testPerson('Kari Testperson', { day: 8, month: 10, year: 1988 });
  await page.goto(SERVICE_PATH);
  await chooseLanguage(page, 'Nynorsk');
  await expect(page.getByText(/Velkomen til NHN avtaleaksept/)).toBeVisible();
  await expectNoAxeViolations(page, 'intro in nynorsk');
  await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();

  // The test login, in nynorsk too: the choice is remembered on the device.
  await expect(page.getByRole('heading', { name: 'Testinnlogging' })).toBeVisible();
  await page.getByLabel('Vel elektronisk ID').selectOption({ label: 'BankID' });
  await page.getByLabel('Fødselsnummer (syntetisk testperson)').fill(person.fnr);
  await page.getByLabel('Namn').fill(person.name);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Du er innlogga som ${person.name} (fullført)` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');

  // Step 2: the organisation.
  await page.getByLabel('Org. nr. eller verksemdsnummer').fill('994598759');
  await expect(page.getByRole('status').getByText('NORSK HELSENETT SF (994598759)')).toBeVisible();
  await expectNoAxeViolations(page, 'organisation in nynorsk');
  await page.getByRole('button', { name: 'Gå vidare' }).click();
  await expect(page.getByRole('heading', { name: /Du aksepterer på vegner av/ })).toBeVisible();

  // Step 3: the form. A mistake first: the server's and the form's message in nynorsk.
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const summary = page.getByRole('region', { name: 'For å gå vidare må du rette opp desse feila:' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /Du må velje minst eitt alternativ/ })).toBeVisible();
  await expectNoAxeViolations(page, 'form with errors in nynorsk');
  for (const s of GOOD.services) await page.getByRole('checkbox', { name: s, exact: true }).check();
  const group = (name: string) => page.getByRole('group', { name, exact: true });
  await group('Kommune').getByLabel('Namn').fill(GOOD.kommune);
  await group('Kommune').getByLabel('Her-id verksemd').fill(GOOD.herIdVirksomhet);
  await page.getByLabel('Her-id kommunikasjonspartar 1').fill(GOOD.herIdParter[0]);
  const kontakt = group('Kontaktperson kommune');
  await kontakt.getByLabel('Namn').fill(GOOD.kontaktNavn);
  await kontakt.getByLabel('E-post').fill(GOOD.kontaktEpost);
  await kontakt.getByLabel('Mobilnummer').fill('ni ni ni');
  await kontakt.getByLabel('Mobilnummer').blur();
  await expect(page.getByText('Bruk berre siffer.').first()).toBeVisible();
  await kontakt.getByLabel('Mobilnummer').fill(GOOD.kontaktMobil);
  const epj = group('EPJ-leverandør');
  await epj.getByLabel('Namn').fill(GOOD.epjNavn);
  await epj.getByLabel('EPJ-system').fill(GOOD.epjSystem);
  await epj.getByLabel('EPJ-versjon').fill(GOOD.epjVersjon);
  const ikt = group('IKT-driftsleverandør');
  await ikt.getByLabel('Namn').fill(GOOD.iktNavn);
  await ikt.getByLabel('Org nr').fill(GOOD.iktOrgnr);
  await ikt.getByLabel('Mobilnummer').fill(GOOD.iktMobil);
  await ikt.getByLabel('E-postadresse for mottak av meldingsstatistikk kvar 14. dag').fill(GOOD.iktEpost);
  await page.getByRole('button', { name: 'Send', exact: true }).click();

  // Step 4: accept.
  await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggjartenester' })).toBeVisible();
  await expectNoAxeViolations(page, 'acceptance in nynorsk');
  await page.getByRole('checkbox', { name: 'Eg aksepterer innhaldet i dokumenta.' }).check();
  await page.getByRole('button', { name: 'Fullfør' }).click();

  // Step 5 and the receipt.
  await expect(page.getByText('Ferdig!')).toBeVisible();
  const reference = (await page.getByTestId('reference').innerText()).trim();
  await expectNoAxeViolations(page, 'done in nynorsk');
  await page.getByRole('link', { name: 'Vis kvittering' }).click();
  await expect(page.getByRole('heading', { name: 'Kvittering for bestilling' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Svara dine' })).toBeVisible();
  await expectNoAxeViolations(page, 'receipt in nynorsk');
  const link = page.getByTestId('receipt-pdf');
  await expect(link).toHaveAttribute('href', `/api/orders/${reference}/pdf?lang=nn`);
  const pdf = await page.request.get((await link.getAttribute('href'))!, { headers: { 'Accept-Language': 'nb-NO' } });
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain('Svara dine');
  expect(text).toContain(reference);
  expect(text).not.toContain('Svarene dine');
});

// A new service as a spec and nothing else (issue 4): `common/src/services/fixture.rs`,
// compiled in for the tests only, renders in the SPA and is validated by the SPA and the
// server — one choice, dates with an order rule, a switch with its conditional field, a
// repeatable group — with no page code of its own.
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { JourneyPage } from './pages/journey';
import { kari } from './pages/login';

test('a service declared only as a spec renders, validates and is ordered', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari(), '', '/skjema/fixture');
  await j.chooseOrg('958935420', 'OSLO KOMMUNE (958935420)');
  await expect(page.getByText('Denne tjenesten finnes bare i testene.')).toBeVisible();

  await page.getByRole('radio', { name: 'Pause' }).check();
  await page.getByLabel('Fra', { exact: true }).fill('2027-08-01');
  await page.getByLabel('Til', { exact: true }).fill('2027-07-01');
  await expect(page.getByLabel('Mobilnummer for varsel')).toHaveCount(0);
  await page.getByRole('switch', { name: 'Varsle meg på SMS' }).check();
  await expect(page.getByLabel('Mobilnummer for varsel')).toBeVisible();
  await j.group('Rom 1').getByLabel('Romnavn').fill('Serverrommet');
  await j.group('Rom 1').getByLabel('Leietakers organisasjonsnummer').fill('123 456 789');
  await page.getByLabel('E-post').fill('drift@kommune.no');
  await j.send();
  const summary = j.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Til: Til-datoen kan ikke være før fra-datoen.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Mobilnummer for varsel: Du må fylle ut feltet.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Leietakers organisasjonsnummer 1: Nummeret er ikke gyldig/ })).toBeVisible();
  await expectNoAxeViolations(page, 'fixture service with errors');

  await page.getByLabel('Til', { exact: true }).fill('2027-08-31');
  await page.getByLabel('Mobilnummer for varsel').fill('912 34 567');
  await j.group('Rom 1').getByLabel('Leietakers organisasjonsnummer').fill('994 598 759');
  await page.getByRole('button', { name: 'Legg til rom' }).click();
  await j.group('Rom 2').getByLabel('Romnavn').fill('Kontoret');
  await j.group('Rom 2').getByLabel('Leietakers organisasjonsnummer').fill('974760673');
  await j.send();
  await expect(page.getByRole('heading', { name: 'Se over og send inn' })).toBeVisible();
  await page.getByRole('button', { name: 'Fullfør' }).click();
  const reference = await j.reference();
  const receipt = await (await page.request.get(`/api/orders/${reference}`)).json();
  expect(receipt.service).toBe('fixture');
  expect(receipt.answers.rom_orgnr).toEqual(['994598759', '974760673']);
  expect(receipt.answers.mobil).toBe('91234567');
});

// A prerequisite declared on the spec and nothing else (issue 14): the fixture's "Flytting"
// needs a member of Helsenettet, and the server refuses it at the field until the unit has
// ordered its connection.
test('a prerequisite declared only on the spec is enforced by the server', async ({ page }) => {
  // Each project its own unit: the desktop run's connection must not meet the phone's.
  const [orgnr, shown] = test.info().project.name === 'phone'
    ? ['972418013', 'BODØ KOMMUNE (972418013)'] : ['964338531', 'BERGEN KOMMUNE (964338531)'];
  const j = new JourneyPage(page);
  await j.start(kari(), '', '/skjema/fixture');
  await j.chooseOrg(orgnr, shown);
  await page.getByRole('radio', { name: 'Flytting' }).check();
  await page.getByLabel('Fra', { exact: true }).fill('2027-08-01');
  await page.getByLabel('Til', { exact: true }).fill('2027-08-31');
  await j.group('Rom 1').getByLabel('Romnavn').fill('Serverrommet');
  await j.group('Rom 1').getByLabel('Leietakers organisasjonsnummer').fill('994 598 759');
  await page.getByLabel('E-post').fill('drift@bergen.kommune.no');
  await j.send();
  const member = 'Virksomheten må være medlem av Helsenettet. Bestill tilknytning til Helsenettet først.';
  await expect(j.errorSummary()).toBeFocused();
  await expect(j.errorSummary().getByRole('link', { name: `Hva gjelder det?: ${member}` })).toBeVisible();
  await expectNoAxeViolations(page, 'fixture service with an unmet prerequisite');

  // The unit orders its connection; the same answers now pass.
  const connection = await page.request.post('/api/orders', {
    data: {
      service: 'tilknytning', orgnr, accepted_documents: [],
      answers: {
        adresse: 'Rådhusgaten 10', postnummer: '5014', poststed: 'Bergen', etasje: '2', rom: 'Serverrom',
        linjeleverandor: 'nhn', kontakt_navn: 'Kari', kontakt_mobil: '91234567', kontakt_epost: 'kari@bergen.kommune.no',
      },
    },
  });
  expect(connection.status()).toBe(201);
  await j.send();
  await expect(page.getByRole('heading', { name: 'Se over og send inn' })).toBeVisible();
});

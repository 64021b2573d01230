// Every kind of journey with the keyboard only (issue 18.2), on desktop and phone —
// DigiHelse, DDFL with its signing, and a service with groups and an attachment: the
// skip link first, then every step by Tab, Enter and Space (and typing into a select
// list, Space on a file field) — no clicks, no filling a field that Tab did not reach.
// Focus is visible on every control reached, and after each step change it is on the
// new step's heading, never on the body.
import { expect, test } from './fixtures';
import { GOOD, SERVICE_PATH } from './pages/journey';
import { kari, testPerson } from './pages/login';
import { chooseByTyping, chooseOrgByKeyboard, focusKept, logInByKeyboard, press, tabTo, typeInto } from './pages/keyboard';
import { DDFL_TERMS, SIGNING_TITLE } from './pages/signing';

test('the DigiHelse journey with the keyboard only', async ({ page }) => {
  const person = kari();
  await logInByKeyboard(page, SERVICE_PATH, person);
  await chooseOrgByKeyboard(page, '994598759', 'NORSK HELSENETT SF (994598759)');

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

test('DDFL with its signing, with the keyboard only', async ({ page }) => {
  await logInByKeyboard(page, '/skjema/ddfl', kari());
  // Trondheim's roles are not in the extract: the signer needs no confirmed role.
  await chooseOrgByKeyboard(page, '942110464', 'TRONDHEIM KOMMUNE (942110464)');
  const group = (name: string) => page.getByRole('group', { name, exact: true });
  const epj = group('EPJ-leverandør');
  await typeInto(page, epj.getByLabel('Navn'), 'CGM');
  await typeInto(page, epj.getByLabel('EPJ-system'), 'CGM Allmenn');
  await typeInto(page, epj.getByLabel('Versjon'), '2024.2');
  const drift = group('Driftsleverandør');
  await typeInto(page, drift.getByLabel('Navn'), 'Driftspartner AS');
  await typeInto(page, drift.getByLabel('Organisasjonsnummer'), '994 598 759');
  await typeInto(page, drift.getByLabel('Telefonnummer'), '22 33 44 55');
  await typeInto(page, drift.getByLabel('E-post'), 'drift@driftspartner.no');
  // The switch by Space shows its fields; they are filled by Tab too.
  const servicebus = group('ServiceBus');
  await press(page, servicebus.getByRole('switch', { name: 'Bestill aktivering av ServiceBus' }), 'Space');
  await typeInto(page, servicebus.getByLabel('Kontaktperson'), 'tekniker@driftspartner.no');
  await typeInto(page, servicebus.getByLabel('Telefonnummer'), '912 34 567');
  const signer = testPerson('Åse Tastatur Signatar');
  await typeInto(page, group(SIGNING_TITLE).getByLabel('Fødselsnummer'), signer.fnr);
  await press(page, page.getByRole('button', { name: 'Gå videre til signering' }));

  // The signing: intro, the viewer page by page, then the signer's eID login.
  await expect(page.getByRole('heading', { name: SIGNING_TITLE })).toBeVisible();
  await focusKept(page, 'signing intro');
  await press(page, page.getByRole('button', { name: 'Les dokument og signer' }));
  await expect(page.getByRole('heading', { name: DDFL_TERMS })).toBeVisible();
  await focusKept(page, 'document viewer');
  await press(page, page.getByRole('button', { name: 'Neste side' }));
  await expect(page.getByText('Side 2 av 2')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Signer dokument' }));
  await expect(page.getByRole('heading', { name: 'Signering med elektronisk ID (testinnlogging)' })).toBeVisible();
  await chooseByTyping(page, page.getByLabel('Velg elektronisk ID'), 'MinID');
  await typeInto(page, page.getByLabel('Fødselsnummer (syntetisk testperson)'), signer.fnr);
  await typeInto(page, page.getByLabel('Navn'), signer.name);
  await press(page, page.getByRole('button', { name: 'Logg inn og signer' }));

  // Signed: the receipt step, focus on the page, the signed package reached by Tab.
  await expect(page.getByText('Ferdig!')).toBeVisible();
  await expect(page.getByTestId('signed')).toContainText('Dokumentet er elektronisk signert av Åse Tastatur Signatar');
  await focusKept(page, 'signed');
  await tabTo(page, page.getByTestId('signed').getByRole('link', { name: 'Last ned signert dokument (PDF)' }));
});

test('a service with groups and an attachment (domain), with the keyboard only', async ({ page }) => {
  await logInByKeyboard(page, '/skjema/domene', kari());
  await chooseOrgByKeyboard(page, '958935420', 'OSLO KOMMUNE (958935420)');
  // The first choice of a radio group is where Tab lands; Space picks it.
  await press(page, page.getByRole('radio', { name: 'Registrere bruksrett til nytt domene' }), 'Space');
  await expect(page.getByRole('radio', { name: 'Registrere bruksrett til nytt domene' })).toBeChecked();
  await typeInto(page, page.getByLabel('Domenenavn'), 'legekontoret.no');
  // The file field opens the file chooser on Space, as the browser's own dialog would.
  const chooser = page.waitForEvent('filechooser');
  await press(page, page.getByLabel('Egenerklæring'), 'Space');
  await (await chooser).setFiles({ name: 'egenerklaering.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  await expect(page.getByText('Lastet opp: egenerklaering.pdf')).toBeVisible();
  const contact = page.getByRole('group', { name: 'Juridisk kontaktperson for domenet', exact: true });
  await typeInto(page, contact.getByLabel('Navn'), 'Kari Kontakt');
  await typeInto(page, contact.getByLabel('Mobilnummer'), '912 34 567');
  await typeInto(page, contact.getByLabel('E-post'), 'kari.kontakt@legekontor.no');
  await press(page, page.getByRole('button', { name: 'Send', exact: true }));

  await expect(page.getByRole('heading', { name: 'Se over og send inn' })).toBeVisible();
  await focusKept(page, 'step 4');
  await press(page, page.getByRole('button', { name: 'Fullfør', exact: true }));
  await expect(page.getByText('Ferdig!')).toBeVisible();
  await focusKept(page, 'step 5');
  const reference = (await page.getByTestId('reference').innerText()).trim();
  const receipt = await (await page.request.get(`/api/orders/${reference}`)).json();
  expect(receipt.answers.domenenavn).toBe('legekontoret.no');
  expect(receipt.answers.egenerklaering).toBeTruthy();
});

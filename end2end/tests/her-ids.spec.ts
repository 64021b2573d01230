// HER-ids checked against Adresseregisteret (issue 19.2): the unit's own HER-id is named
// as it is typed and its parties are offered to pick from; another organisation's is
// refused at the field and by the server (422), the input kept; with the register down
// the order still goes through, and the customer centre finds it flagged.
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectNoAxeViolations } from './a11y';
import { GOOD, JourneyPage } from './pages/journey';
import { kari } from './pages/login';
import { startServer, stopServer } from './server';

const OTHER = 'HER-id 8780001 tilhører en annen virksomhet. Bruk en HER-id som er registrert på virksomheten du bestiller for.';

test('a HER-id of the unit is named, another organisation\'s is refused at the field and by the server', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');

  // The unit's parties to pick from, and its own HER-id named as it is typed.
  const virksomhet = j.group('Kommune').getByLabel('Her-id virksomhet');
  await expect(virksomhet).toHaveAttribute('list', 'bp-her-id-parties');
  await expect(page.locator('#bp-her-id-parties option')).toHaveText([
    'Norsk helsenett SF', 'Norsk helsenett SF, Kundesenteret', 'Norsk helsenett SF, Meldingsformidling',
  ]);
  await virksomhet.pressSequentially('8765432');
  await expect(page.getByTestId('her-id-note').first()).toHaveText('HER-id 8765432: Norsk helsenett SF');

  // Bergen kommune's HER-id: refused when the user leaves the field, what was typed kept.
  const party = page.getByLabel('Her-id kommunikasjonsparter 1');
  await party.fill('8780001');
  await party.blur();
  await expect(page.locator('#f-her_id_parter-0-error')).toHaveText(OTHER);
  await expect(party).toHaveAttribute('aria-invalid', 'true');
  await expect(party).toHaveValue('8780001');
  await expectNoAxeViolations(page, 'a HER-id refused');

  // The server judges the same way: 422 at the field.
  const body = {
    service: 'digitaleinnbyggertjenester', orgnr: '994598759', accepted_documents: ['avtale-digihelse'],
    answers: {
      tjenestetype: ['digihelse'], kommune_navn: 'Ørland kommune', her_id_virksomhet: '8765432',
      her_id_parter: ['8780001'], kontakt_navn: 'Kari Nordmann', kontakt_epost: 'kari@orland.kommune.no',
      kontakt_mobil: '+47 912 34 567', epj_navn: 'CGM', epj_system: 'CGM Journal', epj_versjon: '142',
      ikt_navn: 'Driftspartner AS', ikt_orgnr: '994 598 759', ikt_mobil: '41234567', ikt_epost_statistikk: 'stat@drift.no',
    },
  };
  const refused = await page.request.post('/api/orders', { data: body });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).fields['her_id_parter.0'].message).toBe(OTHER);

  // Sent anyway with the rest filled in: the summary names it, and nothing typed is lost.
  await j.fillForm({ ...GOOD, herIdParter: [] });
  await party.fill('8780001');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('link', { name: `Her-id kommunikasjonsparter 1: ${OTHER}` })).toBeVisible();
  await expect(party).toHaveValue('8780001');
  await expect(j.group('Kommune').getByLabel('Navn')).toHaveValue(GOOD.kommune);

  // Put right: named, and the order goes on.
  await party.fill('8765433');
  await expect(page.getByTestId('her-id-note').nth(1)).toHaveText('HER-id 8765433: Norsk helsenett SF, Kundesenteret');
  await j.send();
  await j.acceptAndFinish();
  await j.reference();
});

test('with Adresseregisteret down the order goes through, flagged for the customer centre', async ({ page }, info) => {
  const port = 8700 + info.workerIndex * 10 + (info.project.name === 'phone' ? 1 : 0);
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-register-down-'));
  const base = `http://127.0.0.1:${port}`;
  // Nothing listens on port 9 here: every request to the register fails at once.
  const server = await startServer(port, dbDir, { BP_ADRESSEREGISTER_URL: 'http://127.0.0.1:9' });
  try {
    const j = new JourneyPage(page);
    await j.start(kari(), base);
    await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
    await j.fillForm(GOOD);
    await expect(page.getByTestId('her-id-note').first()).toContainText('Adresseregisteret svarer ikke nå');
    await expectNoAxeViolations(page, 'the register down');
    await j.send();
    await j.acceptAndFinish();
    const reference = await j.reference();

    // The customer centre sees why in the case's history.
    const login = await page.request.post(`${base}/api/staff/test-login`, { data: { name: 'Siri Saksbehandler', role: 'saksbehandler' } });
    expect(login.status()).toBe(204);
    const found = await page.request.get(`${base}/api/staff/orders/${reference}`);
    expect(found.status()).toBe(200);
    const notes = JSON.stringify(await found.json());
    for (const her of [GOOD.herIdVirksomhet, ...GOOD.herIdParter]) {
      expect(notes).toContain(`Adresseregisteret svarte ikke da bestillingen ble sendt: HER-id ${her} er ikke kontrollert.`);
    }
  } finally {
    await stopServer(server);
  }
});

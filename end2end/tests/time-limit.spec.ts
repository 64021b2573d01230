// The form's time limit (SPEC §5, issue 6): the countdown runs by the page clock, the
// warning comes at the lead time in every tab, one tab's "Forleng økten" or "Logg ut"
// holds for all of them, and an expired session loses nothing — the next login lands on
// the same step with every answer, also when the expiry is only found out at "Fullfør".
import { expect, test, type Page } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectNoAxeViolations } from './a11y';
import { GOOD, JourneyPage, SERVICE_PATH, goodFor } from './pages/journey';
import { kari, LoginPage } from './pages/login';
import { startServer, stopServer } from './server';

const port = (info: { workerIndex: number; project: { name: string } }, offset: number) =>
  8500 + offset + info.workerIndex * 10 + (info.project.name === 'phone' ? 1 : 0);
const warning = (page: Page) => page.getByRole('dialog', { name: 'Økten din går snart ut' });

test('the countdown runs, the warning comes in every tab, and extending or logging out in one tab holds for all', async ({ page }, info) => {
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-tabs-'));
  // Two minutes, warned one minute before: the page clock gets there without waiting.
  const server = await startServer(port(info, 0), dbDir, { BP_SESSION_LIFETIME_SECS: '120', BP_SESSION_WARN_SECS: '60' });
  try {
    const base = `http://127.0.0.1:${port(info, 0)}`;
    await page.clock.install();
    await new JourneyPage(page).start(kari(), base);
    const other = await page.context().newPage();
    await other.goto(base + SERVICE_PATH);
    await expect(other.getByRole('heading', { name: 'Du er innlogget som Kari Testperson (fullført)' })).toBeVisible();

    const countdown = page.getByTestId('countdown');
    await expect(countdown).toHaveText(/Tid igjen av økten: (01:5\d|02:00)/);
    await page.clock.fastForward('00:30');
    await expect(countdown).toHaveText(/Tid igjen av økten: 01:[23]\d/);
    await expect(warning(page)).toBeHidden();

    // At the lead time the dialog opens, with focus inside, in both tabs.
    await page.clock.fastForward('00:35');
    await expect(warning(page)).toBeVisible();
    await expect(warning(page).getByRole('button', { name: 'Forleng økten' })).toBeFocused();
    await expect(warning(other)).toBeVisible();
    await expectNoAxeViolations(page, 'warning dialog (page clock)');

    // "Forleng økten" in one tab: the server moves the expiry, and both dialogs close.
    await warning(other).getByRole('button', { name: 'Forleng økten' }).click();
    await expect(warning(other)).toBeHidden();
    await expect(warning(page)).toBeHidden();
    await expect(countdown).toHaveText(/Tid igjen av økten: (01:5\d|02:00)/);

    // "Logg ut" in one tab logs out the other too.
    await page.clock.fastForward('01:05');
    await expect(warning(page)).toBeVisible();
    await warning(page).getByRole('button', { name: 'Logg ut' }).click();
    await expect(other.getByRole('link', { name: /Logg inn med ID-porten/ })).toBeVisible();
    expect((await other.request.get(`${base}/api/me`)).status()).toBe(401);
  } finally {
    await stopServer(server);
  }
});

test('after expiry the next login lands on the same step with every answer, and a submit after expiry loses nothing', async ({ page }, info) => {
  test.setTimeout(150_000);
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-expiry-'));
  // Real expiry on the server: 20 s after the last activity, warned 8 s before.
  const server = await startServer(port(info, 2), dbDir, { BP_SESSION_LIFETIME_SECS: '20', BP_SESSION_WARN_SECS: '8' });
  try {
    const base = `http://127.0.0.1:${port(info, 2)}`;
    const j = new JourneyPage(page);
    await j.start(kari(), base);
    await j.chooseOrg('964338531', 'BERGEN KOMMUNE (964338531)');
    await j.fillForm(goodFor('964338531'));

    // Nothing more is done: the session runs out, and the page says how to go on.
    const expired = page.getByRole('alert').filter({ hasText: 'Økten din er utløpt' });
    await expect(expired).toBeVisible({ timeout: 40_000 });
    await expect(warning(page)).toBeHidden();
    await expectNoAxeViolations(page, 'journey after expiry');
    await expired.getByRole('link', { name: 'Logg inn på nytt' }).click();
    await new LoginPage(page).login(kari());

    // Back at step 3, every answer in place, and told so.
    await expect(page.getByRole('status').filter({ hasText: 'Vi har tatt vare på svarene dine' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Du aksepterer på vegne av BERGEN KOMMUNE \(964338531\)/ })).toBeVisible();
    await expect(j.group('Kommune').getByLabel('Navn')).toHaveValue(GOOD.kommune);
    await expect(page.getByLabel('Her-id kommunikasjonsparter 2')).toHaveValue(goodFor('964338531').herIdParter[1]);
    await expect(j.group('IKT-driftsleverandør').getByLabel('Org nr')).toHaveValue(GOOD.iktOrgnr);
    await expect(page.getByRole('checkbox', { name: 'DigiHelsestasjon', exact: true })).toBeChecked();
    await j.send();

    // Step 4: accepted, but the time runs out before "Fullfør".
    await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggertjenester' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' }).check();
    await expect(expired).toBeVisible({ timeout: 40_000 });
    await page.waitForTimeout(1_000); // and the server's clock is past it too
    await page.getByRole('button', { name: 'Fullfør' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Det du har fylt inn er tatt vare på' }).first()).toBeVisible();
    expect((await page.request.get(`${base}/api/me`)).status()).toBe(401);

    await expired.getByRole('link', { name: 'Logg inn på nytt' }).click();
    await new LoginPage(page).login(kari());
    await expect(page.getByRole('status').filter({ hasText: 'Vi har tatt vare på svarene dine' })).toBeVisible();
    await j.acceptAndFinish();
    const reference = await j.reference();
    // One order, and the draft is gone with it.
    const receipt = await (await page.request.get(`${base}/api/orders/${reference}`)).json();
    expect(receipt.answers.kommune_navn).toBe(GOOD.kommune);
    expect((await page.request.get(`${base}/api/drafts/digitaleinnbyggertjenester`)).status()).toBe(404);
  } finally {
    await stopServer(server);
  }
});

test('typing after expiry, then logging in again from the front page, keeps every answer (issue 12.1)', async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-late-'));
  const server = await startServer(port(info, 4), dbDir, { BP_SESSION_LIFETIME_SECS: '15', BP_SESSION_WARN_SECS: '5' });
  try {
    const base = `http://127.0.0.1:${port(info, 4)}`;
    const j = new JourneyPage(page);
    const person = kari();
    await j.start(person, base);
    await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
    await page.getByRole('checkbox', { name: 'DigiHelsestasjon', exact: true }).check();
    await j.group('Kommune').getByLabel('Navn').fill(GOOD.kommune);
    await j.group('Kommune').getByLabel('Her-id virksomhet').fill(GOOD.herIdVirksomhet);
    await j.group('Kontaktperson Kommune').getByLabel('Navn').fill(GOOD.kontaktNavn);
    // Idle past the real expiry, then one more answer and "Send".
    await expect(page.getByRole('alert').filter({ hasText: 'Økten din er utløpt' })).toBeVisible({ timeout: 40_000 });
    await page.waitForTimeout(1_000);
    await j.group('EPJ-leverandør').getByLabel('Navn').fill(GOOD.epjNavn);
    await page.waitForTimeout(1_500); // the debounced save runs, and is refused for expiry
    await j.send();

    await page.goto(base + '/');
    await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
    await new LoginPage(page).login(person);
    await expect(page.getByRole('status').filter({ hasText: 'Vi har tatt vare på svarene dine' })).toBeVisible();
    await expect(j.group('Kommune').getByLabel('Navn')).toHaveValue(GOOD.kommune);
    await expect(j.group('Kommune').getByLabel('Her-id virksomhet')).toHaveValue(GOOD.herIdVirksomhet);
    await expect(j.group('Kontaktperson Kommune').getByLabel('Navn')).toHaveValue(GOOD.kontaktNavn);
    await expect(j.group('EPJ-leverandør').getByLabel('Navn')).toHaveValue(GOOD.epjNavn);
    await expect(page.getByRole('checkbox', { name: 'DigiHelsestasjon', exact: true })).toBeChecked();

    // The server has it too: a new browser finds the same answers.
    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await new JourneyPage(other).start(person, base);
      await expect(new JourneyPage(other).group('EPJ-leverandør').getByLabel('Navn')).toHaveValue(GOOD.epjNavn);
      await expect(new JourneyPage(other).group('Kommune').getByLabel('Navn')).toHaveValue(GOOD.kommune);
    } finally {
      await fresh.close();
    }
  } finally {
    await stopServer(server);
  }
});

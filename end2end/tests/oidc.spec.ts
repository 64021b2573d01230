// ID-porten login through a real OpenID Connect provider (npm oidc-provider, set up like
// ID-porten), and the refusals: wrong state, replayed code, wrong nonce, too low a
// security level, an expired ID token (issue 3).
import { expect, test } from './fixtures';
import { oidcPortalPort, oidcProviderPort } from '../playwright.config';
import { expectNoAxeViolations } from './a11y';
import { GOOD, JourneyPage, SERVICE_PATH } from './pages/journey';
import { IdPortenPage } from './pages/idporten';
import { testPerson } from './pages/login';
import { DDFL_TERMS, SIGNING_TITLE, fillDdfl, otherPersonRefusal, pdfText, readAndSign, toSigning, today } from './pages/signing';

// One provider serves every test here, and its test switches ("wrong nonce", "expired
// token") apply to the next token it issues: the tests must not overlap.
test.describe.configure({ mode: 'serial' });

const portal = `http://127.0.0.1:${oidcPortalPort}`;
const provider = `http://127.0.0.1:${oidcProviderPort}`;
// Daglig leder in the bundled extract's demo units: she may accept terms there.
const KARI = { eid: 'BankID', pid: '08908834756', name: 'Kari Testperson' };

async function startLogin(page: import('@playwright/test').Page) {
  await page.goto(portal + SERVICE_PATH);
  await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider}/interaction/`));
}

test('a user logs in through ID-porten and orders; the fødselsnummer never appears in a URL', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', r => urls.push(r.url()));
  await startLogin(page);
  const authorize = urls.find(u => u.startsWith(`${provider}/auth?`))!;
  const params = new URL(authorize).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('state')).toBeTruthy();
  expect(params.get('nonce')).toBeTruthy();
  expect(params.get('acr_values')).toBe('idporten-loa-substantial');

  await new IdPortenPage(page).login(KARI);
  await expect(page.getByRole('heading', { name: 'Du er innlogget som Kari Testperson (fullført)' })).toBeVisible();
  await expect(page).toHaveURL(portal + SERVICE_PATH);
  await expectNoAxeViolations(page, 'journey after ID-porten login');

  const j = new JourneyPage(page);
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await j.fillForm(GOOD);
  await j.send();
  await j.acceptAndFinish();
  await j.reference();
  expect(urls.filter(u => u.includes(KARI.pid))).toEqual([]);

  // Logging out ends the ID-porten session too.
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider}/session/end`));
  expect((await page.request.get(`${portal}/api/me`)).status()).toBe(401);
});

test('the test login is not offered when ID-porten is configured', async ({ page }) => {
  const r = await page.request.post(`${portal}/api/auth/test-login`, { data: { eid: 'minid', fodselsnummer: '08908834756', name: 'X' } });
  expect(r.status()).toBe(403);
});

test('a login below the required security level is refused with a clear page', async ({ page }) => {
  await startLogin(page);
  await new IdPortenPage(page).login({ ...KARI, level: 'Lavt (testing)' });
  await expect(page).toHaveURL(`${portal}/innlogging-feilet?grunn=level`);
  await expect(page.getByText('Innloggingen har for lavt sikkerhetsnivå.')).toBeVisible();
  await expectNoAxeViolations(page, 'login failed');
  expect((await page.request.get(`${portal}/api/me`)).status()).toBe(401);
});

test('a wrong nonce is refused', async ({ page }) => {
  await startLogin(page);
  await new IdPortenPage(page).login({ ...KARI, wrongNonce: true });
  await expect(page).toHaveURL(`${portal}/innlogging-feilet?grunn=token`);
  await expect(page.getByText('Vi kunne ikke bekrefte innloggingen fra ID-porten.')).toBeVisible();
});

test('an expired ID token is refused', async ({ page }) => {
  await startLogin(page);
  await new IdPortenPage(page).login({ ...KARI, expiredToken: true });
  await expect(page).toHaveURL(`${portal}/innlogging-feilet?grunn=token`);
  expect((await page.request.get(`${portal}/api/me`)).status()).toBe(401);
});

test('a forged state, a replayed callback and a replayed code are refused', async ({ page }) => {
  // Forged state.
  await page.goto(`${portal}/api/auth/callback?code=abc&state=forged&iss=${encodeURIComponent(provider)}`);
  await expect(page).toHaveURL(`${portal}/innlogging-feilet?grunn=state`);
  await expect(page.getByText('Innloggingsforespørselen er ukjent, allerede brukt eller utløpt.')).toBeVisible();

  // A real login, with its callback URL recorded.
  const callbacks: string[] = [];
  page.on('request', r => { if (r.url().startsWith(`${portal}/api/auth/callback`)) callbacks.push(r.url()); });
  await startLogin(page);
  await new IdPortenPage(page).login(KARI);
  await expect(page.getByRole('heading', { name: /Du er innlogget som/ })).toBeVisible();
  expect(callbacks).toHaveLength(1);

  // The same callback again: its state was used up.
  await page.goto(callbacks[0]);
  await expect(page).toHaveURL(`${portal}/innlogging-feilet?grunn=state`);

  // The old code with a fresh, valid state: ID-porten refuses the used code.
  const start = await page.request.get(`${portal}/api/auth/login?tilbake=/`, { maxRedirects: 0 });
  const freshState = new URL(start.headers()['location']).searchParams.get('state')!;
  const oldCode = new URL(callbacks[0]).searchParams.get('code')!;
  await page.goto(`${portal}/api/auth/callback?code=${oldCode}&state=${freshState}&iss=${encodeURIComponent(provider)}`);
  await expect(page).toHaveURL(`${portal}/innlogging-feilet?grunn=exchange`);
});

test('a callback from another issuer is refused', async ({ page }) => {
  const start = await page.request.get(`${portal}/api/auth/login?tilbake=/`, { maxRedirects: 0 });
  const state = new URL(start.headers()['location']).searchParams.get('state')!;
  await page.goto(`${portal}/api/auth/callback?code=abc&state=${state}&iss=${encodeURIComponent('http://evil.example')}`);
  await expect(page).toHaveURL(`${portal}/innlogging-feilet?grunn=issuer`);
});

test('DDFL is signed through ID-porten by the person the form names, never by someone else', async ({ page }) => {
  const signer = testPerson('Åse Ødegård Signatar');
  const urls: string[] = [];
  page.on('request', r => urls.push(r.url()));
  await page.goto(`${portal}/skjema/ddfl`);
  await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
  await new IdPortenPage(page).login(KARI);
  const j = new JourneyPage(page);
  // Trondheim's roles are not in the extract: the signer needs no confirmed role.
  await j.chooseOrg('942110464', 'TRONDHEIM KOMMUNE (942110464)');
  await fillDdfl(j, signer.fnr);
  await toSigning(page);

  // Another person logs in at ID-porten to sign: a fresh login is asked for (the
  // orderer's ID-porten session does not sign), and the signature is refused.
  await readAndSign(page);
  await expect(page).toHaveURL(new RegExp(`^${provider}/interaction/`));
  const authorize = new URL(urls.filter(u => u.startsWith(`${provider}/auth?`)).at(-1)!);
  expect(authorize.searchParams.get('prompt')).toBe('login');
  await new IdPortenPage(page).login({ eid: 'MinID', pid: testPerson('Per Feilperson').fnr, name: 'Per Feilperson' });
  await expect(otherPersonRefusal(page)).toBeVisible();
  await expect(page.locator('.bp-answers').getByText('CGM Allmenn')).toBeVisible();
  await expectNoAxeViolations(page, 'signing refused after ID-porten');

  // Too low a level does not sign either.
  await readAndSign(page);
  await new IdPortenPage(page).login({ eid: 'MinID', pid: signer.fnr, name: signer.name, level: 'Lavt (testing)' });
  await expect(page.getByTestId('signing-refused')).toContainText('for lavt sikkerhetsnivå');

  // The person the form names signs with MinID: signed, and the package names them.
  await readAndSign(page);
  await new IdPortenPage(page).login({ eid: 'MinID', pid: signer.fnr, name: signer.name });
  const reference = await j.reference();
  const signed = page.getByTestId('signed');
  await expect(signed).toContainText(`Signert ${today()} med ID-porten: Minid-PIN`);
  // Still the orderer's session: the signer's login only signed.
  expect((await (await page.request.get(`${portal}/api/me`)).json()).name).toBe(KARI.name);
  const href = await signed.getByRole('link', { name: 'Last ned signert dokument (PDF)' }).getAttribute('href');
  const pkg = await page.request.get(portal + href);
  expect(pkg.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await pkg.body());
  for (const expected of ['Dokumentet er elektronisk signert av', 'ÅSE ØDEGÅRD SIGNATAR', `Signert ${today()} med ID-porten: Minid-PIN`, SIGNING_TITLE, DDFL_TERMS, reference]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain(signer.fnr);
  // The package is unchanged as issued; the fødselsnummer was never in a URL.
  const seal = await page.request.post(`${portal}/api/seal/verify`, { data: await pkg.body() });
  expect((await seal.json()).valid).toBe(true);
  expect(urls.filter(u => u.includes(signer.fnr) || u.includes(KARI.pid))).toEqual([]);
});

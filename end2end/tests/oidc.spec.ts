// ID-porten login through a real OpenID Connect provider (npm oidc-provider, set up like
// ID-porten), and the refusals: wrong state, replayed code, wrong nonce, too low a
// security level, an expired ID token (issue 3).
import { expect, test } from './fixtures';
import { oidcPortalPort, oidcProviderPort } from '../playwright.config';
import { expectNoAxeViolations } from './a11y';
import { GOOD, JourneyPage, SERVICE_PATH } from './pages/journey';
import { IdPortenPage } from './pages/idporten';
import { testPerson } from './pages/login';
import { mailTo, smsTo } from './pages/outside';
import { PortalPage } from './pages/portal';
import { StaffProviderPage, openCase } from './pages/staff';
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

// Issue 15's whole walk, on the portal set up as in production: customers through
// ID-porten, staff through their own provider, e-mail by SMTP, SMS through a gateway.
test('a DDFL order with ServiceBus is signed, clarified, activated and completed by the customer centre', async ({ page, browser }) => {
  const mobile = '98765432';
  const contact = 'it@trondheim-legesenter.no';
  // The customer orders DDFL with ServiceBus PÅ and the signer signs.
  await page.goto(`${portal}/skjema/ddfl`);
  await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
  await new IdPortenPage(page).login(KARI);
  const j = new JourneyPage(page);
  // Her own unit, whose daglig leder she is: she signs, and follows the order in the portal.
  await j.chooseOrg('945627913', 'DEMO LEGEKONTOR AS (DEMODATA) (945627913)');
  await fillDdfl(j, KARI.pid);
  const servicebus = j.group('ServiceBus');
  await servicebus.getByRole('switch', { name: 'Bestill aktivering av ServiceBus' }).check();
  await servicebus.getByLabel('Kontaktperson').fill(contact);
  await servicebus.getByLabel('Telefonnummer').fill(mobile);
  await toSigning(page);
  await readAndSign(page);
  await new IdPortenPage(page).login({ eid: 'MinID', pid: KARI.pid, name: KARI.name });
  const reference = await j.reference();

  // A case handler logs in through the staff provider, finds it, takes it, asks.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto(`${portal}/kundesenter`);
  await staff.getByRole('alert').getByRole('link', { name: /Logg inn/ }).click();
  await new StaffProviderPage(staff).login('siri', 'Siri Saksbehandler', ['Saksbehandler']);
  await openCase(staff, reference);
  await staff.getByRole('button', { name: 'Ta saken' }).click();
  await expect(staff.getByTestId('case-status')).toContainText('Under behandling');
  const panel = staff.getByTestId('case-servicebus');
  await expect(panel).toContainText(`Brukernavnet sendes på e-post til ${contact}`);
  // The case has the package Kari signed, and the unit as Enhetsregisteret has it.
  await expect(staff.getByTestId('signed-packages')).toContainText(KARI.name);
  await expect(staff.getByTestId('customer-info')).toContainText('DEMO LEGEKONTOR AS (DEMODATA)');
  await expectNoAxeViolations(staff, 'a case asking for ServiceBus');
  // Not Fullført before ServiceBus is activated.
  await staff.getByLabel('Ny status').selectOption({ label: 'Fullført' });
  await staff.getByRole('button', { name: 'Lagre status' }).click();
  await expect(staff.getByText('Aktiver ServiceBus før saken settes til Fullført.')).toBeVisible();
  await staff.getByLabel('Ny status').selectOption({ label: 'Trenger avklaring' });
  await staff.getByLabel('Begrunnelse til kunden').fill('Er mobilnummeret for passordet riktig?');
  await staff.getByRole('button', { name: 'Lagre status' }).click();
  await expect(staff.getByTestId('case-status')).toContainText('Trenger avklaring');

  // The customer sees the status and the question under Mine bestillinger, and answers.
  await page.goto(`${portal}/kundeportal/bestillinger`);
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Trenger avklaring');
  await page.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: 'Se meldinger' }).click();
  await expect(page.getByTestId('conversation').getByText(/Er mobilnummeret for passordet riktig\?/)).toBeVisible();
  await page.getByLabel('Ditt svar til kundesenteret').fill('Ja, det er riktig.');
  await page.getByRole('button', { name: 'Send svar' }).click();
  await expect(page.getByText('Svaret er sendt. Saken er tilbake hos kundesenteret.')).toBeVisible();

  // The handler sees the answer, activates ServiceBus and completes the case.
  await staff.reload();
  await expect(staff.getByTestId('case-status')).toContainText('Under behandling');
  await expect(staff.getByTestId('case-history').getByText(/Svar fra kunden: Ja, det er riktig\./)).toBeVisible();
  await panel.getByRole('button', { name: 'Aktiver ServiceBus' }).click();
  await expect(panel).toContainText('Brukernavn: sb-945627913-1');
  await staff.getByLabel('Ny status').selectOption({ label: 'Fullført' });
  await staff.getByRole('button', { name: 'Lagre status' }).click();
  await expect(staff.getByTestId('case-status')).toContainText('Fullført');
  await expectNoAxeViolations(staff, 'a completed case');

  // The contact's mailbox has the username, the SMS gateway the password, never both.
  const mail = await mailTo(contact, 'ServiceBus er aktivert');
  expect(mail.body).toContain('Brukernavn: sb-945627913-1');
  const sms = await smsTo(`+47${mobile}`);
  const password = sms.message.match(/: (\S{16})\n/)![1];
  expect(mail.body).not.toContain(password);

  // Tjenester lists DDFL under Aktive.
  await page.goto(`${portal}/kundeportal`);
  await expect(new PortalPage(page).activeServices().getByText('Digital Dialog Fastlege')).toBeVisible();

  // The leder's audit log has each of the handler's actions on the case.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await leader.goto(`${portal}/api/staff/login`);
  await new StaffProviderPage(leader).login('lars', 'Lars Leder', ['Leder']);
  await expect(leader.getByRole('heading', { level: 1, name: 'Bestillinger til behandling' })).toBeVisible();
  const audit: { reference: string | null; event: { kind: string; by: string } }[] =
    await (await leader.request.get(`${portal}/api/staff/audit`)).json();
  const kinds = audit.filter(a => a.reference === reference && a.event.by === 'Siri Saksbehandler').map(a => a.event.kind).reverse();
  for (const kind of ['viewed', 'taken', 'status', 'reason', 'activated']) expect(kinds).toContain(kind);
  expect(kinds.filter(k => k === 'status')).toHaveLength(3);
  await staffContext.close();
  await leaderContext.close();
});

test('with JavaScript off, the landing page shows its first screen and its login link reaches ID-porten', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(portal + '/');
  await expect(page.getByRole('heading', { level: 1, name: /^DigiHelse/ })).toBeVisible();
  await page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider}/interaction/`));
  await expect(page.getByRole('heading', { name: 'ID-porten (testleverandør)' })).toBeVisible();
  await context.close();
});

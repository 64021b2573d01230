// A real OpenID Connect provider (npm oidc-provider) set up like ID-porten, for the tests
// and for trying the portal's ID-porten login locally: an eID choice page, and `pid`,
// `acr`, `amr` and `name` in the ID token. Never for production.
//
//   node end2end/oidc/provider.mjs <port> <redirect_uri> [post_logout_redirect_uri]
//
// The interaction page has test switches that make the provider misbehave the way a
// broken or hostile provider would (wrong nonce, expired ID token), so the portal's
// refusals can be tested for real.
import http from 'node:http';
import Provider from 'oidc-provider';
import { escape, readForm } from './shared.mjs';

const port = Number(process.argv[2] ?? 8092);
const redirectUri = process.argv[3] ?? 'http://127.0.0.1:8093/api/auth/callback';
const postLogout = process.argv[4] ?? new URL('/', redirectUri).toString();
const issuer = `http://127.0.0.1:${port}`;

const EIDS = [
  ['Minid-PIN', 'MinID', 'Med kode fra SMS eller PIN-kodebrev'],
  ['BankID', 'BankID', 'Med koder fra banken din'],
  ['BankID Mobil', 'BankID på mobil', 'Med sikker legitimasjon på mobil'],
  ['Buypass', 'Buypass ID på smartkort', 'Med smartkort og kortleser'],
  ['Buypass-mobil', 'Buypass ID i mobil', 'Med passord/SMS eller mobilapp'],
  ['Commfides', 'Commfides', 'Med USB-pinne eller smartkort'],
];

const accounts = new Map();
// Set by the interaction page; applied to the next token request only.
let skewNextTokenMs = 0;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'bestillingsportal',
    client_secret: 'test-secret-not-for-production',
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogout],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub', 'pid', 'acr', 'amr', 'name'] },
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  acrValues: ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'],
  findAccount: (ctx, id) => {
    const account = accounts.get(id);
    return account && { accountId: id, claims: () => ({ sub: id, pid: account.pid, name: account.name }) };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['test-cookie-key-not-for-production'] },
  renderError: (ctx, out) => { ctx.type = 'html'; ctx.body = `<h1>Feil</h1><pre>${escape(JSON.stringify(out))}</pre>`; },
});
provider.proxy = false;

function page(uid) {
  const eids = EIDS.map(([amr, label, hint], i) => `
    <div><input type="radio" name="amr" id="eid${i}" value="${amr}" ${i === 0 ? 'checked' : ''}>
    <label for="eid${i}">${label}</label> <span id="eid${i}-hint">${hint}</span></div>`).join('');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>ID-porten (test)</title></head><body><main>
<h1>ID-porten (testleverandør)</h1>
<form method="post" action="/interaction/${uid}">
<fieldset><legend>Velg elektronisk ID</legend>${eids}</fieldset>
<label for="pid">Fødselsnummer</label> <input id="pid" name="pid" inputmode="numeric" autocomplete="off">
<label for="name">Navn</label> <input id="name" name="name">
<label for="acr">Sikkerhetsnivå</label>
<select id="acr" name="acr"><option value="idporten-loa-substantial">Betydelig</option>
<option value="idporten-loa-high">Høyt</option><option value="idporten-loa-low">Lavt (testing)</option></select>
<fieldset><legend>Testbrytere</legend>
<div><input type="checkbox" id="wrong-nonce" name="wrong_nonce"><label for="wrong-nonce">Send feil nonce</label></div>
<div><input type="checkbox" id="expired" name="expired"><label for="expired">Send utløpt ID-token</label></div>
</fieldset>
<button type="submit">Logg inn</button>
</form></main></body></html>`;
}

const handler = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    const match = req.url.match(/^\/interaction\/([^/?]+)/);
    if (match && req.method === 'GET') {
      await provider.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(match[1]));
    }
    if (match && req.method === 'POST') {
      const form = await readForm(req);
      const details = await provider.interactionDetails(req, res);
      const accountId = `acc-${form.pid}`;
      accounts.set(accountId, { pid: form.pid, name: form.name });
      if (form.wrong_nonce) {
        details.params.nonce = 'not-the-nonce-the-client-sent';
        await details.save(60);
      }
      if (form.expired) skewNextTokenMs = -2 * 3600 * 1000;
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['pid', 'name', 'acr', 'amr']);
      const grantId = await grant.save();
      return await provider.interactionFinished(req, res, {
        login: { accountId, acr: form.acr, amr: [form.amr] },
        consent: { grantId },
      }, { mergeWithLastSubmission: false });
    }
    if (req.url.startsWith('/token') && skewNextTokenMs) {
      // An ID token issued by a clock two hours behind: already expired on arrival.
      const skew = skewNextTokenMs;
      skewNextTokenMs = 0;
      const realNow = Date.now;
      Date.now = () => realNow() + skew;
      res.on('finish', () => { Date.now = realNow; });
    }
    return handler(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(e));
  }
});
server.listen(port, '127.0.0.1', () => console.log(`oidc test provider on ${issuer}`));

// A real OpenID Connect provider (npm oidc-provider) set up like the customer centre's
// staff identity provider (NHN's Entra ID): `name` and the app roles in `roles`. For the
// tests and for trying the staff login locally; never for production.
//
//   node end2end/oidc/staff-provider.mjs <port> <redirect_uri>
//
// Its login page asks for a name and the roles to give, so a test can log in as a
// saksbehandler, a leder, or someone with no role in the customer centre.
import http from 'node:http';
import Provider from 'oidc-provider';
import { escape, readForm } from './shared.mjs';

const port = Number(process.argv[2] ?? 8095);
const redirectUri = process.argv[3] ?? 'http://127.0.0.1:8093/api/staff/callback';
const issuer = `http://127.0.0.1:${port}`;
const ROLES = [
  ['Bestillingsportal.Saksbehandler', 'Saksbehandler'],
  ['Bestillingsportal.Leder', 'Leder'],
];

const accounts = new Map();

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'bestillingsportal-kundesenter',
    client_secret: 'staff-test-secret-not-for-production',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub', 'name', 'roles'] },
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  findAccount: (ctx, id) => {
    const account = accounts.get(id);
    return account && { accountId: id, claims: () => ({ sub: id, name: account.name, roles: account.roles }) };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['staff-test-cookie-key-not-for-production'] },
  renderError: (ctx, out) => { ctx.type = 'html'; ctx.body = `<h1>Feil</h1><pre>${escape(JSON.stringify(out))}</pre>`; },
});
provider.proxy = false;

function page(uid) {
  const roles = ROLES.map(([value, label], i) => `
    <div><input type="checkbox" name="role${i}" id="role${i}" value="${value}">
    <label for="role${i}">${label}</label></div>`).join('');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>NHN-pålogging (test)</title></head><body><main>
<h1>NHN-pålogging for ansatte (testleverandør)</h1>
<form method="post" action="/interaction/${uid}">
<label for="username">Brukernavn</label> <input id="username" name="username" autocomplete="off">
<label for="name">Navn</label> <input id="name" name="name">
<fieldset><legend>Roller</legend>${roles}</fieldset>
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
      const accountId = `staff-${form.username}`;
      const roles = ROLES.map((_, i) => form[`role${i}`]).filter(Boolean);
      accounts.set(accountId, { name: form.name, roles });
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['name', 'roles']);
      const grantId = await grant.save();
      return await provider.interactionFinished(req, res, {
        login: { accountId },
        consent: { grantId },
      }, { mergeWithLastSubmission: false });
    }
    return handler(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(e));
  }
});
server.listen(port, '127.0.0.1', () => console.log(`staff oidc test provider on ${issuer}`));

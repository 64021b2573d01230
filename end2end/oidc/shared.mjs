// What the two test OpenID providers (provider.mjs like ID-porten, staff-provider.mjs like
// NHN's Entra ID) share: HTML escaping and reading a posted form.

export function escape(s) {
  return String(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

export async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

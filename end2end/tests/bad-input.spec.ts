// Bad input: a clear Norwegian message at the field and in the error summary, focus on
// the summary, and nothing the user typed is lost (issue 2, SPEC §6).
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { GOOD, JourneyPage } from './pages/journey';
import { kari, LoginPage } from './pages/login';

test('a bad organisation number gets a message at the field; an unknown one says it is not in the registry', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  const input = j.orgInput();
  await input.fill('994598758');
  await input.blur();
  await expect(page.getByText('Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveValue('994598758');
  await expectNoAxeViolations(page, 'step 2 with error');
  await input.fill('12345');
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page.getByText('Nummeret må ha 9 siffer.')).toBeVisible();
  // Valid mod-11, but unknown, deleted or bankrupt in Enhetsregisteret.
  await input.fill('814170756');
  await expect(page.getByText('Fant ingen virksomhet med dette nummeret i Enhetsregisteret.')).toBeVisible();
  await input.fill('858813999');
  await expect(page.getByText('Virksomheten er slettet fra Enhetsregisteret.')).toBeVisible();
  await input.fill('998797306');
  await expect(page.getByText('Virksomheten er registrert som konkurs i Enhetsregisteret og kan ikke bestille tjenester.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gå videre' })).toHaveCount(0);
  await input.fill('994598759');
  await expect(page.getByRole('status').getByText('NORSK HELSENETT SF (994598759)')).toBeVisible();
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
});

test('missing required fields are listed in a focused summary and marked at each field', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await j.group('Kommune').getByLabel('Navn').fill('Ørland kommune');
  await j.send();
  const summary = j.errorSummary();
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Velg én eller flere tjenester: Du må velge minst ett alternativ.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Her-id virksomhet: Du må fylle ut feltet.' })).toBeVisible();
  // Three fields are labelled "Navn": the summary names their sections.
  await expect(summary.getByRole('link', { name: 'Kontaktperson Kommune – Navn: Du må fylle ut feltet.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'EPJ-leverandør – Navn: Du må fylle ut feltet.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Kommune – Navn: Du må fylle ut feltet.', exact: true })).toHaveCount(0);
  const herId = j.group('Kommune').getByLabel('Her-id virksomhet');
  await expect(herId).toHaveAttribute('aria-invalid', 'true');
  await expect(j.group('Kommune').getByLabel('Navn')).toHaveValue('Ørland kommune');
  await expectNoAxeViolations(page, 'step 3 with errors');
  // A summary link moves focus to its field.
  await summary.getByRole('link', { name: 'Her-id virksomhet: Du må fylle ut feltet.' }).click();
  await expect(herId).toBeFocused();
});

test('a bad e-mail and a bad mobile number get their messages on blur and on Send, and the values stay', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await j.fillForm({ ...GOOD, kontaktEpost: 'ola@@kommune.no', kontaktMobil: '22 12 34 56', iktOrgnr: '994598758' });
  const kontakt = j.group('Kontaktperson Kommune');
  await expect(kontakt.getByText('Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.')).toBeVisible();
  await expect(kontakt.getByText('Skriv et mobilnummer: 8 siffer som begynner på 4 eller 9.')).toBeVisible();
  await j.send();
  const summary = j.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expect(summary.getByRole('link', { name: 'Org nr: Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.' })).toBeVisible();
  await expect(kontakt.getByLabel('E-post')).toHaveValue('ola@@kommune.no');
  await expect(kontakt.getByLabel('Mobilnummer')).toHaveValue('22 12 34 56');
  // Fixing a field clears its message as soon as it is right.
  await kontakt.getByLabel('E-post').fill('ola@kommune.no');
  await expect(kontakt.getByText('Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.')).toHaveCount(0);
  await kontakt.getByLabel('Mobilnummer').fill('91234567');
  await j.group('IKT-driftsleverandør').getByLabel('Org nr').fill('994598759');
  await j.send();
  await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggertjenester' })).toBeVisible();
});

test('Fullfør without accepting the documents is refused with a message', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await j.fillForm(GOOD);
  await j.send();
  await page.getByRole('button', { name: 'Fullfør' }).click();
  await expect(j.errorSummary()).toBeFocused();
  // At the box, what to do, not "Du må fylle ut feltet." (issue 12.12).
  await expect(page.locator('#f-accept-error')).toHaveText('Du må krysse av for at du aksepterer innholdet i dokumentene.');
  await expectNoAxeViolations(page, 'step 4 with error');
  await j.acceptAndFinish();
  await j.reference();
});

test('the test login refuses a fødselsnummer with a wrong control digit, keeping what was typed', async ({ page }) => {
  await page.goto('/testinnlogging');
  const login = new LoginPage(page);
  await login.login({ fnr: '28083638683', name: 'Ola Test' });
  await expect(page.getByText('Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.').first()).toBeVisible();
  await expect(page.getByLabel('Fødselsnummer (syntetisk testperson)')).toHaveValue('28083638683');
  await expect(page.getByLabel('Navn')).toHaveValue('Ola Test');
  await expectNoAxeViolations(page, 'test login with error');
  // The number never goes into the URL.
  expect(page.url()).not.toContain('28083638683');
});

test('the server refuses the same bad input with the same messages (422)', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  const response = await page.request.post('/api/orders/validate', {
    data: { service: 'digitaleinnbyggertjenester', orgnr: '994598759', answers: { kontakt_epost: 'ola@@kommune.no', kontakt_mobil: '22123456' } },
  });
  expect(response.status()).toBe(422);
  const body = await response.json();
  expect(body.fields.kontakt_epost.message).toBe('Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.');
  expect(body.fields.kontakt_mobil.message).toBe('Skriv et mobilnummer: 8 siffer som begynner på 4 eller 9.');
});

test('a retry after a lost answer finds the first order instead of making a second (issue 6)', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari());
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await j.fillForm(GOOD);
  await j.send();
  let firstReference = '';
  await page.route('**/api/orders', async route => {
    const response = await route.fetch(); // the order reaches the server and is stored …
    firstReference = (await response.json()).reference;
    await route.abort('connectionreset'); // … but the answer is lost on the way back
  });
  await j.acceptAndFinish();
  await expect(page.getByText('Fikk ikke kontakt med tjenesten.')).toBeVisible();
  expect(firstReference).toMatch(/^BP-/);
  await page.unroute('**/api/orders');
  await page.getByRole('button', { name: 'Fullfør' }).click();
  expect(await j.reference()).toBe(firstReference);
});

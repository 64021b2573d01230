// The customer centre's back office (issue 15): a clearly marked test staff
// login, the queue searched by reference, a case taken and moved along its statuses with
// the reason the customer is told — refused at the field without one — and its history;
// the customer sees the new status; a leder gives a case to a colleague, downloads its
// files, reads the audit log and the numbers. Zero axe violations on every page and state.
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { fitsPhoneWidths } from './pages/layout';
import { JourneyPage } from './pages/journey';
import { kari } from './pages/login';

test('a case handler finds an order by reference, takes it and asks for a clarification', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', 'the back office is a desktop tool');
  const j = new JourneyPage(page);
  await j.start(kari());
  const order = await page.request.post('/api/orders', {
    data: {
      service: 'digitaleinnbyggertjenester', orgnr: '994598759', accepted_documents: ['avtale-digihelse'],
      answers: {
        tjenestetype: ['digihelse'], kommune_navn: 'Ørland kommune', her_id_virksomhet: '8765432',
        her_id_parter: ['8765433'], kontakt_navn: 'Kari Nordmann', kontakt_epost: 'kari@orland.kommune.no',
        kontakt_mobil: '+47 912 34 567', epj_navn: 'CGM', epj_system: 'CGM Journal', epj_versjon: '142',
        ikt_navn: 'Driftspartner AS', ikt_orgnr: '994 598 759', ikt_mobil: '41234567', ikt_epost_statistikk: 'stat@drift.no',
      },
    },
  });
  expect(order.status()).toBe(201);
  const { reference } = await order.json();

  // Without a staff session the queue says so; the customer's session does not count.
  await page.goto('/kundesenter');
  await expect(page.getByRole('alert')).toBeVisible();

  await page.goto('/kundesenter/innlogging');
  await expect(page.getByRole('heading', { level: 1, name: 'Testinnlogging for kundesenteret' })).toBeVisible();
  await expectNoAxeViolations(page, 'staff test login');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByText('Du må fylle ut feltet.')).toBeVisible();
  await page.getByLabel('Navn').fill('Siri Saksbehandler');
  await page.getByLabel('Rolle').selectOption({ label: 'Saksbehandler' });
  await page.getByRole('button', { name: 'Logg inn' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Bestillinger til behandling' })).toBeVisible();
  await page.getByLabel('Søk etter referansenummer, organisasjonsnummer eller navn').fill(reference.toLowerCase());
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  const queue = page.getByTestId('queue');
  await expect(queue.getByRole('row')).toHaveCount(2);
  const row = queue.getByRole('row').nth(1);
  await expect(row.getByText('Digitale innbyggertjenester')).toBeVisible();
  await expect(row.getByText('I rute')).toBeVisible();
  await expect(row.getByText('Mottatt')).toBeVisible();
  await expectNoAxeViolations(page, 'the queue');
  await fitsPhoneWidths(page, 'the queue');
  // The export takes the same filters.
  const exported = page.getByRole('link', { name: 'Last ned som CSV' });
  await expect(exported).toHaveAttribute('href', `/api/staff/export?q=${reference.toLowerCase()}`);
  const csv = await page.request.get((await exported.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(await csv.text()).toContain(`${reference};Digitale innbyggertjenester;`);
  await row.getByRole('link', { name: reference }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Sak ${reference}` })).toBeVisible();
  await expect(page.getByText('Ørland kommune')).toBeVisible();
  await page.getByRole('button', { name: 'Ta saken' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Under behandling');
  await expectNoAxeViolations(page, 'a case');
  await fitsPhoneWidths(page, 'a case');
  await page.getByLabel('Ny status').selectOption({ label: 'Trenger avklaring' });
  await page.getByRole('button', { name: 'Lagre status' }).click();
  const reason = page.getByLabel('Begrunnelse til kunden');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'a case with a refused move');
  await reason.fill('Hvilken HER-id har legevakten?');
  await page.getByRole('button', { name: 'Lagre status' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Trenger avklaring');
  const history = page.getByTestId('case-history');
  await expect(history.getByText(/Tok saken/)).toBeVisible();
  await expect(history.getByText(/Hvilken HER-id har legevakten\?/)).toBeVisible();

  // An internal note stays inside; a reply goes to the submitter.
  await page.getByLabel('Intern merknad (vises aldri for kunden)').fill('Ringte kommunen.');
  await page.getByRole('button', { name: 'Lagre merknad' }).click();
  await expect(history.getByText(/Ringte kommunen\./)).toBeVisible();

  // The customer's side: the order's status moved, the question is there, and the answer
  // puts the case back into handling.
  const orders = await (await page.request.get('/api/organisations/994598759/orders')).json();
  expect(orders.find((o: { reference: string }) => o.reference === reference).status).toBe('trenger_avklaring');
  await page.goto(`/kundeportal/bestillinger/${reference}`);
  const conversation = page.getByTestId('conversation');
  await expect(conversation.getByText(/Hvilken HER-id har legevakten\?/)).toBeVisible();
  await expect(conversation.getByText(/Ringte kommunen/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'the customer\'s messages');
  await page.getByLabel('Ditt svar til kundesenteret').fill('8765499');
  await page.getByRole('button', { name: 'Send svar' }).click();
  await expect(page.getByText('Svaret er sendt. Saken er tilbake hos kundesenteret.')).toBeVisible();
  await expect(conversation.getByText(/8765499/)).toBeVisible();

  await page.goto(`/kundesenter/sak/${reference}`);
  await expect(page.getByTestId('case-status')).toContainText('Under behandling');
  await expect(page.getByTestId('case-history').getByText(/Svar fra kunden: 8765499/)).toBeVisible();
});

// A minimal PDF, as a self-declaration attached to a domain order.
const PDF = '%PDF-1.7\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n';

test('a leder gives a case to a colleague, reads its registry data and files, the audit log and the numbers', async ({ page, browser }) => {
  test.skip(test.info().project.name === 'phone', 'the back office is a desktop tool');
  const j = new JourneyPage(page);
  await j.start(kari());
  const uploaded = await page.request.post('/api/attachments', {
    headers: { 'X-File-Name': 'egenerkl%C3%A6ring.pdf', 'Content-Type': 'application/pdf' },
    data: Buffer.from(PDF),
  });
  expect(uploaded.status()).toBe(201);
  const order = await page.request.post('/api/orders', {
    data: {
      service: 'domene', orgnr: '945627913', accepted_documents: [],
      answers: {
        handling: 'ny', domenenavn: 'demo-legekontor.no', egenerklaering: (await uploaded.json()).reference,
        kontakt_navn: 'Kari Nordmann', kontakt_mobil: '91234567', kontakt_epost: 'kari@demo-legekontor.no',
      },
    },
  });
  expect(order.status()).toBe(201);
  const { reference } = await order.json();

  // A colleague who has logged in once can be given cases.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  const staffLogin = async (p: typeof page, name: string, role: 'Saksbehandler' | 'Leder') => {
    await p.goto('/kundesenter/innlogging');
    await p.getByLabel('Navn').fill(name);
    await p.getByLabel('Rolle').selectOption({ label: role });
    await p.getByRole('button', { name: 'Logg inn' }).click();
    await expect(p.getByRole('heading', { level: 1, name: 'Bestillinger til behandling' })).toBeVisible();
  };
  await staffLogin(colleague, 'Siri Saksbehandler', 'Saksbehandler');
  await expect(colleague.getByRole('link', { name: 'Revisjonslogg' })).toHaveCount(0);
  await staffLogin(page, 'Lars Leder', 'Leder');
  await expect(page.getByText('Logget inn som Lars Leder (test) (Leder)')).toBeVisible();

  await page.getByLabel('Søk etter referansenummer, organisasjonsnummer eller navn').fill(reference);
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await page.getByTestId('queue').getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sak ${reference}` })).toBeVisible();
  // The organisation as Enhetsregisteret has it, and the order's attachment to download.
  await expect(page.getByTestId('customer-info')).toContainText('DEMO LEGEKONTOR AS (DEMODATA)');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('attachments').getByRole('link', { name: 'egenerklæring.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('egenerklæring.pdf');
  // The leder gives the case to the colleague.
  await page.getByLabel('Tildel saken til').selectOption({ label: 'Siri Saksbehandler (test)' });
  await page.getByRole('button', { name: 'Tildel', exact: true }).click();
  await expect(page.getByTestId('case-summary')).toContainText('Siri Saksbehandler (test)');
  await expect(page.getByTestId('case-history').getByText(/Tildelte saken til Siri Saksbehandler \(test\)/)).toBeVisible();
  await expectNoAxeViolations(page, 'a case as a leder sees it');

  // It is among the colleague's cases.
  await colleague.getByLabel('Saker', { exact: true }).selectOption({ label: 'Mine saker' });
  await colleague.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(colleague.getByTestId('queue').getByRole('link', { name: reference })).toBeVisible();
  await colleagueContext.close();

  // The audit log has the download and the assignment.
  await page.getByRole('link', { name: 'Revisjonslogg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revisjonslogg' })).toBeVisible();
  const log = page.getByTestId('audit-log');
  await expect(log.getByRole('row').filter({ hasText: reference }).filter({ hasText: 'Lastet ned: egenerklæring.pdf' })).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: reference }).filter({ hasText: 'Tildelte saken til Siri Saksbehandler (test)' })).toBeVisible();
  await expectNoAxeViolations(page, 'the audit log');
  await fitsPhoneWidths(page, 'the audit log');

  // The numbers of the last 30 days include the domain order; a period backwards is refused.
  await page.getByRole('link', { name: 'Tall for perioden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tall for perioden' })).toBeVisible();
  const numbers = page.getByTestId('numbers');
  await expect(numbers.getByRole('row').filter({ hasText: 'Domene' })).toBeVisible();
  await expect(numbers.getByRole('row').filter({ hasText: 'Alle tjenester' })).toBeVisible();
  await expectNoAxeViolations(page, 'the numbers');
  await fitsPhoneWidths(page, 'the numbers');
  await page.getByLabel('Fra og med').fill('2026-12-31');
  await page.getByLabel('Til og med').fill('2026-01-01');
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.getByText('Til-datoen kan ikke være før fra-datoen.')).toBeVisible();
  await expect(page.getByLabel('Til og med')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the numbers with a refused period');
});

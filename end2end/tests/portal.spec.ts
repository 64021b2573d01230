// The customer portal's pages (SPEC §4, issue 4) for a person from ID-porten with a role:
// Tjenester, Mine bestillinger with status, Kundeinformasjon from the registry,
// Dokumentoversikt, Brukerstøtte searched as you type, Persontjenesten's checklist kept
// for the organisation, HelseID's tracker — every page without axe violations.
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { JourneyPage } from './pages/journey';
import { PortalPage } from './pages/portal';
import { testPerson } from './pages/login';

/** Daglig leder of DEMO LEGEKONTOR AS in the bundled registry (birth date and name). */
const daglegLeder = () => testPerson('Kari Testperson', { day: 8, month: 10, year: 1988 });
const ORG = 'DEMO LEGEKONTOR AS (DEMODATA) (945627913)';


test('the portal pages, for the organisation the person acts for', async ({ page }) => {
  const j = new JourneyPage(page);
  const portal = new PortalPage(page);
  await j.start(daglegLeder(), '', '/skjema/tilknytning');
  // An order through the API with the browser's session: the connection is ordered (active
  // once the customer centre completes it).
  const order = await page.request.post('/api/orders', {
    data: {
      service: 'tilknytning', orgnr: '945627913', accepted_documents: [],
      answers: {
        adresse: 'Storgata 1', postnummer: '0155', poststed: 'Oslo', etasje: '2', rom: 'Serverrom',
        linjeleverandor: 'nhn', kontakt_navn: 'Kari', kontakt_mobil: '91234567', kontakt_epost: 'kari@demo-legekontor.no',
      },
    },
  });
  expect(order.status()).toBe(201);
  const { reference } = await order.json();

  await page.goto('/kundeportal');
  await expect(page.getByRole('heading', { level: 1, name: 'Tjenester' })).toBeVisible();
  await expect(portal.currentOrg()).toHaveText(ORG);
  await expect(portal.orderedServices().getByText('Tilknytning til Helsenettet')).toBeVisible();
  await expect(portal.inactiveServices().getByRole('link', { name: 'Hjemmekontor' })).toHaveAttribute('href', '/skjema/hjemmekontor');
  await expectNoAxeViolations(page, 'Tjenester');

  await portal.menu('Mine bestillinger');
  await expect(page.getByTestId('orders').getByRole('row').filter({ hasText: reference })).toContainText('Mottatt');
  await expectNoAxeViolations(page, 'Mine bestillinger');

  await portal.menu('Kundeinformasjon');
  await expect(page.getByTestId('customer-info')).toContainText('945627913');
  await expect(page.getByTestId('customer-info')).toContainText('Kari Testperson (Daglig leder)');
  // Grunndata (issue 19.3): registered with its HER-ids and EDI address; the account is NHN's
  // step under way.
  const steps = page.getByTestId('grunndata-tracker').getByRole('listitem');
  await expect(steps).toHaveText([
    'Virksomheten tilknyttes Helsenettet – Fullført',
    'Virksomheten opprettes i Adresseregisteret og tildeles en HER-id – Fullført',
    'EDI-adressen virksomheten har fått i Helsenettet registreres – Fullført',
    'En brukerkonto opprettes, og brukernavn og passord sendes til kontaktpersonen – Pågår',
  ].map(t => new RegExp(t)));
  await expect(steps.nth(3)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('grunndata-her-ids')).toContainText('HER-id 8830001: Demo legekontor AS (demodata)');
  await expect(page.getByText('EDI-adresse: demo-legekontor@edi.nhn.no')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bestill brukerkonto, nytt passord eller hjelp' })).toHaveAttribute('href', '/skjema/adresseregisteret');
  await expectNoAxeViolations(page, 'Kundeinformasjon');

  await portal.menu('Dokumentoversikt');
  await expect(page.getByRole('heading', { name: 'Vedlegg sendt med bestillinger' })).toBeVisible();
  await expectNoAxeViolations(page, 'Dokumentoversikt');

  await portal.menu('Brukerstøtte');
  const search = page.getByRole('searchbox', { name: 'Søk i hjelpesidene' });
  await search.fill('linux');
  await expect(page.getByTestId('help-count')).toHaveText('1 treff');
  await page.getByText('Hjemmekontor', { exact: true }).click();
  await expect(page.getByText('Royal TSX')).toBeVisible();
  await expectNoAxeViolations(page, 'Brukerstøtte');
  await search.fill('kvantedatamaskin');
  await expect(page.getByTestId('help-count')).toContainText('Ingen treff');

  await portal.menu('Min konto');
  await expect(page.getByText('ID-porten', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'Min konto');
});

test('Persontjenesten: the checklist is kept for the organisation; HelseID shows its steps', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(daglegLeder(), '', '/skjema/persontjenesten');
  await page.goto('/kundeportal/persontjenesten');
  await expect(page.getByRole('heading', { level: 1, name: 'Klargjøring til Persontjenesten' })).toBeVisible();
  const firewall = page.getByRole('checkbox', { name: /Brannmuren er åpnet/ });
  await firewall.check();
  await expect(page.getByTestId('readiness').getByText(/Kari Testperson, \d\d\.\d\d\.\d{4}/)).toBeVisible();
  await expectNoAxeViolations(page, 'Persontjenesten');
  await page.reload();
  await expect(firewall).toBeChecked();

  // The request for rights: nothing chosen → the summary says so, at the fields.
  await page.getByRole('button', { name: 'Send forespørsel' }).click();
  const summary = page.getByRole('region', { name: 'For å gå videre må du rette opp følgende feil:' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Velg tilgangsstyrer/ })).toBeVisible();
  await expectNoAxeViolations(page, 'access request with errors');

  // HelseID's test environment ordered (as a system supplier, no membership needed): the
  // tracker does not claim the introduction meeting, and says who approves the test
  // (issue 12.4 and 12.12).
  const helseid = await page.request.post('/api/orders', {
    data: {
      service: 'helseid', orgnr: '945627913', accepted_documents: ['vilkar-helseid'],
      answers: {
        aktortype: 'systemleverandor', miljo: 'test', losning_navn: 'Legekontorets API', systemleverandor_navn: 'CGM',
        kontakt_navn: 'Kari Nordmann', kontakt_mobil: '91234567', kontakt_epost: 'kari@lege.no',
      },
    },
  });
  expect(helseid.status(), await helseid.text()).toBe(201);
  await page.goto('/kundeportal/helseid');
  await expect(page.getByRole('heading', { level: 1, name: 'HelseID – kom i gang' })).toBeVisible();
  const tracker = page.getByTestId('helseid-tracker').filter({ hasText: 'Systemleverandør' });
  await expect(tracker.getByRole('listitem').nth(0)).toHaveText(/Kontakt og introduksjonsmøte – Avtales med kundesenteret/);
  await expect(tracker.getByRole('listitem').nth(1)).toHaveText(/Bestilling av testmiljø – Fullført/);
  await expect(tracker.getByTestId('helseid-approval')).toContainText('Godkjenningen av løsningen gis av NHN, ikke i portalen.');
  await expect(page.getByRole('link', { name: 'Bestill HelseID' })).toHaveAttribute('href', '/skjema/helseid');
  await expectNoAxeViolations(page, 'HelseID');
});

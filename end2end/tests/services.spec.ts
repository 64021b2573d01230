// Every service from NHN's FAQ that is a plain order (seed 002; issue 4), each from its
// spec alone: the form and its notice, one bad answer named in the error summary, then
// "Se over og send inn", a receipt, and the order on the server.
import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { JourneyPage } from './pages/journey';
import { kari } from './pages/login';

interface Case {
  slug: string;
  title: string;
  notice: string;
  /** Fills the form with one bad answer. */
  fill: (j: JourneyPage) => Promise<void>;
  /** The error summary's entry for it. */
  error: string;
  /** Puts it right. */
  fix: (j: JourneyPage) => Promise<void>;
  /** One normalised answer the server must have stored. */
  stored: [string, unknown];
  /** The service has terms: step 4 asks to accept them. */
  terms?: boolean;
  /** The organisation to order for, when not Oslo kommune: [orgnr, as shown]. */
  org?: () => [string, string];
  /** Lines "Se over svarene" must show: [label, answer]. */
  review?: [string, string][];
}

async function contact(j: JourneyPage, mobile = true, section = 'Kontaktperson') {
  const c = j.group(section);
  await c.getByLabel('Navn').fill('Kari Kontakt');
  if (mobile) await c.getByLabel('Mobilnummer').fill('912 34 567');
  await c.getByLabel('E-post').fill('kari.kontakt@legekontor.no');
}

const address = async (j: JourneyPage, section: string, floor = '2. etasje') => {
  const g = j.group(section);
  await g.getByLabel('Gateadresse').fill('Storgata 1');
  await g.getByLabel('Postnummer').fill('0155');
  await g.getByLabel('Poststed').fill('Oslo');
  await g.getByLabel('Etasje for utstyret').fill(floor);
  await g.getByLabel('Rom for utstyret').fill('Serverrom 204');
};

/** A PDF as a file chooser gets it; `bytes` decides whether it really is one. */
const file = (name: string, bytes: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

const CASES: Case[] = [
  {
    slug: 'hjemmekontor', title: 'Bestilling av hjemmekontorkontoer', notice: 'Linux støttes ikke',
    fill: async j => {
      await j.group('Bruker 1').getByLabel('Navn').fill('Ola Lege');
      await j.group('Bruker 1').getByLabel('Mobilnummer').fill('912 34 567');
      await j.page.getByRole('button', { name: 'Legg til bruker' }).click();
      await expect(j.group('Bruker 2').getByLabel('Navn')).toBeFocused();
      await j.group('Bruker 2').getByLabel('Navn').fill('Eva Sykepleier');
      await j.group('Bruker 2').getByLabel('Mobilnummer').fill('22 33 44 55');
      await contact(j, false);
    },
    error: 'Mobilnummer 2: Skriv et mobilnummer: 8 siffer som begynner på 4 eller 9.',
    fix: async j => { await j.group('Bruker 2').getByLabel('Mobilnummer').fill('412 34 567'); },
    // One line per person, not every name and then every number (issue 12.12).
    review: [['Bruker 1', 'Ola Lege, 912 34 567'], ['Bruker 2', 'Eva Sykepleier, 412 34 567']],
    stored: ['bruker_mobil', ['91234567', '41234567']],
  },
  {
    slug: 'domene', title: 'Bestilling for domene', notice: 'Svar fra Norid kommer via oss',
    fill: async j => {
      await j.page.getByRole('radio', { name: 'Registrere bruksrett til nytt domene' }).check();
      await j.page.getByLabel('Domenenavn').fill('legekontoret');
      // A Word document named .pdf: refused by its content, at the field.
      await j.page.getByLabel('Egenerklæring').setInputFiles(file('egenerklaering.pdf', 'PK\x03\x04 word'));
      await expect(j.page.locator('#f-egenerklaering-error')).toHaveText('Filen må være en PDF. Lagre dokumentet som PDF og last det opp på nytt.');
      await contact(j, true, 'Juridisk kontaktperson for domenet');
    },
    error: 'Domenenavn: Skriv et gyldig domenenavn, for eksempel legekontoret.no.',
    fix: async j => {
      await j.page.getByLabel('Domenenavn').fill('Legekontoret.no');
      await j.page.getByLabel('Egenerklæring').setInputFiles(file('egenerklaering.pdf', PDF));
      await expect(j.page.getByText('Lastet opp: egenerklaering.pdf')).toBeVisible();
    },
    stored: ['domenenavn', 'legekontoret.no'],
  },
  {
    slug: 'persontjenesten', title: 'Tilgang til taushetsbelagte opplysninger i Persontjenesten', notice: 'én gang',
    terms: true,
    // Accepted once per municipality: each project its own, so step 4 always asks here.
    org: () => test.info().project.name === 'phone'
      ? ['971000007', 'DEMO KOMMUNE (DEMODATA) (971000007)'] : ['972418013', 'BODØ KOMMUNE (972418013)'],
    fill: async j => {
      await j.page.getByLabel('Formål og hjemmel').fill('Helsehjelp til pasienter, helsepersonelloven § 45');
      const epj = j.group('Journalsystem');
      await epj.getByLabel('Navn').fill('CGM');
      await epj.getByLabel('EPJ-system').fill('CGM Journal');
      await epj.getByLabel('Versjon').fill('142');
      await contact(j);
    },
    error: 'Hvilke taushetsbelagte opplysninger trenger dere?: Du må velge minst ett alternativ.',
    fix: async j => { await j.page.getByRole('checkbox', { name: 'Fortrolig adresse', exact: true }).check(); },
    stored: ['opplysninger', ['fortrolig_adresse']],
  },
  {
    slug: 'helseid', title: 'Bestilling av HelseID', notice: 'medlem av Helsenettet',
    terms: true,
    fill: async j => {
      await j.page.getByRole('radio', { name: 'Systemleverandør' }).check();
      await j.page.getByRole('radio', { name: 'Produksjon' }).check();
      await j.page.getByLabel('Navn på løsningen').fill('Journal for helsestasjon');
      await contact(j);
    },
    // Checked by the server: production waits for the approved test.
    error: 'Miljø: Produksjon kan bestilles når løsningen er godkjent i testmiljøet. Godkjenningen gis av NHN: kontakt kundesenteret (24 20 00 00) når dere har testet ferdig, eller bestill testmiljø først.',
    fix: async j => { await j.page.getByRole('radio', { name: 'Testmiljø' }).check(); },
    stored: ['miljo', 'test'],
  },
  {
    slug: 'epost', title: 'Bestilling av e-postkonto i Helsenettet', notice: 'IMAP',
    fill: async j => {
      const g = j.group('Kontoen');
      await g.getByLabel('Navnet på brukeren').fill('Ola Lege');
      await g.getByRole('radio', { name: 'Mozilla Thunderbird' }).check();
      await g.getByLabel('Ønsket e-postadresse').fill('ola.lege@');
      await contact(j, false);
    },
    error: 'Ønsket e-postadresse: Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
    fix: async j => { await j.group('Kontoen').getByLabel('Ønsket e-postadresse').fill('ola.lege@legekontor.no'); },
    stored: ['program', 'thunderbird'],
  },
  {
    slug: 'video', title: 'Bestilling av konto for NHN-videodesktop', notice: 'uten kostnad',
    fill: async j => {
      const g = j.group('Kontoen');
      await g.getByLabel('Navnet på brukeren').fill('Ola Lege');
      await g.getByLabel('Brukerens e-post').fill('ola.lege@legekontor.no');
      await g.getByLabel('Brukerens mobilnummer').fill('22 33 44 55');
      await contact(j, false);
    },
    error: 'Brukerens mobilnummer: Skriv et mobilnummer: 8 siffer som begynner på 4 eller 9.',
    fix: async j => { await j.group('Kontoen').getByLabel('Brukerens mobilnummer').fill('412 34 567'); },
    stored: ['bruker_mobil', '41234567'],
  },
  {
    slug: 'fjernhjelp', title: 'Tilgang til fjernhjelp for en leverandør', notice: 'partneravtale',
    fill: async j => {
      const g = j.group('Leverandøren');
      await g.getByLabel('Navn på leverandøren').fill('Driftspartner AS');
      await g.getByLabel('Leverandørens organisasjonsnummer').fill('994 598 758');
      await g.getByLabel('Navn på teknikeren').fill('Per Tekniker');
      await g.getByLabel('Teknikerens mobilnummer').fill('41234567');
      await contact(j, false);
    },
    error: 'Leverandørens organisasjonsnummer: Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.',
    fix: async j => { await j.group('Leverandøren').getByLabel('Leverandørens organisasjonsnummer').fill('994 598 759'); },
    stored: ['leverandor_orgnr', '994598759'],
  },
  {
    slug: 'tilknytning', title: 'Bestilling av tilknytning til Helsenettet', notice: 'Etasje og rom',
    fill: async j => {
      await address(j, 'Hvor skal tilknytningen være');
      await j.group('Linjen').getByRole('radio', { name: 'Egen linjeleverandør' }).check();
      await j.group('Linjen').getByRole('switch', { name: 'Linjen skal deles med en annen virksomhet' }).check();
      await contact(j);
    },
    error: 'Organisasjonsnummeret til virksomheten dere deler med: Du må fylle ut feltet.',
    fix: async j => { await j.group('Linjen').getByLabel('Organisasjonsnummeret til virksomheten dere deler med').fill('974760673'); },
    stored: ['delt_med_orgnr', '974760673'],
  },
  {
    slug: 'flytting', title: 'Flytteskjema for helsenettlinjen', notice: 'kr 3 000',
    fill: async j => {
      await address(j, 'Nytt lokale');
      await contact(j);
    },
    error: 'Flyttedato: Du må fylle ut feltet.',
    fix: async j => { await j.group('Nytt lokale').getByLabel('Flyttedato').fill('2027-03-15'); },
    stored: ['flyttedato', '2027-03-15'],
  },
  {
    slug: 'deaktivering', title: 'Midlertidig deaktivering av oppføringen i Adresseregisteret og EDI-kontoen', notice: 'fryses',
    fill: async j => {
      const g = j.group('Periode');
      await g.getByLabel('Inaktiv fra').fill('2027-08-01');
      await g.getByLabel('Åpnes igjen').fill('2027-07-01');
      await contact(j);
    },
    error: 'Åpnes igjen: Til-datoen kan ikke være før fra-datoen.',
    fix: async j => { await j.group('Periode').getByLabel('Åpnes igjen').fill('2027-09-01'); },
    stored: ['til_dato', '2027-09-01'],
  },
  {
    slug: 'edi', title: 'Bestilling av EDI-konto', notice: 'egen postkasse for sikker digital kommunikasjon',
    fill: async j => {
      await j.group('Postkassen').getByLabel('Kommunikasjonspart').fill('Legekontoret i Storgata');
      const epj = j.group('Journalsystem');
      await epj.getByLabel('Navn').fill('CGM');
      await epj.getByLabel('EPJ-system').fill('CGM Allmenn');
      await contact(j);
    },
    error: 'Versjon: Du må fylle ut feltet.',
    fix: async j => { await j.group('Journalsystem').getByLabel('Versjon').fill('2024.2'); },
    stored: ['kommunikasjonspart', 'Legekontoret i Storgata'],
  },
  {
    slug: 'adresseregisteret', title: 'Brukerkonto og hjelp i Adresseregisteret', notice: 'egen brukerkonto som tildeles av Norsk Helsenett',
    fill: async j => {
      await j.page.getByRole('radio', { name: 'Brukerkonto i Adresseregisteret' }).check();
      const holder = j.group('Den som skal ha brukerkontoen');
      await holder.getByLabel('Navn').fill('Ola Lege');
      await holder.getByLabel('Mobilnummer').fill('912 34 567');
      await holder.getByLabel('E-post').fill('ola.lege@');
      await contact(j);
    },
    error: 'Den som skal ha brukerkontoen – E-post: Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.',
    fix: async j => { await j.group('Den som skal ha brukerkontoen').getByLabel('E-post').fill('ola.lege@legekontor.no'); },
    stored: ['gjelder', 'brukerkonto'],
  },
  {
    slug: 'tredjepartsleverandor', title: 'Søknad om å bli tredjepartsleverandør i Helsenettet', notice: 'reguleres gjennom en egen avtale',
    // Each project its own applicant: an application is made once per organisation.
    org: () => test.info().project.name === 'phone'
      ? ['974760673', 'OSLO KOMMUNE HELSEETATEN (DEMODATA) (974760673)'] : ['994598759', 'NORSK HELSENETT SF (994598759)'],
    fill: async j => {
      // Two of the three conditions: the rule wants them all.
      await j.page.getByRole('checkbox', { name: /^Tjenestene som leveres er begrunnet/ }).check();
      await j.page.getByRole('checkbox', { name: /^Vi vil inngå en egen avtale/ }).check();
      await j.page.getByLabel('Hvilke tjenester vil dere levere gjennom Helsenettet?').fill('Laboratoriesvar til legekontor');
      await j.page.getByLabel('Hvem er kundene?').fill('Legekontor og kommuner');
      await j.page.getByLabel('Hvor produseres og leveres tjenestene fra?').fill('Eget datasenter i Oslo, Norge');
      await j.page.getByLabel('Hvem drifter miljøet?').fill('Driftspartner AS');
      await j.page.getByLabel('Sikkerhetsdokumentasjon').setInputFiles(file('sikkerhet.pdf', PDF));
      await expect(j.page.getByText('Lastet opp: sikkerhet.pdf')).toBeVisible();
      await contact(j);
    },
    error: 'Bekreft vilkårene: Du må bekrefte alle vilkårene for å søke.',
    fix: async j => { await j.page.getByRole('checkbox', { name: /^Miljøet tjenestene produseres i/ }).check(); },
    stored: ['vilkar', ['behov', 'avtale', 'vurdering']],
  },
];

async function sendAndExpectError(page: Page, j: JourneyPage, error: string) {
  await j.send();
  await expect(j.errorSummary()).toBeFocused();
  await expect(j.errorSummary().getByRole('link', { name: error, exact: true })).toBeVisible();
}

for (const c of CASES) {
  test(`${c.slug}: ordered from its spec, with a bad answer put right first`, async ({ page }) => {
    const j = new JourneyPage(page);
    await j.start(kari(), '', `/skjema/${c.slug}`);
    const [orgnr, shown] = c.org?.() ?? ['958935420', 'OSLO KOMMUNE (958935420)'];
    await j.chooseOrg(orgnr, shown);
    await expect(page.getByText(c.title)).toBeVisible();
    await expect(page.getByText(c.notice)).toBeVisible();
    await c.fill(j);
    await sendAndExpectError(page, j, c.error);
    await expectNoAxeViolations(page, `${c.slug} with an error`);
    await c.fix(j);
    await j.send();

    const accept = page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' });
    if (c.terms) {
      await accept.check();
    } else {
      // No terms to accept: check and send.
      await expect(page.getByRole('heading', { name: 'Se over og send inn' })).toBeVisible();
      await expect(page.getByText(c.notice)).toBeVisible();
      await expect(accept).toHaveCount(0);
    }
    for (const [label, answer] of c.review ?? []) {
      const line = page.locator('.bp-answer').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
      await expect(line.locator('dd span')).toHaveText(answer);
    }
    await expectNoAxeViolations(page, `${c.slug} check and send`);
    await page.getByRole('button', { name: 'Fullfør', exact: true }).click();
    const reference = await j.reference();
    // "Videre saksgang" is the service's own: no ServiceBus or EPJ supplier here (issue 12.8).
    const next = page.getByTestId('next-steps');
    await expect(next).toBeVisible();
    await expect(next).not.toContainText('ServiceBus');
    await expect(next).not.toContainText('EPJ');
    const receipt = await (await page.request.get(`/api/orders/${reference}`)).json();
    expect(receipt.service).toBe(c.slug);
    expect(receipt.answers[c.stored[0]]).toEqual(c.stored[1]);
    expect(receipt.documents.length > 0).toBe(!!c.terms);
  });
}

test('personregister points to Persontjenesten', async ({ page }) => {
  await page.goto('/skjema/personregister');
  await expect(page.getByText('Personregister avvikles 01.01.25')).toBeVisible();
  await expectNoAxeViolations(page, 'personregister');
  await page.getByRole('link', { name: 'Gå til Persontjenesten' }).click();
  await expect(page.getByRole('heading', { name: 'Tilgang til taushetsbelagte opplysninger i Persontjenesten' })).toBeVisible();
});

test('Persontjenesten: terms accepted for one unit hold for the whole municipality', async ({ page }) => {
  // Each project its own municipality: a sub-unit accepts, the main unit is not asked.
  const [unit, main, shown] = test.info().project.name === 'phone'
    ? ['971526157', '964338531', 'BERGEN KOMMUNE (964338531)']
    : ['974760673', '958935420', 'OSLO KOMMUNE (958935420)'];
  const j = new JourneyPage(page);
  await j.start(kari(), '', '/skjema/persontjenesten');
  const first = await page.request.post('/api/orders', {
    data: {
      service: 'persontjenesten', orgnr: unit, accepted_documents: ['vilkar-persontjenesten'],
      answers: {
        opplysninger: ['fortrolig_adresse'], formal: 'Helsehjelp', epj_navn: 'CGM', epj_system: 'CGM Journal',
        epj_versjon: '142', kontakt_navn: 'Kari', kontakt_mobil: '91234567', kontakt_epost: 'kari@kommune.no',
      },
    },
  });
  expect(first.status()).toBe(201);

  await page.reload();
  await j.chooseOrg(main, shown);
  await page.getByRole('checkbox', { name: 'Felles hjelpenummer' }).check();
  await page.getByLabel('Formål og hjemmel').fill('Helsehjelp til pasienter');
  const epj = j.group('Journalsystem');
  await epj.getByLabel('Navn').fill('CGM');
  await epj.getByLabel('EPJ-system').fill('CGM Journal');
  await epj.getByLabel('Versjon').fill('142');
  await contact(j);
  await j.send();
  await expect(page.getByTestId('accepted-before')).toContainText('Vilkår Persontjenesten er allerede akseptert av Kari Testperson');
  await expect(page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'terms accepted before');
  await page.getByRole('button', { name: 'Fullfør' }).click();
  const reference = await j.reference();
  const receipt = await (await page.request.get(`/api/orders/${reference}`)).json();
  expect(receipt.documents).toEqual([]);
});

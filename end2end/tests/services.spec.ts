// Every service from NHN's FAQ that is a plain order (seed 002; issue 4), each from its
// spec alone: the form and its notice, one bad answer named in the error summary, then
// "Se over og send inn", a receipt, and the order on the server.
import { expect, test, type Page } from '@playwright/test';
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
  stored: [string, string];
}

async function contact(j: JourneyPage, mobile = true) {
  const c = j.group('Kontaktperson');
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

const CASES: Case[] = [
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
    await j.chooseOrg('958935420', 'OSLO KOMMUNE (958935420)');
    await expect(page.getByText(c.title)).toBeVisible();
    await expect(page.getByText(c.notice)).toBeVisible();
    await c.fill(j);
    await sendAndExpectError(page, j, c.error);
    await expectNoAxeViolations(page, `${c.slug} with an error`);
    await c.fix(j);
    await j.send();

    // No terms to accept: check and send.
    await expect(page.getByRole('heading', { name: 'Se over og send inn' })).toBeVisible();
    await expect(page.getByText(c.notice)).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' })).toHaveCount(0);
    await expectNoAxeViolations(page, `${c.slug} check and send`);
    await page.getByRole('button', { name: 'Fullfør' }).click();
    const reference = await j.reference();
    const receipt = await (await page.request.get(`/api/orders/${reference}`)).json();
    expect(receipt.service).toBe(c.slug);
    expect(receipt.answers[c.stored[0]]).toBe(c.stored[1]);
    expect(receipt.documents).toEqual([]);
  });
}

// Page object: the five-step journey "Skjema og avtaler", one method group per step.
import { expect, type Locator, type Page } from '@playwright/test';
import { LoginPage, type Person } from './login';

export const SERVICE_PATH = '/skjema/digitaleinnbyggertjenester';

export interface Answers {
  services: string[];
  kommune: string; herIdVirksomhet: string; herIdParter: string[];
  kontaktNavn: string; kontaktEpost: string; kontaktMobil: string;
  epjNavn: string; epjSystem: string; epjVersjon: string;
  iktNavn: string; iktOrgnr: string; iktMobil: string; iktEpost: string;
}

export const GOOD: Answers = {
  services: ['DigiHelse', 'DigiHelsestasjon'],
  kommune: 'Ørland kommune', herIdVirksomhet: '8765432', herIdParter: ['8765433', '8765434'],
  kontaktNavn: 'Kari Nordmann', kontaktEpost: 'kari.nordmann@orland.kommune.no', kontaktMobil: '+47 912 34 567',
  epjNavn: 'CGM', epjSystem: 'CGM Journal', epjVersjon: '142',
  iktNavn: 'Driftspartner AS', iktOrgnr: '994 598 759', iktMobil: '412 34 567', iktEpost: 'statistikk@driftspartner.no',
};

/** HER-ids registered in the bundled Adresseregisteret extract, by unit: [virksomhet, parter]. */
const HER_IDS: Record<string, [string, string[]]> = {
  '994598759': ['8765432', ['8765433', '8765434']],
  '958935420': ['8770001', ['8770002', '8770003']],
  '974760673': ['8770001', ['8770002', '8770003']],
  '964338531': ['8780001', ['8780002', '8780003']],
  '945627913': ['8830001', ['8830002', '8830001']],
};

/** `GOOD` for another unit than NHN: the same answers with that unit's own HER-ids. */
export function goodFor(orgnr: string): Answers {
  const [herIdVirksomhet, herIdParter] = HER_IDS[orgnr];
  return { ...GOOD, herIdVirksomhet, herIdParter };
}

export class JourneyPage {
  constructor(readonly page: Page) {}

  group(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  async start(person: Person, base = '', path = SERVICE_PATH) {
    await this.page.goto(base + path);
    await this.page.getByRole('link', { name: /Logg inn med ID-porten/ }).click();
    await new LoginPage(this.page).login(person);
    await expect(this.page.getByRole('heading', { name: `Du er innlogget som ${person.name} (fullført)` })).toBeVisible();
  }

  // Step 2
  orgInput(): Locator {
    return this.page.getByLabel('Org. nr. eller virksomhetsnummer');
  }

  async chooseOrg(orgnr: string, expectedName: string) {
    await this.orgInput().fill(orgnr);
    // The lookup's answer, not the same unit in the list of one's own organisations.
    await expect(this.page.getByRole('status').getByText(expectedName)).toBeVisible();
    await this.page.getByRole('button', { name: 'Gå videre' }).click();
    await expect(this.page.getByRole('heading', { name: /Du aksepterer på vegne av/ })).toBeVisible();
  }

  // Step 3
  async fillForm(a: Answers) {
    for (const s of a.services) await this.page.getByRole('checkbox', { name: s, exact: true }).check();
    const kommune = this.group('Kommune');
    await kommune.getByLabel('Navn').fill(a.kommune);
    await kommune.getByLabel('Her-id virksomhet').fill(a.herIdVirksomhet);
    for (let i = 0; i < a.herIdParter.length; i++) {
      if (i > 0) await this.page.getByRole('button', { name: 'Legg til en til' }).click();
      await this.page.getByLabel(`Her-id kommunikasjonsparter ${i + 1}`).fill(a.herIdParter[i]);
    }
    const kontakt = this.group('Kontaktperson Kommune');
    await kontakt.getByLabel('Navn').fill(a.kontaktNavn);
    await kontakt.getByLabel('E-post').fill(a.kontaktEpost);
    await kontakt.getByLabel('Mobilnummer').fill(a.kontaktMobil);
    const epj = this.group('EPJ-leverandør');
    await epj.getByLabel('Navn').fill(a.epjNavn);
    await epj.getByLabel('EPJ-system').fill(a.epjSystem);
    await epj.getByLabel('EPJ-versjon').fill(a.epjVersjon);
    const ikt = this.group('IKT-driftsleverandør');
    await ikt.getByLabel('Navn').fill(a.iktNavn);
    await ikt.getByLabel('Org nr').fill(a.iktOrgnr);
    await ikt.getByLabel('Mobilnummer').fill(a.iktMobil);
    await ikt.getByLabel('E-postadresse for mottak av meldingsstatistikk hver 14. dag').fill(a.iktEpost);
  }

  async send() {
    await this.page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  errorSummary(): Locator {
    return this.page.getByRole('region', { name: 'For å gå videre må du rette opp følgende feil:' });
  }

  // Step 4
  async acceptAndFinish() {
    await expect(this.page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggertjenester' })).toBeVisible();
    await this.page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' }).check();
    await this.page.getByRole('button', { name: 'Fullfør' }).click();
  }

  // Step 5
  async reference(): Promise<string> {
    await expect(this.page.getByText('Ferdig!')).toBeVisible();
    return (await this.page.getByTestId('reference').innerText()).trim();
  }

  /** The whole journey for NHN with `GOOD`'s answers, then "Vis kvittering": the reference. */
  async orderToReceipt(person: Person): Promise<string> {
    await this.start(person);
    await this.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
    await this.fillForm(GOOD);
    await this.send();
    await this.acceptAndFinish();
    const reference = await this.reference();
    await this.page.getByRole('link', { name: 'Vis kvittering' }).click();
    return reference;
  }
}

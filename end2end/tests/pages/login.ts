// Page object: the built-in test identity provider ("Testinnlogging").
import { expect, type Page } from '@playwright/test';

export interface Person { fnr: string; name: string; eid?: string }

/** Synthetic test persons (month + 80): never real people. */
export const KARI: Person = { fnr: '08908834756', name: 'Kari Testperson', eid: 'BankID' };

export class LoginPage {
  constructor(private readonly page: Page) {}

  async fill(person: Person) {
    await expect(this.page.getByRole('heading', { name: 'Testinnlogging' })).toBeVisible();
    if (person.eid) await this.page.getByRole('radio', { name: person.eid, exact: true }).check();
    await this.page.getByLabel('Fødselsnummer (syntetisk testperson)').fill(person.fnr);
    await this.page.getByLabel('Navn').fill(person.name);
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  }

  async login(person: Person) {
    await this.fill(person);
    await this.submit();
  }
}

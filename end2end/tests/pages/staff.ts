// Page object: the customer centre's staff login through the test staff provider (set up
// like NHN's Entra ID), and the queue's search.
import { expect, type Page } from '@playwright/test';

export class StaffProviderPage {
  constructor(private readonly page: Page) {}

  async login(username: string, name: string, roles: ('Saksbehandler' | 'Leder')[]) {
    await expect(this.page.getByRole('heading', { name: 'NHN-pålogging for ansatte (testleverandør)' })).toBeVisible();
    await this.page.getByLabel('Brukernavn').fill(username);
    await this.page.getByLabel('Navn', { exact: true }).fill(name);
    for (const role of roles) await this.page.getByRole('checkbox', { name: role }).check();
    await this.page.getByRole('button', { name: 'Logg inn' }).click();
  }
}

/** Searches the queue for `reference` and opens its case. */
export async function openCase(page: Page, reference: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Bestillinger til behandling' })).toBeVisible();
  await page.getByLabel('Søk etter referansenummer, organisasjonsnummer eller navn').fill(reference);
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await page.getByTestId('queue').getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sak ${reference}` })).toBeVisible();
}

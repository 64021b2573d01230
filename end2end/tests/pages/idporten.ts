// Page object: the test OpenID provider's eID page (set up like ID-porten).
import { expect, type Page } from '@playwright/test';

export interface EidLogin {
  eid: string; // label, e.g. 'BankID'
  pid: string;
  name: string;
  level?: 'Betydelig' | 'Høyt' | 'Lavt (testing)';
  wrongNonce?: boolean;
  expiredToken?: boolean;
}

export class IdPortenPage {
  constructor(private readonly page: Page) {}

  async login(l: EidLogin) {
    await expect(this.page.getByRole('heading', { name: 'ID-porten (testleverandør)' })).toBeVisible();
    await this.page.getByRole('radio', { name: l.eid, exact: true }).check();
    await this.page.getByLabel('Fødselsnummer').fill(l.pid);
    await this.page.getByLabel('Navn').fill(l.name);
    if (l.level) await this.page.getByLabel('Sikkerhetsnivå').selectOption({ label: l.level });
    if (l.wrongNonce) await this.page.getByLabel('Send feil nonce').check();
    if (l.expiredToken) await this.page.getByLabel('Send utløpt ID-token').check();
    await this.page.getByRole('button', { name: 'Logg inn' }).click();
  }
}

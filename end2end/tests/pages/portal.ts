// Page object: the customer portal (`/kundeportal`) — its menu, the organisation it shows,
// and Tjenester's two lists — for people from ID-porten and contact persons alike.
import { expect, type Locator, type Page } from '@playwright/test';

export class PortalPage {
  constructor(private readonly page: Page) {}

  /** Opens a page from the portal's menu and waits for its heading. */
  async menu(name: string) {
    await this.page.getByRole('navigation', { name: 'Kundeportalen' }).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** "Aktiv virksomhet": the organisation the portal shows. */
  currentOrg(): Locator {
    return this.page.getByTestId('current-org');
  }

  /** Tjenester: the services the organisation has (an order of each Fullført). */
  activeServices(): Locator {
    return this.page.getByTestId('active-services');
  }

  /** Tjenester: the services ordered and in the customer centre's handling. */
  orderedServices(): Locator {
    return this.page.getByTestId('ordered-services');
  }

  /** Tjenester: the rest, each a link to its order form. */
  inactiveServices(): Locator {
    return this.page.getByTestId('inactive-services');
  }
}

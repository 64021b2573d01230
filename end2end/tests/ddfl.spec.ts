// Digital Dialog Fastlege (seed 001; issue 4): a second service from a spec alone — its
// switch shows the ServiceBus fields only when PÅ, bad input is named field by field,
// and the order ends with the terms accepted and a receipt.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { JourneyPage } from './pages/journey';
import { kari } from './pages/login';

/** Fills EPJ-leverandør and Driftsleverandør; the Driftsleverandør group, to go on with. */
async function fillSuppliers(j: JourneyPage, orgnr: string, phone: string) {
  const epj = j.group('EPJ-leverandør');
  await epj.getByLabel('Navn').fill('CGM');
  await epj.getByLabel('EPJ-system').fill('CGM Allmenn');
  await epj.getByLabel('Versjon').fill('2024.2');
  const drift = j.group('Driftsleverandør');
  await drift.getByLabel('Navn').fill('Driftspartner AS');
  await drift.getByLabel('Organisasjonsnummer').fill(orgnr);
  await drift.getByLabel('Telefonnummer').fill(phone);
  await drift.getByLabel('E-post').fill('drift@driftspartner.no');
  return drift;
}

test('a GP office orders DDFL with ServiceBus, after fixing what the form names', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari(), '', '/skjema/ddfl');
  await j.chooseOrg('958935420', 'OSLO KOMMUNE (958935420)');
  await expect(page.getByText('Bestilling av Digital Dialog Fastlege')).toBeVisible();

  const drift = await fillSuppliers(j, '123 456 789', '22 33 44 55');

  // The ServiceBus fields are there only when the switch is PÅ.
  const servicebus = j.group('ServiceBus');
  await expect(servicebus.getByLabel('Kontaktperson')).toHaveCount(0);
  await servicebus.getByRole('switch', { name: 'Bestill aktivering av ServiceBus' }).check();
  await expect(servicebus.getByLabel('Kontaktperson')).toBeVisible();
  await expectNoAxeViolations(page, 'DDFL form with ServiceBus on');

  await j.send();
  const summary = j.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Organisasjonsnummer: Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Kontaktperson: Du må fylle ut feltet.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^ServiceBus – Telefonnummer: Du må fylle ut feltet\.$/ })).toBeVisible();
  await expectNoAxeViolations(page, 'DDFL form with errors');

  // Beside the button, what is still missing, as it stands — never a silent grey button.
  const missing = page.getByTestId('missing');
  await expect(missing).toHaveText('Dette mangler før du kan gå videre: Organisasjonsnummer, Kontaktperson, ServiceBus – Telefonnummer');
  await drift.getByLabel('Organisasjonsnummer').fill('994 598 759');
  await servicebus.getByLabel('Kontaktperson').fill('tekniker@driftspartner.no');
  await expect(missing).toHaveText('Dette mangler før du kan gå videre: ServiceBus – Telefonnummer');
  await servicebus.getByLabel('Telefonnummer').fill('912 34 567');
  await expect(missing).toHaveCount(0);
  await j.send();

  await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digital Dialog Fastlege (DDFL)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last ned Bruksvilkår for digital dialog fastlege (DDFL) (PDF)' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Jeg aksepterer innholdet i dokumentene.' }).check();
  await page.getByRole('button', { name: 'Fullfør' }).click();
  const reference = await j.reference();
  await expect(page.getByText('Bruksvilkår for digital dialog fastlege (DDFL) ✓')).toBeVisible();

  const receipt = await (await page.request.get(`/api/orders/${reference}`)).json();
  expect(receipt.service).toBe('ddfl');
  expect(receipt.answers.servicebus).toBe('on');
  expect(receipt.answers.servicebus_mobil).toBe('91234567');
  expect(receipt.answers.drift_orgnr).toBe('994598759');
});

test('Se over svarene lists every answer, and Endre goes back to the field and returns to the summary', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari(), '', '/skjema/ddfl');
  await j.chooseOrg('958935420', 'OSLO KOMMUNE (958935420)');
  const drift = await fillSuppliers(j, '994598759', '22334455');
  await j.send();

  const answers = page.locator('.bp-answers');
  await expect(page.getByRole('heading', { name: 'Se over svarene' })).toBeVisible();
  await expect(answers.getByText('Bestill aktivering av ServiceBus', { exact: true })).toBeVisible();
  await expect(answers.getByText('Av', { exact: true })).toBeVisible();
  // Hidden fields are not listed.
  await expect(answers.getByText('Kontaktperson', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, 'check answers');

  await answers.getByRole('button', { name: 'Endre E-post' }).click();
  await expect(drift.getByLabel('E-post')).toBeFocused();
  await drift.getByLabel('E-post').fill('ny@driftspartner.no');
  await j.send();
  await expect(answers.getByText('ny@driftspartner.no')).toBeVisible();
});

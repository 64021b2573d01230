// Digital Dialog Fastlege (seed 001; issue 4): a second service from a spec alone — its
// switch shows the ServiceBus fields only when PÅ, bad input is named field by field,
// and the order ends with the terms signed (issue 5: the signing intro, the document
// viewer, the signer's eID login through the test identity provider) and a receipt.
// The signing through a real OpenID provider, with its refusal, is in oidc.spec.ts.
import * as fs from 'node:fs';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { JourneyPage } from './pages/journey';
import { kari, testPerson, type Person } from './pages/login';
import { DDFL_TERMS, SIGNING_TITLE, fillSuppliers, otherPersonRefusal, pdfText, readAndSign, toSigning, today } from './pages/signing';

/** The test identity provider's signing page: the signer logs in there. */
async function signAs(page: import('@playwright/test').Page, person: Person) {
  await expect(page.getByRole('heading', { name: 'Signering med elektronisk ID (testinnlogging)' })).toBeVisible();
  expect(page.url()).not.toContain(person.fnr);
  await page.getByLabel('Velg elektronisk ID').selectOption({ label: 'MinID' });
  await page.getByLabel('Fødselsnummer (syntetisk testperson)').fill(person.fnr);
  await page.getByLabel('Navn').fill(person.name);
  await page.getByRole('button', { name: 'Logg inn og signer' }).click();
}

test('a GP office orders DDFL with ServiceBus, after fixing what the form names, and the terms are signed', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari(), '', '/skjema/ddfl');
  // Trondheim's roles are not in the extract: the signer needs no confirmed role.
  await j.chooseOrg('942110464', 'TRONDHEIM KOMMUNE (942110464)');
  await expect(page.getByText('Bestilling av Digital Dialog Fastlege')).toBeVisible();

  const drift = await fillSuppliers(j, '123 456 789', '22 33 44 55');

  // The ServiceBus fields are there only when the switch is PÅ.
  const servicebus = j.group('ServiceBus');
  await expect(servicebus.getByLabel('Kontaktperson')).toHaveCount(0);
  await servicebus.getByRole('switch', { name: 'Bestill aktivering av ServiceBus' }).check();
  await expect(servicebus.getByLabel('Kontaktperson')).toBeVisible();
  await expectNoAxeViolations(page, 'DDFL form with ServiceBus on');

  await page.getByRole('button', { name: 'Gå videre til signering' }).click();
  const summary = j.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Organisasjonsnummer: Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Kontaktperson: Du må fylle ut feltet.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^ServiceBus – Telefonnummer: Du må fylle ut feltet\.$/ })).toBeVisible();
  await expectNoAxeViolations(page, 'DDFL form with errors');

  // Beside the button, what is still missing, as it stands — never a silent grey button.
  const missing = page.getByTestId('missing');
  await expect(missing).toHaveText('Dette mangler før du kan gå videre: Organisasjonsnummer, Kontaktperson, ServiceBus – Telefonnummer, Fødselsnummer');
  await drift.getByLabel('Organisasjonsnummer').fill('994 598 759');
  await servicebus.getByLabel('Kontaktperson').fill('tekniker@driftspartner.no');
  await expect(missing).toHaveText('Dette mangler før du kan gå videre: ServiceBus – Telefonnummer, Fødselsnummer');
  await servicebus.getByLabel('Telefonnummer').fill('912 34 567');
  const signer = testPerson('Åse Ødegård Signatar');
  await j.group(SIGNING_TITLE).getByLabel('Fødselsnummer').fill(signer.fnr);
  await expect(missing).toHaveCount(0);
  await toSigning(page);

  // The intro: on whose behalf, and who signs (the number masked); "Avbryt signering"
  // goes back to the form with every answer.
  await expect(page.getByText('Du signerer på vegne av en virksomhet, eller på grunn av en rolle eller et ansvar.')).toBeVisible();
  await expect(page.getByText(`fødselsnummer ${signer.fnr.slice(0, 6)}*****`)).toBeVisible();
  await expectNoAxeViolations(page, 'signing intro');
  await page.getByRole('button', { name: 'Avbryt signering' }).click();
  await expect(j.group(SIGNING_TITLE).getByLabel('Fødselsnummer')).toHaveValue(signer.fnr);
  await expect(servicebus.getByLabel('Kontaktperson')).toHaveValue('tekniker@driftspartner.no');
  await toSigning(page);

  // The viewer: the document page by page, zoom, download.
  await page.getByRole('button', { name: 'Les dokument og signer' }).click();
  await expect(page.getByRole('heading', { name: DDFL_TERMS })).toBeVisible();
  await expect(page.getByText('Versjon 1.0. gjeldende fra 18.1.2018')).toBeVisible();
  await expect(page.getByText('Side 1 av 2')).toBeVisible();
  await expect(page.getByText(/^1\. Tjenesten\./)).toBeVisible();
  await page.getByRole('button', { name: 'Neste side' }).click();
  await expect(page.getByText('Side 2 av 2')).toBeVisible();
  await expect(page.getByText(/^5\. Signering\./)).toBeVisible();
  await expect(page.getByText(/^1\. Tjenesten\./)).toHaveCount(0);
  const text = page.getByRole('region', { name: 'Dokumentet som skal signeres' });
  const size = async () => parseFloat(await text.evaluate(e => getComputedStyle(e).fontSize));
  const before = await size();
  await page.getByRole('button', { name: 'Forstørr teksten' }).click();
  expect(await size()).toBeGreaterThan(before);
  const download = page.getByRole('link', { name: 'Last ned dokumentet (PDF)' });
  const original = await page.request.get(await download.getAttribute('href') ?? '');
  expect(original.headers()['content-type']).toBe('application/pdf');
  expect(pdfText(await original.body())).toContain(DDFL_TERMS);
  await expectNoAxeViolations(page, 'document viewer');

  // Someone else logs in to sign: refused, and back at the signing with every answer.
  await page.getByRole('button', { name: 'Signer dokument' }).click();
  await signAs(page, testPerson('Per Feilperson'));
  await expect(otherPersonRefusal(page)).toBeVisible();
  await expect(page.locator('.bp-answers').getByText('CGM Allmenn')).toBeVisible();
  await expectNoAxeViolations(page, 'signing refused');

  // The person the form names signs: done, with the signed package to download.
  await readAndSign(page);
  await signAs(page, signer);
  const reference = await j.reference();
  const signed = page.getByTestId('signed');
  await expect(signed).toContainText('Dokumentet er elektronisk signert av Åse Ødegård Signatar');
  await expect(signed).toContainText(`Signert ${today()} med ID-porten: MinID`);
  await expect(signed).toContainText('Det blir ikke sendt en kopi på e-post til den som signerer.');
  await expect(page.getByText(`${DDFL_TERMS} ✓`)).toBeVisible();
  await expectNoAxeViolations(page, 'signed');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    signed.getByRole('link', { name: 'Last ned signert dokument (PDF)' }).click(),
  ]);
  const packageText = pdfText(fs.readFileSync(await file.path()));
  for (const expected of ['ÅSE ØDEGÅRD SIGNATAR', `Signert ${today()} med ID-porten: MinID`, DDFL_TERMS, SIGNING_TITLE, reference]) {
    expect(packageText).toContain(expected);
  }

  const receipt = await (await page.request.get(`/api/orders/${reference}`)).json();
  expect(receipt.service).toBe('ddfl');
  expect(receipt.answers.servicebus).toBe('on');
  expect(receipt.answers.servicebus_mobil).toBe('91234567');
  expect(receipt.answers.drift_orgnr).toBe('994598759');
});

test('Se over svarene lists every answer, and Endre goes back to the field and returns to the summary', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(kari(), '', '/skjema/ddfl');
  // Trondheim's roles are not in the extract: the signer needs no confirmed role.
  await j.chooseOrg('942110464', 'TRONDHEIM KOMMUNE (942110464)');
  const drift = await fillSuppliers(j, '994598759', '22334455');
  await j.group(SIGNING_TITLE).getByLabel('Fødselsnummer').fill(testPerson('Åse Signatar').fnr);
  await toSigning(page);

  const answers = page.locator('.bp-answers');
  await expect(page.getByRole('heading', { name: 'Se over svarene' })).toBeVisible();
  await expect(answers.getByText('Bestill aktivering av ServiceBus', { exact: true })).toBeVisible();
  await expect(answers.getByText('Av', { exact: true })).toBeVisible();
  // Hidden fields are not listed.
  await expect(answers.getByText('Kontaktperson', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, 'check answers');
  // Printed (Chromium's print to PDF, read back): every answer, no menus, buttons or footer.
  await page.emulateMedia({ media: 'print' });
  const printed = pdfText(await page.pdf({ format: 'A4' })).replace(/\s+/g, ' ');
  await page.emulateMedia({ media: 'screen' });
  for (const answer of ['Se over svarene', 'Bestill aktivering av ServiceBus', '994598759', '22334455']) {
    expect(printed, `printed: ${answer}`).toContain(answer);
  }
  expect(printed, 'no buttons in print').not.toMatch(/\bEndre\b|Gå til signering|Avbryt signering/);
  for (const chrome of ['Språk', 'Logg ut', 'Har du spørsmål?']) expect(printed, `not printed: ${chrome}`).not.toContain(chrome);

  await answers.getByRole('button', { name: 'Endre E-post' }).click();
  await expect(drift.getByLabel('E-post')).toBeFocused();
  await drift.getByLabel('E-post').fill('ny@driftspartner.no');
  await toSigning(page);
  await expect(answers.getByText('ny@driftspartner.no')).toBeVisible();
});

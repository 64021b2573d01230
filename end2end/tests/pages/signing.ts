// Page object: ordering Digital Dialog Fastlege and signing its terms (SPEC §4) — the
// form with the signer's fødselsnummer, the signing intro, the document viewer, and the
// package's text as pdftotext reads it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { JourneyPage } from './journey';

export const SIGNING_TITLE = 'Signering av bruksvilkår for Digital Dialog Fastlege';
export const DDFL_TERMS = 'Bruksvilkår for digital dialog fastlege (DDFL)';

/** Fills EPJ-leverandør and Driftsleverandør; the Driftsleverandør group, to go on with. */
export async function fillSuppliers(j: JourneyPage, orgnr: string, phone: string) {
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

/** Fills the whole DDFL form, naming `signerFnr` as the person who signs. */
export async function fillDdfl(j: JourneyPage, signerFnr: string) {
  await fillSuppliers(j, '994 598 759', '22 33 44 55');
  await j.group(SIGNING_TITLE).getByLabel('Fødselsnummer').fill(signerFnr);
}

export async function toSigning(page: Page) {
  await page.getByRole('button', { name: 'Gå videre til signering' }).click();
  await expect(page.getByRole('heading', { name: SIGNING_TITLE })).toBeVisible();
}

/** From the intro: "Les dokument og signer", then "Signer dokument" in the viewer. */
export async function readAndSign(page: Page) {
  await page.getByRole('button', { name: 'Les dokument og signer' }).click();
  await expect(page.getByRole('heading', { name: DDFL_TERMS })).toBeVisible();
  await page.getByRole('button', { name: 'Signer dokument' }).click();
}

/** The refusal when someone else than the form's person logged in to sign. */
export function otherPersonRefusal(page: Page) {
  return page.getByTestId('signing-refused').filter({ hasText: 'den som logget inn, er ikke personen med fødselsnummeret i skjemaet' });
}

/** Today as the package writes it: DD.MM.ÅÅÅÅ, Norwegian time. */
export function today(): string {
  return new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
}

/** The text of a PDF, as poppler's pdftotext extracts it. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-pdf-'));
  const file = path.join(dir, 'p.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Page object: the built-in test identity provider ("Testinnlogging").
import { expect, test, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Person { fnr: string; name: string; eid?: string }

/** Synthetic test persons (month + 80): never real people. */
export const KARI: Person = { fnr: '08908834756', name: 'Kari Testperson', eid: 'BankID' };

export class LoginPage {
  constructor(private readonly page: Page) {}

  async fill(person: Person) {
    await expect(this.page.getByRole('heading', { name: 'Testinnlogging' })).toBeVisible();
    if (person.eid) await this.page.getByLabel('Velg elektronisk ID').selectOption({ label: person.eid });
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

/** Weighted sum mod 11 → the control digit, or null when the number cannot exist. */
function control(digits: number[], weights: number[]): number | null {
  const k = 11 - (digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11);
  return k === 11 ? 0 : k === 10 ? null : k;
}

/**
 * Claims `fnr` for this test and `name` in the run's register of persons handed out (one
 * file per number, created exclusively; `BP_E2E_PEOPLE`, set by the config for every
 * worker): true when it is theirs, newly or from an earlier login in the same test.
 */
function claim(fnr: string, name: string): boolean {
  const dir = process.env.BP_E2E_PEOPLE;
  if (!dir) return true;
  const file = path.join(dir, fnr);
  const owner = `${test.info().testId}|${name}`;
  try {
    fs.writeFileSync(file, owner, { flag: 'wx' });
    return true;
  } catch {
    return fs.readFileSync(file, 'utf8') === owner;
  }
}

/**
 * A synthetic test person (month + 80) of this test's own: no two tests of a run get the
 * same number, so tests that share a server do not share drafts or orders. Derived from
 * the test's id, so a second login in one test is the same person. `born` fixes the date
 * of birth, for a role in Enhetsregisteret (matched by birth date and name).
 */
export function testPerson(name = 'Kari Testperson', born?: { day: number; month: number; year: number }): Person {
  let hash = 0;
  for (const c of test.info().testId + name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const day = born?.day ?? 1 + (hash % 28);
  const month = born?.month ?? 1 + ((hash >>> 5) % 12);
  const year = born?.year ?? 1950 + ((hash >>> 9) % 50);
  for (let tried = 0, n = (hash >>> 15) % 500; ; tried++, n = (n + 1) % 500) {
    if (tried === 500) throw new Error(`no test person born ${day}.${month}.${year} left`);
    const nine = `${String(day).padStart(2, '0')}${String(month + 80)}${String(year % 100).padStart(2, '0')}${String(n).padStart(3, '0')}`;
    const d = [...nine].map(Number);
    const k1 = control(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 === null) continue;
    const k2 = control([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k2 === null) continue;
    const fnr = `${nine}${k1}${k2}`;
    // KARI's own number is used as it is by some tests: never handed out.
    if (fnr === KARI.fnr || !claim(fnr, name)) continue;
    return { fnr, name, eid: 'BankID' };
  }
}

/** Kari, daglig leder in the bundled extract's demo units (born 8 October 1988), as a
 *  test person of the current test's own: she may accept terms for them. */
export const kari = () => testPerson('Kari Testperson', { day: 8, month: 10, year: 1988 });

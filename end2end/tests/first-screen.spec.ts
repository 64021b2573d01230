// The first screen before the wasm (issue 16): the entry pages arrive rendered at build
// time from the app's own components, are readable and accessible on HTML + CSS alone,
// and the SPA takes them over without moving anything and without losing what was typed.
// The app is fetched only when the visitor needs it (`app/boot.js`): at the first touch of
// a control that is not a link, or at once for someone signed in or with a chosen language.
import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { testPerson } from './pages/login';

const ENTRY_PAGES = [
  { path: '/', heading: /^DigiHelse/, action: { role: 'link' as const, name: /Logg inn med ID-porten/ }, title: 'Digitale innbyggertjenester – Skjema og avtaler' },
  { path: '/skjema/ddfl', heading: /Digital Dialog Fastlege/, action: { role: 'link' as const, name: /Logg inn med ID-porten/ }, title: /Digital Dialog Fastlege.* – Skjema og avtaler$/ },
  { path: '/kundeportal/innlogging', heading: /Innlogging kundeportal/, action: { role: 'button' as const, name: 'Logg inn' }, title: 'Innlogging kundeportal – Skjema og avtaler' },
];

/** Touches a control of the page (a keyboard user tabbing to one does the same). */
async function touch(page: Page) {
  await page.locator('#bp-app button:visible').first().focus();
}

/** Records the page's requests for the app's code. */
function appRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', r => { if (r.url().includes('/pkg/')) urls.push(r.url()); });
  return urls;
}

/** Resolves once the SPA has replaced the pre-rendered first screen. */
async function rememberFirstScreen(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => { (window as any).__first = document.getElementById('bp-app'); });
  });
}
async function takenOver(page: Page) {
  await page.waitForFunction(() => (window as any).__first && document.getElementById('bp-app') !== (window as any).__first);
}

/** Holds the app's wasm back until the returned function is called. */
async function holdTheApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>(resolve => { release = resolve; });
  await page.route('**/pkg/app_bg.wasm', async route => { await released; await route.continue(); });
  return release;
}

/** Keeps the SPA from starting: the page stays as the server sent it. */
async function withoutTheApp(page: Page) {
  await page.route('**/boot.js', route => route.abort());
  await page.route('**/pkg/**', route => route.abort());
}

for (const entry of ENTRY_PAGES) {
  test(`${entry.path} shows its first screen before the SPA starts, accessible`, async ({ page }) => {
    await withoutTheApp(page);
    await page.goto(entry.path);
    await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
    await expect(page.getByRole(entry.action.role, { name: entry.action.name })).toBeVisible();
    await expect(page).toHaveTitle(entry.title);
    // It is in the document as served, not drawn by a script.
    expect(await (await page.request.get(entry.path)).text()).toContain('<div id="bp-app" data-start="on-use">');
    await expectNoAxeViolations(page, `${entry.path} as pre-rendered`);
  });

  test(`${entry.path}: the SPA takes over without a layout shift`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as any).__shifts = 0;
      new PerformanceObserver(list => {
        for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__shifts += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
      document.addEventListener('DOMContentLoaded', () => { (window as any).__first = document.getElementById('bp-app'); });
    });
    await page.goto(entry.path);
    await touch(page);
    // The pre-rendered root is replaced by the SPA's own.
    await takenOver(page);
    await expect(page.getByRole(entry.action.role, { name: entry.action.name })).toBeVisible();
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => (window as any).__shifts as number);
    expect(cls, 'cumulative layout shift while the SPA takes over').toBeLessThanOrEqual(0.02);
  });
}

test('what is typed before the SPA has started is kept when it takes over', async ({ page }) => {
  // Hold the wasm back until the visitor has typed.
  const release = await holdTheApp(page);
  await rememberFirstScreen(page);
  await page.goto('/kundeportal/innlogging');
  await page.getByLabel('Brukernavn').fill('kari.kontakt');
  await page.getByLabel('Brukernavn').focus();
  release();
  await takenOver(page);
  await expect(page.getByLabel('Brukernavn')).toHaveValue('kari.kontakt');
  await expect(page.getByLabel('Brukernavn')).toBeFocused();
  // The SPA has the value too: only the password is missing.
  await page.getByRole('button', { name: 'Logg inn' }).click();
  const summary = page.locator('.ds-error-summary');
  await expect(summary.getByRole('link', { name: 'Passord: Du må fylle ut feltet.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Brukernavn/ })).toHaveCount(0);
});

test('a page that is not an entry page is drawn by the SPA from the plain document', async ({ page }) => {
  await withoutTheApp(page);
  await page.goto('/kundeportal/brukerstotte');
  await expect(page.locator('#bp-app')).toHaveCount(0);
});

test('a form sent before the SPA started comes back to its page, the password not in any URL', async ({ page, baseURL }) => {
  for (const [path, back] of [['/kundeportal/innlogging', '/kundeportal/innlogging'], ['//elsewhere.example/x', '/']]) {
    const r = await page.request.post(baseURL + path, { form: { username: 'kari.kontakt', password: 'hemmelig' }, maxRedirects: 0 });
    expect(r.status(), path).toBe(303);
    expect(r.headers()['location'], path).toBe(back);
  }
  // The login pressed before the wasm has loaded: the browser posts it to the server's
  // login, which sends it back to the page saying what was wrong.
  await withoutTheApp(page);
  const urls: string[] = [];
  page.on('request', r => urls.push(r.url()));
  await page.goto('/kundeportal/innlogging');
  await page.getByLabel('Brukernavn').fill('kari.kontakt');
  await page.getByLabel('Passord', { exact: true }).fill('hemmelig');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/kundeportal\/innlogging\?feil=passord$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Innlogging kundeportal' })).toBeVisible();
  expect(urls.filter(u => u.includes('hemmelig'))).toEqual([]);
});

test('a page split from the first load arrives when the user goes there, on a cold cache', async ({ browser }, info) => {
  const context = await browser.newContext({ ...info.project.use, serviceWorkers: 'block' });
  const page = await context.newPage();
  const split: string[] = [];
  page.on('request', r => { if (/\/pkg\/(split_|chunk_)/.test(r.url())) split.push(r.url()); });
  await page.goto('/kundeportal/innlogging');
  await page.getByLabel('Brukernavn').focus();
  await page.waitForFunction(() => document.getElementById('bp-app')?.hasAttribute('data-live'));
  await page.waitForLoadState('networkidle');
  expect(split, 'the entry page loads no other page\'s code').toEqual([]);
  await page.getByRole('link', { name: 'Glemt passordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glemt passordet?' })).toBeVisible();
  expect(split.some(u => u.includes('customer_pages')), 'its area\'s module came on the way').toBe(true);
  // And it works: its form checks what was typed.
  await page.getByRole('button', { name: 'Send lenke' }).click();
  await expect(page.locator('.ds-error-summary')).toBeVisible();
  await expectNoAxeViolations(page, 'a late-loaded page');
  await context.close();
});

for (const entry of ENTRY_PAGES) {
  test(`${entry.path} fetches the app only when a control is touched`, async ({ page }) => {
    const fetched = appRequests(page);
    await page.goto(entry.path);
    await page.waitForLoadState('networkidle');
    // Following the primary action's link, or reading, needs no app.
    await page.getByRole('link', { name: 'Hopp til hovedinnhold' }).focus();
    await page.waitForTimeout(300);
    expect(fetched, 'nothing of the app before a control is touched').toEqual([]);
    await touch(page);
    await page.waitForFunction(() => document.getElementById('bp-app')?.hasAttribute('data-live'));
    expect(fetched.some(u => u.endsWith('/pkg/app_bg.wasm'))).toBe(true);
  });
}

test('a button pressed before the app is there is pressed again once it has taken over', async ({ page }) => {
  const release = await holdTheApp(page);
  await rememberFirstScreen(page);
  await page.goto('/');
  const language = page.getByRole('button', { name: 'Språk' });
  await language.click();
  // Held, and says so, while the app arrives.
  await expect(language).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  release();
  await takenOver(page);
  // Pressed again: the menu is open.
  await expect(language).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('link', { name: /Log in with ID-porten/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the landing page in English after a held press');
});

test('the portal login pressed before the app has loaded goes on with what was typed', async ({ page }) => {
  const release = await holdTheApp(page);
  await rememberFirstScreen(page);
  const urls: string[] = [];
  page.on('request', r => urls.push(r.url()));
  await page.goto('/kundeportal/innlogging');
  await page.getByLabel('Brukernavn').fill('kari.kontakt');
  await page.getByLabel('Brukernavn').press('Enter');
  await expect(page.getByRole('button', { name: 'Logg inn' })).toHaveAttribute('aria-busy', 'true');
  release();
  await takenOver(page);
  const summary = page.locator('.ds-error-summary');
  await expect(summary.getByRole('link', { name: 'Passord: Du må fylle ut feltet.' })).toBeVisible();
  await expect(page.getByLabel('Brukernavn')).toHaveValue('kari.kontakt');
  // The browser never posted the form itself.
  expect(urls.filter(u => u.endsWith('/kundeportal/innlogging') && u !== urls[0])).toEqual([]);
});

test('someone signed in, or with a language of their own, gets the app at once', async ({ page, baseURL }) => {
  const fetched = appRequests(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('bp-lang', 'en'));
  await page.goto('/skjema/ddfl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: /Log in with ID-porten/ })).toBeVisible();
  expect(fetched.some(u => u.endsWith('/pkg/app_bg.wasm'))).toBe(true);
  await page.evaluate(() => localStorage.removeItem('bp-lang'));

  // A test login sets the session and its hint; the landing page is then the journey's.
  const person = testPerson();
  const r = await page.request.post(`${baseURL}/api/auth/test-login`, {
    data: { eid: 'minid', fodselsnummer: person.fnr, name: person.name },
  });
  expect(r.ok()).toBe(true);
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Logg inn med ID-porten/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `Du er innlogget som ${person.name} (fullført)` })).toBeVisible();
});

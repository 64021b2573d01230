// The first screen before the wasm (issue 16): the entry pages arrive rendered at build
// time from the app's own components, are readable and accessible on HTML + CSS alone,
// and the SPA takes them over without moving anything and without losing what was typed.
import { expect, test, type Page } from './fixtures';
import { expectNoAxeViolations } from './a11y';

const ENTRY_PAGES = [
  { path: '/', heading: /^DigiHelse/, action: { role: 'link' as const, name: /Logg inn med ID-porten/ }, title: 'Digitale innbyggertjenester – Skjema og avtaler' },
  { path: '/skjema/ddfl', heading: /Digital Dialog Fastlege/, action: { role: 'link' as const, name: /Logg inn med ID-porten/ }, title: /Digital Dialog Fastlege.* – Skjema og avtaler$/ },
  { path: '/kundeportal/innlogging', heading: /Innlogging kundeportal/, action: { role: 'button' as const, name: 'Logg inn' }, title: 'Innlogging kundeportal – Skjema og avtaler' },
];

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
    expect(await (await page.request.get(entry.path)).text()).toContain('<div id="bp-app">');
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
    // The pre-rendered root is replaced by the SPA's own.
    await page.waitForFunction(() => (window as any).__first && document.getElementById('bp-app') !== (window as any).__first);
    await expect(page.getByRole(entry.action.role, { name: entry.action.name })).toBeVisible();
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => (window as any).__shifts as number);
    expect(cls, 'cumulative layout shift while the SPA takes over').toBeLessThanOrEqual(0.02);
  });
}

test('what is typed before the SPA has started is kept when it takes over', async ({ page }) => {
  // Hold the wasm back until the visitor has typed.
  let release!: () => void;
  const typed = new Promise<void>(resolve => { release = resolve; });
  await page.route('**/pkg/app_bg.wasm', async route => { await typed; await route.continue(); });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => { (window as any).__first = document.getElementById('bp-app'); });
  });
  await page.goto('/kundeportal/innlogging');
  await page.getByLabel('Brukernavn').fill('kari.kontakt');
  await page.getByLabel('Brukernavn').focus();
  release();
  await page.waitForFunction(() => (window as any).__first && document.getElementById('bp-app') !== (window as any).__first);
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
  // Pressed before the wasm has loaded: the browser posts, and is sent back to the page.
  await withoutTheApp(page);
  const urls: string[] = [];
  page.on('request', r => urls.push(r.url()));
  await page.goto('/kundeportal/innlogging');
  await page.getByLabel('Brukernavn').fill('kari.kontakt');
  await page.getByLabel('Passord', { exact: true }).fill('hemmelig');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/kundeportal\/innlogging$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Innlogging kundeportal' })).toBeVisible();
  expect(urls.filter(u => u.includes('hemmelig'))).toEqual([]);
});

test('a page split from the first load arrives when the user goes there, on a cold cache', async ({ browser }, info) => {
  const context = await browser.newContext({ ...info.project.use, serviceWorkers: 'block' });
  const page = await context.newPage();
  const split: string[] = [];
  page.on('request', r => { if (/\/pkg\/(split_|chunk_)/.test(r.url())) split.push(r.url()); });
  await page.goto('/kundeportal/innlogging');
  await page.waitForFunction(() => document.getElementById('bp-app')?.hasAttribute('data-live'));
  await page.waitForLoadState('networkidle');
  expect(split, 'the entry page loads no other page\'s code').toEqual([]);
  await page.getByRole('link', { name: 'Glemt passordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glemt passordet?' })).toBeVisible();
  expect(split.some(u => u.includes('forgot_password')), 'its own module came on the way').toBe(true);
  // And it works: its form checks what was typed.
  await page.getByRole('button', { name: 'Send lenke' }).click();
  await expect(page.locator('.ds-error-summary')).toBeVisible();
  await expectNoAxeViolations(page, 'a late-loaded page');
  await context.close();
});

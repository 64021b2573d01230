// Nynorsk and English are not in the app's code (issue 16): a language's texts
// (`/lang/nn.txt`, `/lang/en.txt`) are fetched when it is chosen, and with the app when the
// device chose it before; a bokmål visitor fetches neither. Offline, the choice fails
// with a message and the page stays as it was.
import { expect, test, type Page } from './fixtures';
import { chooseLanguage } from './pages/language';

/** Records the page's requests for language files. */
function languageRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', r => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/lang/')) paths.push(path);
  });
  return paths;
}

test('a language is fetched when chosen, once, and the app starts in it next time', async ({ page }) => {
  const requests = languageRequests(page);
  await page.goto('/skjema/ddfl');
  await page.getByRole('button', { name: 'Språk' }).click();
  await expect(page.getByRole('button', { name: 'English', exact: true })).toBeVisible();
  expect(requests, 'bokmål needs no language file').toEqual([]);

  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Language' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Log in with ID-porten/ })).toBeVisible();
  expect(requests).toEqual(['/lang/en.txt']);
  // Back and forth: nothing fetched twice.
  await chooseLanguage(page, 'Bokmål');
  await chooseLanguage(page, 'English');
  expect(requests).toEqual(['/lang/en.txt']);

  // The device remembers English: the file comes with the app (one request, `boot.js`'s
  // preload taken by the app), which starts in English.
  requests.length = 0;
  await page.reload();
  await expect(page.locator('#bp-app[data-live]')).toBeAttached();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: /Log in with ID-porten/ })).toBeVisible();
  expect(requests).toEqual(['/lang/en.txt']);
});

test('offline, choosing a language says so and the page stays in its language', async ({ page }) => {
  await page.route('**/lang/nn.txt', route => route.abort('internetdisconnected'));
  await page.goto('/skjema/ddfl');
  await page.getByRole('button', { name: 'Språk' }).click();
  await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Språket kunne ikke hentes' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.getByRole('link', { name: /Logg inn med ID-porten/ })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('bp-lang'))).toBeNull();

  // Back online, the same choice works.
  await page.unroute('**/lang/nn.txt');
  await page.getByRole('button', { name: 'Nynorsk', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('alert').filter({ hasText: 'Språket kunne ikke hentes' })).toBeHidden();
});

// Accessibility check: axe-core with the WCAG 2.1 A and AA rules; zero violations allowed.
// Once the SPA runs the page, each check is made in all three languages (issue 18): the
// page is switched to nynorsk and English through the header's language menu, as it
// stands — same step, same answers, same errors — checked in each, and switched back.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const LANGUAGES = ['nb', 'nn', 'en'];

async function check(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/**
 * Chooses a language by pressing its button in the (closed) menu from script: the page's
 * focus and state stay as they are. False when the SPA does not run this page (the
 * pre-rendered first screen before the wasm, the identity provider's own pages).
 */
async function switchTo(page: Page, lang: string): Promise<boolean> {
  const pressed = await page.evaluate(tag => {
    const button = document.querySelector<HTMLButtonElement>(`#bp-app[data-live] #bp-language-menu button[lang="${tag}"]`);
    button?.click();
    return !!button;
  }, lang);
  if (pressed) await expect(page.locator('html')).toHaveAttribute('lang', lang);
  return pressed;
}

export async function expectNoAxeViolations(page: Page, where: string) {
  await check(page, where);
  const own = await page.locator('html').getAttribute('lang') ?? 'nb';
  for (const lang of LANGUAGES.filter(l => l !== own)) {
    if (!await switchTo(page, lang)) return;
    await check(page, `${where} (${lang})`);
  }
  await switchTo(page, own);
}

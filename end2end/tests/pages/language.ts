// The header's language menu: "Språk" (or "Language") opens it, each language is a
// button named in itself.
import { expect, type Page } from '@playwright/test';

export type Language = 'Bokmål' | 'Nynorsk' | 'English';

const TAGS: Record<Language, string> = { Bokmål: 'nb', Nynorsk: 'nn', English: 'en' };

/** Picks `language` in the header's menu and waits until the page says it is in it. */
export async function chooseLanguage(page: Page, language: Language) {
  await page.getByRole('button', { name: /^(Språk|Language)$/ }).click();
  await page.getByRole('button', { name: language, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', TAGS[language]);
}

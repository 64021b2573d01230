// Every end-to-end test runs with this `test`: it fails the test on any error the page
// logs and on any uncaught exception — a wasm panic ("RuntimeError: unreachable") among
// them — in every page of every browser context the test opens (issue 12.11). The
// browser's own note on a failed request ("Failed to load resource: … 401") is not the
// app's error: a 401 from /api/me is how a page learns nobody is logged in, and a
// refused connection is what a test that stops the server expects.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect };
export type { Browser, BrowserContext, Page };

const BROWSER_NETWORK_NOTE = /^Failed to load resource: /;

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [async ({ context, browser }, use) => {
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('console', message => {
        if (message.type() === 'error' && !BROWSER_NETWORK_NOTE.test(message.text())) {
          errors.push(`console error on ${page.url()}: ${message.text()}`);
        }
      });
      page.on('pageerror', error => errors.push(`uncaught on ${page.url()}: ${error.name}: ${error.message}`));
    };
    const watchContext = (c: BrowserContext) => {
      c.pages().forEach(watch);
      c.on('page', watch);
    };
    watchContext(context);
    // Contexts the test opens itself (a second browser, another person) are watched too.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
      const c = await newContext(...args);
      watchContext(c);
      return c;
    };
    await use(errors);
    browser.newContext = newContext;
    expect(errors, 'errors logged by the page, or uncaught (a wasm panic among them)').toEqual([]);
  }, { auto: true }],
});

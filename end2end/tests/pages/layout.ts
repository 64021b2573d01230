// Layout checks a screenshot reader makes and axe does not (issue 12.5): nothing wider
// than a phone's screen, and the step's primary action on the first screen.
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The narrow widths every page must fit: the Pixel 7's, WCAG's reflow width (1.4.10), and
 * a 1280 px screen zoomed to 200 % (1.4.4), which lays out like a 640 px wide one.
 */
export const PHONE_WIDTHS = [412, 320, 640];

/**
 * At each narrow width: the page does not scroll sideways, and no step of the journey
 * (with its ✓) reaches past the screen's edge. Puts the viewport back after.
 */
export async function fitsPhoneWidths(page: Page, where: string) {
  const original = page.viewportSize()!;
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: original.height });
    const found = await page.evaluate(() => {
      const doc = document.documentElement;
      const edge = doc.clientWidth + 1;
      // What reaches past the edge, outside a box that scrolls by design: to name the culprit.
      const wide = [...document.querySelectorAll('body *')]
        .filter(e => {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.right <= edge) return false;
          for (let a = e.parentElement; a; a = a.parentElement) {
            if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX) && a !== doc && a !== document.body) return false;
          }
          return true;
        })
        .slice(0, 4)
        .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> to ${Math.round(e.getBoundingClientRect().right)} px`);
      const steps = [...document.querySelectorAll('.bp-steps > li')].filter(e => e.getBoundingClientRect().right > edge).length;
      return { scroll: doc.scrollWidth, client: doc.clientWidth, wide, steps };
    });
    expect(found.scroll, `${where} at ${width} px scrolls sideways: ${found.wide.join('; ')}`).toBeLessThanOrEqual(found.client);
    expect(found.wide, `${where} at ${width} px`).toEqual([]);
    expect(found.steps, `${where} at ${width} px: steps past the edge`).toBe(0);
  }
  await page.setViewportSize(original);
}

/** The control is on the first screen of the page, scrolled to the top. */
export async function onFirstScreen(page: Page, control: Locator, where: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(control).toBeVisible();
  const box = (await control.boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(box.y + box.height, `${where}: the primary action ends at ${Math.round(box.y + box.height)} px of ${height}`).toBeLessThanOrEqual(height);
}

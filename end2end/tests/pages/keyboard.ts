// Keyboard only (issue 18.2): reach a control with Tab (Shift+Tab when it is behind), and
// check on the way that focus is visible — the focused control's outline or shadow differs
// from how it looks unfocused; after a step change, that focus is not lost to the body.
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * How a control is drawn where focus shows: outline and box-shadow — of the control, or
 * for a checkbox or radio button of its field (designsystemet rings the whole choice).
 */
async function ring(control: Locator): Promise<string> {
  return control.evaluate(e => {
    const choice = e.matches('input[type=checkbox], input[type=radio]');
    const drawn = (choice && e.closest('.ds-field')) || e;
    const s = getComputedStyle(drawn);
    return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
  });
}

/** Presses Tab (at most `max` times) until `control` has focus; fails if it never does. */
export async function tabTo(page: Page, control: Locator, max = 80) {
  await expect(control).toBeVisible();
  const isFocused = () => control.evaluate(e => e === document.activeElement);
  // Already there (Tab reached it before): how it looks unfocused cannot be seen now.
  const unfocused = (await isFocused()) ? null : await ring(control);
  for (let i = 0; i < max; i++) {
    if (await isFocused()) {
      const focused = await ring(control);
      if (unfocused !== null) expect(focused, 'focus is visible on the control').not.toBe(unfocused);
      expect(focused, 'focus is visible on the control').not.toMatch(/^none .*\| none$/);
      return;
    }
    // Past the last control Tab goes to the browser's own controls and comes back at the
    // top: the body has focus for that one press.
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${control}`);
}

/** Tabs to a text field and types into it, as a keyboard user does. */
export async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** Tabs to a control and presses it with Enter (links, buttons) or Space (checkboxes). */
export async function press(page: Page, control: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, control);
  await page.keyboard.press(key);
}

/** After a step change, focus is on something in the page, not the body. */
export async function focusKept(page: Page, where: string) {
  const focused = await page.evaluate(() => {
    const e = document.activeElement;
    return e && e !== document.body ? `${e.tagName} ${e.id}` : null;
  });
  expect(focused, `${where}: focus is on the page, not lost`).not.toBeNull();
}

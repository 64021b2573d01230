// Keyboard only (issue 18.2): reach a control with Tab (Shift+Tab when it is behind), and
// check on the way that focus is visible — the focused control's outline or shadow differs
// from how it looks unfocused; after a step change, that focus is not lost to the body.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Person } from './login';

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

/**
 * After a step change, focus is on something in the page, not the body. The app moves it
 * in the frame after the new step is drawn, so this waits for that frame (briefly).
 */
export async function focusKept(page: Page, where: string) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const e = document.activeElement;
          return e && e !== document.body ? `${e.tagName} ${e.id}` : null;
        }),
      { message: `${where}: focus is on the page, not lost`, timeout: 2000 },
    )
    .not.toBeNull();
}

/** Chooses an option of a select list as a keyboard user does: Tab to it, type its start. */
export async function chooseByTyping(page: Page, select: Locator, label: string) {
  await tabTo(page, select);
  await page.keyboard.type(label);
  await expect(select.locator('option:checked')).toHaveText(label);
}

/**
 * From a journey's page: the skip link first, then "Logg inn med ID-porten" and the test
 * login (its eID list too, when the person has one), all by keyboard.
 */
export async function logInByKeyboard(page: Page, path: string, person: Person) {
  await page.goto(path);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Hopp til hovedinnhold' })).toBeFocused();
  await page.keyboard.press('Enter');
  await press(page, page.getByRole('link', { name: /Logg inn med ID-porten/ }));
  await expect(page.getByRole('heading', { name: 'Testinnlogging' })).toBeVisible();
  if (person.eid) await chooseByTyping(page, page.getByLabel('Velg elektronisk ID'), person.eid);
  await typeInto(page, page.getByLabel('Fødselsnummer (syntetisk testperson)'), person.fnr);
  await typeInto(page, page.getByLabel('Navn'), person.name);
  await press(page, page.getByRole('button', { name: 'Logg inn', exact: true }));
  await expect(page.getByRole('heading', { name: `Du er innlogget som ${person.name} (fullført)` })).toBeVisible();
}

/** Step 2 by keyboard: the number, the lookup's answer, "Gå videre"; focus on step 3. */
export async function chooseOrgByKeyboard(page: Page, orgnr: string, shown: string) {
  await typeInto(page, page.getByLabel('Org. nr. eller virksomhetsnummer'), orgnr);
  await expect(page.getByRole('status').getByText(shown)).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Gå videre' }));
  await expect(page.getByRole('heading', { name: /Du aksepterer på vegne av/ })).toBeVisible();
  await expect(page.locator('#step-3')).toBeFocused();
  await focusKept(page, 'step 3');
}

// What axe does not check (issue 18.3–18.4), each on the DigiHelse journey: the title says
// "Feil: " while errors are shown, the error summary takes focus and its links move focus
// to the field; every control is at least 24 × 24 CSS px (WCAG 2.2, 2.5.8); with reduced
// motion asked for nothing animates; the receipt prints with every answer and no menus or
// buttons (Chromium's print to PDF, read back by pdftotext).
import { expect, test, type Page } from './fixtures';
import { GOOD, JourneyPage, SERVICE_PATH } from './pages/journey';
import { testPerson } from './pages/login';
import { pdfText } from './pages/signing';
import { fitsPhoneWidths } from './pages/layout';

const dagligLeder = () => testPerson('Kari Testperson', { day: 8, month: 10, year: 1988 });

/** Controls smaller than 24 × 24 CSS px, named; links inside running text are exempt. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll('button, input, select, textarea, a.ds-button, nav a, .bp-header a');
    return [...controls]
      .filter(e => {
        const r = e.getBoundingClientRect();
        // Hidden ones, and inputs drawn by their label (the label is the target), aside.
        if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return false;
        return r.width < 24 || r.height < 24;
      })
      .map(e => `<${e.tagName.toLowerCase()} ${e.id ? '#' + e.id : ''}> ${(e as HTMLElement).innerText?.trim().slice(0, 30) ?? ''} ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`);
  });
}

test('errors: the title says so, the summary takes focus, and its links lead to the field', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(dagligLeder());
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  const title = await page.title();
  expect(title).not.toMatch(/^Feil: /);
  await j.send();
  await expect(j.errorSummary()).toBeFocused();
  await expect(page).toHaveTitle(`Feil: ${title}`);
  const first = j.errorSummary().getByRole('link').first();
  const target = (await first.getAttribute('href'))!.slice(1);
  await first.click();
  await expect(page.locator(`[id="${target}"]`)).toBeFocused();
  // Put right, the errors go, and so does the prefix.
  await j.fillForm(GOOD);
  await j.send();
  await expect(page.getByRole('heading', { name: 'Les gjennom og aksepter Digitale innbyggertjenester' })).toBeVisible();
  await expect(page).not.toHaveTitle(/^Feil: /);
});

test('every control is at least 24 by 24 CSS pixels', async ({ page }) => {
  await page.goto(SERVICE_PATH);
  expect(await smallTargets(page), 'landing page').toEqual([]);
  await page.getByRole('button', { name: 'Språk' }).click();
  expect(await smallTargets(page), 'language menu').toEqual([]);
  await page.goto('/kundeportal/innlogging');
  expect(await smallTargets(page), 'portal login').toEqual([]);
  const j = new JourneyPage(page);
  await j.start(dagligLeder());
  expect(await smallTargets(page), 'organisation step').toEqual([]);
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  expect(await smallTargets(page), 'form step').toEqual([]);
  await j.send();
  expect(await smallTargets(page), 'form step with errors').toEqual([]);
});

test('with reduced motion asked for, nothing moves', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(SERVICE_PATH);
  await page.getByRole('button', { name: 'Språk' }).click();
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
    .map(e => {
      const s = getComputedStyle(e);
      const longest = (list: string) => Math.max(...list.split(',').map(v => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
      return { e, t: longest(s.transitionDuration), a: s.animationName === 'none' ? 0 : longest(s.animationDuration) };
    })
    .filter(({ t, a }) => t > 0.01 || a > 0.01)
    .slice(0, 5)
    .map(({ e, t, a }) => `<${e.tagName.toLowerCase()} class="${e.className}"> transition ${t}s animation ${a}s`));
  expect(moving).toEqual([]);
});

test('the receipt prints with every answer, and without menus or buttons', async ({ page, browserName }) => {
  test.skip(browserName !== 'chromium', 'print to PDF is Chromium\'s');
  const reference = await new JourneyPage(page).orderToReceipt(dagligLeder());
  await expect(page.getByRole('heading', { name: 'Kvittering for bestilling' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const text = pdfText(await page.pdf({ format: 'A4', printBackground: false }));
  for (const answer of [reference, GOOD.kommune, GOOD.herIdVirksomhet, ...GOOD.herIdParter, GOOD.kontaktNavn,
    GOOD.kontaktEpost, GOOD.epjSystem, GOOD.iktNavn, GOOD.iktEpost, 'DigiHelse', 'DigiHelsestasjon']) {
    expect(text, `printed: ${answer}`).toContain(answer);
  }
  for (const chrome of ['Språk', 'Logg ut', 'Skriv ut eller lagre som PDF', 'Last ned kvitteringa', 'Last ned kvitteringen', 'Har du spørsmål?']) {
    expect(text, `not printed: ${chrome}`).not.toContain(chrome);
  }
});

/**
 * Records what the live regions named by `testIds` say: one entry per change a screen
 * reader would announce (each batch of DOM changes inside a region, with its text then).
 */
async function recordAnnouncements(page: Page, testIds: string[]) {
  await page.evaluate(ids => {
    const said: Record<string, string[]> = Object.fromEntries(ids.map(id => [id, []]));
    (window as unknown as { said: typeof said }).said = said;
    new MutationObserver(records => {
      for (const id of ids) {
        const region = document.querySelector(`[data-testid="${id}"]`);
        if (region && records.some(r => region.contains(r.target) || r.target === region)) {
          said[id].push(region.textContent ?? '');
        }
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, testIds);
  return () => page.evaluate(() => (window as unknown as { said: Record<string, string[]> }).said);
}

test('live regions: each step change is announced once, and a saved draft once, not at every save', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(dagligLeder());
  const said = await recordAnnouncements(page, ['step-announcement', 'draft-saved']);
  await j.chooseOrg('994598759', 'NORSK HELSENETT SF (994598759)');
  await expect(page.getByTestId('step-announcement')).toHaveText('Steg 3 av 5: Fyll ut skjema');
  // The progress list marks the current step, and only it.
  await expect(page.locator('[aria-current="step"]')).toHaveCount(1);
  await expect(page.locator('[aria-current="step"] #step-3')).toBeVisible();
  // Each step's title says which step it is.
  await expect(page).toHaveTitle(/^Steg 3 av 5: Fyll ut skjema – .+ – Skjema og avtaler$/);
  const saved = page.getByRole('status').filter({ hasText: /^Svarene er lagret som utkast kl\. \d\d:\d\d\.$/ });
  await expect(saved).toBeVisible();

  // Three more saves while typing, each a second after the last key.
  const kommune = j.group('Kommune');
  for (const [field, text] of [['Navn', 'Ørland'], ['Navn', 'Ørland kommune'], ['Her-id virksomhet', '8765432']]) {
    const put = page.waitForResponse(r => r.request().method() === 'PUT' && r.url().includes('/api/drafts/'));
    await kommune.getByLabel(field).fill(text);
    expect((await put).status()).toBe(200);
  }
  await expect(saved).toBeVisible();

  await j.fillForm(GOOD);
  await j.send();
  await expect(page.getByTestId('step-announcement')).toHaveText('Steg 4 av 5: Les gjennom og aksepter avtaledokumenter');
  await expect(page.locator('[aria-current="step"] #step-4')).toBeVisible();
  await expect(page).toHaveTitle(/^Steg 4 av 5: Les gjennom og aksepter avtaledokumenter – .+ – Skjema og avtaler$/);
  const announced = await said();
  expect(announced['step-announcement']).toEqual(['Steg 3 av 5: Fyll ut skjema', 'Steg 4 av 5: Les gjennom og aksepter avtaledokumenter']);
  // Four saves or more; said once — twice if the clock passed a minute meanwhile.
  expect(announced['draft-saved'].length, announced['draft-saved'].join(' / ')).toBeGreaterThanOrEqual(1);
  expect(announced['draft-saved'].length, announced['draft-saved'].join(' / ')).toBeLessThanOrEqual(2);
});

test('the pages the journeys do not pass reflow at 320 px and at 200 % zoom too', async ({ page }) => {
  // The journeys, the portal, its login and the back office are checked on their way
  // (trips.spec.ts, kundesenter.spec.ts); these are the rest.
  for (const [path, heading] of [
    ['/innlogging-feilet', 'Innloggingen ble ikke fullført'], ['/utvikling/postkasse', 'Utviklingspostkasse'],
    ['/kundesenter/innlogging', 'Testinnlogging for kundesenteret'], ['/kundeportal/nytt-passord', 'Lag nytt passord'],
    ['/finnes-ikke', 'Fant ikke siden'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await fitsPhoneWidths(page, path);
  }
});

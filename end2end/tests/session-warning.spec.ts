// The form time limit's warning (SPEC §5, issue 6): with a short policy the dialog opens
// at the warning lead, takes focus, and "Forleng økten" extends the session on the server.
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectNoAxeViolations } from './a11y';
import { JourneyPage } from './pages/journey';
import { kari } from './pages/login';
import { startServer, stopServer } from './server';

test('the warning dialog opens before expiry with focus inside, and Forleng økten extends on the server', async ({ page }, info) => {
  const port = 8300 + info.workerIndex * 10 + (info.project.name === 'phone' ? 1 : 0);
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-warning-'));
  // 40 s sessions, warned 30 s before: the dialog comes about 10 s after the last activity.
  const server = await startServer(port, dbDir, { BP_SESSION_LIFETIME_SECS: '40', BP_SESSION_WARN_SECS: '30' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await new JourneyPage(page).start(kari(), base);
    const dialog = page.getByRole('dialog', { name: 'Økten din går snart ut' });
    await expect(dialog).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByRole('button', { name: 'Forleng økten' })).toBeFocused();
    await expect(dialog.getByText(/Du blir logget ut om 00:\d\d hvis du ikke forlenger økten/)).toBeVisible();
    await expectNoAxeViolations(page, 'session warning dialog');
    // The ticking clock is hidden from screen readers; they hear a coarse live line instead.
    await expect(page.getByTestId('countdown')).toHaveAttribute('aria-hidden', 'true');
    await expect(page.getByTestId('countdown-announcement')).toHaveText('Mindre enn ett minutt igjen av økten.');
    // Said once: while the clock ticks on within the same minute, the live line is left alone
    // (a screen reader may read a rewritten live region again, even with the same words).
    const rewrites = await page.getByTestId('countdown-announcement').evaluate(async line => {
      let seen = 0;
      const watch = new MutationObserver(changes => { seen += changes.length; });
      watch.observe(line, { childList: true, characterData: true, subtree: true });
      await new Promise(done => setTimeout(done, 3000));
      watch.disconnect();
      return seen;
    });
    expect(rewrites, 'the live line is not rewritten every second').toBe(0);

    const before = (await (await page.request.get(`${base}/api/me`)).json()).session.expires_at_ms as number;
    // By keyboard: the focused "Forleng økten" is pressed with Enter.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const after = (await (await page.request.get(`${base}/api/me`)).json()).session.expires_at_ms as number;
    expect(after).toBeGreaterThan(before);

    // Esc means "stay": the dialog closes and the session is extended again.
    await expect(dialog).toBeVisible({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    await stopServer(server);
  }
});

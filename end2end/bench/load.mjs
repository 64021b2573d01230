// First load on a throttled phone, measured in real Chromium: Lighthouse's mobile
// throttling (150 ms RTT, 1.6 Mbit/s down, 4x CPU slowdown), Pixel 7 viewport, cold cache.
// `node load.mjs <url> <runs> <action>`: <action> is the accessible name (a regular
// expression) of the page's primary action, a link or a button.
// Prints JSON, each figure the median of the runs: { lcpMs, actionMs, transferBytes,
// requests, cls, liveMs, touchedBytes } — bytes and requests until the network is idle;
// actionMs is when the primary action is on screen (in the document and painted) and
// works: for a link that is a real `href` at once, for a form's submit button when the
// form has an `action` the browser posts, for another button once a script has given it
// a handler. A page that fetches its app on use (`#bp-app[data-start=on-use]`) is
// loaded a second time per run, touched the way a visitor would — the first control
// focused right after the first paint that shows the action — for liveMs, when its app is
// live then, and touchedBytes, what it transferred until idle; a button that needs the app
// counts as working from then.
import { chromium, devices } from 'playwright-core';

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const action = new RegExp(process.argv[4] ?? 'Logg inn');
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });

// In the page, before anything else: when the action first is in the document (a real
// link counts; a button only once the app has mounted: React's root or ours has children
// that scripts put there), the first paint, and the layout shifts.
function watch([source, touch]) {
  const action = new RegExp(source);
  const seen = { actionAt: null, liveAt: null, onUse: false, shifts: 0 };
  window.__bench = seen;
  let touched = false;
  const live = () => !!(document.getElementById('bp-app')?.hasAttribute('data-live') || document.querySelector('#root > *'));
  // A submit button of a form with an action works without scripts: the browser posts it.
  const posts = el => el.type === 'submit' && !!el.form?.hasAttribute('action');
  const works = el => el.tagName === 'A' ? !!el.getAttribute('href') : posts(el) || live();
  const look = () => {
    seen.onUse ||= !!document.querySelector('#bp-app[data-start=on-use]');
    if (seen.liveAt === null && live()) seen.liveAt = performance.now();
    if (seen.actionAt !== null && touched) return;
    for (const el of document.querySelectorAll('a, button')) {
      if (!action.test(el.textContent.trim())) continue;
      if (touch && !touched) {
        touched = true;
        // After the paint that shows it, as a finger could.
        requestAnimationFrame(() => setTimeout(() => document.querySelector('#bp-app :is(input, button)')?.focus(), 0));
      }
      if (seen.actionAt === null && works(el)) seen.actionAt = performance.now();
      return;
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) seen.shifts += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

async function visit(touch) {
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  const page = await context.newPage();
  await page.addInitScript(watch, [action.source, touch]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let transferBytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', e => { transferBytes += e.encodedDataLength; requests += 1; });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForTimeout(500);
  const figures = await page.evaluate(() => new Promise(resolve => {
    new PerformanceObserver(list => {
      const entries = list.getEntries();
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const seen = window.__bench;
      resolve({
        lcpMs: entries[entries.length - 1].startTime,
        // On screen needs a paint: a link in the HTML is usable from the first one.
        actionMs: seen.actionAt === null ? null : Math.max(seen.actionAt, paint),
        liveMs: seen.liveAt,
        onUse: seen.onUse,
        cls: seen.shifts,
      });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  await context.close();
  return { ...figures, transferBytes, requests };
}

const results = [];
for (let i = 0; i < runs; i++) {
  const first = await visit(false);
  if (first.onUse) {
    const touched = await visit(true);
    first.liveMs = touched.liveMs;
    first.touchedBytes = touched.transferBytes;
    first.actionMs ??= touched.actionMs;
  }
  results.push(first);
}
await browser.close();
const median = key => {
  const values = results.map(r => r[key]).filter(v => v !== null).sort((a, b) => a - b);
  return values.length ? values[Math.floor(values.length / 2)] : null;
};
console.log(JSON.stringify({
  lcpMs: median('lcpMs'), actionMs: median('actionMs'), transferBytes: median('transferBytes'),
  requests: median('requests'), cls: median('cls'), liveMs: median('liveMs'),
  touchedBytes: median('touchedBytes'),
}));

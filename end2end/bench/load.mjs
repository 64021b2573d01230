// First load on a throttled phone, measured in real Chromium: Lighthouse's mobile
// throttling (150 ms RTT, 1.6 Mbit/s down, 4x CPU slowdown), Pixel 7 viewport.
// Prints JSON: { lcpMs, transferBytes, requests }. Used by `cargo xtask bench`.
import { chromium, devices } from 'playwright-core';

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  const page = await context.newPage();
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
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500);
  const lcpMs = await page.evaluate(() => new Promise(resolve => {
    new PerformanceObserver(list => {
      const entries = list.getEntries();
      resolve(entries[entries.length - 1].startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  results.push({ lcpMs, transferBytes, requests });
  await context.close();
}
await browser.close();
results.sort((a, b) => a.lcpMs - b.lcpMs);
const median = results[Math.floor(results.length / 2)];
console.log(JSON.stringify(median));

// Playwright: Debian's Chromium (Playwright's own browser download cannot work on these
// machines), a desktop and a phone project, the prebuilt server started with a fresh
// SQLite database per run. Started by `cargo xtask test`, which builds what it needs.
import { defineConfig, devices } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const port = Number(process.env.E2E_PORT ?? 8091);
const root = path.resolve(__dirname, '..');
const serverBin = process.env.BP_SERVER_BIN ?? path.join(root, 'target/debug/server');
// The config is read by every worker too; only the main process's webServer uses this.
const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-'));

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nb-NO',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
    { name: 'phone', use: { ...devices['Pixel 7'] } },
  ],
  webServer: {
    command: serverBin,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      BP_LISTEN: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${dbDir}/e2e.db`,
      BP_DIST: path.join(root, 'dist'),
      RUST_LOG: 'info',
    },
  },
});

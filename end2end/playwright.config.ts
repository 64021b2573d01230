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
// The run's register of test persons handed out (`pages/login.ts`): set once by the main
// process, inherited by the workers, so no two tests share a person.
process.env.BP_E2E_PEOPLE ??= fs.mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-people-'));
// A second portal that logs in through a real OpenID Connect provider set up like ID-porten.
export const oidcPortalPort = Number(process.env.E2E_OIDC_PORTAL_PORT ?? 8093);
export const oidcProviderPort = Number(process.env.E2E_OIDC_PROVIDER_PORT ?? 8092);
// That portal's customer centre logs staff in through a second provider (like NHN's
// Entra ID), sends e-mail to a real SMTP server (aiosmtpd into a Maildir the tests read)
// and SMS to a local gateway stub.
export const staffProviderPort = Number(process.env.E2E_STAFF_PROVIDER_PORT ?? 8095);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 8096);
export const smsStubPort = Number(process.env.E2E_SMS_PORT ?? 8097);
// aiosmtpd creates the Maildir's folders only when the directory does not exist yet.
process.env.BP_E2E_MAILDIR ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-mail-')), 'mail');
export const maildir = process.env.BP_E2E_MAILDIR;

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
    // The OpenID provider's test switches are provider-wide state: its spec runs in one
    // project, serially (see oidc.spec.ts). The flow behind it is not viewport-specific.
    { name: 'phone', use: { ...devices['Pixel 7'] }, testIgnore: /oidc\.spec\.ts/ },
  ],
  webServer: [
    {
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
    {
      command: `node ${path.join(__dirname, 'oidc/provider.mjs')} ${oidcProviderPort} http://127.0.0.1:${oidcPortalPort}/api/auth/callback`,
      url: `http://127.0.0.1:${oidcProviderPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node ${path.join(__dirname, 'oidc/staff-provider.mjs')} ${staffProviderPort} http://127.0.0.1:${oidcPortalPort}/api/staff/callback`,
      url: `http://127.0.0.1:${staffProviderPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `python3 -m aiosmtpd -n -l 127.0.0.1:${smtpPort} -c aiosmtpd.handlers.Mailbox ${maildir}`,
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node ${path.join(__dirname, 'sms/gateway-stub.mjs')} ${smsStubPort} test-sms-token`,
      url: `http://127.0.0.1:${smsStubPort}/received`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: serverBin,
      url: `http://127.0.0.1:${oidcPortalPort}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        BP_LISTEN: `127.0.0.1:${oidcPortalPort}`,
        DATABASE_URL: `sqlite://${dbDir}/e2e-oidc.db`,
        BP_DIST: path.join(root, 'dist'),
        BP_OIDC_ISSUER: `http://127.0.0.1:${oidcProviderPort}`,
        BP_OIDC_CLIENT_SECRET: 'test-secret-not-for-production',
        BP_STAFF_OIDC_ISSUER: `http://127.0.0.1:${staffProviderPort}`,
        BP_STAFF_OIDC_CLIENT_SECRET: 'staff-test-secret-not-for-production',
        BP_STAFF_ROLE_SAKSBEHANDLER: 'Bestillingsportal.Saksbehandler',
        BP_STAFF_ROLE_LEDER: 'Bestillingsportal.Leder',
        BP_SMTP_HOST: '127.0.0.1',
        BP_SMTP_PORT: String(smtpPort),
        BP_SMS_GATEWAY_URL: `http://127.0.0.1:${smsStubPort}/sms`,
        BP_SMS_GATEWAY_TOKEN: 'test-sms-token',
        RUST_LOG: 'info',
      },
    },
  ],
});

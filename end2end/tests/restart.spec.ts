// Durability: an order acknowledged to the user is still there after the server is
// stopped and started again on the same database (issue 2).
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GOOD, JourneyPage } from './pages/journey';
import { KARI } from './pages/login';

const root = path.resolve(__dirname, '..', '..');
const serverBin = process.env.BP_SERVER_BIN ?? path.join(root, 'target/debug/server');

async function startServer(port: number, dbDir: string): Promise<ChildProcess> {
  const child = spawn(serverBin, [], {
    env: { ...process.env, BP_LISTEN: `127.0.0.1:${port}`, DATABASE_URL: `sqlite://${dbDir}/restart.db`, BP_DIST: path.join(root, 'dist') },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function stop(child: ChildProcess) {
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGKILL'); // no graceful shutdown: the commit must already be on disk
  await exited;
}

test('an order survives a server crash and restart', async ({ page }, info) => {
  const port = 8200 + info.workerIndex * 10 + (info.project.name === 'phone' ? 1 : 0);
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-restart-'));
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(port, dbDir);
  try {
    const j = new JourneyPage(page);
    await j.start(KARI, base);
    await j.chooseOrg('964338531', 'BERGEN KOMMUNE (964338531)');
    await j.fillForm(GOOD);
    await j.send();
    await j.acceptAndFinish();
    const reference = await j.reference();

    await stop(server);
    server = await startServer(port, dbDir);

    await page.goto(`${base}/kvittering/${reference}`);
    await expect(page.getByTestId('receipt-reference')).toHaveText(reference);
    await expect(page.getByText('BERGEN KOMMUNE (964338531)')).toBeVisible();
  } finally {
    await stop(server);
  }
});

// Durability: an order acknowledged to the user is still there after the server is
// stopped and started again on the same database (issue 2).
import { expect, test } from './fixtures';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JourneyPage, goodFor } from './pages/journey';
import { kari } from './pages/login';
import { startServer, stopServer } from './server';

test('an order survives a server crash and restart', async ({ page }, info) => {
  const port = 8200 + info.workerIndex * 10 + (info.project.name === 'phone' ? 1 : 0);
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-restart-'));
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(port, dbDir);
  try {
    const j = new JourneyPage(page);
    await j.start(kari(), base);
    await j.chooseOrg('964338531', 'BERGEN KOMMUNE (964338531)');
    await j.fillForm(goodFor('964338531'));
    await j.send();
    await j.acceptAndFinish();
    const reference = await j.reference();

    await stopServer(server);
    server = await startServer(port, dbDir);

    await page.goto(`${base}/kvittering/${reference}`);
    await expect(page.getByTestId('receipt-reference')).toHaveText(reference);
    await expect(page.getByText('BERGEN KOMMUNE (964338531)')).toBeVisible();
  } finally {
    await stopServer(server);
  }
});

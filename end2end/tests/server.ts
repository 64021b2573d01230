// Starts a portal server process of the test's own (own port, own database, own
// settings), for tests that stop it, restart it or need a different configuration.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const serverBin = process.env.BP_SERVER_BIN ?? path.join(root, 'target/debug/server');

export async function startServer(port: number, dbDir: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(serverBin, [], {
    env: {
      ...process.env,
      BP_LISTEN: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${dbDir}/own.db`,
      BP_DIST: path.join(root, 'dist'),
      RUST_LOG: 'info',
      ...env,
    },
    // Its log goes into the run's output, which `cargo xtask test` searches for
    // fødselsnumre like every other server's.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

export async function stopServer(child: ChildProcess) {
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGKILL'); // no graceful shutdown: whatever was acknowledged must be on disk
  await exited;
}

// A real SMTP server for a spec (Python's aiosmtpd, into a Maildir), and the messages read
// back decoded by Python's email package — the same pair the API tests use.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';

export async function startSmtp(port: number, maildir: string): Promise<ChildProcess> {
  const child = spawn('python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>(resolve => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('aiosmtpd did not start');
}

const READ = `
import mailbox, sys
from email.header import decode_header, make_header
for m in mailbox.Maildir(sys.argv[1], create=False):
    subject = str(make_header(decode_header(m['Subject'])))
    # A message with an attachment (the signed package to e-helse): its text part.
    text = next((p for p in m.walk() if p.get_content_type() == 'text/plain'), m)
    body = (text.get_payload(decode=True) or b'').decode('utf-8')
    print(m['To'] + '|' + subject + '|' + body.replace('\\n', ' ') + '\\x1e')
`;

/** The delivered messages as "To|Subject|Body". */
export function delivered(maildir: string): string[] {
  try {
    const out = execFileSync('python3', ['-c', READ, maildir]).toString();
    return out.split('\x1e').map(s => s.trim()).filter(Boolean);
  } catch {
    return []; // no Maildir yet: nothing delivered
  }
}

/** Waits for a message to `to` whose subject contains `subject`, not among `seen`. */
export async function waitForMail(maildir: string, to: string, subject: string, seen: string[] = []): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const found = delivered(maildir).find(m => m.startsWith(`${to}|`) && m.split('|')[1].includes(subject) && !seen.includes(m));
    if (found) return found;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

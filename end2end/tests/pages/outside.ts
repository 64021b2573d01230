// Page object for what reaches people outside the portal in the end-to-end run: the
// e-mail in the real SMTP server's Maildir (decoded by Python's email package) and the
// text messages the local SMS gateway stub received.
import { execFileSync } from 'node:child_process';
import { expect } from '@playwright/test';
import { maildir, smsStubPort } from '../../playwright.config';

export interface Mail { to: string; subject: string; body: string }
export interface Sms { to: string; message: string; reference: string }

const READ_MAILDIR = `
import json, mailbox, sys
from email.header import decode_header, make_header
out = []
for m in mailbox.Maildir(sys.argv[1], create=False):
    part = m if not m.is_multipart() else next(p for p in m.walk() if p.get_content_type() == 'text/plain')
    out.append({'to': m['To'], 'subject': str(make_header(decode_header(m['Subject']))),
                'body': part.get_payload(decode=True).decode('utf-8')})
print(json.dumps(out))
`;

/** The mail delivered so far. */
export function mails(): Mail[] {
  return JSON.parse(execFileSync('python3', ['-c', READ_MAILDIR, maildir!], { encoding: 'utf8' }));
}

/** Waits for a mail that `matches`. */
export async function mailTo(to: string, subjectStart: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect.poll(() => {
    found = mails().find(m => m.to === to && m.subject.startsWith(subjectStart));
    return found !== undefined;
  }, { timeout: 15_000 }).toBe(true);
  return found!;
}

/** Waits for a text message to `to` (E.164). */
export async function smsTo(to: string): Promise<Sms> {
  let found: Sms | undefined;
  await expect.poll(async () => {
    const received: Sms[] = await (await fetch(`http://127.0.0.1:${smsStubPort}/received`)).json();
    found = received.find(s => s.to === to);
    return found !== undefined;
  }, { timeout: 15_000 }).toBe(true);
  return found!;
}

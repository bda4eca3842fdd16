/** The configured mailer: a mail server that is down costs a logged error, never the request that sent the mail. */
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import { startMailCapture } from '../../test/mail-capture.js';
import { createMailer } from './mail.js';

/** A loopback port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('with SMTP_URL the message goes out; with the server down, send() resolves and the failure is logged', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const capture = await startMailCapture();
  try {
    await createMailer({ smtpUrl: capture.url, mailFrom: 'Cocreate <no-reply@cocreate.test>' }, logger).send({
      to: 'a@example.org',
      subject: 'Hello',
      text: 'Body',
    });
    assert.equal(capture.to('a@example.org').length, 1);
  } finally {
    await capture.close();
  }
  const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'Cocreate <no-reply@cocreate.test>' }, logger);
  await down.send({ to: 'b@example.org', subject: 'Lost', text: 'Body' });
  assert.ok(
    lines.some((line) => line.includes('e-mail could not be sent') && line.includes('"level":50')),
    lines.join('\n'),
  );
});

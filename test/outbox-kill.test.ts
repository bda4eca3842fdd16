/**
 * Acceptance (issue #12): killing the server between the commit and the e-mail's send loses no notification and
 * sends none twice (ADR 0028). Real server processes on one PGlite data directory, mail to SMTP servers in this
 * process, kill -9 by pid:
 *   1. inputs posted over HTTP, each committed with its notification while the dispatcher is off (OUTBOX_WORKER=off);
 *      the server is killed right after the answers; no mail went;
 *      a restart with the dispatcher on sends each exactly once (by Message-ID), and a later tick sends none again;
 *   2. a mail server that stalls on DATA for the first delivery; the server is killed while it waits; a restart
 *      delivers the mail exactly once.
 * Every process started here is stopped by its pid.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { freePort, sleep } from '../bench/support.js';
import { openAndMigrate } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createUser } from '../src/modules/accounts/index.js';
import { modules } from '../src/modules/index.js';
import { seedDemoPlan } from '../src/modules/plans/index.js';
import { startMailCapture } from './mail-capture.js';
import { CookieJar, PASSWORD } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = new Set<ChildProcess>();
const folders: string[] = [];
const SESSION_SECRET = 'outbox-kill-test-secret-0123456789abcdef';

after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
}

/** The real server (src/server.ts) on the data directory, embedded PGlite, no demo data. */
async function startServer(dataDir: string, env: { SMTP_URL: string; OUTBOX_WORKER: 'on' | 'off' }): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      COCREATE_DEMO: 'false',
      COCREATE_DATA_DIR: dataDir,
      SESSION_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(
    'the server to answer /healthz',
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      return ok ? true : undefined;
    },
    120_000,
  );
  return { child, port, output: () => output };
}

async function kill9(server: Server): Promise<void> {
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  if (server.child.exitCode === null && server.child.signalCode === null) process.kill(server.child.pid ?? 0, 'SIGKILL');
  await exited;
}

/** A browser over real HTTP: cookies, and the CSRF token of the session. */
class HttpClient {
  readonly jar = new CookieJar();
  csrf = '';
  constructor(private readonly port: number) {}
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, { ...init, headers, redirect: 'manual' });
    this.jar.absorb(response);
    return response;
  }
  async form(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }),
    });
  }
  async signIn(email: string): Promise<void> {
    const page = await (await this.request('/login')).text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const response = await this.form('/login', { email, password: PASSWORD });
    assert.equal(response.status, 303, `${email} signs in`);
    this.csrf = ((await (await this.request('/api/v1/session')).json()) as { csrfToken: string }).csrfToken;
  }
}

/** Writes to the data directory from this process, while no server holds it (the lock says so, ADR 0015). */
async function withDatabase<T>(dataDir: string, run: (db: Awaited<ReturnType<typeof openAndMigrate>>['database']['db']) => Promise<T>): Promise<T> {
  const { database } = await openAndMigrate(loadConfig({ COCREATE_DATA_DIR: dataDir, COCREATE_DEMO: 'false' }), 'outbox-kill-test');
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

/**
 * The writer comments on the plan over HTTP, three times or once: the running server commits each input with its
 * notification and outbox row in one transaction, answers 201, and is killed (kill -9) right after the last answer.
 */
async function causeNotifications(server: Server, planId: number, numbers: number[]): Promise<void> {
  const writer = new HttpClient(server.port);
  await writer.signIn('writer@example.org');
  for (const n of numbers) {
    const response = await writer.request(`/api/v1/plans/${planId}/inputs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': writer.csrf },
      body: JSON.stringify({ targetType: 'plan', targetId: planId, body: `第 ${n} 則` }),
    });
    assert.equal(response.status, 201, await response.text());
  }
  await kill9(server);
}

const messageIds = (raws: readonly string[]) => raws.map((raw) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw.replace(/\r\n[ \t]+/g, ' '))?.[1] ?? '');

const listed = modules.some((m) => m.name === 'notifications');

test(
  'killed between commit and send: no mail lost, none sent twice; a send cut off on DATA is delivered once',
  { skip: listed ? false : 'the notifications module is not in src/modules/index.ts yet', timeout: 600_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cocreate-outbox-'));
    folders.push(dataDir);
    const capture = await startMailCapture();
    after(() => capture.close());
    // The demo plan (only: no inputs, nobody following), and two people.
    const planId = await withDatabase(dataDir, async (db) => {
      const { planId: id } = await seedDemoPlan(db);
      for (const name of ['follower', 'writer'])
        await createUser({ db }, 'cli', { email: `${name}@example.org`, displayName: name, password: PASSWORD, role: 'public', agencyIds: [] });
      return id;
    });

    // The follower follows the plan and asks for mail at once, over HTTP; the dispatcher is off.
    let server = await startServer(dataDir, { SMTP_URL: capture.url, OUTBOX_WORKER: 'off' });
    const client = new HttpClient(server.port);
    await client.signIn('follower@example.org');
    assert.equal((await client.request(`/api/v1/follows/plan/${planId}`, { method: 'PUT', headers: { 'x-csrf-token': client.csrf } })).status, 200);
    assert.equal((await client.form('/notifications/settings', { email: 'immediate', lang: 'zh' })).status, 303);

    // 1. Committed, then killed before any send.
    await causeNotifications(server, planId, [1, 2, 3]);
    server = await startServer(dataDir, { SMTP_URL: capture.url, OUTBOX_WORKER: 'off' });
    await sleep(1500);
    await kill9(server);
    assert.equal(capture.messages.length, 0, 'no mail while the dispatcher is off');

    server = await startServer(dataDir, { SMTP_URL: capture.url, OUTBOX_WORKER: 'on' });
    await until('three mails', () => (capture.messages.length >= 3 ? true : undefined), 30_000);
    // More than one poll later: nothing is sent again.
    await sleep(6500);
    const ids = messageIds(capture.messages.map((m) => m.raw));
    assert.equal(capture.messages.length, 3, `each mail once: ${ids.join(' ')}`);
    assert.equal(new Set(ids).size, 3);
    assert.ok(
      ids.every((id) => /^<outbox-\d+@localhost>$/.test(id)),
      ids.join(' '),
    );
    assert.deepEqual(capture.messages.map((m) => m.subject).sort(), ['新意見：第 1 則', '新意見：第 2 則', '新意見：第 3 則']);

    // 2. A mail server that takes the first message's DATA and never answers; killed while it waits.
    const stalling = await stallingMailServer();
    after(() => stalling.close());
    await kill9(server);
    server = await startServer(dataDir, { SMTP_URL: stalling.url, OUTBOX_WORKER: 'off' });
    await causeNotifications(server, planId, [4]);
    server = await startServer(dataDir, { SMTP_URL: stalling.url, OUTBOX_WORKER: 'on' });
    await until('the send to stall on DATA', () => (stalling.stalled ? true : undefined), 30_000);
    await kill9(server);
    assert.equal(stalling.accepted.length, 0);
    server = await startServer(dataDir, { SMTP_URL: stalling.url, OUTBOX_WORKER: 'on' });
    await until('the mail delivered', () => (stalling.accepted.length >= 1 ? true : undefined), 30_000);
    await sleep(6500);
    assert.equal(stalling.accepted.length, 1, 'delivered once');
    assert.match(stalling.accepted[0] ?? '', /Subject: =\?UTF-8\?/);
    await kill9(server);
    assert.equal(capture.messages.length, 3, 'and nothing more to the first server');
  },
);

/** An SMTP server whose first DATA never gets its answer (the connection hangs until the client dies); later ones are accepted. */
async function stallingMailServer(): Promise<{ url: string; stalled: boolean; accepted: string[]; close(): Promise<void> }> {
  const state = { stalled: false, accepted: [] as string[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (!state.stalled) {
          state.stalled = true;
          return; // never answered: the sender waits for its 250
        }
        state.accepted.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get stalled() {
      return state.stalled;
    },
    accepted: state.accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Two real app server processes on one PostgreSQL database (ADR 0020): a write through one is visible on the other's
 * cached page within a second, because the database tells every process's listener. Needs DATABASE_URL (a server
 * where we may create and drop a throwaway database). Every process started here is stopped by its pid.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/connection.js';
import { migrate } from '../src/db/migrator.js';
import { createUser } from '../src/modules/accounts/index.js';
import { seedDemoPlan } from '../src/modules/plans/index.js';
import { CookieJar, PASSWORD } from './helpers.js';

const adminUrl = process.env.DATABASE_URL;
const root = fileURLToPath(new URL('..', import.meta.url));
const name = `cocreate_cache_${process.pid}_${randomBytes(4).toString('hex')}`;
const servers: ChildProcess[] = [];
let planId = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function databaseUrl(): string {
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function startServer(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      PORT: String(port),
      HOST: '127.0.0.1',
      COCREATE_DEMO: 'false',
      SESSION_SECRET: 'page-cache-test-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.push(child);
  const base = `http://127.0.0.1:${port}`;
  await until('a server to answer /healthz', async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 120_000);
  return base;
}

async function signIn(base: string, email: string): Promise<{ jar: CookieJar; csrf: string }> {
  const jar = new CookieJar();
  const form = await fetch(`${base}/login`);
  jar.absorb(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: token, email, password: PASSWORD });
  const signedIn = await fetch(`${base}/login`, { method: 'POST', body, redirect: 'manual', headers: { cookie: jar.header() } });
  assert.equal(signedIn.status, 303);
  jar.absorb(signedIn);
  const session = (await (await fetch(`${base}/api/v1/session`, { headers: { cookie: jar.header() } })).json()) as { csrfToken: string };
  return { jar, csrf: session.csrfToken };
}

before(async () => {
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase({ engine: 'postgres', url: databaseUrl() });
  try {
    await migrate(database);
    planId = (await seedDemoPlan(database.db)).planId;
    await createUser({ db: database.db }, 'cli', { email: 'writer@example.org', displayName: 'Writer', password: PASSWORD, role: 'admin', agencyIds: [] });
  } finally {
    await database.close();
  }
});

after(async () => {
  for (const child of servers) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

test('a write through one server process shows on the other’s cached page within one second', { skip: adminUrl ? false : 'needs DATABASE_URL' }, async () => {
  const [writer, reader] = await Promise.all([startServer(), startServer()]);
  const pages = ['/plans/tw-2021-2024', '/en/plans/tw-2021-2024/commitments/1-1'];
  for (const page of pages) {
    await fetch(reader + page);
    const cached = await fetch(reader + page);
    assert.equal(cached.headers.get('x-page-cache'), 'hit', `${page} is cached on the reader`);
    await cached.arrayBuffer();
  }
  const { jar, csrf } = await signIn(writer, 'writer@example.org');
  const areas = (await (await fetch(`${writer}/api/v1/plans/${planId}/areas`)).json()) as { items: { id: number; position: number; version: number }[] };
  const area = areas.items.find((a) => a.position === 1) ?? areas.items[0]!;
  const title = `Renamed by the other process ${randomBytes(3).toString('hex')}`;
  const written = await fetch(`${writer}/api/v1/areas/${area.id}`, {
    method: 'PATCH',
    headers: { cookie: jar.header(), 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ position: area.position, title: { zh: `另一個行程改的名稱 ${title.slice(-6)}`, en: title }, version: area.version }),
  });
  assert.equal(written.status, 200, await written.clone().text());
  const committedAt = Date.now();
  for (const page of pages) {
    const lang = page.startsWith('/en') ? 'en' : 'zh';
    const expected = lang === 'en' ? title : title.slice(-6);
    await until(
      `${page} on the reader to show the new title`,
      async () => ((await (await fetch(reader + page)).text()).includes(expected) ? true : undefined),
      1000 - (Date.now() - committedAt),
    );
  }
  const elapsed = Date.now() - committedAt;
  assert.ok(elapsed < 1000, `visible after ${elapsed} ms`);
  // And it is cached again there, with the new content.
  const again = await fetch(reader + pages[1]!);
  assert.equal(again.headers.get('x-page-cache'), 'hit');
  assert.match(await again.text(), new RegExp(title));
});

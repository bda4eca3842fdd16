/**
 * The input benchmark (issue #12), used by bench/run.ts:
 *   - accounts with API tokens, made while the server is stopped (an embedded database allows one process), as many
 *     people posting as the run needs: each account may post 10 inputs an hour before it is slowed (ADR 0029);
 *   - inputs posted through HTTP by wrk (`POST /api/v1/plans/{id}/inputs`, a bearer token each, a client address each
 *     through X-Forwarded-For and TRUST_PROXY=loopback, since the limits count per address too): every request goes
 *     the whole way (token, limits, checks, insert, history, follow, notifications, the answer's JSON);
 *   - pgbench's single-row insert rate on the same PostgreSQL, in the same run, as the reference, into a table of the
 *     references' own that bench/bare-insert-server.ts (the ceiling for a Node server) writes into too;
 *   - a commitment topped up to 500 inputs through the CSV import, for the page benchmark.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openAndMigrate } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createApiToken, createUser } from '../src/modules/accounts/index.js';
import { planQueries } from '../src/modules/plans/index.js';
import { writeWrkScript } from './wrk.js';

/** The commitment the inputs go to, whose page is then measured with 500 of them. */
export const INPUTS_COMMITMENT = '2-2';
export const PAGE_INPUTS = 500;

export interface BenchAccounts {
  /** Participants' API tokens, one each. */
  tokens: string[];
  /** The secretariat's token (the import). */
  secretariatToken: string;
  planId: number;
  commitmentId: number;
}

/**
 * `count` participants and a secretariat account, each with an API token, written straight into the database the
 * server uses (stopped: the data directory's lock would refuse a second process on PGlite).
 */
export async function makeBenchAccounts(env: Record<string, string>, sessionSecret: string, count: number): Promise<BenchAccounts> {
  const config = loadConfig({ ...process.env, ...env, SESSION_SECRET: sessionSecret, COCREATE_DEMO: 'false' });
  const { database } = await openAndMigrate(config, 'bench');
  try {
    const db = database.db;
    const deps = { db, sessionSecret, now: () => new Date() };
    const plan = await planQueries.findPlanBySlug(db, 'tw-2021-2024');
    const commitment = plan && (await planQueries.findCommitmentByNumber(db, plan.id, INPUTS_COMMITMENT));
    if (!plan || !commitment) throw new Error('the demo plan is not in the database');
    const tokenFor = async (email: string, role: 'public' | 'secretariat') => {
      const id = await createUser({ db }, 'cli', {
        email,
        displayName: email.split('@')[0] ?? email,
        password: `bench ${email} password`,
        role,
        agencyIds: [],
      });
      const created = await createApiToken(deps, { id, displayName: email, role, agencyIds: [] }, { name: 'bench', expiresInDays: 1, scope: 'write' });
      return created.token;
    };
    const run = Date.now().toString(36);
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) tokens.push(await tokenFor(`bench-${run}-${i}@bench.invalid`, 'public'));
    return { tokens, secretariatToken: await tokenFor(`bench-${run}-secretariat@bench.invalid`, 'secretariat'), planId: plan.id, commitmentId: commitment.id };
  } finally {
    await database.close();
  }
}

/**
 * The wrk script that posts inputs: tokens taken in turn (each thread from its own place in the list), a new client
 * address for each request, the words numbered so that no two are the same.
 */
export async function writeInputScript(dir: string, accounts: BenchAccounts): Promise<string> {
  const lua = `-- Written by bench/inputs.ts: each request posts an input as the next account, from a new address.
local tokens = { ${accounts.tokens.map((t) => `"${t}"`).join(', ')} }
local counter = 0
local offset = 0
setup = function(thread)
  offset = offset + 1
  thread:set("offset", offset * 7919)
end
init = function(args)
  math.randomseed(os.time() + (offset or 0))
end
request = function()
  counter = counter + 1
  local n = counter + (offset or 0)
  local token = tokens[(n % #tokens) + 1]
  local address = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local body = '{"targetType":"commitment","targetId":${accounts.commitmentId},"body":"壓力測試意見 bench input ' .. n .. '-' .. math.random(1, 1000000000) .. '"}'
  return wrk.format("POST", "/api/v1/plans/${accounts.planId}/inputs", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = address,
  }, body)
end
`;
  return writeWrkScript(dir, lua, 'inputs.lua');
}

/** Tops the commitment up to PAGE_INPUTS inputs (comments from JOIN, as the import brings them), over HTTP. */
export async function topUpInputs(base: string, accounts: BenchAccounts): Promise<number> {
  const listed = await fetch(`${base}/api/v1/plans/${accounts.planId}/inputs?commitment=${accounts.commitmentId}`);
  const { total } = (await listed.json()) as { total: number };
  const missing = PAGE_INPUTS - total;
  if (missing <= 0) return total;
  const rows = ['source,submitted_at,author_name,source_url,target,kind,body'];
  for (let i = 0; i < missing; i++)
    rows.push(
      `join,2020-06-${String((i % 28) + 1).padStart(2, '0')},,https://join.gov.tw/idea/bench-${i},commitment:${INPUTS_COMMITMENT},comment,青年參與的建議之 ${i}：希望增加高中生的參與管道，並公開會議紀錄。`,
    );
  const response = await fetch(`${base}/api/v1/plans/${accounts.planId}/inputs/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accounts.secretariatToken}`, 'content-type': 'text/csv' },
    body: rows.join('\n'),
  });
  if (response.status !== 201) throw new Error(`the import of ${missing} inputs answered ${response.status}: ${await response.text()}`);
  return PAGE_INPUTS;
}

/** The references' connection settings for psql and pgbench. */
function pgEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  return {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: url.pathname.slice(1),
  };
}

/** The references' own table (pgbench's inserts and the bare server's), made before and dropped after them. */
export async function createInsertTable(databaseUrl: string): Promise<void> {
  await run(
    'psql',
    ['-q', '-v', 'ON_ERROR_STOP=1', '-c', 'CREATE TABLE IF NOT EXISTS bench_inserts (id bigserial PRIMARY KEY, body text NOT NULL)'],
    pgEnv(databaseUrl),
  );
}

export async function dropInsertTable(databaseUrl: string): Promise<void> {
  await run('psql', ['-q', '-c', 'DROP TABLE IF EXISTS bench_inserts'], pgEnv(databaseUrl));
}

/**
 * pgbench's rate of single-row inserts (one INSERT a transaction, autocommit) into bench_inserts on the same server,
 * with as many clients as wrk has connections: the reference for the inputs' rate.
 */
export async function pgbenchInsertRate(databaseUrl: string, dir: string, seconds: number, clients: number): Promise<{ tps: number; version: string }> {
  const env = pgEnv(databaseUrl);
  const script = path.join(dir, 'insert.sql');
  await writeFile(script, "INSERT INTO bench_inserts (body) VALUES ('壓力測試意見 bench input');\n");
  const out = await run('pgbench', ['-n', '-f', script, '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds)], env);
  const tps = /tps = ([\d.]+)/.exec(out)?.[1];
  if (!tps) throw new Error(`pgbench printed no rate:\n${out}`);
  const version = (await run('pgbench', ['--version'], env)).trim();
  return { tps: Number(tps), version };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${String(code)}:\n${out}`))));
  });
}

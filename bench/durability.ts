/**
 * Write throughput of the embedded database with fsync off and on (ADR 0014): N history-like rows, each in its own
 * transaction (as the services write: one change, one commit), on a file data directory in a temporary folder.
 *
 *   node --import tsx bench/durability.ts            # 3 rounds of 500 commits per mode, modes alternating
 *   DURABILITY_COMMITS=2000 DURABILITY_ROUNDS=5 node --import tsx bench/durability.ts
 *   DURABILITY_DIR=/var/lib/cocreate-bench node --import tsx bench/durability.ts   # measure on another disk
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connection.js';

const commits = Number(process.env.DURABILITY_COMMITS ?? 500);
const rounds = Number(process.env.DURABILITY_ROUNDS ?? 3);
const base = process.env.DURABILITY_DIR ?? tmpdir();

interface Result {
  fsync: boolean;
  commits: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

async function measure(fsync: boolean): Promise<Result> {
  const folder = mkdtempSync(join(base, 'cocreate-durability-'));
  try {
    const database = await openDatabase({ engine: 'pglite', dataDir: join(folder, 'pglite'), fsync, lockHolder: 'bench durability' });
    try {
      const { db } = database;
      await sql`CREATE TABLE history (id serial PRIMARY KEY, entity_type text NOT NULL, entity_id integer NOT NULL,
        plan_id integer, actor_name text NOT NULL, changes jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())`.execute(db);
      await sql`CREATE INDEX history_entity_idx ON history (entity_type, entity_id, id)`.execute(db);
      const changes = JSON.stringify({
        title: { before: { zh: '舊標題', en: 'Old title' }, after: { zh: '新的標題文字', en: 'A new title' } },
        version: { before: 3, after: 4 },
      });
      const latencies: number[] = [];
      const started = performance.now();
      for (let i = 0; i < commits; i++) {
        const t0 = performance.now();
        await db.transaction().execute(async (trx) => {
          await sql`INSERT INTO history (entity_type, entity_id, plan_id, actor_name, changes) VALUES ('commitment', ${i % 97}, 1, 'bench', ${changes}::jsonb)`.execute(
            trx,
          );
        });
        latencies.push(performance.now() - t0);
      }
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
      return { fsync, commits, seconds, perSecond: commits / seconds, p50ms: at(0.5), p99ms: at(0.99) };
    } finally {
      await database.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// Alternating the modes spreads a noisy neighbour (a shared disk, a busy host) over both.
const results: Result[] = [];
for (let round = 0; round < rounds; round++) for (const fsync of [false, true]) results.push(await measure(fsync));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const row = (label: string, r: Pick<Result, 'perSecond' | 'p50ms' | 'p99ms'>) =>
  `| ${label} | ${r.perSecond.toFixed(0)} | ${r.p50ms.toFixed(2)} | ${r.p99ms.toFixed(2)} |\n`;
process.stdout.write(`${rounds} rounds of ${commits} commits of one history-like row each, PGlite data directory under ${base}\n\n`);
process.stdout.write('| fsync, round | commits/s | p50 ms | p99 ms |\n|---|---:|---:|---:|\n');
for (const [i, r] of results.entries()) process.stdout.write(row(`${r.fsync ? 'on' : 'off'}, ${Math.floor(i / 2) + 1}`, r));
for (const fsync of [false, true]) {
  const mine = results.filter((r) => r.fsync === fsync);
  process.stdout.write(
    row(`**${fsync ? 'on' : 'off'}, median**`, {
      perSecond: median(mine.map((r) => r.perSecond)),
      p50ms: median(mine.map((r) => r.p50ms)),
      p99ms: median(mine.map((r) => r.p99ms)),
    }),
  );
}

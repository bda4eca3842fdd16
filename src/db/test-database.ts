/**
 * Test databases, copied from snapshots. A snapshot is a migrated database, perhaps prepared further (the demo plan
 * seeded), built once per test run by scripts/run-tests.mjs and copied for each test file or each test: PGlite
 * opens a dumped data directory (no initdb, migrations or seed per copy); PostgreSQL creates each database from a
 * template database, and drops it again at close(). A test file run on its own builds what it needs once, in its
 * own process. Snapshots are built from the migrations of the moment, and a run's snapshot whose migrations differ
 * from the files on disk is not used.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from './connection.js';
import { listMigrations, migrate } from './migrator.js';

/** The environment variable naming a run's snapshot manifest (set by scripts/run-tests.mjs for its test processes). */
export const SNAPSHOTS_ENV = 'COCREATE_TEST_SNAPSHOTS';
/** The snapshot of a migrated database with nothing in it; every run has it. */
export const MIGRATED = 'migrated';

/** Prepares a snapshot after migration; what it returns (plain JSON: ids) is handed to every copy. */
export type PrepareSnapshot = (database: Database) => Promise<unknown>;

interface SnapshotRecord {
  /** PGlite: the dumped data directory. */
  file?: string;
  /** PostgreSQL: the template database. */
  template?: string;
  meta: unknown;
}

interface Manifest {
  /** The server the templates live on; undefined for PGlite. */
  databaseUrl: string | undefined;
  migrations: string;
  snapshots: Record<string, SnapshotRecord>;
}

/** A snapshot ready to copy in this process. */
type Source =
  { engine: 'pglite'; blob: Blob; meta: unknown; unused?: Database | undefined } | { engine: 'postgres'; url: string; template: string; meta: unknown };

/** Identifies the migrations a snapshot was built from. */
export function migrationsChecksum(): string {
  const hash = createHash('sha256');
  for (const migration of listMigrations()) hash.update(`${migration.name}\n${migration.checksum}\n`);
  return hash.digest('hex');
}

/** A fresh migrated database with nothing in it: a copy of the `migrated` snapshot. */
export async function createTestDatabase(): Promise<Database> {
  return (await copyTestSnapshot(MIGRATED, async () => null)).database;
}

const sources = new Map<string, Promise<Source>>();

/**
 * A new database copied from the named snapshot, and the snapshot's prepared facts. `prepare` builds the snapshot
 * when this run has none by that name: a test file run alone, or a snapshot a test file makes for itself (its own
 * fixture, built once and copied for each test that writes); with a run's manifest it is not called.
 */
export async function copyTestSnapshot(name: string, prepare: PrepareSnapshot): Promise<{ database: Database; meta: unknown }> {
  const ready = await sourceFor(name, prepare);
  if (ready.engine === 'postgres') return { database: await createPostgresDatabase(ready.url, ready.template), meta: ready.meta };
  // The builder's own database, dumped before anything touched it, serves as the first copy.
  const unused = ready.unused;
  ready.unused = undefined;
  const database = unused ?? (await openDatabase({ engine: 'pglite', loadDataDir: ready.blob }));
  return { database, meta: ready.meta };
}

function sourceFor(name: string, prepare: PrepareSnapshot): Promise<Source> {
  let source = sources.get(name);
  if (!source) {
    source = fromManifest(name) ?? buildInProcess(name, prepare);
    sources.set(name, source);
    // A failed build is not remembered, so the next caller sees the error afresh rather than a stale rejection.
    source.catch(() => sources.delete(name));
  }
  return source;
}

function fromManifest(name: string): Promise<Source> | undefined {
  const path = process.env[SNAPSHOTS_ENV];
  if (!path) return undefined;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const record = manifest.snapshots[name];
  if (!record) return undefined;
  if (manifest.databaseUrl !== process.env.DATABASE_URL) return undefined;
  if (manifest.migrations !== migrationsChecksum()) {
    process.emitWarning(`the test run's snapshot "${name}" predates a change to the migrations; building a new one`);
    return undefined;
  }
  if (record.template && manifest.databaseUrl) {
    return Promise.resolve({ engine: 'postgres', url: manifest.databaseUrl, template: record.template, meta: record.meta });
  }
  if (record.file) return Promise.resolve({ engine: 'pglite', blob: new Blob([readFileSync(record.file)]), meta: record.meta });
  return undefined;
}

const builtTemplates: string[] = [];

async function buildInProcess(name: string, prepare: PrepareSnapshot): Promise<Source> {
  // Within a run, start from its migrated snapshot rather than migrating an empty database again.
  const base = name !== MIGRATED && process.env[SNAPSHOTS_ENV] ? await sourceFor(MIGRATED, async () => null) : undefined;
  const url = process.env.DATABASE_URL;
  if (!url) return buildPGliteSnapshot(prepare, base);
  const built = await buildTemplate(url, prepare, base);
  // Nobody else knows this template: drop it once the process has nothing left to do.
  if (builtTemplates.push(built.template) === 1) {
    process.once('beforeExit', () => {
      void Promise.all(builtTemplates.splice(0).map((template) => dropDatabase(url, template)));
    });
  }
  return built;
}

async function buildPGliteSnapshot(prepare: PrepareSnapshot, base?: Source): Promise<Source & { engine: 'pglite' }> {
  const database = await openDatabase({ engine: 'pglite', loadDataDir: base?.engine === 'pglite' ? base.blob : undefined });
  try {
    await migrate(database);
    const meta = await prepare(database);
    if (!database.dumpDataDir) throw new Error('this PGlite database cannot be dumped');
    return { engine: 'pglite', blob: await database.dumpDataDir(), meta, unused: database };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The same on PostgreSQL: a template database nobody may connect to, to be dropped by whoever built it. */
async function buildTemplate(url: string, prepare: PrepareSnapshot, base?: Source): Promise<Source & { engine: 'postgres' }> {
  const template = `cocreate_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = await createPostgresDatabase(url, base?.engine === 'postgres' ? base.template : undefined, template);
  let meta: unknown;
  try {
    await migrate(database);
    meta = await prepare(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  // Closed without dropping. Copying needs a database nobody is connected to, so nobody may connect again.
  await database.closeOnly();
  await adminQuery(url, `ALTER DATABASE ${template} WITH ALLOW_CONNECTIONS false`);
  return { engine: 'postgres', url, template, meta };
}

/** A database of its own on the server at `url` (empty, or a copy of `template`), dropped at close(). */
async function createPostgresDatabase(url: string, template?: string, name = `cocreate_test_${process.pid}_${randomBytes(4).toString('hex')}`) {
  await adminQuery(url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: testUrl.toString(), maxConnections: 5 });
  const closeOnly = async () => {
    await database.close();
    // The pool says it has ended before its connections have finished closing; killing them mid-goodbye (FORCE)
    // would raise errors in this process. Wait a moment for them to leave; FORCE is only the fallback.
    await waitForSessions(url, name);
  };
  return {
    ...database,
    closeOnly,
    close: async () => {
      await closeOnly();
      await dropDatabase(url, name);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function waitForSessions(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await admin.end();
  }
}

async function dropDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * Builds the run's snapshots (the `migrated` one and each of `preparations`) into `dir` and returns the manifest's
 * path, which test processes find in SNAPSHOTS_ENV. dropTestSnapshots() removes them.
 */
export async function writeTestSnapshots(dir: string, preparations: Record<string, PrepareSnapshot>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const url = process.env.DATABASE_URL;
  const manifest: Manifest = { databaseUrl: url, migrations: migrationsChecksum(), snapshots: {} };
  const path = join(dir, 'manifest.json');
  const save = async (name: string, built: Source) => {
    if (built.engine === 'postgres') {
      manifest.snapshots[name] = { template: built.template, meta: built.meta };
      return;
    }
    await built.unused?.close();
    built.unused = undefined;
    const file = join(dir, `${name}.tar`);
    writeFileSync(file, new Uint8Array(await built.blob.arrayBuffer()));
    manifest.snapshots[name] = { file, meta: built.meta };
  };
  try {
    const build = (prepare: PrepareSnapshot, base?: Source) => (url ? buildTemplate(url, prepare, base) : buildPGliteSnapshot(prepare, base));
    // The others start from a copy of the migrated one rather than migrating again.
    const migrated = await build(async () => null);
    await save(MIGRATED, migrated);
    for (const [name, prepare] of Object.entries(preparations)) await save(name, await build(prepare, migrated));
  } finally {
    // Written even after a failure, so that dropTestSnapshots() finds the templates already made.
    writeFileSync(path, JSON.stringify(manifest, null, 2));
  }
  return path;
}

/** Drops a run's template databases and deletes its snapshot files. */
export async function dropTestSnapshots(manifestPath: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  for (const record of Object.values(manifest.snapshots)) {
    if (record.template && manifest.databaseUrl) await dropDatabase(manifest.databaseUrl, record.template);
    if (record.file) rmSync(record.file, { force: true });
  }
  rmSync(manifestPath, { force: true });
}

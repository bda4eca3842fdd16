/**
 * Property-based fuzz of every write operation in our OpenAPI document (issue #9): bodies, path ids and query
 * parameters generated from the document's own schemas, valid-looking and hostile, sent as users of every role.
 * For each request: no 5xx; a 4xx under /api carries our error shape; a 4xx leaves the database unchanged.
 *
 * FUZZ_RUNS (total requests, default 10,000) and FUZZ_SEED (default fixed, printed) make runs repeatable:
 * with the same seed, the same requests reach the same database. FUZZ_ONLY="PATCH /plans/{id}" fuzzes one operation (several, separated by |).
 * By default an operation stops at its first failure and fast-check shrinks it to a small request; with
 * FUZZ_KEEP_GOING=1 every run is sent and each distinct failure is listed once, with its smallest request.
 * FUZZ_DEBUG=1 prints every request with its answer.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { pino } from 'pino';
import { seedDemoCocreation } from '../src/modules/cocreation/index.js';
import { seedDemoParticipation } from '../src/modules/participation/index.js';
import { seedDemoRepository } from '../src/modules/repository/index.js';
import { seedDemoAmendments } from '../src/modules/amendments/index.js';
import { seedDemoForum } from '../src/modules/forum/index.js';
import { listReviewEngagementIds, putReviewer, seedDemoReview } from '../src/modules/review/index.js';
import { seedDemoSelfAssessment } from '../src/modules/selfassessment/index.js';
import { systemActor } from '../src/domain/system-actor.js';
import { seedDemoMonitoring } from '../src/modules/monitoring/index.js';
import { seedDemoRoster } from '../src/modules/roster/index.js';
import { seedDemoTranscripts } from '../src/modules/transcripts/index.js';
import { seedDemoWorkgroups } from '../src/modules/workgroups/index.js';
import { addUser, Client, json, setup, type TestContext } from './helpers.js';
import {
  DeepJunk,
  IdRef,
  jsonBodyArbitrary,
  multipartBodyArbitrary,
  pathParamArbitrary,
  queryParamArbitrary,
  SEGMENT_KINDS,
  versionQueryArbitrary,
  VersionRef,
  writeOperations,
  type ObjectKind,
  type OpenApiDocument,
  type ParamValue,
  type RawBody,
  type WriteOperation,
} from './openapi-arbitraries.js';

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_922);
const ONLY = process.env.FUZZ_ONLY;
const KEEP_GOING = process.env.FUZZ_KEEP_GOING === '1';
const ROUNDS = 4;

/** Where each kind of object is stored; evidence is looked up under the report the path names. */
const KIND_TABLES: Record<ObjectKind, { table: string; parentColumn?: string }> = {
  plan: { table: 'action_plans' },
  area: { table: 'areas' },
  commitment: { table: 'commitments' },
  milestone: { table: 'milestones' },
  agency: { table: 'agencies' },
  member: { table: 'members' },
  meeting: { table: 'forum_meetings' },
  resolution: { table: 'resolutions' },
  cycle: { table: 'review_cycles' },
  report: { table: 'progress_reports' },
  evidence: { table: 'report_evidence', parentColumn: 'report_id' },
  transcript: { table: 'transcripts' },
  speech: { table: 'speeches' },
  speaker: { table: 'speakers' },
  user: { table: 'users' },
  token: { table: 'api_tokens' },
  grant: { table: 'role_grants', parentColumn: 'user_id' },
  seat: { table: 'forum_seats' },
  forumRules: { table: 'forum_rules' },
  call: { table: 'nomination_calls' },
  nomination: { table: 'nominations' },
  phase: { table: 'cocreation_phases' },
  workingGroup: { table: 'working_groups' },
  input: { table: 'inputs' },
  consultation: { table: 'consultations' },
  suspension: { table: 'account_suspensions' },
  document: { table: 'repository_documents' },
  amendment: { table: 'amendments' },
  engagement: { table: 'review_engagements' },
  review: { table: 'review_reports' },
  reviewUnit: { table: 'review_units' },
  reviewRequirement: { table: 'review_requirements' },
  selfAssessment: { table: 'self_assessments' },
  selfAssessmentEntry: { table: 'self_assessment_entries' },
  recommendation: { table: 'review_recommendations' },
};

/**
 * Tables left out of the no-partial-write fingerprint: they record the use of credentials (sessions, tokens and their
 * last use, sign-in counters: a wrong password on DELETE /profile counts as a failed sign-in), which a refused request
 * may legitimately touch. Everything else must stay unchanged.
 */
const BOOKKEEPING_TABLES = new Set(['sessions', 'api_tokens', 'rate_limits', 'schema_migrations', 'sign_in_failures']);

type ActorName = 'admin' | 'admin-read' | 'admin-session' | 'secretariat' | 'officer' | 'reviewer' | 'public' | 'anonymous';
const actorArbitrary = fc.oneof(
  { weight: 12, arbitrary: fc.constant<ActorName>('admin') },
  { weight: 1, arbitrary: fc.constant<ActorName>('admin-session') },
  // An administrator's read-only token (ADR 0034): every write it sends must be refused.
  { weight: 1, arbitrary: fc.constant<ActorName>('admin-read') },
  { weight: 3, arbitrary: fc.constant<ActorName>('secretariat') },
  { weight: 3, arbitrary: fc.constant<ActorName>('officer') },
  // A reviewer of the demo engagement (issue #13): the only one whose assessment writes may succeed.
  { weight: 2, arbitrary: fc.constant<ActorName>('reviewer') },
  { weight: 1, arbitrary: fc.constant<ActorName>('public') },
  { weight: 1, arbitrary: fc.constant<ActorName>('anonymous') },
);

interface GeneratedRequest {
  actor: ActorName;
  lang: 'zh-TW' | 'en';
  params: ParamValue[];
  query: unknown[];
  body: RawBody;
}

let ctx: TestContext;
let doc: OpenApiDocument;
const tokens = new Map<ActorName, string>();
/** The fuzz's own tokens: never picked as a path id, so revoking tokens cannot lock the fuzz out. */
const ownTokenIds = new Set<number>();
let adminSession: Client;
let anonymous: Client;
let fingerprintTables: string[] = [];
const versionedTables = new Set<string>();
const pools = new Map<ObjectKind, number[]>();
const histogram = new Map<number, number>();
const perOperation = new Map<string, { ok: number; clientError: number; total: number; milliseconds: number }>();
let requestCount = 0;
let fullFingerprints = 0;
let requestMilliseconds = 0;
let checkMilliseconds = 0;
let poolMilliseconds = 0;
/** With FUZZ_KEEP_GOING: each distinct failure once, with the smallest request that showed it. */
const failures = new Map<string, { count: number; example: string; size: number }>();

/** The app's last logged unhandled error, to name the cause of a 500 next to the request. */
let lastServerError = '';
const logger = pino(
  { level: 'error' },
  {
    write(line: string) {
      const entry = JSON.parse(line) as { err?: { message?: string; stack?: string }; msg?: string };
      const frames = (entry.err?.stack ?? '')
        .split('\n')
        .filter((l) => l.includes('/src/'))
        .slice(0, 3)
        .map((l) => l.trim());
      lastServerError = [entry.err?.message ?? entry.msg ?? line, ...frames].join(' | ');
    },
  },
);

before(async () => {
  ctx = await setup({ logger });
  // Inside the demo plan's period, so cycles, drafts and meetings are all in play.
  ctx.clock.now = new Date('2022-06-15T02:00:00Z');
  const { db } = ctx.database;
  await seedDemoMonitoring(db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoForum(db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoTranscripts(db, { planId: ctx.planId });
  // People and the forum (issue #11): seats, rules and calls, working groups, phases, for their writes to find.
  const demo = { planId: ctx.planId, agencyIds: ctx.agencies };
  await seedDemoRoster(db, demo);
  await seedDemoWorkgroups(db, demo);
  await seedDemoCocreation(db, demo);
  // Public input (issue #12): consultations, inputs with responses, replies, a hidden one, for their writes to find.
  await seedDemoParticipation(db, demo);
  // The document repository (issue #14): documents for its edits and deletions to find.
  await seedDemoRepository(db, demo);
  // Adoption and amendments (issue #14): the adopted plan and its mid-term amendment, for the schedule and decision writes.
  await seedDemoAmendments(db, demo);
  // Independent review (issue #13): the demo engagement, its reports, units and recommendations; the fuzz's reviewer joins it.
  await seedDemoReview(db, demo);
  // The government's self-assessment (issue #13): the demo's published 2023 assessment and its entries.
  await seedDemoSelfAssessment(db, demo);

  const users: [ActorName, string, Parameters<typeof addUser>[2], string[]][] = [
    ['admin', 'fuzz-admin@example.org', 'admin', []],
    ['secretariat', 'fuzz-secretariat@example.org', 'secretariat', []],
    ['officer', 'fuzz-officer@example.org', 'agency-officer', ['MOI', 'NDC']],
    ['public', 'fuzz-public@example.org', 'public', []],
    ['reviewer', 'fuzz-reviewer@example.org', 'public', []],
  ];
  for (const [actor, email, role, agencies] of users) {
    const userId = await addUser(ctx, email, role, agencies);
    if (actor === 'reviewer') {
      const [engagementId] = await listReviewEngagementIds(db);
      await putReviewer({ db, now: () => ctx.clock.now }, systemActor('fuzz', 'secretariat'), engagementId ?? 0, { userId, role: 'reviewer' });
    }
    const client = new Client(ctx.app);
    await client.signIn(email);
    const response = await client.api('POST', '/api/v1/tokens', { name: `fuzz ${actor}`, scope: 'write' });
    assert.equal(response.status, 201, `token for ${actor}`);
    const created = await json<{ id: number; token: string }>(response);
    tokens.set(actor, created.token);
    ownTokenIds.add(created.id);
    if (actor === 'admin') {
      adminSession = client;
      const read = await client.api('POST', '/api/v1/tokens', { name: 'fuzz admin, read only', scope: 'read' });
      assert.equal(read.status, 201, 'the read-only token');
      const readToken = await json<{ id: number; token: string }>(read);
      tokens.set('admin-read', readToken.token);
      ownTokenIds.add(readToken.id);
    }
  }
  anonymous = new Client(ctx.app);
  await anonymous.get('/login');

  const response = await ctx.app.request('/api/v1/openapi.json');
  assert.equal(response.status, 200);
  doc = (await response.json()) as OpenApiDocument;

  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(db);
  fingerprintTables = tables.rows.map((r) => r.name).filter((name) => !BOOKKEEPING_TABLES.has(name));
  const versioned = await sql<{
    name: string;
  }>`SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'version'`.execute(db);
  for (const row of versioned.rows) versionedTables.add(row.name);
  await refreshPools();
});

after(() => ctx.close());

// ---------------------------------------------------------------- database state

/** Lists the ids of each kind again, or only of those stored in `tables`. */
async function refreshPools(tables?: string[]): Promise<void> {
  const startedAt = performance.now();
  for (const [kind, { table }] of Object.entries(KIND_TABLES) as [ObjectKind, { table: string }][]) {
    if (tables && !tables.includes(table)) continue;
    const rows = await sql<{ id: number }>`SELECT id FROM ${sql.table(table)} ORDER BY id`.execute(ctx.database.db);
    pools.set(
      kind,
      rows.rows.map((r) => Number(r.id)).filter((id) => !(kind === 'token' && ownTokenIds.has(id))),
    );
  }
  poolMilliseconds += performance.now() - startedAt;
}

/**
 * Transaction ids handed out since `from`, and how many of them committed. A write needs a transaction id and is
 * kept only if its transaction commits, so while nothing committed nothing changed and the fingerprint need not be
 * taken: that keeps the check cheap enough for ten thousand requests. (On PostgreSQL the ids are shared with the
 * other test databases on the server, so commits there make us look more often, never less.)
 */
async function nextTransactionId(): Promise<string> {
  const result = await sql<{ next: string }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next`.execute(ctx.database.db);
  return result.rows[0]?.next ?? '0';
}

async function committedSince(from: string): Promise<{ next: string; committed: number }> {
  const result = await sql<{ next: string; committed: number }>`
    SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next,
      (SELECT count(*) FROM generate_series(${from}::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint - 1) AS x
        WHERE pg_xact_status(x::text::xid8) = 'committed')::int AS committed`.execute(ctx.database.db);
  const row = result.rows[0];
  return { next: row?.next ?? from, committed: Number(row?.committed ?? 0) };
}

/**
 * Per table: the row count and the newest `xmin` (the transaction that wrote each row version). Any committed insert
 * or update makes a row version with a new xmin, any delete lowers the count (a delete plus an insert raises the
 * xmin), and rolled-back writes are invisible, so this changes exactly when committed data changed. Unlike hashing
 * the rows' text it reads no column values, so it stays cheap when the fuzz has stored long texts.
 */
async function fingerprint(): Promise<Map<string, string>> {
  fullFingerprints++;
  const startedAt = performance.now();
  try {
    return await takeFingerprint();
  } finally {
    checkMilliseconds += performance.now() - startedAt;
  }
}

async function takeFingerprint(): Promise<Map<string, string>> {
  const selects = fingerprintTables.map(
    (table) => `SELECT '${table}' AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS print FROM "${table}"`,
  );
  const result = await sql.raw<{ name: string; print: string }>(selects.join(' UNION ALL ')).execute(ctx.database.db);
  return new Map(result.rows.map((r) => [r.name, r.print]));
}

function changedTables(before: Map<string, string>, now: Map<string, string>): string[] {
  return [...now].filter(([name, print]) => before.get(name) !== print).map(([name]) => name);
}

// ---------------------------------------------------------------- building the HTTP request

/**
 * The `index`-th stored object of a kind; odd indexes count from the newest, so what the fuzz created (drafts, new
 * plans without reports) is picked as often as the seeded objects.
 */
function pick(kind: ObjectKind, index: number): number {
  const pool = pools.get(kind) ?? [];
  // None left (the fuzz deleted them all): an id nothing has, still inside the columns' integer range.
  if (pool.length === 0) return 1_000_000 + (index % 1_000_000);
  const n = Math.floor(index / 2);
  return (index % 2 === 1 ? pool[pool.length - 1 - (n % Math.min(pool.length, 5))] : pool[n % pool.length]) as number;
}

async function pickChild(kind: ObjectKind, parentId: number | undefined, index: number): Promise<number> {
  const { table, parentColumn } = KIND_TABLES[kind];
  if (!parentColumn || parentId === undefined) return pick(kind, index);
  const rows = await sql<{ id: number }>`SELECT id FROM ${sql.table(table)} WHERE ${sql.ref(parentColumn)} = ${parentId} ORDER BY id`.execute(ctx.database.db);
  return rows.rows.length > 0 ? Number(rows.rows[index % rows.rows.length]?.id) : pick(kind, index);
}

/** The object the path names first (`/reports/{id}/…` → that report), for versions. */
interface Target {
  kind?: ObjectKind;
  id?: number;
}

async function storedVersion(target: Target): Promise<number> {
  if (!target.kind || target.id === undefined) return 1;
  const { table } = KIND_TABLES[target.kind];
  if (!versionedTables.has(table)) return 1;
  const row = await sql<{ version: number }>`SELECT version FROM ${sql.table(table)} WHERE id = ${target.id}`.execute(ctx.database.db);
  return Number(row.rows[0]?.version ?? 1);
}

/** Replaces references with what is stored now; keeps `__proto__` an own key, as JSON.parse would make it. */
function resolveValue(value: unknown, version: number): unknown {
  if (value instanceof IdRef) return pick(value.kind, value.pick);
  if (value instanceof VersionRef) return version + value.offset;
  if (value instanceof DeepJunk) return value;
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, version));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: resolveValue(item, version), enumerable: true, configurable: true, writable: true });
    }
    return out;
  }
  return value;
}

interface Prepared {
  url: string;
  init: RequestInit;
  /** What was sent, short enough to print. */
  bodyText: string;
}

async function prepare(operation: WriteOperation, request: GeneratedRequest): Promise<Prepared> {
  const target: Target = {};
  let path = operation.path;
  for (const [i, param] of operation.pathParams.entries()) {
    const value = request.params[i] as ParamValue;
    const segments = operation.path.split('/');
    const kind = SEGMENT_KINDS[segments[segments.indexOf(`{${param.name}}`) - 1] ?? ''];
    let text: string;
    if ('raw' in value) text = value.raw;
    else if (!kind) text = String(value.real + 1);
    else {
      const id = i === 0 ? pick(kind, value.real) : await pickChild(kind, target.id, value.real);
      if (i === 0) Object.assign(target, { kind, id });
      text = String(id);
    }
    // The fuzz revokes tokens too, but never its own: it would lock itself out.
    if (kind === 'token' && ownTokenIds.has(Number(/\d+/.exec(text)?.[0]))) text = '999999';
    path = path.replace(`{${param.name}}`, text);
  }

  const version = await storedVersion(target);
  const query: string[] = [];
  for (const [i, param] of operation.queryParams.entries()) {
    const value = resolveValue(request.query[i], version);
    if (value === null || value === undefined) continue;
    // Hostile text is already URL-encoded; values from the schema are encoded here.
    const text =
      typeof value === 'string' ? value : typeof value === 'object' ? encodeURIComponent(JSON.stringify(value)) : encodeURIComponent(JSON.stringify(value));
    query.push(`${param.name}=${text}`);
  }
  const url = `/api/v1${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;

  const headers = new Headers({ 'accept-language': request.lang });
  const token = request.actor === 'admin-session' || request.actor === 'anonymous' ? undefined : tokens.get(request.actor);
  if (token) headers.set('authorization', `Bearer ${token}`);
  else {
    const client = request.actor === 'admin-session' ? adminSession : anonymous;
    headers.set('cookie', client.jar.header());
    headers.set('x-csrf-token', client.csrf);
  }

  let body: RequestInit['body'];
  let bodyText = '';
  const sent = request.body;
  switch (sent.kind) {
    case 'json': {
      bodyText = JSON.stringify(resolveValue(sent.value, version)) ?? 'undefined';
      body = bodyText;
      headers.set('content-type', 'application/json');
      break;
    }
    case 'text':
      body = sent.text;
      bodyText = `(${sent.contentType ?? 'no content-type'}) ${sent.text}`;
      if (sent.contentType) headers.set('content-type', sent.contentType);
      break;
    case 'bytes':
      body = new Uint8Array(sent.bytes);
      bodyText = `(${sent.contentType ?? 'no content-type'}) bytes ${Buffer.from(sent.bytes).toString('hex')}`;
      if (sent.contentType) headers.set('content-type', sent.contentType);
      break;
    case 'multipart': {
      const form = new FormData();
      for (const part of sent.parts) {
        if ('value' in part) form.append(part.name, part.value);
        else form.append(part.name, new File([new Uint8Array(part.bytes)], part.fileName, { type: part.type }));
      }
      body = form;
      bodyText = `multipart ${JSON.stringify(sent.parts.map((p) => ('value' in p ? p : { name: p.name, fileName: p.fileName, type: p.type, bytes: p.bytes.length })))}`;
      break;
    }
    case 'none':
      bodyText = '(no body)';
      break;
  }
  return { url, init: { method: operation.method, headers, body }, bodyText };
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);

function isErrorShape(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { error, fields } = value as { error?: unknown; fields?: unknown };
  if (typeof error !== 'string' || error.length === 0) return false;
  if (fields === undefined) return true;
  return fields !== null && typeof fields === 'object' && !Array.isArray(fields) && Object.values(fields).every((m) => typeof m === 'string');
}

// ---------------------------------------------------------------- the property

let lastTransactionId = '';
let lastFingerprint = new Map<string, string>();

async function sendAndCheck(operation: WriteOperation, request: GeneratedRequest): Promise<void> {
  const prepared = await prepare(operation, request);
  lastServerError = '';
  const sentAt = performance.now();
  const response = await ctx.app.request(prepared.url, prepared.init);
  const responseText = await response.text();
  const answerMilliseconds = performance.now() - sentAt;
  requestMilliseconds += answerMilliseconds;
  requestCount++;
  histogram.set(response.status, (histogram.get(response.status) ?? 0) + 1);
  const name = `${operation.method} ${operation.path}`;
  const counts = perOperation.get(name) ?? { ok: 0, clientError: 0, total: 0, milliseconds: 0 };
  counts.total++;
  counts.milliseconds += answerMilliseconds;
  if (response.status < 300) counts.ok++;
  else if (response.status < 500) counts.clientError++;
  perOperation.set(name, counts);

  if (process.env.FUZZ_DEBUG)
    console.log(
      `DEBUG ${response.status} ${prepared.init.method} ${truncate(prepared.url, 100)} ${request.actor} ${truncate(prepared.bodyText, 300)} → ${truncate(responseText, 300)}`,
    );
  const problem = await findProblem(response, responseText, request.actor);
  if (!problem) return;
  const example = [
    `${problem}${lastServerError ? `\nserver log: ${truncate(lastServerError, 600)}` : ''}`,
    `${prepared.init.method} ${truncate(prepared.url, 300)} as ${request.actor} (${request.lang})`,
    `body: ${truncate(prepared.bodyText, 600)}`,
    `→ ${response.status} ${truncate(responseText, 600)}`,
    `(FUZZ_SEED=${SEED} FUZZ_ONLY="${name}" reproduces it)`,
  ].join('\n');
  if (!KEEP_GOING) assert.fail(example);
  const key = `${name} · ${problem.split('\n')[0]} · ${lastServerError.split(' | ')[0]?.slice(0, 120)}`;
  const known = failures.get(key);
  const size = prepared.url.length + prepared.bodyText.length;
  if (!known || size < known.size) failures.set(key, { count: (known?.count ?? 0) + 1, example, size });
  else known.count++;
}

/** What is wrong with this answer, if anything: a 5xx, a 4xx not in our error shape, or a 4xx that wrote. */
async function findProblem(response: Response, responseText: string, actor: ActorName): Promise<string | undefined> {
  if (response.status >= 500) return `server error ${response.status}`;
  if (actor === 'admin-read' && response.status < 400) return `a read-only token's write answered ${response.status}`;
  if (response.status >= 400) {
    if (!/application\/json/.test(response.headers.get('content-type') ?? '')) return `a ${response.status} under /api/ that is not JSON`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(responseText);
    } catch {
      return `a ${response.status} whose body is not JSON`;
    }
    if (!isErrorShape(parsed)) return `a ${response.status} without our shape {error, fields?}`;
  }
  const { next, committed } = await committedSince(lastTransactionId);
  lastTransactionId = next;
  if (committed === 0) return undefined;
  const now = await fingerprint();
  const changed = changedTables(lastFingerprint, now);
  lastFingerprint = now;
  if (response.status < 300) {
    // Tokens are left out of the fingerprint but can be made and revoked: list them again too.
    await refreshPools([...changed, 'api_tokens']);
    return undefined;
  }
  if (changed.length === 0) return undefined;
  return `partial write: a ${response.status} changed ${changed.join(', ')}`;
}

test('the write detector sees a committed insert, update and delete, and not a rolled-back one', async () => {
  const { db } = ctx.database;
  const changes = async (write: () => Promise<unknown>) => {
    const before = await fingerprint();
    const from = await nextTransactionId();
    await write();
    const { committed } = await committedSince(from);
    return { committed: committed > 0, changed: changedTables(before, await fingerprint()) };
  };
  const insert = await changes(() => sql`INSERT INTO office_calendar (day, is_day_off) VALUES ('2031-01-01', true)`.execute(db));
  assert.deepEqual(insert, { committed: true, changed: ['office_calendar'] });
  const update = await changes(() => sql`UPDATE office_calendar SET note = 'x' WHERE day = '2031-01-01'`.execute(db));
  assert.deepEqual(update, { committed: true, changed: ['office_calendar'] });
  const remove = await changes(() => sql`DELETE FROM office_calendar WHERE day = '2031-01-01'`.execute(db));
  assert.deepEqual(remove, { committed: true, changed: ['office_calendar'] });
  const rolledBack = await changes(() =>
    db
      .transaction()
      .execute(async (trx) => {
        await sql`INSERT INTO office_calendar (day, is_day_off) VALUES ('2031-01-02', true)`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => undefined),
  );
  assert.deepEqual(rolledBack.changed, []);
  // On PostgreSQL other test databases commit meanwhile; on PGlite nothing else does.
  if (!process.env.DATABASE_URL) assert.equal(rolledBack.committed, false);
});

function requestArbitrary(operation: WriteOperation): fc.Arbitrary<GeneratedRequest> {
  return fc.record({
    actor: actorArbitrary,
    lang: fc.constantFrom<'zh-TW' | 'en'>('zh-TW', 'en'),
    params: fc.tuple(...operation.pathParams.map(() => pathParamArbitrary)),
    query: fc.tuple(...operation.queryParams.map((p) => (p.name === 'version' ? versionQueryArbitrary : queryParamArbitrary(p.schema, doc, p.name)))),
    body: operation.bodyKind === 'multipart' ? multipartBodyArbitrary(operation.bodySchema, doc) : jsonBodyArbitrary(operation.bodySchema, doc),
  });
}

test('fuzz: every write operation of the OpenAPI document, no 5xx and no partial write', async (t) => {
  // Deletions last, so the operations before them find the seeded objects still there.
  const operations = writeOperations(doc)
    .filter((op) => !ONLY || ONLY.split('|').includes(`${op.method} ${op.path}`))
    .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  assert.ok(operations.length > 0, 'the document lists write operations');
  // In rounds, so each operation also meets what the others made in earlier rounds (a draft needs a revision first).
  const runsEach = Math.max(1, Math.ceil(TOTAL_RUNS / operations.length / ROUNDS));
  console.log(`fuzz: ${operations.length} write operations × ${ROUNDS} rounds × ${runsEach} runs, FUZZ_SEED=${SEED}`);
  lastTransactionId = await nextTransactionId();
  lastFingerprint = await fingerprint();
  const started = performance.now();
  let failedOperations = 0;

  for (let round = 1; round <= ROUNDS; round++) {
    for (const [index, operation] of operations.entries()) {
      await t.test(`round ${round}: ${operation.method} ${operation.path}`, async () => {
        try {
          await fc.assert(
            fc.asyncProperty(requestArbitrary(operation), (request) => sendAndCheck(operation, request)),
            { numRuns: runsEach, seed: SEED + 1000 * round + index },
          );
        } catch (error) {
          failedOperations++;
          throw error;
        }
      });
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const statuses = [...histogram]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  console.log(
    `fuzz: ${requestCount} requests in ${seconds} s (${(requestMilliseconds / 1000).toFixed(1)} s answering them, ${(checkMilliseconds / 1000).toFixed(1)} s for ${fullFingerprints} fingerprints, ${(poolMilliseconds / 1000).toFixed(1)} s listing ids); statuses: ${statuses}`,
  );
  for (const [name, counts] of perOperation) {
    const mean = (counts.milliseconds / counts.total).toFixed(1);
    console.log(
      `fuzz:   ${name.padEnd(44)} ${String(counts.total).padStart(5)} sent, ${String(counts.ok).padStart(4)} 2xx, ${String(counts.clientError).padStart(5)} 4xx, ${mean.padStart(5)} ms each`,
    );
  }
  // Still signed in as every role: had the fuzz lost its credentials, the later requests would prove little.
  for (const [actor, token] of tokens) {
    const session = await ctx.app.request('/api/v1/session', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(session.status, 200, `the ${actor} token still works`);
    assert.notEqual((await json<{ user: unknown }>(session)).user, null, `the ${actor} token still names its user`);
  }
  for (const [key, { count, example }] of failures) console.log(`\nfuzz: FAILURE ×${count} ${key}\n${example}`);
  assert.equal(failures.size, 0, `${failures.size} distinct failures (listed above)`);
  // When an operation stopped at a failure, the counts below mean nothing; that failure is reported above.
  if (!ONLY && failedOperations === 0) {
    assert.ok(requestCount >= TOTAL_RUNS, `at least ${TOTAL_RUNS} requests were sent`);
    // The fuzz must reach the services, not only the validators: a share of the requests has to succeed.
    const succeeded = [...perOperation.values()].reduce((n, c) => n + c.ok, 0);
    assert.ok(succeeded >= requestCount * 0.05, `at least 5% of requests succeed (${succeeded} of ${requestCount})`);
  }
});

/**
 * Open data (ADR 0030): the demo plan's export in JSON (valid against the published schema), CSV and ODS (as
 * LibreOffice reads it, the same rows), ETags and 304; export → import into an empty database → export, byte for byte;
 * a bad date in row 7 refuses the whole CSV, naming the row and the column, and writes nothing; only the secretariat
 * and administrators import.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { unzipSync } from 'fflate';
import { systemActor } from '../../domain/system-actor.js';
import { addUser, Client, json, setup, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { exportSite, importData, registeredEntities, writeExport } from './index.js';
import { seedOpenDataDemo } from './opendata.testing.js';

const run = promisify(execFile);
const SOFFICE = '/usr/bin/soffice';
const UNZIP = '/usr/bin/unzip';
const admin = systemActor('open-data test', 'admin');

let ctx: TestContext;
let work: string;
let slug: string;

before(async () => {
  ctx = await setup();
  // The snapshot holds the demo plan only: the other modules that publish open data add their demo data.
  await seedOpenDataDemo(ctx);
  work = await mkdtemp(join(tmpdir(), 'opendata-test-'));
  const plan = await ctx.database.db.selectFrom('action_plans').select('slug').where('id', '=', ctx.planId).executeTakeFirstOrThrow();
  slug = plan.slug;
});
after(async () => {
  await ctx.close();
  await rm(work, { recursive: true, force: true });
});

const csvRows = (text: string): string[][] => {
  const rows: string[][] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false });
  return rows;
};

describe('the demo plan’s export', () => {
  test('JSON validates against the schema served at /data/schema/v1.json; ETag and 304', async () => {
    const schemaResponse = await ctx.app.request('/data/schema/v1.json');
    assert.equal(schemaResponse.status, 200);
    const schema = (await schemaResponse.json()) as Record<string, unknown>;
    const response = await ctx.app.request(`/data/plans/${slug}/data.json`);
    assert.equal(response.status, 200);
    const etag = response.headers.get('etag');
    assert.match(etag ?? '', /^"[0-9a-f]{40}"$/);
    const doc = (await response.json()) as Record<string, unknown[]>;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5)));
    const commitments = await ctx.database.db.selectFrom('commitments').select('id').where('plan_id', '=', ctx.planId).execute();
    assert.equal(doc.commitments?.length, commitments.length);
    assert.ok((doc.milestones?.length ?? 0) > 20);
    // A broken document fails the schema (the check can fail).
    const broken = structuredClone(doc) as Record<string, Record<string, unknown>[]>;
    broken.milestones![0]!.endDate = 20211231;
    assert.equal(validate(broken), false);

    const again = await ctx.app.request(`/data/plans/${slug}/data.json`, { headers: { 'if-none-match': etag ?? '' } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
  });

  test('read in batches of 3 rows, the export is byte for byte the one read in one batch per entity', async () => {
    const whole = await exportSite(ctx.database.db, join(work, 'whole'));
    const paged = await exportSite(ctx.database.db, join(work, 'paged'), { batchSize: 3 });
    assert.ok(whole.size > 20);
    for (const [name, file] of whole) assert.equal(paged.get(name)?.etag, file.etag, name);
  });

  test('the ZIP holds every file, is rebuilt after a change, and gets a new ETag', async () => {
    const first = await ctx.app.request(`/data/site/data.zip`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'application/zip');
    const zipBytes = new Uint8Array(await first.arrayBuffer());
    const files = unzipSync(zipBytes);
    for (const name of ['data.json', 'data.ods', 'README.md', 'LICENSE.txt', 'schema.json', 'csv/commitments.csv', 'csv/milestones.csv'])
      assert.ok(files[name], `${name} in the ZIP`);
    // Each entry is the file served on its own, byte for byte (the text files' DEFLATE streams are made beside them).
    for (const name of ['data.json', 'data.ods', 'README.md', 'LICENSE.txt', 'csv/commitments.csv', 'csv/inputs.csv']) {
      const served = await ctx.app.request(`/data/site/${name}`);
      assert.equal(served.status, 200, name);
      assert.ok(Buffer.from(files[name]!).equals(Buffer.from(await served.arrayBuffer())), `${name} in the ZIP is the file`);
    }
    // And a ZIP reader that checks every entry's CRC-32 and sizes agrees (CI installs unzip).
    if (existsSync(UNZIP)) {
      const zipFile = join(work, 'site.zip');
      await writeFile(zipFile, zipBytes);
      const { stdout } = await run(UNZIP, ['-t', zipFile]);
      assert.match(stdout, /No errors detected/);
    }
    const readme = new TextDecoder().decode(files['README.md']);
    assert.match(readme, /Commitment Unique Identifier/);
    assert.match(readme, /承諾事項名稱/);
    assert.match(new TextDecoder().decode(files['LICENSE.txt']), /CC BY 4\.0/);
    const etag = first.headers.get('etag') ?? '';
    assert.equal((await ctx.app.request(`/data/site/data.zip`, { headers: { 'if-none-match': etag } })).status, 304);

    await ctx.database.db
      .updateTable('agencies')
      .set({ name: JSON.stringify({ zh: '改名機關', en: 'Renamed agency', status: 'reviewed' }) })
      .where('code', '=', 'NDC')
      .execute();
    // The change event arrives after the commit.
    for (let i = 0; i < 50; i++) {
      const later = await ctx.app.request(`/data/site/data.zip`, { headers: { 'if-none-match': etag } });
      if (later.status === 200) {
        assert.notEqual(later.headers.get('etag'), etag);
        const csv = new TextDecoder().decode(unzipSync(new Uint8Array(await later.arrayBuffer()))['csv/agencies.csv']);
        assert.match(csv, /Renamed agency/);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail('the ZIP was not rebuilt after a change');
  });

  test('CSV in UTF-8, a BOM variant, and the ODS with the same rows as LibreOffice reads them', async (t) => {
    const plain = await ctx.app.request(`/data/plans/${slug}/csv/commitments.csv`);
    assert.equal(plain.status, 200);
    const plainBytes = new Uint8Array(await plain.arrayBuffer());
    assert.notDeepEqual([...plainBytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const bom = new Uint8Array(await (await ctx.app.request(`/data/plans/${slug}/csv-bom/commitments.csv`)).arrayBuffer());
    assert.deepEqual([...bom.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual(bom.slice(3), plainBytes);
    const rows = csvRows(new TextDecoder().decode(plainBytes));
    assert.equal(rows[0]?.[0], 'Commitment ID');
    assert.ok(rows[0]?.includes('Commitment Title (zh-TW)'));
    assert.ok(rows[0]?.includes('Lead Institution ID'));

    if (!existsSync(SOFFICE)) {
      if (process.env.CI === 'true') assert.fail(`${SOFFICE} is needed in CI`);
      t.skip('LibreOffice is not installed');
      return;
    }
    const dir = join(work, 'ods');
    await writeExport(ctx.database.db, dir, { scope: { planId: ctx.planId }, planSlug: slug });
    const out = join(dir, 'converted');
    // Every sheet to its own CSV (the 12th token, -1), cells as shown (ISO dates by the file's own style), UTF-8.
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        out,
        join(dir, 'data.ods'),
      ],
      { timeout: 120_000 },
    );
    const converted = await readdir(out);
    for (const entity of await registeredEntities()) {
      const name = converted.find((f) => f === `data-${entity.name}.csv`);
      assert.ok(name, `LibreOffice wrote the ${entity.name} sheet (${converted.join(', ')})`);
      const fromOds = csvRows(await readFile(join(out, name), 'utf8'));
      // The CSV's cells, with the formula guard taken off as the import takes it off.
      const fromCsv = csvRows(await readFile(join(dir, 'csv', `${entity.name}.csv`), 'utf8')).map((r) =>
        r.map((cell) => cell.replace(/^'(?=['=+\-@\t\r＝＋－＠])/, '')),
      );
      assert.equal(fromOds.length, fromCsv.length, entity.name);
      assert.deepEqual(fromOds, fromCsv, entity.name);
    }
  });
});

describe('import', () => {
  test('export → import into an empty database → export is byte-identical', async (t) => {
    const first = join(work, 'first');
    const exported = await exportSite(ctx.database.db, first);
    const empty = await setupForTest(t, { seed: false });
    const summary = await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: await readFile(join(first, 'data.json')) });
    assert.ok(summary.tables.find((s) => s.name === 'commitments')!.created > 0);
    const second = join(work, 'second');
    const reexported = await exportSite(empty.database.db, second);
    for (const [name, file] of exported) {
      const again = reexported.get(name);
      assert.ok(again, name);
      assert.equal(again.etag, file.etag, `${name} is byte-identical`);
    }
    // Every creation is in the history, under the importing actor.
    const history = await empty.database.db.selectFrom('history').select(['entity_type', 'actor_name']).execute();
    assert.ok(history.some((h) => h.entity_type === 'commitment'));
    for (const table of ['meetings', 'resolutions', 'resolutionDecisions']) assert.ok(summary.tables.find((s) => s.name === table)!.created > 0, table);
    assert.ok(history.some((h) => h.entity_type === 'meeting') && history.some((h) => h.entity_type === 'resolution'));
    assert.ok(history.every((h) => h.actor_name === 'open-data test'));
    // Ids made after the import come after the imported ones.
    const next = await empty.database.db
      .insertInto('agencies')
      .values({ code: 'NEW', name: JSON.stringify({ zh: '新', en: 'New', status: 'reviewed' }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const max = Math.max(...[...(await empty.database.db.selectFrom('agencies').select('id').execute())].map((r) => r.id).filter((id) => id !== next.id));
    assert.ok(next.id > max);
    // Importing the same file again changes nothing and records nothing.
    const count = async () =>
      Number(
        (
          await empty.database.db
            .selectFrom('history')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const repeat = await importData({ db: empty.database.db }, admin, 'en', { kind: 'zip', bytes: await readFile(join(first, 'data.zip')) });
    assert.ok(repeat.tables.every((s) => s.created === 0 && s.updated === 0));
    assert.equal(await count(), before);
  });

  test('a CSV with a bad date in row 7 is refused whole, naming the row and column; nothing is written', async (t) => {
    const own = await setupForTest(t);
    await addUser(own, 'sec@example.org', 'secretariat');
    const secretariat = await signedIn(own.app, 'sec@example.org');
    const csv = await (await own.app.request(`/data/site/csv/milestones.csv`)).text();
    const rows = csvRows(csv);
    const end = rows[0]!.indexOf('Milestone End');
    rows[6]![end] = '2022-02-30';
    // Another change earlier in the file, which must not be written either.
    const deliverable = rows[0]!.indexOf('Milestone (en)');
    rows[2]![deliverable] = 'Changed by the import';
    const body = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
    const count = async (table: 'history' | 'milestones') =>
      Number(
        (
          await own.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const historyBefore = await count('history');
    const response = await secretariat.request('/api/v1/data/import?table=milestones&lang=en', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-csrf-token': secretariat.csrf },
      body,
    });
    assert.equal(response.status, 400);
    const fields = (await json<{ fields: Record<string, string> }>(response)).fields;
    const messages = Object.values(fields);
    assert.equal(messages.length, 1, JSON.stringify(fields));
    assert.equal(messages[0], 'milestones.csv, row 7, column Milestone End: Enter a real date as YYYY-MM-DD.');
    assert.equal(await count('history'), historyBefore);
    const changed = await own.database.db.selectFrom('milestones').select('deliverable').execute();
    assert.ok(changed.every((m) => m.deliverable.en !== 'Changed by the import'));

    // In Chinese too.
    const zh = await secretariat.request('/api/v1/data/import?table=milestones&lang=zh-TW', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-csrf-token': secretariat.csrf },
      body,
    });
    assert.match(Object.values((await json<{ fields: Record<string, string> }>(zh)).fields)[0] ?? '', /第 7 列「Milestone End」欄/);

    // Fixed, the same file imports: the one change is written and filed in the history under the secretariat.
    rows[6]![end] = rows[6]![rows[0]!.indexOf('Milestone Start')]!;
    const fixed = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
    const ok = await secretariat.request('/api/v1/data/import?table=milestones', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-csrf-token': secretariat.csrf },
      body: fixed,
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const summary = await json<{ tables: { name: string; updated: number }[] }>(ok);
    assert.equal(summary.tables[0]?.updated, 2);
    const entries = await own.database.db
      .selectFrom('history')
      .select(['entity_type', 'actor_name'])
      .where('id', '>', 0)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    assert.deepEqual(
      entries.map((e) => [e.entity_type, e.actor_name]),
      [
        ['milestone', 'sec'],
        ['milestone', 'sec'],
      ],
    );
  });

  test('only the secretariat and administrators import: 401 without sign-in, 403 for others', async (t) => {
    const own = await setupForTest(t);
    await addUser(own, 'officer@example.org', 'agency-officer', ['NDC']);
    await addUser(own, 'someone@example.org', 'public');
    const doc = await (await own.app.request('/data/site/data.json')).text();
    const anonymous = new Client(own.app);
    const refused = await anonymous.request('/api/v1/data/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: doc });
    assert.ok(refused.status === 401 || refused.status === 403, String(refused.status));
    for (const email of ['officer@example.org', 'someone@example.org']) {
      const client = await signedIn(own.app, email);
      const response = await client.request('/api/v1/data/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf },
        body: doc,
      });
      assert.equal(response.status, 403, email);
    }
  });

  test('refusals name what is wrong: not an export, unknown table, a missing reference', async () => {
    const notExport = importData({ db: ctx.database.db }, admin, 'en', { kind: 'json', bytes: Buffer.from('{"hello": 1}') });
    await assert.rejects(notExport, (e: Error & { messages?: Record<string, string> }) => /not an export/.test(JSON.stringify(e.messages)));
    const dangling = Buffer.from(
      JSON.stringify({
        format: 'cocreate-open-data',
        formatVersion: 1,
        areas: [
          { id: 99999, planId: 424242, position: 1, title: { zh: '甲', en: 'A', status: 'reviewed' }, description: { zh: '', en: '', status: 'missing' } },
        ],
      }),
    );
    await assert.rejects(
      importData({ db: ctx.database.db }, admin, 'en', { kind: 'json', bytes: dangling }),
      (e: Error & { messages?: Record<string, string> }) => /row 1, column planId: No row of plans has the ID 424242/.test(JSON.stringify(e.messages)),
    );
  });
});

describe('the data page', () => {
  test('lists the downloads, the schema, the API and the feeds, in both languages', async () => {
    for (const [path, heading] of [
      ['/data', '開放資料'],
      ['/en/data', 'Open data'],
    ] as const) {
      const response = await ctx.app.request(path);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, new RegExp(`<h1>${heading}</h1>`));
      assert.match(html, /href="\/data\/site\/data\.zip"/);
      assert.match(html, new RegExp(`href="/data/plans/${slug}/data\\.ods"`));
      assert.match(html, /href="\/data\/schema\/v1\.json"/);
      assert.match(html, /href="\/api\/v1\/openapi\.json"/);
      assert.match(html, /\.atom"/);
    }
  });
});

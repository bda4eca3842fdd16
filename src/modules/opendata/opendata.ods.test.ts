/**
 * The ODS import (issue #14 item 6, ADR 0030): the export's data.ods imports into an empty database and the export
 * that follows is byte-identical, also after LibreOffice has saved the spreadsheet again; a bad date in row 7 of the
 * milestones sheet refuses the whole file, naming the sheet, the row and the column, and writes nothing; hostile
 * spreadsheets (a billion repeated rows, a DOCTYPE with entities, an entry that unpacks beyond the limit) get a 4xx,
 * quickly. The reader's handling of what LibreOffice writes is checked on small sheets.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { systemActor } from '../../domain/system-actor.js';
import { column, ODS_CONTENT_END, ODS_CONTENT_START, ODS_MANIFEST, ODS_MIMETYPE, ODS_SHEET_END, odsRow, odsSheetStart } from '../../web/open-data.js';
import { addUser, json, setup, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { exportSite, importData, type BuiltExport } from './index.js';
import { MAX_UNPACKED_BYTES } from './opendata.import.js';
import { columnLetter, readSheets, type SheetLimits } from './opendata.ods.js';
import { seedOpenDataDemo } from './opendata.testing.js';

const run = promisify(execFile);
const SOFFICE = '/usr/bin/soffice';
const admin = systemActor('open-data test', 'admin');

let ctx: TestContext;
let work: string;
let exported: BuiltExport;

before(async () => {
  ctx = await setup();
  // The snapshot holds the demo plan only: the other modules that publish open data add their demo data.
  await seedOpenDataDemo(ctx);
  work = await mkdtemp(join(tmpdir(), 'opendata-ods-test-'));
  exported = await exportSite(ctx.database.db, join(work, 'first'));
});
after(async () => {
  await ctx.close();
  await rm(work, { recursive: true, force: true });
});

/** Imports `ods` into an empty database, exports that, and checks every file against the first export. */
async function roundTrip(t: Parameters<typeof setupForTest>[0], ods: Uint8Array, out: string): Promise<void> {
  const empty = await setupForTest(t, { seed: false });
  const summary = await importData({ db: empty.database.db }, admin, 'en', { kind: 'ods', bytes: ods, fileName: 'data.ods' });
  assert.ok(summary.tables.find((s) => s.name === 'milestones')!.created > 20);
  const again = await exportSite(empty.database.db, join(work, out));
  assert.deepEqual([...again.keys()].sort(), [...exported.keys()].sort());
  for (const [name, file] of exported) {
    const other = again.get(name)!;
    if (other.etag !== file.etag) {
      // Say where the files part, for the reader of a failure.
      const [a, b] = [await readFile(file.path), await readFile(other.path)];
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      assert.fail(
        `${name} differs at byte ${at}: ${JSON.stringify(a.subarray(Math.max(0, at - 80), at + 80).toString())} / ${JSON.stringify(b.subarray(Math.max(0, at - 80), at + 80).toString())}`,
      );
    }
  }
  // The history names the importing actor.
  const history = await empty.database.db.selectFrom('history').select('actor_name').execute();
  assert.ok(history.length > 0 && history.every((h) => h.actor_name === 'open-data test'));
}

/** An ODS around a content.xml body (the sheets), as the export writes one. */
const odsOf = (sheets: string, content = `${ODS_CONTENT_START}${sheets}${ODS_CONTENT_END}`): Uint8Array =>
  zipSync({ mimetype: [strToU8(ODS_MIMETYPE), { level: 0 }], 'META-INF/manifest.xml': strToU8(ODS_MANIFEST), 'content.xml': strToU8(content) });

const count = async (c: TestContext, table: 'history' | 'milestones'): Promise<number> =>
  Number(
    (
      await c.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('export → import of the ODS → export', () => {
  test('is byte-identical, every file', async (t) => {
    await roundTrip(t, await readFile(exported.get('data.ods')!.path), 'from-ods');
  });

  test('is byte-identical after LibreOffice saves the ODS again', async (t) => {
    if (!existsSync(SOFFICE)) {
      if (process.env.CI === 'true') assert.fail(`${SOFFICE} is needed in CI`);
      t.skip('LibreOffice is not installed');
      return;
    }
    const out = join(work, 'resaved');
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'ods', '--outdir', out, exported.get('data.ods')!.path],
      { timeout: 120_000 },
    );
    const resaved = await readFile(join(out, 'data.ods'));
    // LibreOffice did write its own file: its content.xml has its styles and its repeated cells, not ours.
    const content = strFromU8(unzipSync(resaved, { filter: (f) => f.name === 'content.xml' })['content.xml']!);
    assert.notEqual(content, strFromU8(unzipSync(await readFile(exported.get('data.ods')!.path))['content.xml']!));
    assert.match(content, /table:number-columns-repeated|calcext:value-type/);
    await roundTrip(t, resaved, 'from-resaved-ods');
  });

  test('an ODS sent as application/zip or octet-stream is told by its mimetype entry; unchanged rows write nothing', async (t) => {
    const own = await setupForTest(t);
    await addUser(own, 'sec@example.org', 'secretariat');
    const secretariat = await signedIn(own.app, 'sec@example.org');
    const ods = new Uint8Array(await (await own.app.request('/data/site/data.ods')).arrayBuffer());
    const historyBefore = await count(own, 'history');
    for (const type of [ODS_MIMETYPE, 'application/zip', 'application/octet-stream']) {
      const response = await secretariat.request('/api/v1/data/import', {
        method: 'POST',
        headers: { 'content-type': type, 'x-csrf-token': secretariat.csrf },
        body: ods,
      });
      assert.equal(response.status, 200, `${type}: ${await response.clone().text()}`);
      const summary = await json<{ tables: { name: string; rows: number; created: number; updated: number }[] }>(response);
      assert.ok(summary.tables.find((s) => s.name === 'milestones')!.rows > 20);
      assert.ok(
        summary.tables.every((s) => s.created === 0 && s.updated === 0),
        JSON.stringify(summary.tables.filter((s) => s.created || s.updated)),
      );
    }
    assert.equal(await count(own, 'history'), historyBefore);
  });
});

describe('a bad ODS is refused whole', () => {
  test('a bad date in row 7 of milestones names the sheet, the row and the column; nothing is written', async (t) => {
    const own = await setupForTest(t);
    await addUser(own, 'sec@example.org', 'secretariat');
    const secretariat = await signedIn(own.app, 'sec@example.org');
    const files = unzipSync(new Uint8Array(await (await own.app.request('/data/site/data.ods')).arrayBuffer()));
    const xml = strFromU8(files['content.xml']!);
    const sheetAt = xml.indexOf('<table:table table:name="milestones">');
    const sheetEnd = xml.indexOf('</table:table>', sheetAt);
    const rows = xml.slice(sheetAt, sheetEnd).split('<table:table-row>');
    // rows[0] is the table's start; rows[1] the header (row 1); rows[7] is row 7.
    const cellsOf = (row: string) => row.match(/<table:table-cell\b[^>]*\/>|<table:table-cell\b[^>]*>.*?<\/table:table-cell>/gs) ?? [];
    const header = cellsOf(rows[1]!).map((c) => c.replace(/<[^>]+>/g, ''));
    const end = header.indexOf('Milestone End');
    const deliverable = header.indexOf('Milestone (en)');
    assert.ok(end > 0 && deliverable > 0);
    const replaceCell = (row: string, index: number, cell: string) => {
      let seen = -1;
      return row.replace(/<table:table-cell\b[^>]*\/>|<table:table-cell\b[^>]*>.*?<\/table:table-cell>/gs, (c) => (++seen === index ? cell : c));
    };
    const row7 = rows[7]!;
    rows[7] = replaceCell(
      rows[7]!,
      end,
      '<table:table-cell office:value-type="date" office:date-value="2022-02-30"><text:p>2022/2/30</text:p></table:table-cell>',
    );
    // Another change, earlier in the sheet, which must not be written either.
    rows[3] = replaceCell(rows[3]!, deliverable, '<table:table-cell office:value-type="string"><text:p>Changed by the import</text:p></table:table-cell>');
    const contentOf = () => xml.slice(0, sheetAt) + rows.join('<table:table-row>') + xml.slice(sheetEnd);
    const broken = contentOf();
    const body = odsOf('', broken);
    const historyBefore = await count(own, 'history');
    const send = (lang: string) =>
      secretariat.request(`/api/v1/data/import?lang=${lang}`, {
        method: 'POST',
        headers: { 'content-type': ODS_MIMETYPE, 'x-csrf-token': secretariat.csrf },
        body,
      });
    const response = await send('en');
    assert.equal(response.status, 400);
    const messages = Object.values((await json<{ fields: Record<string, string> }>(response)).fields);
    assert.deepEqual(messages, ['data.ods, sheet milestones, row 7, column Milestone End: Enter a real date as YYYY-MM-DD.']);
    assert.equal(await count(own, 'history'), historyBefore);
    const stored = await own.database.db.selectFrom('milestones').select('deliverable').execute();
    assert.ok(stored.every((m) => m.deliverable.en !== 'Changed by the import'));
    const zh = Object.values((await json<{ fields: Record<string, string> }>(await send('zh-TW'))).fields);
    assert.deepEqual(zh.length, 1);
    assert.match(zh[0]!, /^data\.ods 工作表「milestones」第 7 列「Milestone End」欄：/);

    // The same file with row 7 as it was imports, and the other change is written.
    rows[7] = row7;
    const fixed = odsOf('', contentOf());
    const ok = await secretariat.request('/api/v1/data/import', {
      method: 'POST',
      headers: { 'content-type': ODS_MIMETYPE, 'x-csrf-token': secretariat.csrf },
      body: fixed,
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const after = await own.database.db.selectFrom('milestones').select('deliverable').execute();
    assert.ok(after.some((m) => m.deliverable.en === 'Changed by the import'));
  });

  test('hostile spreadsheets get a 4xx, quickly: a billion repeated rows, a DOCTYPE, an entry too large once unpacked', async (t) => {
    const own = await setupForTest(t);
    await addUser(own, 'sec@example.org', 'secretariat');
    const secretariat = await signedIn(own.app, 'sec@example.org');
    const cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>';
    const hugeZip = zipSync({ mimetype: [strToU8(ODS_MIMETYPE), { level: 0 }], 'content.xml': [new Uint8Array(MAX_UNPACKED_BYTES + 1), { level: 9 }] });
    const cases: [string, Uint8Array, RegExp][] = [
      [
        'a billion repeated rows',
        odsOf(`<table:table table:name="milestones"><table:table-row table:number-rows-repeated="1000000000">${cell}</table:table-row></table:table>`),
        /more than 1048576 filled rows/,
      ],
      [
        'a billion repeated cells',
        odsOf(
          `<table:table table:name="milestones"><table:table-row><table:table-cell table:number-columns-repeated="1000000000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`,
        ),
        /more than 16384 columns/,
      ],
      [
        'a billion spaces',
        odsOf(
          `<table:table table:name="milestones"><table:table-row><table:table-cell><text:p><text:s text:c="1000000000"/></text:p></table:table-cell></table:table-row></table:table>`,
        ),
        /more than 200000 characters/,
      ],
      [
        'a DOCTYPE with entities',
        odsOf(
          '',
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${ODS_CONTENT_START.replace(/^<\?xml[^>]*>\n/, '')}<table:table table:name="milestones"><table:table-row><table:table-cell><text:p>&lol2;</text:p></table:table-cell></table:table-row></table:table>${ODS_CONTENT_END}`,
        ),
        /DOCTYPE/,
      ],
      ['an entry too large once unpacked', hugeZip, /content\.xml is larger than 128 MB once unpacked/],
      ['not an archive', strToU8('<office:document-content/>'), /cannot be read/],
      ['malformed XML', odsOf('<table:table table:name="milestones"><table:table-row></table:table>'), /cannot be read/],
    ];
    const historyBefore = await count(own, 'history');
    for (const [name, body, message] of cases) {
      const started = performance.now();
      const response = await secretariat.request('/api/v1/data/import?lang=en', {
        method: 'POST',
        headers: { 'content-type': ODS_MIMETYPE, 'x-csrf-token': secretariat.csrf },
        body,
      });
      const elapsed = performance.now() - started;
      assert.ok(response.status >= 400 && response.status < 500, `${name}: ${response.status}`);
      assert.match(JSON.stringify(await json(response)), message, name);
      assert.ok(elapsed < 2000, `${name}: ${Math.round(elapsed)} ms`);
    }
    assert.equal(await count(own, 'history'), historyBefore);
  });
});

describe('the reader, on what LibreOffice writes', () => {
  const limits: SheetLimits = { rows: 1000, cells: 10_000, cellText: 1000, columns: 100 };
  const doc = (sheets: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:x="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><o:body><o:spreadsheet>${sheets}</o:spreadsheet></o:body></o:document-content>`;

  test('paragraphs, spaces, tabs, line breaks, typed values, repeats, covered cells, empty sheets, other prefixes', () => {
    const sheets = readSheets(
      doc(
        '<t:table t:name="Empty"><t:table-column t:number-columns-repeated="1024"/><t:table-row t:number-rows-repeated="1048576"><t:table-cell t:number-columns-repeated="1024"/></t:table-row></t:table>' +
          '<t:table t:name="a">' +
          '<t:table-row><t:table-cell><x:p>a<x:s x:c="3"/>b<x:tab/>c<x:line-break/>d</x:p><x:p>  second   line </x:p></t:table-cell>' +
          '<t:table-cell o:value-type="float" o:value="12"><x:p>12.00</x:p></t:table-cell>' +
          '<t:table-cell o:value-type="float" o:value="1.5"><x:p>1,5</x:p></t:table-cell>' +
          '<t:table-cell o:value-type="date" o:date-value="2022-01-31"><x:p>31/01/22</x:p></t:table-cell>' +
          '<t:table-cell o:value-type="date" o:date-value="2022-02-01T00:00:00"><x:p>1 Feb</x:p></t:table-cell>' +
          '<t:table-cell o:value-type="boolean" o:boolean-value="true"><x:p>WAHR</x:p></t:table-cell>' +
          '<t:table-cell t:number-columns-repeated="2"/><t:table-cell o:value-type="string"><x:p><x:span>&lt;&amp;&gt;&quot;&apos;&#x4E2D;&#25991;</x:span></x:p><o:annotation><x:p>a comment</x:p></o:annotation></t:table-cell>' +
          '<t:covered-table-cell/><t:table-cell t:number-columns-repeated="1000"/></t:table-row>' +
          '<t:table-row t:number-rows-repeated="3"><t:table-cell t:number-columns-repeated="50"/></t:table-row>' +
          '<t:table-row t:number-rows-repeated="2"><t:table-cell t:number-columns-repeated="2" o:value-type="string"><x:p>r</x:p></t:table-cell></t:table-row>' +
          '<t:table-row t:number-rows-repeated="1048000"><t:table-cell t:number-columns-repeated="1024"/></t:table-row>' +
          '</t:table>',
      ),
      limits,
    );
    assert.deepEqual(
      sheets.map((s) => s.name),
      ['Empty', 'a'],
    );
    assert.deepEqual(sheets[0]!.rows, []);
    assert.deepEqual(sheets[1]!.rows, [
      { number: 1, cells: ['a   b\tc\nd\nsecond line ', '12', '1.5', '2022-01-31', '2022-02-01', 'true', '', '', '<&>"\'中文'] },
      { number: 5, cells: ['r', 'r'] },
      { number: 6, cells: ['r', 'r'] },
    ]);
  });

  test('reads back what the writer writes: spaces, tabs, line breaks, markup, and characters XML cannot hold', () => {
    const texts = [
      'plain 中文',
      ' leading',
      'two  spaces   three',
      'tab\there',
      'line\nbreak',
      'crlf\r\nand\rcr',
      '<&>"\'',
      'R&D',
      'control\u0001\u001Fgone',
      'lone\uD800surrogate',
      'pair 😀',
      '\uFFFEnon-character',
      'trailing ',
    ];
    const columns = [
      column('text', 'Text', 'text', 'A text.', '文字。'),
      column('day', 'Day', 'date', 'A day.', '日期。'),
      column('n', 'N', 'int', 'A number.', '數字。'),
    ];
    const xml =
      ODS_CONTENT_START +
      odsSheetStart('a', ['Text', 'Day', 'N']) +
      texts.map((text, i) => odsRow(columns, { text, day: '2024-02-29', n: i - 3 })).join('') +
      ODS_SHEET_END +
      ODS_CONTENT_END;
    const [sheet] = readSheets(xml, limits);
    assert.deepEqual(
      sheet!.rows.slice(1).map((r) => r.cells),
      texts.map((text, i) => [
        text
          .replace(/\r\n?/g, '\n')
          .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
          .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/g, ''),
        '2024-02-29',
        String(i - 3),
      ]),
    );
  });

  test('strict: unknown entities, unbound prefixes, unclosed elements, a DOCTYPE', () => {
    for (const [xml, reason] of [
      [doc('<t:table t:name="a"><t:table-row><t:table-cell><x:p>&nbsp;</x:p></t:table-cell></t:table-row></t:table>'), /reference/],
      [doc('<q:table/>'), /prefix/],
      [doc('<t:table t:name="a">'), /does not close|not closed/],
      [doc('<t:table t:name="a" t:name="b"/>'), /twice/],
      [doc('<t:table t:name="a"><t:table-row t:number-rows-repeated="-1"/></t:table>'), /repeat/],
    ] as const)
      assert.throws(
        () => readSheets(xml, limits),
        (e: Error & { params?: { reason?: string } }) => reason.test(e.params?.reason ?? ''),
      );
    assert.throws(
      () => readSheets(`<!DOCTYPE x [<!ENTITY a "b">]>${doc('')}`, limits),
      (e: Error & { key?: string }) => e.key === 'opendata.import.doctype',
    );
    assert.equal(columnLetter(0), 'A');
    assert.equal(columnLetter(25), 'Z');
    assert.equal(columnLetter(26), 'AA');
    assert.equal(columnLetter(16383), 'XFD');
  });
});

describe('the import form on the data page', () => {
  test('the secretariat finds it, uploads an ODS, sees the problems or what was imported; others are refused', async (t) => {
    const own = await setupForTest(t);
    await addUser(own, 'sec@example.org', 'secretariat');
    await addUser(own, 'officer@example.org', 'agency-officer', ['NDC']);
    const secretariat = await signedIn(own.app, 'sec@example.org');
    // Linked from the data page for the secretariat, not for the public.
    assert.match(await (await secretariat.get('/en/data')).text(), /href="\/en\/data\/import"/);
    assert.doesNotMatch(await (await own.app.request('/en/data')).text(), /data\/import"/);
    const officer = await signedIn(own.app, 'officer@example.org');
    assert.equal((await officer.get('/data/import')).status, 403);

    for (const [path, help] of [
      ['/data/import', /data\.ods（試算表/],
      ['/en/data/import', /data\.ods \(the spreadsheet/],
    ] as const) {
      const page = await secretariat.get(path);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, help);
      assert.match(html, /enctype="multipart\/form-data"/);
      // The file field takes the ODS, tied to its label and its help.
      const input = /<input[^>]*type="file"[^>]*>/.exec(html)?.[0] ?? '';
      assert.match(input, /accept="[^"]*\.ods[^"]*application\/vnd\.oasis\.opendocument\.spreadsheet/);
      assert.match(input, /id="f-file"/);
      assert.match(input, /aria-describedby="f-file-help"/);
      assert.match(html, /<label for="f-file">/);
      assert.match(html, /<label for="f-table">/);
    }

    const ods = new Uint8Array(await (await own.app.request('/data/site/data.ods')).arrayBuffer());
    const upload = (bytes: Uint8Array, name: string, path = '/en/data/import') => {
      const form = new FormData();
      form.append('_csrf', secretariat.csrf);
      form.append('file', new File([bytes], name));
      form.append('table', '');
      return secretariat.request(path, { method: 'POST', body: form });
    };
    // Nothing chosen: the message beside the field.
    const none = new FormData();
    none.append('_csrf', secretariat.csrf);
    const empty = await secretariat.request('/en/data/import', { method: 'POST', body: none });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Choose a file to import\./);

    // A problem in a sheet: listed by file, sheet, row and column; nothing written.
    const files = unzipSync(ods);
    const content = strFromU8(files['content.xml']!);
    const areasAt = content.indexOf('<table:table table:name="areas">');
    const rowsOfAreas = content.slice(areasAt).split('<table:table-row>');
    // Row 2's first cell (its id) is no longer a number.
    rowsOfAreas[2] = rowsOfAreas[2]!.replace(
      /<table:table-cell office:value-type="float"[^>]*>.*?<\/table:table-cell>/s,
      '<table:table-cell office:value-type="string"><text:p>not a number</text:p></table:table-cell>',
    );
    const xml = content.slice(0, areasAt) + rowsOfAreas.join('<table:table-row>');
    const historyBefore = await count(own, 'history');
    const refused = await upload(odsOf('', xml), 'plan.ods');
    assert.equal(refused.status, 400);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /Nothing was imported\. Problems found: \d+, listed below\./);
    assert.match(refusedHtml, /plan\.ods, sheet areas, row 2, column /);
    assert.equal(await count(own, 'history'), historyBefore);

    // The export as it is: imported, nothing changed; the summary says so, table by table (in Chinese at /data/import).
    const ok = await upload(ods, 'data.ods', '/data/import');
    assert.equal(ok.status, 200, await ok.clone().text());
    const okHtml = await ok.text();
    assert.match(okHtml, /role="status"/);
    assert.match(okHtml, /已匯入。/);
    assert.match(okHtml, /<th scope="row">milestones<\/th>/);
    assert.equal(await count(own, 'history'), historyBefore);
  });
});

/**
 * Output encoding by construction (issue #9, ADR 0017): what people wrote reaches feeds as escaped text
 * (`type="text"`), CSV cells cannot start a spreadsheet formula, and links built from the request path stay on
 * this site. Through real HTTP against a real database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importTranscript, publishDueTranscripts } from '../src/modules/transcripts/index.js';
import { atomXml, xmlText } from '../src/web/atom.js';
import { toCsv } from '../src/web/csv.js';
import { addUser, Client, json, setup, type TestContext } from './helpers.js';

let ctx: TestContext;
let secretariat: Client;
let officer: Client;
const commitmentIds: Record<string, number> = {};

const SCRIPT_EN = '<script>alert("en")</script> & ]]> done';
const SCRIPT_ZH = '<script>alert("zh")</script> 成果';

before(async () => {
  ctx = await setup();
  ctx.clock.now = new Date('2021-05-10T02:00:00Z');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  await addUser(ctx, 'moi@example.org', 'agency-officer', ['MOI']);
  secretariat = new Client(ctx.app);
  await secretariat.signIn('sec@example.org');
  officer = new Client(ctx.app);
  await officer.signIn('moi@example.org');
  const list = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  for (const c of list.items) commitmentIds[c.number] = c.id;
  assert.equal((await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {})).status, 201);
});
after(() => ctx.close());

describe('Atom feeds carry text as type="text"', () => {
  test('a <script> in a submitted report’s achievements arrives escaped, in both languages', async () => {
    const cycles = await json<{ items: { id: number; number: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
    const cycleId = cycles.items.find((c) => c.number === 1)?.id;
    const created = await officer.api('POST', `/api/v1/commitments/${commitmentIds['4-1']}/reports`, {
      cycleId,
      achievements: { zh: SCRIPT_ZH, en: SCRIPT_EN },
    });
    assert.equal(created.status, 201, await created.clone().text());
    const draft = await json<{ id: number; version: number }>(created);
    assert.equal((await officer.api('POST', `/api/v1/reports/${draft.id}/submit`, { version: draft.version })).status, 200);

    for (const [path, expected] of [
      ['/en/plans/tw-2021-2024/reports.atom', '&lt;script&gt;alert(&quot;en&quot;)&lt;/script&gt; &amp; ]]&gt; done'],
      ['/plans/tw-2021-2024/commitments/4-1/reports.atom', '&lt;script&gt;alert(&quot;zh&quot;)&lt;/script&gt; 成果'],
      ['/en/agencies/MOI/reports.atom', '&lt;script&gt;alert(&quot;en&quot;)&lt;/script&gt;'],
    ] as const) {
      const xml = await (await ctx.app.request(path)).text();
      assert.ok(xml.includes(`<summary type="text">${expected}`), `${path}: ${xml.slice(0, 2000)}`);
      assert.doesNotMatch(xml, /<script/i, path);
      assert.doesNotMatch(xml, /CDATA|type="html"/, path);
      assert.match(xml, /<title type="text">/);
    }
  });

  test('a transcript title with markup is escaped in the transcripts feed', async () => {
    await importTranscript({ db: ctx.database.db, now: () => ctx.clock.now }, 'cli', {
      markdown: '# 2021-01-04 <b>粗體</b>會議 & 討論\n\n### 主席：\n開會。\n',
      language: 'zh-TW',
    });
    await publishDueTranscripts({ db: ctx.database.db, now: () => ctx.clock.now });
    const xml = await (await ctx.app.request('/transcripts.atom')).text();
    assert.ok(xml.includes('<title type="text">&lt;b&gt;粗體&lt;/b&gt;會議 &amp; 討論</title>'), xml);
    assert.doesNotMatch(xml, /<b>/);
  });

  test('characters XML forbids are dropped, so the feed stays well-formed', () => {
    assert.equal(xmlText('a\u0001b\u000bc\ud800d\t\n'), 'abcd\t\n');
    assert.equal(xmlText('𠮷 "q" <&>'), '𠮷 &quot;q&quot; &lt;&amp;&gt;');
    const xml = atomXml({
      id: 'https://example.org/f',
      title: 'T',
      link: 'https://example.org/',
      self: 'https://example.org/f',
      language: 'en',
      updated: new Date(0),
      generator: 'Cocreate',
      author: 'Site',
      entries: [{ id: 'https://example.org/1', link: 'https://example.org/1?a=1&b=2', title: 'x', updated: new Date(0) }],
    });
    assert.ok(xml.includes('href="https://example.org/1?a=1&amp;b=2"'));
  });
});

describe('CSV cells never start a formula', () => {
  test('the one CSV writer prefixes =, +, -, @, tab and CR with an apostrophe; numbers stay numbers', () => {
    const csv = toCsv([['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\ry', '＝z', 'plain', -3, 4]]);
    assert.equal(csv, `'=1+1,'+SUM(A1),'-2+3,'@cmd,'\tx,"'\ry",'＝z,plain,-3,4\n`);
  });

  test('the board CSV neutralises a commitment title that looks like a formula', async () => {
    const current = await json<{ version: number }>(await ctx.app.request(`/api/v1/commitments/${commitmentIds['4-1']}`));
    const patched = await secretariat.api('PATCH', `/api/v1/commitments/${commitmentIds['4-1']}`, {
      version: current.version,
      title: { zh: '=HYPERLINK("http://evil.example","點我")', en: '@SUM(1+1)*cmd|" /C calc"!A0' },
    });
    assert.equal(patched.status, 200, await patched.clone().text());
    const zh = await (await secretariat.request('/plans/tw-2021-2024/board.csv?cycle=1')).text();
    assert.ok(zh.includes(`"'=HYPERLINK(""http://evil.example"",""點我"")"`), zh);
    const en = await (await secretariat.request('/en/plans/tw-2021-2024/board.csv?cycle=1')).text();
    assert.ok(en.includes(`"'@SUM(1+1)*cmd|"" /C calc""!A0"`), en);
    for (const line of `${zh}\n${en}`.split('\n')) assert.doesNotMatch(line, /(^|,)"?[=+@]/, line);
  });
});

describe('links built from the request path stay on this site', () => {
  for (const [path, switchTo] of [
    ['/en//evil.example/x', '/evil.example/x'],
    ['/en///evil.example/x', '/evil.example/x'],
    ['//evil.example/x', '/en/evil.example/x'],
  ] as const) {
    test(`the error page for ${path} links its language switch to ${switchTo}`, async () => {
      const res = await ctx.app.request(path);
      assert.equal(res.status, 404);
      const html = await res.text();
      assert.doesNotMatch(html, /href="\/\/|href="\/en\/\/|href="\/\\/, 'no protocol-relative link');
      assert.ok(html.includes(`href="${switchTo}"`), html);
      assert.doesNotMatch(html, /next=%2F%2F|next=%2Fen%2F%2F/, 'the sign-in link’s next is a same-origin path too');
    });
  }
});

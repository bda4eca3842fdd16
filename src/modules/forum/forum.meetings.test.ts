/**
 * Meetings as the seeds hold them (issue #11): place, mode, region, openness, attendance by stakeholder group beside
 * the sector totals, attached documents, the working group and commitment, and the link to the meeting's published
 * transcript — through the API and the forms, with bad input named field by field in both languages.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { addUser, json, setup, signedIn, type Client, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let secretariat: Client;
const SLUG = 'tw-2021-2024';

type L = { zh: string; en: string; status: string };
type Meeting = {
  id: number;
  version: number;
  heldOn: string;
  place: L;
  mode: string;
  region: string | null;
  openToPublic: boolean;
  workingGroupId: number | null;
  commitmentId: number | null;
  attendance: { government: number; civilSociety: number; other: number; total: number };
  attendanceByGroup: Record<string, number>;
  documents: { kind: string; title: L; url: string }[];
  transcripts?: { slug: string; url: string }[];
};
type ErrorBody = { error: string; fields: Record<string, string> };

const workshop = (extra: Record<string, unknown> = {}) => ({
  heldOn: '2021-03-09',
  kind: 'workshop',
  title: { zh: '開放政府工作坊（南區）', en: 'Open government workshop (south)' },
  place: { zh: '高雄市政府', en: 'Kaohsiung City Government' },
  mode: 'hybrid',
  region: 'south',
  openToPublic: true,
  attendance: { government: 10, civilSociety: 16, other: 2 },
  attendanceByGroup: { government: 10, 'civil-society': 9, academia: 4, youth: 3, 'private-sector': 2 },
  documents: [
    { kind: 'agenda', title: { zh: '議程', en: 'Agenda' }, url: 'https://example.org/agenda.pdf' },
    { kind: 'slides', title: { zh: '簡報', en: 'Slides' }, url: 'https://example.org/slides.pdf' },
  ],
  ...extra,
});

const post = (body: unknown, lang = 'en') => secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings?lang=${lang}`, body);

let commitmentId: number;

before(async () => {
  ctx = await setup();
  await addUser(ctx, 'sec@example.org', 'secretariat');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  const list = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  commitmentId = list.items.find((c) => c.number === '1-3')?.id ?? 0;
});
after(() => ctx.close());

describe('a meeting’s place, mode, region, openness, attendance by group and documents', () => {
  test('are stored, answered by the API and shown on its page in both languages', async () => {
    const res = await post(workshop({ commitmentId }));
    assert.equal(res.status, 201, await res.clone().text());
    const created = await json<Meeting>(res);
    assert.deepEqual([created.mode, created.region, created.openToPublic, created.commitmentId], ['hybrid', 'south', true, commitmentId]);
    assert.deepEqual(created.attendanceByGroup, { government: 10, 'civil-society': 9, academia: 4, youth: 3, 'private-sector': 2 });
    assert.deepEqual(
      created.documents.map((d) => [d.kind, d.url]),
      [
        ['agenda', 'https://example.org/agenda.pdf'],
        ['slides', 'https://example.org/slides.pdf'],
      ],
    );
    const detail = await json<Meeting>(await ctx.app.request(`/api/v1/meetings/${created.id}`));
    assert.deepEqual(detail.transcripts, []);
    assert.deepEqual(detail.attendanceByGroup, created.attendanceByGroup);

    const zh = await (await ctx.app.request(`/plans/${SLUG}/meetings/${created.id}`)).text();
    assert.match(zh, /高雄市政府/);
    assert.match(zh, /實體與線上併行/);
    assert.match(zh, /南部/);
    assert.match(zh, /公開會議/);
    assert.match(zh, /<caption>依利害關係人類別的出席人數（合計 28 人）<\/caption>/);
    assert.match(zh, /<th scope="row">學界<\/th><td class="num">4<\/td>/);
    assert.match(zh, /議程：<a href="https:\/\/example.org\/agenda.pdf" rel="noopener">議程<\/a>/);
    assert.match(zh, /本次會議的逐字紀錄尚未公開。/);
    assert.match(zh, /1-3 <span lang="zh-TW">強化數位隱私與個資保護<\/span>|1-3 強化數位隱私與個資保護/);
    const en = await (await ctx.app.request(`/en/plans/${SLUG}/meetings/${created.id}`)).text();
    assert.match(en, /Hybrid \(in person and online\)/);
    assert.match(en, /Attendance by stakeholder group \(28 in all\)/);
    assert.match(en, /Slides: <a href="https:\/\/example.org\/slides.pdf" rel="noopener">Slides<\/a>/);
  });

  test('an edit that leaves them out keeps them; one that sends them replaces them as a whole, and the history has both', async () => {
    const created = await json<Meeting>(await post(workshop({ heldOn: '2021-03-10' })));
    const kept = await json<Meeting>(await secretariat.api('PATCH', `/api/v1/meetings/${created.id}`, { version: created.version, title: { en: 'Renamed' } }));
    assert.deepEqual(kept.attendanceByGroup, created.attendanceByGroup);
    assert.equal(kept.documents.length, 2);
    const replaced = await secretariat.api('PATCH', `/api/v1/meetings/${created.id}`, {
      version: kept.version,
      attendance: { government: 10, civilSociety: 0, other: 0 },
      attendanceByGroup: { government: 10 },
      documents: [{ kind: 'minutes', url: 'https://example.org/minutes.pdf' }],
    });
    assert.equal(replaced.status, 200, await replaced.clone().text());
    const after = await json<Meeting>(replaced);
    assert.deepEqual(after.attendanceByGroup, { government: 10 });
    assert.deepEqual(
      after.documents.map((d) => [d.kind, d.title.zh, d.url]),
      [['minutes', '', 'https://example.org/minutes.pdf']],
    );
    const history = await ctx.database.db
      .selectFrom('history')
      .select(['changes'])
      .where('entity_type', '=', 'meeting')
      .where('entity_id', '=', created.id)
      .where('action', '=', 'update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const fields = (history.changes as { field: string }[]).map((c) => c.field).sort();
    assert.deepEqual(fields, ['attendance', 'attendanceByGroup', 'documents']);
  });

  test('a group left empty (or 0) is not counted; an empty breakdown means not broken down', async () => {
    const res = await post(workshop({ heldOn: '2021-03-11', attendanceByGroup: { government: 10, 'civil-society': 18, youth: 0 } }));
    assert.equal(res.status, 201, await res.clone().text());
    assert.deepEqual((await json<Meeting>(res)).attendanceByGroup, { government: 10, 'civil-society': 18 });
    const none = await json<Meeting>(await post(workshop({ heldOn: '2021-03-12', attendanceByGroup: {} })));
    assert.deepEqual(none.attendanceByGroup, {});
  });
});

describe('bad input: 400 naming each field, in English and Chinese; nothing written', () => {
  const count = async () => (await json<{ items: unknown[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/meetings`))).items.length;

  test('a negative count, an unknown group code, a bad document address, an unknown mode and region', async () => {
    const before = await count();
    const bad = workshop({
      heldOn: '2021-04-01',
      attendanceByGroup: { youth: -3, martians: 2, 'Not A Code': 1 },
      documents: [
        { kind: 'agenda', url: 'javascript:alert(1)' },
        { kind: 'poster', url: 'https://example.org/p.pdf' },
      ],
      mode: 'telepathy',
      region: 'moon',
    });
    const en = await post(bad);
    assert.equal(en.status, 400);
    const enFields = (await json<ErrorBody>(en)).fields;
    assert.equal(enFields['attendanceByGroup.youth'], 'Enter a whole number of people, 0 or more.');
    assert.ok(enFields['attendanceByGroup.Not A Code'], JSON.stringify(enFields));
    assert.equal(enFields['documents.0.url'], 'Enter an address starting with http:// or https://.');
    assert.equal(enFields['documents.1.kind'], 'Choose agenda, slides, minutes or other document.');
    assert.equal(enFields.mode, 'Choose in person, online or hybrid.');
    assert.equal(enFields.region, 'Choose a region from the list.');
    const zhFields = (await json<ErrorBody>(await post(bad, 'zh-TW'))).fields;
    assert.equal(zhFields['attendanceByGroup.youth'], '請輸入 0 以上的整數人數。');
    assert.equal(zhFields['documents.0.url'], '請輸入以 http:// 或 https:// 開頭的網址。');
    assert.equal(zhFields.region, '請從清單中選擇區域。');
    assert.equal(await count(), before);
  });

  test('a group code that is well formed but not configured, and groups that do not add up to the sectors', async () => {
    const unknown = await post(workshop({ heldOn: '2021-04-02', attendanceByGroup: { government: 10, martians: 18 } }));
    assert.equal(unknown.status, 400);
    assert.equal((await json<ErrorBody>(unknown)).fields['attendanceByGroup.martians'], 'Choose a stakeholder group from the list.');
    const off = await post(workshop({ heldOn: '2021-04-02', attendanceByGroup: { government: 10, 'civil-society': 9 } }));
    assert.equal(off.status, 400);
    assert.equal(
      (await json<ErrorBody>(off)).fields.attendanceByGroup,
      'The stakeholder groups add up to 19 people and the sectors to 28: make them equal, or leave every group empty.',
    );
    const zh = await post(workshop({ heldOn: '2021-04-02', attendanceByGroup: { government: 10, 'civil-society': 9 } }), 'zh-TW');
    assert.equal((await json<ErrorBody>(zh)).fields.attendanceByGroup, '各利害關係人類別合計 19 人，各部門合計 28 人：請使兩者相等，或將各類別全部留空。');
  });

  test('a working group or commitment that is not the plan’s', async () => {
    const res = await post(workshop({ heldOn: '2021-04-03', workingGroupId: 999_999, commitmentId: 999_999 }), 'zh-TW');
    assert.equal(res.status, 400);
    const fields = (await json<ErrorBody>(res)).fields;
    assert.equal(fields.workingGroupId, '請選擇本方案的工作分組。');
    assert.equal(fields.commitmentId, '請選擇本方案的承諾事項。');
  });
});

describe('the meeting form', () => {
  test('has the new fields, creates a meeting from them, and keeps a refused post’s rows beside their messages', async () => {
    const path = `/plans/${SLUG}/meetings/new`;
    const form = await (await secretariat.get(path)).text();
    for (const name of [
      'mode',
      'region',
      'place-zh',
      'openToPublic',
      'workingGroupId',
      'commitmentId',
      'attendanceByGroup-youth',
      'documents-0-url',
      'documents-2-kind',
    ])
      assert.match(form, new RegExp(`id="f-${name}"`), name);
    assert.match(form, /<label for="f-attendanceByGroup-government">政府出席人數<\/label>/);
    const fields = {
      heldOn: '2021-05-05',
      kind: 'consultation',
      mode: 'in-person',
      region: 'north',
      openToPublic: ['', 'true'],
      'title.zh': '諮詢會議',
      'title.en': 'Consultation',
      'place.zh': '國家發展委員會',
      'place.en': 'National Development Council',
      'attendance.government': '5',
      'attendance.civilSociety': '3',
      'attendance.other': '0',
      'attendanceByGroup.government': '5',
      'attendanceByGroup.civil-society': '3',
      'attendanceByGroup.youth': '',
      'documents.0.kind': 'minutes',
      'documents.0.title.zh': '',
      'documents.0.title.en': '',
      'documents.0.url': '',
      'documents.1.kind': 'minutes',
      'documents.1.title.zh': '會議紀錄',
      'documents.1.title.en': 'Minutes',
      'documents.1.url': 'not an address',
      links: '',
    };
    const refused = await secretariat.postForm(path, fields);
    assert.equal(refused.status, 400);
    const html = await refused.text();
    // The blank first row is dropped, so the filled row comes back first, with its message beside its address.
    assert.match(html, /<p class="field-error" id="err-documents-0-url">請輸入以 http:\/\/ 或 https:\/\/ 開頭的網址。<\/p>/);
    assert.match(html, /id="f-documents-0-url"[^>]*value="not an address"/);
    assert.match(html, /id="f-documents-0-title-zh"[^>]*value="會議紀錄"/);
    assert.match(html, /id="f-openToPublic"[^>]*checked/);

    const saved = await secretariat.postForm(path, { ...fields, 'documents.1.url': 'https://example.org/minutes.pdf' });
    assert.equal(saved.status, 303, await saved.clone().text());
    const id = Number((saved.headers.get('location') ?? '').split('/').pop());
    const meeting = await json<Meeting>(await ctx.app.request(`/api/v1/meetings/${id}`));
    assert.deepEqual(meeting.attendanceByGroup, { government: 5, 'civil-society': 3 });
    assert.deepEqual(
      meeting.documents.map((d) => [d.kind, d.title.zh, d.url]),
      [['minutes', '會議紀錄', 'https://example.org/minutes.pdf']],
    );
    assert.deepEqual([meeting.openToPublic, meeting.mode, meeting.place.zh], [true, 'in-person', '國家發展委員會']);
  });

  test('groups that do not add up are named beside the group fields', async () => {
    const path = `/en/plans/${SLUG}/meetings/new`;
    await secretariat.get(path);
    const res = await secretariat.postForm(path, {
      heldOn: '2021-05-06',
      kind: 'plenary',
      'title.en': 'Plenary',
      'attendance.government': '5',
      'attendance.civilSociety': '3',
      'attendanceByGroup.government': '4',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /<p class="field-error" id="err-attendanceByGroup">The stakeholder groups add up to 4 people and the sectors to 8/);
    assert.match(html, /id="f-attendanceByGroup-government"[^>]*value="4"/);
  });
});

describe('the transcript of a meeting', () => {
  test('is linked from the meeting once published, not before', async () => {
    const meeting = await json<Meeting>(await post(workshop({ heldOn: '2024-03-15', attendanceByGroup: {} })));
    const fixture = await readFile(new URL('../../../test/fixtures/transcripts/meeting.md', import.meta.url), 'utf8');
    const imported = await secretariat.api('POST', '/api/v1/transcripts', { markdown: fixture, language: 'zh-TW', planId: ctx.planId, meetingId: meeting.id });
    assert.equal(imported.status, 201, await imported.clone().text());
    const transcript = await json<{ id: number; slug: string; version: number }>(imported);
    const embargoed = await (await ctx.app.request(`/en/plans/${SLUG}/meetings/${meeting.id}`)).text();
    assert.doesNotMatch(embargoed, new RegExp(`/transcripts/${transcript.slug}`), 'an embargoed transcript is not revealed');
    const published = await secretariat.api('POST', `/api/v1/transcripts/${transcript.id}/publish`, {
      reason: 'Published early for the test.',
      version: transcript.version,
    });
    assert.equal(published.status, 200, await published.clone().text());
    const html = await (await ctx.app.request(`/en/plans/${SLUG}/meetings/${meeting.id}`)).text();
    assert.match(html, new RegExp(`<a href="/en/transcripts/${encodeURIComponent(transcript.slug)}" hreflang="zh-TW" lang="zh-TW">`));
    const detail = await json<Meeting>(await ctx.app.request(`/api/v1/meetings/${meeting.id}`));
    assert.deepEqual(
      detail.transcripts?.map((t) => t.url),
      [`/transcripts/${encodeURIComponent(transcript.slug)}`],
    );
  });
});

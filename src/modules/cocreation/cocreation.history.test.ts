/**
 * The co-creation history page (/plans/<slug>/co-creation/history) in both languages: a phase's edit with each field
 * before and after, and the forum's meetings beside the phases.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let secretariat: Client;
let anonymous: Client;
const PLAN = '/plans/tw-2021-2024';
const HISTORY = `${PLAN}/co-creation/history`;

before(async () => {
  ctx = await setup();
  await addUser(ctx, 'sec@example.org', 'secretariat');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  anonymous = new Client(ctx.app);
});
after(() => ctx.close());

const page = async (client: Client, path: string) => {
  const res = await client.get(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.text();
};

test('the co-creation history shows a phase’s edit before and after, and the forum’s meetings, in both languages', async () => {
  const created = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/phases`, {
    kind: 'public-consultation',
    startsOn: '2026-12-10',
    endsOn: '2026-12-31',
    publishedOn: '2026-11-20',
    description: { zh: '第二次公眾諮詢。', en: 'A second public consultation.' },
  });
  assert.equal(created.status, 201, await created.clone().text());
  const phase = await json<{ id: number; version: number }>(created);
  const edited = await secretariat.api('PATCH', `/api/v1/phases/${phase.id}`, {
    version: phase.version,
    endsOn: '2027-01-15',
    description: { en: 'A second public consultation, extended.' },
  });
  assert.equal(edited.status, 200, await edited.clone().text());
  const meeting = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/meetings`, {
    heldOn: '2026-11-20',
    kind: 'plenary',
    title: { zh: '推動小組第 99 次會議', en: 'The forum’s 99th meeting' },
  });
  assert.equal(meeting.status, 201, await meeting.clone().text());
  const meetingId = (await json<{ id: number }>(meeting)).id;

  const en = await page(anonymous, `/en${HISTORY}`);
  assert.match(en, /<html lang="en"/);
  assert.match(en, /History: Co-creation/);
  assert.match(en, new RegExp(`sec · changed co-creation phase #${phase.id}(?!\\d)`));
  assert.match(en, /<th scope="row">Last day<\/th><td class="diff-before">2026-12-31<\/td><td class="diff-after">2027-01-15<\/td>/);
  assert.match(
    en,
    /<td class="diff-before" lang="en">A second public consultation\.<\/td><td class="diff-after" lang="en">A second public consultation, extended\.<\/td>/,
  );
  assert.match(en, new RegExp(`sec · created co-creation phase #${phase.id}(?!\\d)`));
  assert.match(en, new RegExp(`sec · created forum meeting #${meetingId}(?!\\d)`));
  // Newest first: the meeting, then the edit, then the creation.
  assert.ok(en.indexOf(`forum meeting #${meetingId}`) < en.indexOf(`changed co-creation phase #${phase.id}`));
  assert.ok(en.indexOf(`changed co-creation phase #${phase.id}`) < en.indexOf(`created co-creation phase #${phase.id}`));

  const zh = await page(anonymous, HISTORY);
  assert.match(zh, /<html lang="zh-TW"/);
  assert.match(zh, new RegExp(`sec · 修改 共創階段 #${phase.id}(?!\\d)`));
  assert.match(zh, /<th scope="row">結束日期<\/th><td class="diff-before">2026-12-31<\/td><td class="diff-after">2027-01-15<\/td>/);
  assert.ok((await page(anonymous, `/en${PLAN}/co-creation`)).includes(`href="/en${HISTORY}"`));
  assert.equal((await anonymous.get('/en/plans/no-such-plan/co-creation/history')).status, 404);
});

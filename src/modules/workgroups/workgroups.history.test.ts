/**
 * The working groups' history page (/plans/<slug>/working-groups/history) in both languages: a group's changes for
 * everyone, its memberships for the secretariat only, so an unlisted member is never named to the public.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let secretariat: Client;
let anonymous: Client;
const PLAN = '/plans/tw-2021-2024';
const HISTORY = `${PLAN}/working-groups/history`;

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

test('the working groups’ history: groups for everyone, in both languages; an unlisted member named to no one but the secretariat', async () => {
  // A commitment's group: its history is filed under the commitment, and the plan's history lists it too.
  const list = await json<{ items: { id: number; number: string }[] }>(await anonymous.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  const commitmentId = list.items.find((c) => c.number === '1-1')?.id;
  assert.ok(commitmentId);
  const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups`, {
    slug: 'open-data-theme',
    kind: 'commitment',
    name: { zh: '開放資料主題分組', en: 'Open data theme group' },
    purpose: { zh: '跨承諾事項討論開放資料。', en: 'Open data across commitments.' },
    rules: { zh: '一、任何人都可以加入。', en: '1. Anyone may join.' },
    commitmentIds: [commitmentId],
    coChair: { name: { zh: '林雅婷', en: 'Lin Ya-ting' } },
  });
  assert.equal(res.status, 201, await res.clone().text());
  const group = await json<{ id: number; version: number }>(res);
  const renamed = await secretariat.api('PATCH', `/api/v1/working-groups/${group.id}`, { version: group.version, name: { en: 'Open data group' } });
  assert.equal(renamed.status, 200, await renamed.clone().text());

  // A member who does not consent to the public roster.
  await addUser(ctx, 'quiet-member-q9@example.org', 'public');
  const member = await signedIn(ctx.app, 'quiet-member-q9@example.org');
  const groupPage = `/en${PLAN}/working-groups/open-data-theme`;
  await member.get(groupPage);
  const joined = await member.postForm(`${groupPage}/membership/join`, {});
  assert.equal(joined.status, 303);

  const en = await page(anonymous, `/en${HISTORY}`);
  assert.match(en, /<html lang="en"/);
  assert.match(en, /History: Working groups/);
  assert.match(en, new RegExp(`sec · created working group #${group.id}(?!\\d)`));
  assert.match(en, /<td class="diff-before" lang="en">Open data theme group<\/td><td class="diff-after" lang="en">Open data group<\/td>/);
  const zh = await page(anonymous, HISTORY);
  assert.match(zh, /<html lang="zh-TW"/);
  assert.match(zh, new RegExp(`sec · 新增 工作分組 #${group.id}(?!\\d)`));
  for (const [path, html] of [
    [`/en${HISTORY}`, en],
    [HISTORY, zh],
  ] as const) {
    assert.ok(!html.includes('quiet-member-q9'), `the unlisted member is not named at ${path}`);
    assert.doesNotMatch(html, /working-group membership|工作分組成員資格/, `no membership entry at ${path}`);
  }
  // Nor to another signed-in person; the secretariat reads the membership, and who joined.
  await addUser(ctx, 'someone@example.org', 'public');
  assert.ok(!(await page(await signedIn(ctx.app, 'someone@example.org'), `/en${HISTORY}`)).includes('quiet-member-q9'));
  assert.match(await page(secretariat, `/en${HISTORY}`), new RegExp(`quiet-member-q9 · created working-group membership #${group.id}(?!\\d)`));
  // The list links the history; no group can take its address.
  assert.ok((await page(anonymous, `/en${PLAN}/working-groups`)).includes(`href="/en${HISTORY}"`));
  const taken = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/working-groups`, {
    slug: 'history',
    kind: 'commitment',
    name: { zh: '歷史', en: 'History' },
    commitmentIds: [commitmentId],
  });
  assert.equal(taken.status, 400);
  assert.match(await taken.text(), /This address is used by another page/);
});

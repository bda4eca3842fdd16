/**
 * The forum's history page (/plans/<slug>/forum/history) in both languages: a seat's creation with who and when, and
 * a nomination that shows to the public and to other participants only once its nominee accepts it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let secretariat: Client;
let anonymous: Client;
const HISTORY = '/plans/tw-2021-2024/forum/history';
const STATEMENT = 'A statement only its nominee may read before accepting (xq-7731).';

before(async () => {
  ctx = await setup();
  ctx.clock.now = new Date('2026-11-22T08:00:00Z');
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

describe('the forum’s history', () => {
  test('answers in both languages, linked from the roster, and shows a seat’s creation with who and when', async () => {
    const res = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/seats`, {
      sector: 'government',
      role: 'member',
      startsOn: '2026-01-01',
      holderName: { zh: '內政部政務次長', en: 'Political Deputy Minister of the Interior' },
      agencyId: ctx.agencies.get('MOI'),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const seat = await json<{ id: number }>(res);

    const en = await page(anonymous, `/en${HISTORY}`);
    assert.match(en, /<html lang="en"/);
    assert.match(en, /History: Members of the forum/);
    assert.match(en, /The newest 500 changes recorded are read for this page/);
    assert.match(en, new RegExp(`<time datetime="[^"]+">[^<]+</time> · sec · created forum seat #${seat.id}\\b`));
    assert.match(en, /href="\/en\/plans\/tw-2021-2024\/forum">Back to Members of the forum</);
    const zh = await page(anonymous, HISTORY);
    assert.match(zh, /<html lang="zh-TW"/);
    assert.match(zh, new RegExp(`<time datetime="[^"]+">[^<]+</time> · sec · 新增 推動小組席次 #${seat.id}\\b`));
    assert.match(await page(anonymous, '/en/plans/tw-2021-2024/forum'), /href="\/en\/plans\/tw-2021-2024\/forum\/history"/);
    assert.equal((await anonymous.get('/plans/no-such-plan/forum/history')).status, 404);

    // A change shows each field before and after, ids by name.
    const edited = await secretariat.api('PATCH', `/api/v1/seats/${seat.id}`, { version: 1, agencyId: ctx.agencies.get('NDC') });
    assert.equal(edited.status, 200, await edited.clone().text());
    const changed = await page(secretariat, `/en${HISTORY}`);
    assert.match(changed, new RegExp(`sec · changed forum seat #${seat.id}\\b`));
    assert.match(
      changed,
      /<th scope="row">agencyId<\/th><td class="diff-before">Ministry of the Interior<\/td><td class="diff-after">National Development Council<\/td>/,
    );
  });

  test('a nomination not yet accepted shows to its nominee and the secretariat only; to everyone once accepted', async () => {
    const call = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/calls`, {
      title: { zh: '2026 年民間委員徵求', en: '2026 call for civil-society members' },
      seats: 1,
      eligibility: { zh: '關心開放政府的民間參與者。', en: 'Civil-society participants who care about open government.' },
      nominationsOpenOn: '2026-11-22',
      nominationsCloseOn: '2026-11-30',
      termStartsOn: '2027-01-01',
      termEndsOn: '2028-12-31',
      method: 'election',
      votingOpensOn: '2026-12-02',
      votingClosesOn: '2026-12-05',
      tieRule: 'older-registration',
    });
    assert.equal(call.status, 201, await call.clone().text());
    const callId = (await json<{ id: number }>(call)).id;
    await addUser(ctx, 'nominator@example.org', 'public');
    await addUser(ctx, 'nominee@example.org', 'public');
    await addUser(ctx, 'other@example.org', 'public');
    const [nominator, nominee, other] = await Promise.all(['nominator', 'nominee', 'other'].map((n) => signedIn(ctx.app, `${n}@example.org`)));
    const sent = await nominator?.api('POST', `/api/v1/calls/${callId}/nominations`, {
      nomineeEmail: 'nominee@example.org',
      statement: { zh: STATEMENT, en: STATEMENT },
    });
    assert.equal(sent?.status, 202);
    const [pending] = (await json<{ items: { id: number; version: number; status: string }[] }>(await (nominee as Client).request('/api/v1/nominations')))
      .items;
    assert.equal(pending?.status, 'pending');
    const entry = new RegExp(`nomination #${pending?.id}(?!\\d)`);

    for (const [who, client] of [
      ['anonymous', anonymous],
      ['another participant', other],
      ['the nominator', nominator],
    ] as const)
      for (const path of [HISTORY, `/en${HISTORY}`]) {
        const html = await page(client as Client, path);
        assert.doesNotMatch(html, entry, `${who} sees no trace of the nomination at ${path}`);
        assert.ok(!html.includes('xq-7731'), `${who} does not read the statement at ${path}`);
        assert.ok(!html.includes('nominator · '), `${who} does not learn who nominated`);
      }
    assert.match(await page(nominee as Client, `/en${HISTORY}`), entry, 'the nominee sees it');
    assert.match(await page(secretariat, `/en${HISTORY}`), entry, 'the secretariat sees it');

    const accepted = await nominee?.api('POST', `/api/v1/nominations/${pending?.id}/accept`, { version: pending?.version });
    assert.equal(accepted?.status, 200);
    for (const client of [anonymous, other]) {
      const html = await page(client as Client, `/en${HISTORY}`);
      assert.match(html, new RegExp(`nominee · changed nomination #${pending?.id}(?!\\d)`), 'the acceptance is public');
      assert.match(html, /<td class="diff-before">pending<\/td><td class="diff-after">accepted<\/td>/);
      assert.ok(!html.includes('nominator · '), 'who nominated stays private');
    }
  });
});

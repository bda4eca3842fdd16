/**
 * The roster's pages in both languages: every page answers, forms are shown only to those who may use them, and
 * the forms do what the API does (a seat linked by e-mail, a call, the rules, a nomination accepted from "My
 * nominations", a panel's choices published with their reasons, a statement moderated).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { insertGrant } from '../accounts/index.js';

let ctx: TestContext;
let secretariat: Client;
let anonymous: Client;
const ROSTER = '/plans/tw-2021-2024/forum';

before(async () => {
  ctx = await setup();
  ctx.clock.now = new Date('2026-11-22T08:00:00Z');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  anonymous = new Client(ctx.app);
  await anonymous.get('/login');
});
after(() => ctx.close());

const ok = async (client: Client, path: string) => {
  const res = await client.get(path);
  const html = await res.text();
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  assert.doesNotMatch(html, /roster\.[a-zA-Z]+\.|people\.formerParticipant/, `${path} shows a message key`);
  return html;
};

describe('the roster’s forms', () => {
  let callId = 0;

  test('the secretariat records a seat, a version of the rules and a call through the forms', async () => {
    const holderId = await addUser(ctx, 'holder@example.org', 'public');
    await ok(secretariat, `${ROSTER}/seats/new`);
    const seat = await secretariat.postForm(`${ROSTER}/seats/new`, {
      sector: 'civil-society',
      role: 'co-convener',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      holderEmail: 'holder@example.org',
      'holderName.zh': '',
      'holderName.en': '',
      agencyId: '',
      filledBy: 'appointed',
      callId: '',
      replacesSeatId: '',
    });
    assert.equal(seat.status, 303);
    const seats = (await json<{ items: { id: number; holder: { id: number } | null }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/seats`))).items;
    assert.equal(seats[0]?.holder?.id, holderId);
    const edit = await ok(secretariat, `/en${ROSTER}/seats/${seats[0]?.id}/edit`);
    assert.match(edit, /Linked account: holder/);
    assert.doesNotMatch(edit, /holder@example\.org/, 'the address is never shown back');
    const unknown = await secretariat.postForm(`/en${ROSTER}/seats/new`, {
      sector: 'other',
      role: 'member',
      startsOn: '2026-01-01',
      holderEmail: 'nobody@example.org',
    });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /id="err-holderEmail">No account has this address or number\./);

    await ok(secretariat, `${ROSTER}/rules/new`);
    const rules = await secretariat.postForm(`${ROSTER}/rules/new`, {
      effectiveOn: '2026-01-01',
      'body.zh': '第一條。',
      'body.en': 'Article 1.',
      'changeNote.zh': '',
      'changeNote.en': '',
    });
    assert.equal(rules.status, 303);
    assert.match(rules.headers.get('location') ?? '', /\/forum\/rules\/1$/);
    await ok(secretariat, `/en${ROSTER}/rules/1/edit`);

    await ok(secretariat, `${ROSTER}/calls/new`);
    const call = await secretariat.postForm(`/en${ROSTER}/calls/new`, {
      'title.zh': '遴選徵求',
      'title.en': 'Panel call',
      seats: '2',
      'eligibility.zh': '民間參與者。',
      'eligibility.en': 'Civil-society participants.',
      nominationsOpenOn: '2026-11-22',
      nominationsCloseOn: '2026-11-30',
      termStartsOn: '2027-01-01',
      termEndsOn: '2028-12-31',
      method: 'panel',
      votingOpensOn: '',
      votingClosesOn: '',
      tieRule: '',
      'panel.zh': '學者三人',
      'panel.en': 'Three scholars',
    });
    assert.equal(call.status, 303, await call.clone().text());
    callId = Number(/calls\/(\d+)$/.exec(call.headers.get('location') ?? '')?.[1]);
    assert.ok(callId > 0);
    await ok(secretariat, `${ROSTER}/calls/${callId}/edit`);
  });

  test('a nominee accepts from "My nominations"; the panel’s choice is published through the form, with its reason', async () => {
    await addUser(ctx, 'nominator@example.org', 'public');
    await addUser(ctx, 'nominee@example.org', 'public');
    const nominator = await signedIn(ctx.app, 'nominator@example.org');
    const nominee = await signedIn(ctx.app, 'nominee@example.org');
    await ok(nominator, `/en${ROSTER}/calls/${callId}/nominate`);
    const sent = await nominator.postForm(`/en${ROSTER}/calls/${callId}/nominate`, {
      self: '',
      nomineeEmail: 'nominee@example.org',
      'statement.zh': '推薦她。',
      'statement.en': 'I recommend her.',
    });
    assert.equal(sent.status, 303);
    assert.match(await ok(nominator, `/en${ROSTER}/calls/${callId}?done=nominated`), /we sent the nomination to the nominee/);
    const mine = await ok(nominee, '/en/account/nominations');
    const form = /action="(\/en\/plans\/[^"]+\/accept)"[^>]*>.*?name="version" value="(\d+)"/s.exec(mine);
    assert.ok(form, 'an accept button');
    const accepted = await nominee.postForm(form[1] ?? '', { version: form[2] ?? '' });
    assert.equal(accepted.status, 303);
    assert.match(await ok(anonymous, `${ROSTER}/calls/${callId}`), /推薦她。/);

    // A moderator's form.
    const modId = await addUser(ctx, 'mod@example.org', 'public');
    await insertGrant(ctx.database.db, modId, { role: 'moderator', scope: 'site', scopeId: null }, 'test');
    const moderator = await signedIn(ctx.app, 'mod@example.org');
    const callPage = await ok(moderator, `/en${ROSTER}/calls/${callId}`);
    const moderate = /href="(\/en\/plans\/[^"]+\/moderate)"/.exec(callPage)?.[1] ?? '';
    assert.match(await ok(moderator, moderate), /I recommend her\./);
    assert.equal((await nominee.get(moderate)).status, 403);

    ctx.clock.now = new Date('2026-12-01T08:00:00Z');
    secretariat = await signedIn(ctx.app, 'sec@example.org');
    const resultForm = await ok(secretariat, `/en${ROSTER}/calls/${callId}/result`);
    const nominationId = /name="chosen" value="(\d+)"/.exec(resultForm)?.[1] ?? '';
    const version = /name="version" value="(\d+)"/.exec(resultForm)?.[1] ?? '';
    const missing = await secretariat.postForm(`/en${ROSTER}/calls/${callId}/result`, { version, chosen: ['', nominationId] });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /Give the panel’s reason\./);
    const published = await secretariat.postForm(`/en${ROSTER}/calls/${callId}/result`, {
      version,
      chosen: ['', nominationId],
      [`reasons.${nominationId}.zh`]: '熟悉地方參與。',
      [`reasons.${nominationId}.en`]: 'Knows local participation.',
    });
    assert.equal(published.status, 303, await published.clone().text());
    const page = await ok(anonymous, `/en${ROSTER}/calls/${callId}`);
    assert.match(page, /Result published/);
    assert.match(page, /Knows local participation\./);
    assert.match(await ok(anonymous, `/en${ROSTER}`), /nominee/);
  });

  test('every page answers in both languages; forms are refused to those who may not use them', async () => {
    const publicPaths = [ROSTER, `${ROSTER}/rules`, `${ROSTER}/rules/1`, `${ROSTER}/calls`, `${ROSTER}/calls/${callId}`];
    for (const path of publicPaths) {
      await ok(anonymous, path);
      await ok(anonymous, `/en${path}`);
    }
    const formPaths = [
      `${ROSTER}/seats/new`,
      `${ROSTER}/rules/new`,
      `${ROSTER}/calls/new`,
      `${ROSTER}/calls/${callId}/edit`,
      `${ROSTER}/calls/${callId}/result`,
    ];
    await addUser(ctx, 'plain@example.org', 'public');
    const plain = await signedIn(ctx.app, 'plain@example.org');
    for (const path of formPaths) {
      assert.equal((await anonymous.get(path)).status, 401, path);
      assert.equal((await plain.get(path)).status, 403, path);
    }
    assert.match(
      await ok(anonymous, '/en/plans/tw-2021-2024'),
      /<a href="\/en\/plans\/tw-2021-2024\/forum">The forum: its members, rules and calls for nominations<\/a>/,
    );
    assert.equal((await anonymous.get('/account/nominations')).status, 401);
    const doc = await json<{ paths: Record<string, object> }>(await ctx.app.request('/api/v1/openapi.json'));
    for (const path of [
      '/plans/{id}/seats',
      '/seats/{id}',
      '/plans/{id}/forum-rules',
      '/forum-rules/{id}',
      '/plans/{id}/calls',
      '/calls/{id}',
      '/calls/{id}/nominations',
      '/calls/{id}/ballots',
      '/calls/{id}/result',
      '/nominations',
      '/nominations/{id}/accept',
      '/nominations/{id}/decline',
      '/nominations/{id}/withdraw',
      '/nominations/{id}/moderate',
    ])
      assert.ok(doc.paths[path], `${path} in the API document`);
    await ok(plain, '/account/nominations');
    assert.match(await ok(plain, `/en${ROSTER}/calls/${callId}/ballot`), /A panel chooses the seats of this call; there is no vote\./);
    assert.equal((await anonymous.get(`${ROSTER}/calls/999999`)).status, 404);
    assert.equal((await anonymous.get('/plans/no-such-plan/forum')).status, 404);
  });
});

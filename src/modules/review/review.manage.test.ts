/**
 * An engagement's management through real HTTP against a real database: a reviewer's own declaration (API and page:
 * that reviewer only), the interview log (its reviewers only, 404 to everyone else, the secretariat included), the
 * secretariat's edit of the engagement (409 on a stale version) and the removal of a reviewer after confirmation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, PASSWORD, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';

type L = { zh: string; en: string; status: string };
type Engagement = {
  id: number;
  version: number;
  title: L;
  reviewers: { userId: number; name: string; role: string; affiliations: L; interests: L }[];
};
type ErrorBody = { error: string; fields?: Record<string, string> };

/** An engagement on the test plan with two reviewers, and everyone's signed-in client. */
async function engagementWithTwoReviewers(ctx: TestContext) {
  await addUser(ctx, 'sec@example.tw', 'secretariat');
  await addUser(ctx, 'admin@example.tw', 'admin');
  await addUser(ctx, 'citizen@example.tw', 'public');
  const firstId = await addUser(ctx, 'first@example.tw', 'public');
  const secondId = await addUser(ctx, 'second@example.tw', 'public');
  const secretariat = await signedIn(ctx.app, 'sec@example.tw');
  const created = await secretariat.api('POST', '/api/v1/review-engagements', {
    title: { zh: '獨立評估', en: 'Independent review' },
    periodStart: '2021-06-01',
    periodEnd: '2025-06-01',
    planIds: [ctx.planId],
  });
  assert.equal(created.status, 201, await created.clone().text());
  const engagement = await json<Engagement>(created);
  for (const [userId, affiliation] of [
    [firstId, '甲大學'],
    [secondId, '乙協會'],
  ] as const) {
    const added = await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, {
      userId,
      role: 'reviewer',
      affiliations: { zh: affiliation },
    });
    assert.equal(added.status, 200, await added.clone().text());
  }
  return {
    engagementId: engagement.id,
    firstId,
    secondId,
    secretariat,
    admin: await signedIn(ctx.app, 'admin@example.tw'),
    citizen: await signedIn(ctx.app, 'citizen@example.tw'),
    first: await signedIn(ctx.app, 'first@example.tw'),
    second: await signedIn(ctx.app, 'second@example.tw'),
    anonymous: new Client(ctx.app),
  };
}

const declarationOf = (e: Engagement, userId: number) => e.reviewers.find((r) => r.userId === userId);

describe('a reviewer’s own declaration', () => {
  test('the API: the reviewer themself changes it (merged, recorded, a new version); another reviewer, the secretariat and the public are refused', async (t) => {
    const ctx = await setupForTest(t);
    const w = await engagementWithTwoReviewers(ctx);
    const path = (userId: number) => `/api/v1/review-engagements/${w.engagementId}/reviewers/${userId}/declaration`;
    const read = async () => json<Engagement>(await w.anonymous.get(`/api/v1/review-engagements/${w.engagementId}`));
    const before = await read();

    // Refused, and nothing written: another reviewer of the same engagement, the secretariat, the admin, a participant, nobody signed in.
    const change = { interests: { zh: '無', en: 'None.' } };
    for (const [client, status] of [
      [w.second, 403],
      [w.secretariat, 403],
      [w.admin, 403],
      [w.citizen, 403],
      [w.anonymous, 401],
    ] as const)
      assert.equal((await client.api('PATCH', path(w.firstId), change)).status, status);
    const byOther = await w.second.api('PATCH', path(w.firstId), change, { 'accept-language': 'en' });
    assert.match((await json<ErrorBody>(byOther)).error, /only their own declaration/);
    assert.deepEqual(await read(), before, 'nothing changed');
    // A reviewer's path that names no reviewer of the engagement is refused too.
    assert.equal((await w.first.api('PATCH', path(w.secondId + 100), change)).status, 403);
    // Invalid input: 400 naming the field, nothing written.
    const invalid = await w.first.api('PATCH', path(w.firstId), { interests: { en: 7 } });
    assert.equal(invalid.status, 400);
    assert.ok((await json<ErrorBody>(invalid)).fields?.['interests.en']);

    const saved = await w.first.api('PATCH', path(w.firstId), { ...change, affiliations: { en: 'University A' } });
    assert.equal(saved.status, 200, await saved.clone().text());
    const after = await json<Engagement>(saved);
    const own = declarationOf(after, w.firstId);
    assert.equal(own?.interests.en, 'None.');
    assert.equal(own?.affiliations.zh, '甲大學', 'the other language is kept');
    assert.equal(own?.affiliations.en, 'University A');
    assert.equal(own?.role, 'reviewer', 'the role stays the secretariat’s');
    assert.deepEqual(declarationOf(after, w.secondId), declarationOf(before, w.secondId), 'the other reviewer’s declaration is untouched');
    assert.equal(after.version, before.version + 1);
    const history = await ctx.database.db
      .selectFrom('history')
      .select(['actor_name'])
      .where('entity_type', '=', 'reviewEngagement')
      .where('entity_id', '=', w.engagementId)
      .execute();
    assert.ok(
      history.some((h) => h.actor_name === 'first'),
      'recorded under the reviewer',
    );
  });

  test('the page: the signed-in reviewer edits theirs, in both languages; others are refused; the engagement page shows it', async (t) => {
    const ctx = await setupForTest(t);
    const w = await engagementWithTwoReviewers(ctx);
    const page = `/reviews/engagements/${w.engagementId}/declaration`;
    assert.equal((await w.anonymous.get(page)).status, 401);
    assert.equal((await w.secretariat.get(page)).status, 403);
    assert.equal((await w.citizen.get(page)).status, 403);

    const engagementPage = await (await w.first.get(`/en/reviews/engagements/${w.engagementId}`)).text();
    assert.match(engagementPage, new RegExp(`href="/en${page}"`), 'the reviewer is offered their declaration');
    assert.doesNotMatch(await (await w.citizen.get(`/reviews/engagements/${w.engagementId}`)).text(), /declaration"/);

    for (const [prefix, heading] of [
      ['', '編輯我的聲明'],
      ['/en', 'Edit my declaration'],
    ] as const) {
      const form = await w.first.get(`${prefix}${page}`);
      assert.equal(form.status, 200);
      assert.equal(form.headers.get('cache-control'), 'private, no-store');
      const html = await form.text();
      assert.match(html, new RegExp(`<h1>${heading}</h1>`));
      assert.match(html, /甲大學/, 'prefilled with the declaration');
    }
    // A post without the CSRF token changes nothing.
    assert.equal((await w.first.postForm(page, { 'interests.zh': '偽造' }, false)).status, 403);
    const posted = await w.first.postForm(page, {
      'affiliations.zh': '甲大學',
      'affiliations.en': 'University A',
      'affiliations.status': 'reviewed',
      'interests.zh': '曾任本方案工作小組委員。',
      'interests.en': 'Former member of a working group of the plan.',
      'interests.status': 'reviewed',
    });
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), `/reviews/engagements/${w.engagementId}#reviewers`);
    assert.match(await (await w.anonymous.get(`/en/reviews/engagements/${w.engagementId}`)).text(), /Former member of a working group of the plan\./);
    // Another reviewer's post goes to their own declaration, never the first's.
    assert.equal((await w.second.postForm(page, { 'interests.zh': '無' })).status, 303);
    const e = await json<Engagement>(await w.anonymous.get(`/api/v1/review-engagements/${w.engagementId}`));
    assert.equal(declarationOf(e, w.firstId)?.interests.zh, '曾任本方案工作小組委員。');
    assert.equal(declarationOf(e, w.secondId)?.interests.zh, '無');
  });
});

describe('the interview log page', () => {
  test('its reviewers only: 404 to the secretariat, the admin, a participant and anonymous visitors; the refusal of a name without consent beside its field', async (t) => {
    const ctx = await setupForTest(t);
    const w = await engagementWithTwoReviewers(ctx);
    const page = `/reviews/engagements/${w.engagementId}/interviews`;
    for (const client of [w.anonymous, w.secretariat, w.admin, w.citizen])
      for (const prefix of ['', '/en']) assert.equal((await client.get(`${prefix}${page}`)).status, 404, `${prefix}${page}`);
    // Posting is no way in either: 404, nothing logged.
    await w.secretariat.get(`/reviews/engagements/${w.engagementId}`);
    const bySecretariat = await w.secretariat.postForm(page, { heldOn: '2021-07-01', stakeholderGroup: '政府', notes: '幕僚的紀錄' });
    assert.equal(bySecretariat.status, 404);
    // The engagement page links the log for its reviewers only.
    assert.doesNotMatch(await (await w.secretariat.get(`/reviews/engagements/${w.engagementId}`)).text(), /\/interviews"/);
    assert.match(await (await w.first.get(`/reviews/engagements/${w.engagementId}`)).text(), new RegExp(`href="${page}"`));

    const empty = await w.first.get(`/en${page}`);
    assert.equal(empty.status, 200);
    assert.equal(empty.headers.get('cache-control'), 'private, no-store');
    assert.match(await empty.text(), /No interview logged yet/);

    for (const [prefix, message] of [
      ['/en', /Without consent to be named/],
      ['', /受訪者未同意具名/],
    ] as const) {
      const refused = await w.first.postForm(`${prefix}${page}`, {
        heldOn: '2021-07-01',
        stakeholderGroup: 'civil society',
        consentToBeNamed: '',
        interviewee: 'Chen Mei-ling',
        notes: 'Meetings are at hours that suit officials.',
      });
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.match(/<p class="field-error" id="err-interviewee">([^<]*)<\/p>/.exec(html)?.[1] ?? '', message, 'beside the name field');
      assert.match(html, /aria-describedby="err-interviewee"/);
      assert.match(html, /name="interviewee"[^>]*value="Chen Mei-ling"/, 'what was typed is kept');
    }
    const unnamed = await w.first.postForm(page, {
      heldOn: '2021-07-01',
      stakeholderGroup: '公民團體',
      consentToBeNamed: '',
      interviewee: '',
      notes: '會議時間不利上班族參與。',
    });
    assert.equal(unnamed.status, 303);
    assert.equal(unnamed.headers.get('location'), `${page}#interviews`);
    assert.equal(
      (
        await w.first.postForm(page, {
          heldOn: '2021-07-02',
          stakeholderGroup: '學術界',
          consentToBeNamed: ['', 'true'],
          interviewee: '林教授',
          notes: '建議公開會議紀錄。',
        })
      ).status,
      303,
    );
    // The other reviewer of the engagement reads the same log.
    const log = await (await w.second.get(page)).text();
    assert.match(log, /會議時間不利上班族參與。[\s\S]*林教授[\s\S]*建議公開會議紀錄。/);
    const api = await json<{ items: { interviewee: string; consentToBeNamed: boolean }[] }>(
      await w.second.get(`/api/v1/review-engagements/${w.engagementId}/interviews`),
    );
    assert.deepEqual(
      api.items.map((i) => [i.consentToBeNamed, i.interviewee]),
      [
        [false, ''],
        [true, '林教授'],
      ],
    );
    assert.equal((await w.secretariat.get(page)).status, 404, 'still not the secretariat’s');
  });
});

describe('the secretariat manages the engagement through its pages', () => {
  test('edits it (409 on a stale version, with the stored values), and removes a reviewer after a confirmation page', async (t) => {
    const ctx = await setupForTest(t);
    const w = await engagementWithTwoReviewers(ctx);
    const edit = `/reviews/engagements/${w.engagementId}/edit`;
    for (const [client, status] of [
      [w.anonymous, 401],
      [w.first, 403],
      [w.citizen, 403],
    ] as const)
      assert.equal((await client.get(edit)).status, status);
    const form = await (await w.secretariat.get(`/en${edit}`)).text();
    assert.match(form, /<h1>Edit the engagement<\/h1>/);
    assert.match(form, /name="title\.en"[^>]*value="Independent review"/);
    assert.match(form, /name="periodStart"[^>]*value="2021-06-01"/);
    const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '';
    assert.ok(version);
    const fields = {
      version,
      'title.zh': '獨立評估（修訂）',
      'title.en': 'Independent review (revised)',
      'termsOfReference.zh': '',
      'termsOfReference.en': '',
      periodStart: '2021-06-01',
      periodEnd: '2025-12-31',
      planIds: ['', String(ctx.planId)],
    };
    // Someone else saves first: this post is stale.
    const other = await w.secretariat.api('PATCH', `/api/v1/review-engagements/${w.engagementId}`, { version: Number(version), periodEnd: '2025-09-30' });
    assert.equal(other.status, 200);
    const stale = await w.secretariat.postForm(`/en${edit}`, fields);
    assert.equal(stale.status, 409);
    const staleHtml = await stale.text();
    assert.match(staleHtml, /Someone else saved a newer version/);
    assert.match(staleHtml, /name="periodEnd"[^>]*value="2025-09-30"/, 'the stored values');
    assert.match(staleHtml, new RegExp(`name="version" value="${Number(version) + 1}"`));
    const saved = await w.secretariat.postForm(edit, { ...fields, version: String(Number(version) + 1) });
    assert.equal(saved.status, 303);
    const after = await json<Engagement & { periodEnd: string }>(await w.anonymous.get(`/api/v1/review-engagements/${w.engagementId}`));
    assert.equal(after.title.en, 'Independent review (revised)');
    assert.equal(after.periodEnd, '2025-12-31');
    // A refused edit says why beside the field: no plan named.
    const noPlan = await w.secretariat.postForm(`/en${edit}`, { ...fields, version: String(after.version), planIds: [''] });
    assert.equal(noPlan.status, 400);
    assert.match(await noPlan.text(), /Name at least one plan/);

    // Removing a reviewer: the engagement page links a confirmation page, whose button removes them.
    const engagementPage = await (await w.secretariat.get(`/en/reviews/engagements/${w.engagementId}`)).text();
    const remove = `/reviews/engagements/${w.engagementId}/reviewers/${w.secondId}/remove`;
    assert.match(engagementPage, new RegExp(`href="/en${remove}"`));
    assert.match(engagementPage, new RegExp(`href="/en${edit}"`));
    assert.doesNotMatch(await (await w.first.get(`/reviews/engagements/${w.engagementId}`)).text(), /\/remove"/, 'not offered to reviewers');
    assert.equal((await w.first.get(remove)).status, 403);
    assert.equal((await w.first.postForm(remove, {})).status, 403);
    const confirm = await w.secretariat.get(`/en${remove}`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /<h1>Remove second from this engagement\?<\/h1>/);
    assert.equal((await w.secretariat.get(`/reviews/engagements/${w.engagementId}/reviewers/${w.secondId + 100}/remove`)).status, 404);
    assert.equal((await w.secretariat.postForm(remove, {}, false)).status, 403, 'CSRF-protected');
    assert.equal((await w.second.get(`/reviews/engagements/${w.engagementId}/interviews`)).status, 200, 'still a reviewer');
    const removed = await w.secretariat.postForm(`/en${remove}`, {});
    assert.equal(removed.status, 303);
    assert.equal(removed.headers.get('location'), `/en/reviews/engagements/${w.engagementId}#reviewers`);
    const left = await json<Engagement>(await w.anonymous.get(`/api/v1/review-engagements/${w.engagementId}`));
    assert.deepEqual(
      left.reviewers.map((r) => r.userId),
      [w.firstId],
    );
    // Their role in the engagement ended with it: the log is no longer theirs.
    const second = await signedIn(ctx.app, 'second@example.tw');
    assert.equal((await second.get(`/reviews/engagements/${w.engagementId}/interviews`)).status, 404);
    assert.equal((await w.secretariat.get(remove)).status, 404, 'no longer a reviewer to remove');
  });

  test('a reviewer who deletes their account takes their declaration with them; the engagement keeps a former participant', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'sec@example.tw', 'secretariat');
    const leavingId = await addUser(ctx, 'leaving@example.tw', 'public');
    const secretariat = await signedIn(ctx.app, 'sec@example.tw');
    const engagement = await json<{ id: number }>(
      await secretariat.api('POST', '/api/v1/review-engagements', {
        title: { zh: '獨立評估', en: 'Independent review' },
        periodStart: '2026-01-01',
        periodEnd: '2027-01-01',
        planIds: [ctx.planId],
      }),
    );
    const declared = await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, {
      userId: leavingId,
      role: 'lead-reviewer',
      affiliations: { zh: '某大學', en: 'A university (private detail)' },
      interests: { en: 'Advised the ministry in 2019.' },
    });
    assert.equal(declared.status, 200, await declared.clone().text());
    const leaving = await signedIn(ctx.app, 'leaving@example.tw');
    assert.equal((await leaving.api('DELETE', '/api/v1/profile', { password: PASSWORD })).status, 204);
    const after = await json<{ reviewers: { userId: number; name: string; affiliations: { en: string }; interests: { en: string } }[] }>(
      await new Client(ctx.app).get(`/api/v1/review-engagements/${engagement.id}`),
    );
    const seat = after.reviewers.find((r) => r.userId === leavingId);
    assert.deepEqual([seat?.affiliations.en, seat?.interests.en], ['', '']);
    assert.doesNotMatch(await (await new Client(ctx.app).get(`/en/reviews/engagements/${engagement.id}`)).text(), /private detail|Advised the ministry/);
  });
});

/**
 * An action plan review's assessment of the co-creation minimum requirements, through real HTTP against a real
 * database: prefilled from the platform's records (co-creation checklist, document repository, input answers) when
 * the report starts; assessed by the engagement's reviewers only, on the API and on a form; kept in the report's
 * history; fixed once published; copied into a correction.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, setupForTest, signedIn } from '../../../test/helpers.js';
import { seedDemoReview } from './review.seed.js';

type Finding = { status: string; key: string; params: Record<string, string | number> } | null;
type Requirement = { id: number; requirement: string; found: Finding; status: string | null; explanation: { zh: string; en: string }; version: number };
type Report = { id: number; version: number; state: string; kind: string; requirements: Requirement[] };
type ErrorBody = { error: string; fields?: Record<string, string> };

const ORDER = ['forum', 'website', 'repository', 'advance-notice', 'open-input', 'reasoned-response', 'ongoing-dialogue'];

describe('the co-creation minimum requirements of an action plan review', () => {
  test('the demo review assessed all seven, beside what the co-creation record said; its results report has none', async (t) => {
    const ctx = await setupForTest(t);
    await seedDemoReview(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    const anonymous = new Client(ctx.app);
    const { items } = await json<{ items: { reports: { id: number; kind: string }[] }[] }>(await anonymous.get('/api/v1/review-engagements'));
    // The national plan's engagement (the demo city's Local Monitoring Body has its own).
    const national = items.find((e) => e.reports.some((r) => r.kind === 'action-plan-review'));
    const [apr, results] = national?.reports ?? [];
    const review = await json<Report>(await anonymous.get(`/api/v1/reviews/${apr?.id}`));
    assert.deepEqual(
      review.requirements.map((r) => r.requirement),
      ORDER,
    );
    for (const r of review.requirements) {
      assert.notEqual(r.status, null, `${r.requirement} is assessed`);
      assert.notEqual(r.explanation.en, '', `${r.requirement} is explained`);
    }
    const forum = review.requirements.find((r) => r.requirement === 'forum');
    assert.match(forum?.found?.key ?? '', /^cocreation\.reason\.(forum|rules)-/, 'the forum finding comes from the co-creation checklist');
    assert.equal(review.requirements.find((r) => r.requirement === 'website')?.found, null, 'nothing in the records speaks to the website');
    assert.equal(review.requirements.find((r) => r.requirement === 'repository')?.found?.key, 'review.found.repository');
    assert.deepEqual((await json<Report>(await anonymous.get(`/api/v1/reviews/${results?.id}`))).requirements, []);
    for (const [lang, heading, status] of [
      ['', /共創最低要求/, /紀錄的判斷/],
      ['/en', /Co-creation minimum requirements/, /What the records said/],
    ] as const) {
      const page = await (await anonymous.get(`${lang}/reviews/${apr?.id}`)).text();
      assert.match(page, heading);
      assert.match(page, status);
      assert.doesNotMatch(page, /reviews\/requirements\/\d+\/edit/, 'no assessment form for the public, nor on a published report');
    }
  });

  test('prefilled from the records, assessed by its reviewers only, in its history, fixed once published, copied into a correction', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'sec@example.tw', 'secretariat');
    const reviewerId = await addUser(ctx, 'reviewer@example.tw', 'public');
    const secretariat = await signedIn(ctx.app, 'sec@example.tw');
    const reviewer = await signedIn(ctx.app, 'reviewer@example.tw');
    const anonymous = new Client(ctx.app);
    const engagement = await json<{ id: number }>(
      await secretariat.api('POST', '/api/v1/review-engagements', {
        title: { zh: '獨立評估', en: 'Independent review' },
        periodStart: '2026-01-01',
        periodEnd: '2027-06-01',
        planIds: [ctx.planId],
      }),
    );
    await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, { userId: reviewerId, role: 'lead-reviewer' });

    // Before the report starts, the plan gets an input nobody has answered yet: the reasoned response is in progress.
    await addUser(ctx, 'citizen@example.tw', 'public');
    const citizen = await signedIn(ctx.app, 'citizen@example.tw');
    const input = await citizen.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
      kind: 'comment',
      targetType: 'plan',
      targetId: ctx.planId,
      body: '請公開時程。',
    });
    assert.equal(input.status, 201, await input.clone().text());
    const draft = await json<Report>(
      await reviewer.api('POST', `/api/v1/review-engagements/${engagement.id}/reports`, {
        planId: ctx.planId,
        kind: 'action-plan-review',
        title: { zh: '行動方案評估', en: 'Action Plan Review' },
      }),
    );
    assert.deepEqual(
      draft.requirements.map((r) => r.requirement),
      ORDER,
    );
    for (const r of draft.requirements) assert.equal(r.status, r.found?.status ?? null, `${r.requirement} starts from what the records said`);
    const response = draft.requirements.find((r) => r.requirement === 'reasoned-response');
    assert.deepEqual(
      [response?.found?.status, response?.found?.key, response?.found?.params.inputs],
      ['in-progress', 'review.found.responsePending', 1],
      'one input, not answered, not yet overdue',
    );
    const forum = draft.requirements.find((r) => r.requirement === 'forum') as Requirement;
    assert.notEqual(forum.found?.status, 'met', 'the test plan’s forum has never met');

    // Only the engagement's reviewers assess; a draft's requirement does not exist for anyone else.
    const patch = { version: forum.version, status: 'not-met', explanation: { zh: '推動小組未定期開會。', en: 'The forum did not meet regularly.' } };
    assert.equal((await secretariat.api('PATCH', `/api/v1/review-requirements/${forum.id}`, patch)).status, 403);
    assert.equal((await anonymous.api('PATCH', `/api/v1/review-requirements/${forum.id}`, patch)).status, 401);
    const badStatus = await reviewer.api('PATCH', `/api/v1/review-requirements/${forum.id}`, { ...patch, status: 'maybe' }, { 'accept-language': 'en' });
    assert.equal(badStatus.status, 400);
    assert.match((await json<ErrorBody>(badStatus)).fields?.status ?? '', /Met, In progress or Not met/);
    const assessed = await reviewer.api('PATCH', `/api/v1/review-requirements/${forum.id}`, patch);
    assert.equal(assessed.status, 200, await assessed.clone().text());
    const after = await json<Requirement>(assessed);
    assert.deepEqual([after.status, after.found], ['not-met', forum.found], 'what the records said stays as it was');
    assert.equal((await reviewer.api('PATCH', `/api/v1/review-requirements/${forum.id}`, patch)).status, 409, 'a stale version');

    // The form: the reviewer sees it; the secretariat and the public get 404; an empty choice is "not assessed".
    for (const who of [secretariat, anonymous]) assert.equal((await who.get(`/en/reviews/requirements/${forum.id}/edit`)).status, 404);
    const form = await reviewer.get(`/en/reviews/requirements/${forum.id}/edit`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /What the records said/);
    const posted = await reviewer.postForm(`/reviews/requirements/${forum.id}/edit`, {
      version: String(after.version),
      status: '',
      'explanation.zh': '待訪談後判定。',
      'explanation.en': 'To be decided after the interviews.',
      'explanation.status': 'reviewed',
    });
    assert.equal(posted.status, 303, await posted.clone().text());
    const reread = (await json<Report>(await reviewer.get(`/api/v1/reviews/${draft.id}`))).requirements.find((r) => r.id === forum.id);
    assert.deepEqual([reread?.status, reread?.explanation.en], [null, 'To be decided after the interviews.']);
    const refused = await reviewer.postForm(`/en/reviews/requirements/${forum.id}/edit`, { version: String(reread?.version), status: 'sometimes' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Choose Met, In progress or Not met/);

    // Every change is in the report's history; the history of a draft is the reviewers' and the secretariat's.
    const history = await (await reviewer.get(`/en/reviews/${draft.id}/history`)).text();
    assert.match(history, /To be decided after the interviews/);
    assert.equal((await anonymous.get(`/en/reviews/${draft.id}/history`)).status, 404);

    // Published: fixed. A correction starts from the published assessment.
    const opened = await json<Report>(await reviewer.api('POST', `/api/v1/reviews/${draft.id}/comment-period`, { version: draft.version }));
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 15 * 24 * 3600 * 1000);
    // Two weeks later, signed in afresh (sessions do not last that long).
    const back = await signedIn(ctx.app, 'reviewer@example.tw');
    const published = await back.api('POST', `/api/v1/reviews/${draft.id}/publication`, { version: opened.version });
    assert.equal(published.status, 200, await published.clone().text());
    const fixed = await back.api('PATCH', `/api/v1/review-requirements/${forum.id}`, { version: reread?.version, status: 'met' }, { 'accept-language': 'en' });
    assert.equal(fixed.status, 409);
    assert.match((await json<ErrorBody>(fixed)).error, /published and cannot be changed/);
    const correction = await json<Report>(
      await back.api('POST', `/api/v1/reviews/${draft.id}/corrections`, { changeNote: { zh: '更正推動小組的評估。', en: 'Corrects the forum’s assessment.' } }),
    );
    const copied = correction.requirements.find((r) => r.requirement === 'forum');
    assert.notEqual(copied?.id, forum.id);
    assert.deepEqual([copied?.status, copied?.explanation.en, copied?.found], [null, 'To be decided after the interviews.', forum.found]);
    assert.equal((await back.api('PATCH', `/api/v1/review-requirements/${copied?.id}`, { version: copied?.version, status: 'met' })).status, 200);
  });
});

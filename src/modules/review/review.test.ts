/**
 * Independent review through real HTTP against a real database: the demo engagement (funding, readiness gate, a
 * published action plan review whose recommendations landed in the next plan, a results report open for comment);
 * a review's lifecycle (draft hidden, comment period, publication, correction as a new edition); the Not verifiable
 * rule; independence (only the engagement's reviewers write assessments; government accounts cannot review).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { seedDemoReview } from './review.seed.js';

type L = { zh: string; en: string; status: string };
type Unit = { id: number; version: number; ratings: Record<string, string>; commitmentIds: number[] };
type Recommendation = { id: number; number: number; state: string; landedCommitmentId: number | null; version: number };
type Report = {
  id: number;
  state: string;
  edition: number;
  version: number;
  kind: string;
  commentsOpen: boolean;
  units: Unit[];
  recommendations: Recommendation[];
  figures: { units: number; verifiable: number };
};
type Engagement = {
  id: number;
  version: number;
  funding: { sector: string; sharePercent: number; source: L }[];
  governmentSharePercent: number;
  readiness: { planId: number; complete: boolean; total: number }[];
  reports: { id: number; kind: string; state: string }[];
};
type ErrorBody = { error: string; fields?: Record<string, string> };

describe('the demo review', () => {
  test('an engagement on the 2021–2024 plan: funding 51/49, the readiness gate, a published review whose recommendations landed in the next plan, results open for comment', async (t) => {
    const ctx: TestContext = await setupForTest(t);
    await seedDemoReview(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    const anonymous = new Client(ctx.app);
    const list = await json<{ items: Engagement[] }>(await anonymous.get('/api/v1/review-engagements'));
    // The national plan's, and the demo city's Local Monitoring Body (review.local.test.ts).
    assert.equal(list.items.length, 2);
    const engagement = list.items.find((e) => e.readiness.some((r) => r.planId === ctx.planId)) as Engagement;
    assert.deepEqual(
      engagement.funding.map((f) => [f.sector, f.sharePercent]),
      [
        ['civil-society', 51],
        ['government', 49],
      ],
    );
    assert.equal(engagement.governmentSharePercent, 49);
    assert.equal(engagement.readiness[0]?.planId, ctx.planId);
    assert.ok((engagement.readiness[0]?.total ?? 0) > 0);
    assert.deepEqual(
      engagement.reports.map((r) => [r.kind, r.state]),
      [
        ['action-plan-review', 'published'],
        ['results-report', 'comment'],
      ],
    );
    const apr = await json<Report>(await anonymous.get(`/api/v1/reviews/${engagement.reports[0]?.id}`));
    assert.equal(apr.figures.units, 19);
    assert.equal(apr.figures.verifiable, 18);
    assert.equal(apr.recommendations.length, 5);
    const landed = apr.recommendations.filter((r) => r.landedCommitmentId !== null);
    assert.equal(landed.length, 2);
    for (const r of landed) {
      const commitment = await ctx.database.db
        .selectFrom('commitments')
        .innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
        .select(['action_plans.slug', 'action_plans.period_start'])
        .where('commitments.id', '=', r.landedCommitmentId ?? 0)
        .executeTakeFirstOrThrow();
      assert.equal(commitment.slug, 'tw-2025-2028', 'landed in a later plan');
    }
    // Every public rating in one table, with OGP's column names: 19 units of each report, and the demo city's one
    // end-of-commitment assessment; drafts never in it.
    const ratingsResponse = await anonymous.get('/api/v1/review-ratings');
    assert.equal(ratingsResponse.status, 200, await ratingsResponse.clone().text());
    const ratings = await json<{ items: Record<string, string | number>[] }>(ratingsResponse);
    assert.equal(ratings.items.length, 39);
    const first = ratings.items[0] ?? {};
    assert.equal(first['Commitment Unique Identifier'], 'tw-2021-2024/1-1');
    assert.equal(first['Verifiable'], 'Verifiable');
    assert.equal(first['Lead Institution'], 'National Development Council');
    assert.equal(ratings.items.find((r) => r['Report Kind'] === 'Results Report')?.['Completion'], 'Substantial');
    const bytes = new Uint8Array(await (await anonymous.get('/en/reviews/ratings.csv')).arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, for spreadsheets');
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.trim().split('\n');
    assert.equal(lines.length, 40);
    assert.match(
      lines[0] ?? '',
      /^Review Report ID,Report Kind,.*Commitment Unique Identifier,Commitment Title,Lead Institution,OGP Value Relevance: Access to Information/,
    );
    // The commitments' pages: how the reviewers rated 1-1, and the recommendation that landed in the next plan's 1-1.
    const rated = await (await anonymous.get('/en/plans/tw-2021-2024/commitments/1-1')).text();
    assert.match(rated, /id="s-review"[\s\S]*Action Plan Review: the first[\s\S]*Verifiable\?: Verifiable/);
    const listened = await (await anonymous.get('/plans/tw-2025-2028/commitments/1-1')).text();
    assert.match(listened, /獨立評估者的建議[\s\S]*英文版應與中文版同時完成/);
    const results = await json<Report>(await anonymous.get(`/api/v1/reviews/${engagement.reports[1]?.id}`));
    assert.equal(results.commentsOpen, true);
    // The demo comments: one on the draft review, answered by its reviewers; one on a unit of the results report.
    const comments = await json<{ items: { targetType: string; response: { state: string } }[] }>(
      await anonymous.get(`/api/v1/plans/${ctx.planId}/inputs?target=review:${apr.id}`),
    );
    assert.deepEqual(
      comments.items.map((i) => [i.targetType, i.response.state]),
      [['review', 'partly-adopted']],
    );
    assert.match(await (await anonymous.get(`/reviews/${apr.id}`)).text(), /意見與評估者的回應（1 則）/);
    for (const lang of ['', '/en']) {
      const page = await (await anonymous.get(`${lang}/reviews/engagements/${engagement.id}`)).text();
      assert.match(page, lang ? /Who pays for the review/ : /評估經費來源/);
      assert.match(page, lang ? /Readiness: the English edition/ : /準備狀態：英文版/);
      assert.match(page, /49%/);
      const report = await anonymous.get(`${lang}/reviews/${apr.id}`);
      assert.equal(report.status, 200);
      assert.match(await report.text(), lang ? /Kept on the list/ : /持續列管/);
    }
  });
});

describe('a review’s lifecycle and independence', () => {
  test('draft hidden, Not verifiable refuses the rest, the secretariat cannot rate, comment period, publication, correction', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'sec@example.tw', 'secretariat');
    await addUser(ctx, 'admin@example.tw', 'admin');
    await addUser(ctx, 'officer@example.tw', 'agency-officer', ['MOI']);
    const reviewerId = await addUser(ctx, 'reviewer@example.tw', 'public');
    const otherId = await addUser(ctx, 'other@example.tw', 'public');
    const officerId = (await ctx.database.db.selectFrom('users').select('id').where('email', '=', 'officer@example.tw').executeTakeFirstOrThrow()).id;
    const secretariat = await signedIn(ctx.app, 'sec@example.tw');
    const admin = await signedIn(ctx.app, 'admin@example.tw');
    const anonymous = new Client(ctx.app);

    const created = await secretariat.api('POST', '/api/v1/review-engagements', {
      title: { zh: '獨立評估', en: 'Independent review' },
      periodStart: '2021-06-01',
      periodEnd: '2025-06-01',
      planIds: [ctx.planId],
      funding: [
        { source: { zh: '基金會', en: 'Foundation' }, sector: 'civil-society', sharePercent: 60 },
        { source: { zh: '國發會', en: 'NDC' }, sector: 'government', sharePercent: 50 },
      ],
    });
    assert.equal(created.status, 400, 'shares over 100 % are refused');
    assert.match((await json<ErrorBody>(created)).fields?.funding ?? '', /100/);
    const engagement = await json<Engagement>(
      await secretariat.api('POST', '/api/v1/review-engagements', {
        title: { zh: '獨立評估', en: 'Independent review' },
        periodStart: '2021-06-01',
        periodEnd: '2025-06-01',
        planIds: [ctx.planId],
        funding: [{ source: { zh: '國發會', en: 'NDC' }, sector: 'government', sharePercent: 49 }],
      }),
    );
    const officerAsReviewer = await secretariat.api(
      'POST',
      `/api/v1/review-engagements/${engagement.id}/reviewers`,
      { userId: officerId, role: 'reviewer' },
      { 'accept-language': 'en' },
    );
    assert.equal(officerAsReviewer.status, 400);
    assert.match((await json<ErrorBody>(officerAsReviewer)).fields?.userId ?? '', /independent/);
    assert.equal(
      (
        await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, {
          userId: reviewerId,
          role: 'lead-reviewer',
          interests: { en: 'None.' },
        })
      ).status,
      200,
    );
    void otherId;

    // Independence: the secretariat (and the admin) manage the engagement but cannot write its reports.
    assert.equal(
      (
        await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reports`, {
          planId: ctx.planId,
          kind: 'action-plan-review',
          title: { en: 'APR' },
        })
      ).status,
      403,
    );
    const reviewer = await signedIn(ctx.app, 'reviewer@example.tw');
    const other = await signedIn(ctx.app, 'other@example.tw');
    const draft = await json<Report>(
      await reviewer.api('POST', `/api/v1/review-engagements/${engagement.id}/reports`, {
        planId: ctx.planId,
        kind: 'action-plan-review',
        title: { zh: '行動方案評估', en: 'Action Plan Review' },
      }),
    );
    assert.equal(draft.state, 'draft');
    assert.equal(draft.units.length, 19, 'one unit per commitment');

    // A draft is 404 to the public and to other participants, in the API and on the page, in both languages.
    for (const client of [anonymous, other]) {
      assert.equal((await client.get(`/api/v1/reviews/${draft.id}`)).status, 404);
      assert.equal((await client.get(`/reviews/${draft.id}`)).status, 404);
      assert.equal((await client.get(`/en/reviews/${draft.id}`)).status, 404);
    }
    assert.doesNotMatch(await (await anonymous.get(`/reviews/engagements/${engagement.id}`)).text(), /行動方案評估/);
    assert.equal((await secretariat.get(`/api/v1/reviews/${draft.id}`)).status, 200);

    const unit = draft.units[0] as Unit;
    const rated = await reviewer.api('PATCH', `/api/v1/review-units/${unit.id}`, { version: unit.version, ratings: { verifiability: 'not-verifiable' } });
    assert.equal(rated.status, 200);
    const ratedUnit = await json<Unit>(rated);
    const before = await json<Report>(await reviewer.get(`/api/v1/reviews/${draft.id}`));
    for (const lang of ['en', 'zh-TW']) {
      const refused = await reviewer.api(
        'PATCH',
        `/api/v1/review-units/${unit.id}`,
        { version: ratedUnit.version, ratings: { potential: 'substantial' }, ogValues: ['civic-participation'] },
        { 'accept-language': lang },
      );
      assert.equal(refused.status, 400);
      const body = await json<ErrorBody>(refused);
      assert.match(body.fields?.['ratings.potential'] ?? '', lang === 'en' ? /Not verifiable/ : /不可驗證/);
      assert.ok(body.fields?.ogValues);
    }
    assert.deepEqual(await json<Report>(await reviewer.get(`/api/v1/reviews/${draft.id}`)), before, 'nothing written');
    const offScale = await reviewer.api('PATCH', `/api/v1/review-units/${draft.units[1]?.id}`, { version: 1, ratings: { completion: 'complete' } });
    assert.equal(offScale.status, 400, 'an action plan review does not rate completion');

    // Units: two related commitments clustered into one, the mapping kept; a unit split in two, both on its commitment.
    const clustered = await reviewer.api('POST', `/api/v1/reviews/${draft.id}/clusters`, { unitIds: [draft.units[1]?.id, draft.units[2]?.id] });
    assert.equal(clustered.status, 201, await clustered.clone().text());
    assert.deepEqual(
      (await json<Unit>(clustered)).commitmentIds,
      [...(draft.units[1]?.commitmentIds ?? []), ...(draft.units[2]?.commitmentIds ?? [])].sort((a, b) => a - b),
    );
    assert.equal((await reviewer.api('POST', `/api/v1/reviews/${draft.id}/clusters`, { unitIds: [draft.units[1]?.id] })).status, 400);
    assert.equal((await secretariat.api('POST', `/api/v1/reviews/${draft.id}/clusters`, { unitIds: [draft.units[3]?.id, draft.units[4]?.id] })).status, 403);
    const split = await reviewer.api('POST', `/api/v1/review-units/${draft.units[3]?.id}/split`, { title: { zh: '1-4（下半）', en: '1-4 (second part)' } });
    assert.equal(split.status, 201, await split.clone().text());
    const splitPart = await json<Unit>(split);
    assert.deepEqual(splitPart.commitmentIds, draft.units[3]?.commitmentIds);
    const regrouped = await json<Report>(await reviewer.get(`/api/v1/reviews/${draft.id}`));
    assert.equal(regrouped.units.length, 19, 'one less by the cluster, one more by the split');
    const splitAt = regrouped.units.findIndex((u) => u.id === draft.units[3]?.id);
    assert.equal(regrouped.units[splitAt + 1]?.commitmentIds.join(), draft.units[3]?.commitmentIds.join(), 'the split part right after its unit');
    assert.equal(regrouped.units[splitAt + 1]?.id, splitPart.id);

    // Only the engagement's reviewers rate: the secretariat and the admin get 403; another participant sees no draft.
    for (const client of [secretariat, admin])
      assert.equal(
        (await client.api('PATCH', `/api/v1/review-units/${draft.units[1]?.id}`, { version: 1, ratings: { verifiability: 'verifiable' } })).status,
        403,
      );
    assert.equal(
      (await other.api('PATCH', `/api/v1/review-units/${draft.units[1]?.id}`, { version: 1, ratings: { verifiability: 'verifiable' } })).status,
      404,
    );

    // The comment period opens: public now; publication waits until it closes.
    const opened = await json<Report>(await reviewer.api('POST', `/api/v1/reviews/${draft.id}/comment-period`, { version: before.version }));
    assert.equal(opened.state, 'comment');
    assert.equal((await anonymous.get(`/api/v1/reviews/${draft.id}`)).status, 200);
    const early = await reviewer.api('POST', `/api/v1/reviews/${draft.id}/publication`, { version: opened.version }, { 'accept-language': 'en' });
    assert.equal(early.status, 409);
    assert.match((await json<ErrorBody>(early)).error, /runs until 2026-12-06/);
    // Comments on the draft are inputs: anyone signed in (the government too) comments; the reviewers answer them.
    const figuresBefore = await (await anonymous.get(`/api/v1/plans/${ctx.planId}/input-figures`)).text();
    const comment = await other.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
      kind: 'comment',
      targetType: 'review',
      targetId: draft.id,
      body: '單元 1 的評等理由請再說明。',
    });
    assert.equal(comment.status, 201, await comment.clone().text());
    const unitComment = await other.api('POST', `/api/v1/plans/${ctx.planId}/inputs`, {
      kind: 'comment',
      targetType: 'review-unit',
      targetId: unit.id,
      body: '此承諾有具體產出。',
    });
    assert.equal(unitComment.status, 201, await unitComment.clone().text());
    const posted = await json<{ id: number; version: number }>(comment);
    const bySecretariat = await secretariat.api(
      'PUT',
      `/api/v1/inputs/${posted.id}/response`,
      { state: 'noted', version: posted.version },
      { 'accept-language': 'en' },
    );
    assert.equal(bySecretariat.status, 403, 'the secretariat does not answer for the reviewers');
    assert.match((await json<ErrorBody>(bySecretariat)).error, /answered by its reviewers/);
    const answered = await reviewer.api('PUT', `/api/v1/inputs/${posted.id}/response`, {
      state: 'adopted',
      reason: { zh: '已補充理由。' },
      version: posted.version,
    });
    assert.equal(answered.status, 200, await answered.clone().text());
    assert.match(await (await anonymous.get(`/reviews/${draft.id}`)).text(), /意見與評估者的回應（1 則）/);
    const figuresAfter = await (await anonymous.get(`/api/v1/plans/${ctx.planId}/input-figures`)).text();
    assert.equal(figuresAfter, figuresBefore, 'the government’s response figures leave review comments out');

    ctx.clock.now = new Date(ctx.clock.now.getTime() + 15 * 24 * 3600 * 1000);
    // Sessions end when idle for that long: they sign in again.
    await reviewer.signIn('reviewer@example.tw');
    await secretariat.signIn('sec@example.tw');
    await other.signIn('other@example.tw');
    for (const lang of ['en', 'zh-TW']) {
      const late = await other.api(
        'POST',
        `/api/v1/plans/${ctx.planId}/inputs`,
        { kind: 'comment', targetType: 'review', targetId: draft.id, body: '太晚了嗎？' },
        { 'accept-language': lang },
      );
      assert.equal(late.status, 400);
      assert.match(
        (await json<ErrorBody>(late)).fields?.targetId ?? '',
        lang === 'en' ? /closed on 2026-12-06 16:00/ : /已於 2026-12-06 16:00（臺北時間）截止/,
      );
    }
    const publication = await reviewer.api('POST', `/api/v1/reviews/${draft.id}/publication`, { version: opened.version });
    const published = await json<Report>(publication);
    assert.equal(published.state, 'published', JSON.stringify(published));

    // Published: never changed in place, by anyone; a correction is a new edition with its change note.
    const inPlace = await reviewer.api(
      'PATCH',
      `/api/v1/review-units/${draft.units[1]?.id}`,
      { version: 1, ratings: { verifiability: 'verifiable' } },
      { 'accept-language': 'en' },
    );
    assert.equal(inPlace.status, 409);
    assert.match((await json<ErrorBody>(inPlace)).error, /published and cannot be changed/);
    assert.equal(
      (await secretariat.api('PATCH', `/api/v1/review-units/${draft.units[1]?.id}`, { version: 1, ratings: { verifiability: 'verifiable' } })).status,
      403,
    );
    const correction = await reviewer.api('POST', `/api/v1/reviews/${draft.id}/corrections`, {
      changeNote: { zh: '更正單元 2 的評等', en: 'Corrects the rating of unit 2' },
    });
    assert.equal(correction.status, 201);
    const edition = await json<Report>(correction);
    assert.equal(edition.edition, 2);
    assert.equal(edition.state, 'draft');
    assert.equal(edition.units.length, 19);
    assert.equal(edition.units[0]?.ratings.verifiability, 'not-verifiable', 'copied from the published edition');
    const second = edition.units[1] as Unit;
    assert.equal(
      (
        await reviewer.api('PATCH', `/api/v1/review-units/${second.id}`, {
          version: second.version,
          ratings: { verifiability: 'verifiable', ogLens: 'yes', potential: 'modest' },
        })
      ).status,
      200,
    );
    const republished = await json<Report>(await reviewer.api('POST', `/api/v1/reviews/${edition.id}/publication`, { version: edition.version }));
    assert.equal(republished.state, 'published');
    const first = await json<Report>(await anonymous.get(`/api/v1/reviews/${draft.id}`));
    assert.equal(first.units[1]?.ratings.verifiability, undefined, 'the first edition stays as published');

    // Every change is in the history, with who made it.
    const history = await ctx.database.db
      .selectFrom('history')
      .select(['entity_type', 'actor_name'])
      .where('entity_type', 'in', ['review', 'reviewUnit', 'reviewEngagement'])
      .execute();
    assert.ok(history.some((h) => h.entity_type === 'reviewUnit' && h.actor_name === 'reviewer'));
    assert.ok(history.some((h) => h.entity_type === 'reviewEngagement' && h.actor_name === 'sec'));
  });
});

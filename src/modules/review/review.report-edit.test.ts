/**
 * The reviewers' forms on a report before publication, through real HTTP against a real database: its texts (the days
 * of comment only while a draft; a stale version shows the stored words), a recommendation's words, clustering
 * related units (two at least), splitting one; 404 to everyone but the engagement's reviewers; nothing once published.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, setupForTest, signedIn } from '../../../test/helpers.js';

type Unit = { id: number; version: number; commitmentIds: number[]; title: { zh: string; en: string } };
type Report = {
  id: number;
  version: number;
  state: string;
  title: { en: string };
  overview: { en: string };
  commentDays: number;
  units: Unit[];
  recommendations: { id: number; version: number; body: { en: string } }[];
};
const DAY = 24 * 3600 * 1000;

describe('the reviewers’ forms on a report', () => {
  test('texts, a recommendation, a cluster and a split; 404 to others; a published report refuses', async (t) => {
    const ctx = await setupForTest(t);
    await addUser(ctx, 'sec@example.tw', 'secretariat');
    const reviewerId = await addUser(ctx, 'reviewer@example.tw', 'public');
    const secretariat = await signedIn(ctx.app, 'sec@example.tw');
    const engagement = await json<{ id: number }>(
      await secretariat.api('POST', '/api/v1/review-engagements', {
        title: { zh: '獨立評估', en: 'Independent review' },
        periodStart: '2026-01-01',
        periodEnd: '2027-06-01',
        planIds: [ctx.planId],
      }),
    );
    await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, { userId: reviewerId, role: 'lead-reviewer' });
    const reviewer = await signedIn(ctx.app, 'reviewer@example.tw');
    const draft = await json<Report>(
      await reviewer.api('POST', `/api/v1/review-engagements/${engagement.id}/reports`, {
        planId: ctx.planId,
        kind: 'action-plan-review',
        title: { zh: '評估', en: 'Review' },
      }),
    );
    await reviewer.api('POST', `/api/v1/reviews/${draft.id}/recommendations`, { body: { zh: '建議一', en: 'First' } });
    const read = async () => json<Report>(await reviewer.get(`/api/v1/reviews/${draft.id}`));

    for (const path of [`/reviews/${draft.id}/edit`, `/reviews/${draft.id}/clusters/new`, `/reviews/units/${draft.units[0]?.id}/split`]) {
      assert.equal((await secretariat.get(path)).status, 404, `${path}: the secretariat`);
      assert.equal((await new Client(ctx.app).get(path)).status, 404, `${path}: anonymous`);
    }
    // The report's page links the forms for its reviewers.
    const page = await (await reviewer.get(`/en/reviews/${draft.id}`)).text();
    for (const path of [`/en/reviews/${draft.id}/edit`, `/en/reviews/${draft.id}/clusters/new`]) assert.ok(page.includes(`href="${path}"`), path);

    // Texts: the overview and the days of comment of a draft.
    const form = await reviewer.get(`/en/reviews/${draft.id}/edit`);
    assert.match(await form.text(), /Days open for comment/);
    const saved = await reviewer.postForm(`/reviews/${draft.id}/edit`, {
      version: String(draft.version),
      'title.zh': '評估',
      'title.en': 'Action Plan Review',
      'title.status': 'reviewed',
      'overview.zh': '概述。',
      'overview.en': 'An overview.',
      'overview.status': 'reviewed',
      commentDays: '21',
    });
    assert.equal(saved.status, 303, await saved.clone().text());
    const edited = await read();
    assert.deepEqual([edited.title.en, edited.overview.en, edited.commentDays], ['Action Plan Review', 'An overview.', 21]);
    const stale = await reviewer.postForm(`/en/reviews/${draft.id}/edit`, { version: String(draft.version), 'title.en': 'Stale' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /An overview\./, 'the stored words are shown again');
    const badDays = await reviewer.postForm(`/en/reviews/${draft.id}/edit`, { version: String(edited.version), commentDays: '120' });
    assert.equal(badDays.status, 400);

    // A recommendation's words.
    const rec = edited.recommendations[0];
    const recSaved = await reviewer.postForm(`/reviews/recommendations/${rec?.id}/edit`, {
      version: String(rec?.version),
      'body.zh': '建議一（修）',
      'body.en': 'First, revised',
      'body.status': 'reviewed',
    });
    assert.equal(recSaved.status, 303, await recSaved.clone().text());
    assert.equal((await read()).recommendations[0]?.body.en, 'First, revised');

    // Cluster: one unit is not a cluster; two are, the first keeping its place and gaining the other's commitment.
    const [a, b] = edited.units;
    const one = await reviewer.postForm(`/en/reviews/${draft.id}/clusters/new`, { unitIds: [String(a?.id)] });
    assert.equal(one.status, 400);
    const clustered = await reviewer.postForm(`/reviews/${draft.id}/clusters/new`, { unitIds: [String(a?.id), String(b?.id)], 'title.zh': '', 'title.en': '' });
    assert.equal(clustered.status, 303, await clustered.clone().text());
    const afterCluster = await read();
    assert.equal(afterCluster.units.length, edited.units.length - 1);
    assert.deepEqual(
      afterCluster.units.find((u) => u.id === a?.id)?.commitmentIds,
      [...(a?.commitmentIds ?? []), ...(b?.commitmentIds ?? [])].sort((x, y) => x - y),
    );
    // Split: a new unit on the same commitments.
    const split = await reviewer.postForm(`/reviews/units/${a?.id}/split`, { 'title.zh': '第二部分', 'title.en': 'Part two', 'title.status': 'reviewed' });
    assert.equal(split.status, 303, await split.clone().text());
    const afterSplit = await read();
    assert.equal(afterSplit.units.length, edited.units.length);
    assert.deepEqual(afterSplit.units.find((u) => u.title.en === 'Part two')?.commitmentIds, afterCluster.units.find((u) => u.id === a?.id)?.commitmentIds);

    // Published: the texts are fixed.
    const opened = await json<Report>(await reviewer.api('POST', `/api/v1/reviews/${draft.id}/comment-period`, { version: afterSplit.version }));
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 22 * DAY);
    const back = await signedIn(ctx.app, 'reviewer@example.tw');
    assert.equal((await back.api('POST', `/api/v1/reviews/${draft.id}/publication`, { version: opened.version })).status, 200);
    const published = await json<Report>(await back.get(`/api/v1/reviews/${draft.id}`));
    assert.doesNotMatch(await (await back.get(`/en/reviews/${draft.id}`)).text(), new RegExp(`href="/en/reviews/${draft.id}/edit"`));
    const refused = await back.postForm(`/en/reviews/${draft.id}/edit`, { version: String(published.version), 'title.en': 'Changed' });
    assert.equal(refused.status, 409);
    assert.equal((await json<Report>(await back.get(`/api/v1/reviews/${draft.id}`))).title.en, 'Action Plan Review');
  });
});

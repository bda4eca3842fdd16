/**
 * The form on which an engagement's reviewers start a report, through real HTTP against a real database: 404 to
 * everyone else; a report started through it lands on its draft; the service's refusals shown beside their fields;
 * both languages; prefilled from the engagement page's "Start the assessment" of a due OGP Local end-of-commitment
 * assessment.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, setupForTest, signedIn, type TestContext } from '../../../test/helpers.js';
import { systemActor } from '../../domain/system-actor.js';
import { planQueries, planService } from '../plans/index.js';

type Report = {
  id: number;
  state: string;
  kind: string;
  commitmentId: number | null;
  commentDays: number;
  title: { zh: string; en: string };
  units: unknown[];
};

/** The secretariat, a reviewer, and an engagement on `planIds` the reviewer reviews. */
async function engagementWithReviewer(ctx: TestContext, planIds: number[]) {
  await addUser(ctx, 'sec@example.tw', 'secretariat');
  const reviewerId = await addUser(ctx, 'reviewer@example.tw', 'public');
  const secretariat = await signedIn(ctx.app, 'sec@example.tw');
  const reviewer = await signedIn(ctx.app, 'reviewer@example.tw');
  const created = await secretariat.api('POST', '/api/v1/review-engagements', {
    title: { zh: '獨立評估', en: 'Independent review' },
    periodStart: '2026-01-01',
    periodEnd: '2027-06-01',
    planIds,
  });
  assert.equal(created.status, 201, await created.clone().text());
  const engagement = await json<{ id: number }>(created);
  const added = await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, { userId: reviewerId, role: 'lead-reviewer' });
  assert.equal(added.status, 200, await added.clone().text());
  return { engagement, secretariat, reviewer, form: `/reviews/engagements/${engagement.id}/reports/new` };
}

const post = (fields: Record<string, string>) => ({
  planId: '',
  kind: '',
  commitmentId: '',
  scaleSet: 'current',
  'title.zh': '',
  'title.en': '',
  'title.status': 'reviewed',
  'overview.zh': '',
  'overview.en': '',
  'overview.status': 'draft',
  commentDays: '14',
  ...fields,
});

/** The value a form's select shows chosen ('' for its empty choice), or undefined when none is. */
const chosen = (html: string, name: string) => {
  const select = new RegExp(`<select id="f-${name}" name="${name}"[^>]*>(.*?)</select>`, 's').exec(html)?.[1] ?? '';
  return /<option value="([^"]*)" selected="">/.exec(select)?.[1];
};

/** The message shown beside a field (the form kit's `err-<field>`). */
const besideField = (html: string, field: string) => new RegExp(`<p class="field-error" id="err-${field}">([^<]*)</p>`).exec(html)?.[1];

describe('starting a report through its form', () => {
  test('only the engagement’s reviewers have the form; a report started there lands on its draft; refusals beside their fields; both languages', async (t) => {
    const ctx = await setupForTest(t);
    const { engagement, secretariat, reviewer, form } = await engagementWithReviewer(ctx, [ctx.planId]);
    const anonymous = new Client(ctx.app);

    // Nobody else: not the secretariat (which commissioned it), not the public, not another engagement's reviewer.
    for (const prefix of ['', '/en']) {
      assert.equal((await secretariat.get(`${prefix}${form}`)).status, 404, `secretariat ${prefix}`);
      assert.equal((await anonymous.get(`${prefix}${form}`)).status, 404, `anonymous ${prefix}`);
    }
    const otherEngagement = await json<{ id: number }>(
      await secretariat.api('POST', '/api/v1/review-engagements', {
        title: { zh: '另一評估', en: 'Another' },
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        planIds: [ctx.planId],
      }),
    );
    assert.equal((await reviewer.get(`/reviews/engagements/${otherEngagement.id}/reports/new`)).status, 404, 'a reviewer of another engagement');
    const fields = post({ planId: String(ctx.planId), kind: 'action-plan-review', 'title.zh': '行動方案評估', 'title.en': 'Action Plan Review' });
    assert.equal((await secretariat.postForm(form, fields)).status, 404, 'the secretariat cannot post it either');

    // The engagement page links to the form for its reviewers only.
    assert.match(await (await reviewer.get(`/en/reviews/engagements/${engagement.id}`)).text(), new RegExp(`href="/en${form}">Start a report<`));
    assert.doesNotMatch(await (await secretariat.get(`/en/reviews/engagements/${engagement.id}`)).text(), /Start a report/);

    // The form in both languages, restricted from shared caches, the engagement's one plan chosen.
    const commitments = await planQueries.listCommitmentSummaries(ctx.database.db, { planId: ctx.planId });
    const first = commitments[0];
    assert.ok(first);
    for (const [prefix, lang, heading, kind, commitmentLabel] of [
      ['', 'zh-TW', '新增評估報告', '行動方案評估', '承諾事項（僅限承諾事項完成評估）'],
      ['/en', 'en', 'Start a report', 'Action Plan Review', 'Commitment (only for an end-of-commitment assessment)'],
    ] as const) {
      const page = await reviewer.get(`${prefix}${form}`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('cache-control') ?? '', /private|no-store/);
      const html = await page.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      assert.match(html, new RegExp(`<h1[^>]*>${heading}</h1>`));
      assert.match(html, new RegExp(`<option value="action-plan-review">${kind}</option>`));
      assert.ok(
        html.includes(`<label for="f-commitmentId">${commitmentLabel}</label>`),
        'the commitment, labelled as only for an end-of-commitment assessment',
      );
      assert.match(html, new RegExp(`<option value="${ctx.planId}" selected="">`), 'the one plan is chosen');
      assert.match(html, new RegExp(`<option value="${first.id}">${first.number} `), 'its commitments, numbered, not named by plan');
      assert.match(html, /<option value="" selected="">[^<]+<\/option><option value="\d+">/, 'no commitment chosen');
      assert.match(html, /name="commentDays"[^>]*type="number" value="14"/);
      assert.match(html, new RegExp(`action="${prefix}${form}"`));
    }
    // The query prefills it; what the engagement does not review is not chosen.
    const prefilled = await (await reviewer.get(`/en${form}?plan=${ctx.planId}&kind=results-report&commitment=${first.id}`)).text();
    assert.match(prefilled, /<option value="results-report" selected="">/);
    assert.match(prefilled, new RegExp(`<option value="${first.id}" selected="">`));
    const stranger = await (await reviewer.get(`/en${form}?kind=nonsense&commitment=99999`)).text();
    assert.deepEqual(
      [chosen(stranger, 'planId'), chosen(stranger, 'kind'), chosen(stranger, 'commitmentId')],
      [String(ctx.planId), undefined, ''],
      'the one plan; no kind; no commitment (the whole plan)',
    );
    assert.match(stranger, /<option value="" selected="">None: the report is of the whole plan<\/option>/);

    // An action plan review, started through the form (no commitment: the whole plan), lands on its draft.
    const started = await reviewer.postForm(form, fields);
    assert.equal(started.status, 303, await started.clone().text());
    const location = started.headers.get('location') ?? '';
    const id = Number(/^\/reviews\/(\d+)$/.exec(location)?.[1]);
    assert.ok(id > 0, location);
    const draft = await reviewer.get(location);
    assert.equal(draft.status, 200);
    assert.match(await draft.text(), /行動方案評估/);
    const report = await json<Report>(await reviewer.get(`/api/v1/reviews/${id}`));
    assert.deepEqual(
      [report.state, report.kind, report.commitmentId, report.commentDays, report.title.en, report.units.length],
      ['draft', 'action-plan-review', null, 14, 'Action Plan Review', 19],
    );

    // A second of the same kind is refused beside the kind, in English, with what was typed kept.
    const again = await reviewer.postForm(`/en${form}`, { ...fields, 'title.en': 'Action Plan Review, again' });
    assert.equal(again.status, 400);
    const againHtml = await again.text();
    assert.equal(besideField(againHtml, 'kind'), 'This engagement already has this report on that plan.');
    assert.match(againHtml, /value="Action Plan Review, again"/);
    assert.match(againHtml, /<option value="action-plan-review" selected="">/);

    // An end-of-commitment assessment is OGP Local's: the test plan is national.
    const eoc = await reviewer.postForm(`/en${form}`, { ...fields, kind: 'end-of-commitment', commitmentId: String(first.id) });
    assert.equal(eoc.status, 400);
    assert.equal(besideField(await eoc.text(), 'kind'), 'An end-of-commitment assessment is OGP Local’s: only of a local government’s plan.');
    // A commitment is only for that kind; the title is required; the comment period has its bounds.
    const scoped = await reviewer.postForm(`/en${form}`, { ...fields, kind: 'results-report', commitmentId: String(first.id) });
    assert.equal(scoped.status, 400);
    assert.match(besideField(await scoped.text(), 'commitmentId') ?? '', /Only an end-of-commitment assessment is of one commitment/);
    const untitled = await reviewer.postForm(`/en${form}`, { ...fields, kind: 'results-report', 'title.zh': '', 'title.en': '', commentDays: '91' });
    assert.equal(untitled.status, 400);
    const untitledHtml = await untitled.text();
    assert.equal(besideField(untitledHtml, 'commentDays'), 'The comment period lasts 1 to 90 days.');
    const reports = await json<{ reports: { id: number }[] }>(await reviewer.get(`/api/v1/review-engagements/${engagement.id}`));
    assert.deepEqual(
      reports.reports.map((r) => r.id),
      [id],
      'no report started by the refused posts',
    );
  });

  test('a due end-of-commitment assessment of a local plan: started from its row, the form prefilled, its commitments named by plan', async (t) => {
    const ctx = await setupForTest(t);
    const { db } = ctx.database;
    const secretariatActor = systemActor('secretariat', 'secretariat');
    const both = (zh: string, en: string) => ({ zh, en, status: 'reviewed' as const });
    const memberId = await planQueries.insertMember(db, { code: 'TESTCITY', kind: 'local', name: both('測試市', 'Test City') });
    const local = await planService.createPlan({ db }, secretariatActor, {
      slug: 'test-city-2025-2027',
      memberId,
      title: both('測試市行動方案', 'Test City plan'),
      periodStart: '2025-01-01',
      periodEnd: '2027-12-31',
    });
    const area = await planService.createArea({ db }, secretariatActor, local.id, { position: 1, title: both('市政透明', 'Open city hall') });
    const commitment = async (number: string, endDate: string, title: string) =>
      planService.createCommitment({ db }, secretariatActor, local.id, {
        areaId: area.id,
        number,
        title: both(title, title),
        startDate: '2025-01-01',
        endDate,
        leadAgencyId: ctx.agencies.get('MOI') ?? 0,
        origin: 'joint',
      });
    // On the test clock's day (2026-11-22): the first ended in June 2025 (overdue), the second on 2026-10-31 (due), the third runs.
    const overdue = await commitment('1-1', '2025-06-30', 'Open records');
    const due = await commitment('1-2', '2026-10-31', 'Participatory budgeting');
    const running = await commitment('1-3', '2027-06-30', 'Open contracting');
    const { engagement, secretariat, reviewer, form } = await engagementWithReviewer(ctx, [ctx.planId, local.id]);
    const engagementPage = `/en/reviews/engagements/${engagement.id}`;

    const startLink = (c: { id: number }) =>
      new RegExp(`href="/en${form}\\?plan=${local.id}&amp;kind=end-of-commitment&amp;commitment=${c.id}">Start the assessment<`);
    const page = await (await reviewer.get(engagementPage)).text();
    assert.match(page, startLink(overdue), 'an overdue assessment');
    assert.match(page, startLink(due), 'a due one');
    assert.doesNotMatch(page, new RegExp(`commitment=${running.id}"`), 'not one still running');
    assert.doesNotMatch(await (await secretariat.get(engagementPage)).text(), /Start the assessment/, 'the secretariat does not assess');

    // The link's form: the local plan, the kind and the commitment chosen; with two plans, commitments named by plan.
    const html = await (await reviewer.get(`/en${form}?plan=${local.id}&kind=end-of-commitment&commitment=${due.id}`)).text();
    assert.match(html, new RegExp(`<option value="${local.id}" selected="">Test City plan</option>`));
    assert.match(html, /<option value="end-of-commitment" selected="">End-of-Commitment Assessment<\/option>/);
    assert.match(html, new RegExp(`<option value="${due.id}" selected="">Test City plan: 1-2 Participatory budgeting</option>`));
    // Two plans: none is chosen until the reviewer chooses.
    assert.match(await (await reviewer.get(`/en${form}`)).text(), /<select id="f-planId" name="planId" required="">\s*<option value="">/);

    const started = await reviewer.postForm(form, {
      ...post({ planId: String(local.id), kind: 'end-of-commitment', commitmentId: String(due.id) }),
      'title.zh': '承諾事項完成評估：1-2',
      'title.en': 'End-of-Commitment Assessment: 1-2',
    });
    assert.equal(started.status, 303, await started.clone().text());
    const id = Number(/^\/reviews\/(\d+)$/.exec(started.headers.get('location') ?? '')?.[1]);
    const report = await json<Report>(await reviewer.get(`/api/v1/reviews/${id}`));
    assert.deepEqual([report.kind, report.commitmentId, report.units.length], ['end-of-commitment', due.id, 1]);
    // Its row now links to the assessment, no longer to the form.
    const after = await (await reviewer.get(engagementPage)).text();
    assert.doesNotMatch(after, startLink(due));
    assert.match(after, startLink(overdue));
    assert.match(after, new RegExp(`href="/en/reviews/${id}">Being assessed<`));
  });
});

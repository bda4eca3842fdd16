/**
 * Independent review in a real browser (issue #13): a reviewer of the demo engagement signs in, opens the form that
 * starts a report (refused without a kind, beside the field), rates a unit of the
 * results report through the form, is refused (with the message beside the field) when rating a Not verifiable unit
 * further, and opens a draft's comment period; the public reads the engagement and the reports. axe (WCAG 2.1 A/AA) on
 * every page, in both languages.
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/domain/system-actor.js';
import { createEngagement, createReport, listReviewEngagementIds, listReviewReports, putReviewer, seedDemoReview } from '../../src/modules/review/index.js';
import { addUser, PASSWORD, setup, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const REVIEWER = 'e2e.reviewer@example.org';
const WAIT = { timeout: 10_000 };

describe('independent review: the reviewer’s journey and the public report', { skip, timeout: 180_000 }, () => {
  let ctx: TestContext;
  const harness = new BrowserHarness();
  let engagementId = 0;
  const reports = { apr: 0, results: 0, brief: 0 };

  before(async () => {
    ctx = await setup();
    const { db } = ctx.database;
    await seedDemoReview(db, { planId: ctx.planId, agencyIds: ctx.agencies });
    // The demo plan's engagement (the demo also has OGP Local's, on a city's plan).
    [engagementId = 0] = await listReviewEngagementIds(db, ctx.planId);
    const userId = await addUser(ctx, REVIEWER, 'public');
    const deps = { db, now: () => ctx.clock.now };
    await putReviewer(deps, systemActor('secretariat', 'secretariat'), engagementId, { userId, role: 'reviewer' });
    for (const r of await listReviewReports(db, { engagementId })) {
      if (r.kind === 'action-plan-review') reports.apr = r.id;
      if (r.kind === 'results-report') reports.results = r.id;
    }
    const reviewer = {
      id: userId,
      displayName: 'e2e',
      role: 'public' as const,
      agencyIds: [],
      grants: [{ role: 'reviewer' as const, scope: 'engagement' as const, scopeId: engagementId }],
    };
    reports.brief = (
      await createReport(deps, reviewer, engagementId, { planId: ctx.planId, kind: 'cocreation-brief', title: { zh: '共創簡報', en: 'Co-Creation Brief' } })
    ).report.id;
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
  });

  test('the public reads the engagement (funding, readiness) and the reports, with no axe violations', async () => {
    const page = await harness.newPage();
    for (const prefix of ['', '/en']) {
      await visit(page, `${prefix}/reviews`);
      await expectAccessible(page, `reviews ${prefix}`);
      await visit(page, `${prefix}/reviews/engagements/${engagementId}`);
      assert.match(await page.locator('#funding').locator('..').innerText(), /49%/);
      await expectAccessible(page, `engagement ${prefix}`);
      await visit(page, `${prefix}/reviews/${reports.apr}`);
      await expectAccessible(page, `action plan review ${prefix}`);
      await visit(page, `${prefix}/reviews/${reports.results}`);
      await expectAccessible(page, `results report ${prefix}`);
      await visit(page, `${prefix}/reviews/${reports.brief}`, 404);
    }
    await page.context().close();
  });

  test('a reviewer rates a unit through the form and opens a draft’s comment period', async () => {
    const page = await harness.newPage();
    await visit(page, '/login');
    await page.getByLabel('電子郵件').fill(REVIEWER);
    await page.getByLabel('密碼').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT), page.getByRole('button', { name: '登入', exact: true }).click()]);

    // The form that starts a report, linked from the engagement's page: posted without a kind, refused beside it.
    await visit(page, `/reviews/engagements/${engagementId}`);
    await expectAccessible(page, 'engagement, as its reviewer');
    await Promise.all([page.waitForURL(/\/reports\/new$/, WAIT), page.getByRole('link', { name: '新增評估報告' }).click()]);
    await expectAccessible(page, 'report form');
    await page.getByRole('button', { name: '建立報告' }).click();
    await page.waitForSelector('.error-summary', WAIT);
    assert.match(await page.locator('#err-kind').innerText(), /請選擇報告種類/);
    await expectAccessible(page, 'report form with its refusal');
    await visit(page, `/en/reviews/engagements/${engagementId}/reports/new`);
    await expectAccessible(page, 'report form (en)');

    // The results report, in its comment period: rate the first unit.
    await visit(page, `/reviews/${reports.results}`);
    await expectAccessible(page, 'results report, as its reviewer');
    await Promise.all([page.waitForURL(/\/edit$/, WAIT), page.locator('a[href*="/reviews/units/"][href$="/edit"]').first().click()]);
    await expectAccessible(page, 'rating form');
    await page.getByLabel('完成度').selectOption('complete');
    await page.getByLabel('是否促進政府開放（初步成果）').selectOption('outstanding');
    await Promise.all([page.waitForURL(new RegExp(`/reviews/${reports.results}$`), WAIT), page.getByRole('button', { name: '儲存評等' }).click()]);
    assert.match(await page.locator('table').filter({ hasText: '評估單元及其評等' }).innerText(), /傑出成果/);

    // The forms on the report's texts and units, linked from its page (results report, in its comment period).
    await visit(page, `/reviews/${reports.results}`);
    await Promise.all([page.waitForURL(/\/edit$/, WAIT), page.getByRole('link', { name: '編輯報告文字' }).click()]);
    await expectAccessible(page, 'the report’s texts');
    await visit(page, `/reviews/${reports.results}/clusters/new`);
    await page.getByRole('button', { name: '合併', exact: true }).click();
    await page.waitForSelector('.error-summary', WAIT);
    await expectAccessible(page, 'cluster form with its refusal');
    await visit(page, `/en/reviews/${reports.results}/clusters/new`);
    await expectAccessible(page, 'cluster form (en)');
    await visit(page, `/reviews/${reports.results}`);
    await Promise.all([page.waitForURL(/\/edit$/, WAIT), page.locator('a[href*="/reviews/units/"][href$="/edit"]').first().click()]);
    await Promise.all([page.waitForURL(/\/split$/, WAIT), page.getByRole('link', { name: '拆分此單元' }).click()]);
    await expectAccessible(page, 'split form');

    // The brief is a draft: only its reviewers see it, with the button that opens its comment period.
    await visit(page, `/en/reviews/${reports.brief}`);
    await expectAccessible(page, 'draft brief (en), as its reviewer');
    await Promise.all([page.waitForURL(new RegExp(`/reviews/${reports.brief}$`), WAIT), page.getByRole('button', { name: /Open the comment period/ }).click()]);
    assert.match(await page.locator('main').innerText(), /Comments are taken until/);

    // A recommendation of the brief, through its form.
    await Promise.all([page.waitForURL(/\/recommendations\/new$/, WAIT), page.getByRole('link', { name: 'Add a recommendation' }).click()]);
    await expectAccessible(page, 'recommendation form (en)');
    await page.locator('textarea[name="body.en"]').fill('Publish the co-creation timeline two weeks ahead.');
    await Promise.all([page.waitForURL(new RegExp(`/reviews/${reports.brief}`), WAIT), page.getByRole('button', { name: 'Add a recommendation' }).click()]);
    assert.match(await page.locator('#recommendations').locator('..').innerText(), /two weeks ahead/);
    await page.context().close();
  });

  test('the secretariat records the government’s response to a published recommendation, naming where it landed', async () => {
    await addUser(ctx, 'e2e.secretariat@example.org', 'secretariat');
    const page = await harness.newPage();
    await visit(page, '/login');
    await page.getByLabel('電子郵件').fill('e2e.secretariat@example.org');
    await page.getByLabel('密碼').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT), page.getByRole('button', { name: '登入', exact: true }).click()]);
    await visit(page, `/reviews/${reports.apr}`);
    await Promise.all([page.waitForURL(/\/response$/, WAIT), page.locator('a[href*="/reviews/recommendations/"]').nth(2).click()]);
    await expectAccessible(page, 'response form');
    await page.getByLabel('列管').selectOption('closed');
    await page.locator('textarea[name="governmentResponse.zh"]').fill('已納入工作小組公開報名機制。');
    const landed = page.getByLabel('落實於');
    const option = await landed.locator('option', { hasText: '1-2' }).last().getAttribute('value');
    await landed.selectOption(option ?? '');
    await Promise.all([page.waitForURL(new RegExp(`/reviews/${reports.apr}`), WAIT), page.getByRole('button', { name: '記錄政府回應' }).click()]);
    const row = await page.locator('#recommendations').locator('..').locator('tr', { hasText: '工作小組會議應公開報名' }).innerText();
    assert.match(row, /解除列管/);
    assert.match(row, /已納入工作小組公開報名機制/);

    // The secretariat commissions a review through the form, with its funding, and adds a reviewer by e-mail; an
    // agency officer's account is refused as not independent.
    await addUser(ctx, 'e2e.officer@example.org', 'agency-officer', ['MOI']);
    await addUser(ctx, 'e2e.second.reviewer@example.org', 'public');
    await visit(page, '/en/reviews');
    await Promise.all([page.waitForURL(/\/engagements\/new$/, WAIT), page.getByRole('link', { name: 'Commission a review' }).click()]);
    await expectAccessible(page, 'engagement form (en)');
    await page.locator('input[name="title.en"]').fill('Review of the parliament’s plan');
    await page.locator('input[name="title.zh"]').fill('開放國會行動方案評估');
    await page.getByLabel('Period: first day').fill('2025-01-01');
    await page.getByLabel('Period: last day').fill('2025-12-31');
    await page.locator('input[name="planIds"][type="checkbox"]').first().check();
    await page.locator('input[name="funding.0.source.en"]').fill('Foundation');
    await page.locator('select[name="funding.0.sector"]').selectOption('civil-society');
    await page.locator('input[name="funding.0.sharePercent"]').fill('60');
    await page.locator('input[name="funding.1.source.en"]').fill('Legislative Yuan');
    await page.locator('select[name="funding.1.sector"]').selectOption('government');
    await page.locator('input[name="funding.1.sharePercent"]').fill('50');
    await page.getByRole('button', { name: 'Create the engagement' }).click();
    await page.waitForSelector('.error-summary', WAIT);
    assert.match(await page.locator('.error-summary').innerText(), /more than 100/);
    await expectAccessible(page, 'engagement form with its refusal (en)');
    await page.locator('input[name="funding.1.sharePercent"]').fill('40');
    await Promise.all([page.waitForURL(/\/reviews\/engagements\/\d+$/, WAIT), page.getByRole('button', { name: 'Create the engagement' }).click()]);
    assert.match(await page.locator('main').innerText(), /The government reviewed pays 40% of the review/);
    await Promise.all([page.waitForURL(/\/reviewers\/new$/, WAIT), page.getByRole('link', { name: 'Add a reviewer' }).click()]);
    await expectAccessible(page, 'reviewer form (en)');
    await page.getByLabel('The reviewer’s account (e-mail)').fill('e2e.officer@example.org');
    await page.getByRole('button', { name: 'Add a reviewer' }).click();
    await page.waitForSelector('.error-summary', WAIT);
    assert.match(await page.locator('.error-summary').innerText(), /must be independent/);
    await page.getByLabel('The reviewer’s account (e-mail)').fill('e2e.second.reviewer@example.org');
    await page.locator('textarea[name="interests.en"]').fill('None declared.');
    await Promise.all([page.waitForURL(/\/reviews\/engagements\/\d+/, WAIT), page.getByRole('button', { name: 'Add a reviewer' }).click()]);
    assert.match(await page.locator('#reviewers').locator('..').innerText(), /e2e\.second\.reviewer[\s\S]*None declared\./);
    await page.context().close();
  });

  test('a Not verifiable unit refuses its other ratings, with the message beside the field, in both languages', async () => {
    // A second engagement, its reviewer's action plan review still a draft.
    const { db } = ctx.database;
    const secretariat = systemActor('secretariat', 'secretariat');
    const deps = { db, now: () => ctx.clock.now };
    const second = await createEngagement(deps, secretariat, {
      title: { zh: '第二次評估', en: 'Second review' },
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      planIds: [ctx.planId],
    });
    const userId = (await db.selectFrom('users').select('id').where('email', '=', REVIEWER).executeTakeFirstOrThrow()).id;
    await putReviewer(deps, secretariat, second.id, { userId, role: 'lead-reviewer' });
    const reviewer = {
      id: userId,
      displayName: 'e2e',
      role: 'public' as const,
      agencyIds: [],
      grants: [{ role: 'reviewer' as const, scope: 'engagement' as const, scopeId: second.id }],
    };
    const draft = await createReport(deps, reviewer, second.id, {
      planId: ctx.planId,
      kind: 'action-plan-review',
      title: { zh: '行動方案評估（草稿）', en: 'Action Plan Review (draft)' },
    });
    const unit = draft.units[0];
    assert.ok(unit);

    const page = await harness.newPage();
    await visit(page, '/en/login');
    await page.getByLabel('E-mail').fill(REVIEWER);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    for (const [prefix, verifiable, potential, save, message] of [
      ['/en', 'Verifiable?', 'Potential for results', 'Save ratings', /rated Not verifiable/],
      ['', '是否可驗證', '成果潛力', '儲存評等', /評為「不可驗證」/],
    ] as const) {
      await visit(page, `${prefix}/reviews/units/${unit.id}/edit`);
      await page.getByLabel(verifiable).selectOption('not-verifiable');
      await page.getByLabel(potential).selectOption('substantial');
      await page.getByRole('button', { name: save }).click();
      await page.waitForSelector('.error-summary', WAIT);
      assert.match(await page.locator('.error-summary').innerText(), message);
      await expectAccessible(page, `rating form with its refusal ${prefix}`);
    }
    await page.context().close();
  });

  test('the secretariat edits an engagement and removes a reviewer after confirming; a reviewer edits their declaration and keeps the interview log, which is 404 to others', async () => {
    const { db } = ctx.database;
    const secretariat = systemActor('secretariat', 'secretariat');
    const deps = { db, now: () => ctx.clock.now };
    const engagement = await createEngagement(deps, secretariat, {
      title: { zh: '管理測試評估', en: 'Managed review' },
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      planIds: [ctx.planId],
    });
    const declarerId = await addUser(ctx, 'e2e.declarer@example.org', 'public');
    const leavingId = await addUser(ctx, 'e2e.leaving@example.org', 'public');
    for (const userId of [declarerId, leavingId]) await putReviewer(deps, secretariat, engagement.id, { userId, role: 'reviewer' });
    await addUser(ctx, 'e2e.manager@example.org', 'secretariat');
    const engagementPage = `/reviews/engagements/${engagement.id}`;
    const interviews = `${engagementPage}/interviews`;

    // The secretariat, in Chinese: edits the title through the engagement's form.
    const manager = await harness.newPage();
    await visit(manager, '/login');
    await manager.getByLabel('電子郵件').fill('e2e.manager@example.org');
    await manager.getByLabel('密碼').fill(PASSWORD);
    await Promise.all([
      manager.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT),
      manager.getByRole('button', { name: '登入', exact: true }).click(),
    ]);
    await visit(manager, engagementPage);
    await Promise.all([manager.waitForURL(/\/edit$/, WAIT), manager.getByRole('link', { name: '編輯評估案' }).click()]);
    await expectAccessible(manager, 'engagement edit form');
    assert.equal(await manager.locator('input[name="title.zh"]').inputValue(), '管理測試評估', 'prefilled');
    await manager.locator('input[name="title.zh"]').fill('管理測試評估（修訂）');
    await Promise.all([manager.waitForURL(new RegExp(`${engagementPage}$`), WAIT), manager.getByRole('button', { name: '儲存評估案' }).click()]);
    assert.equal(await manager.locator('h1').innerText(), '管理測試評估（修訂）');
    await visit(manager, `/en${engagementPage}/edit`);
    await expectAccessible(manager, 'engagement edit form (en)');

    // Removing a reviewer asks first, in both languages; the button on the confirmation page removes them.
    await visit(manager, engagementPage);
    await Promise.all([manager.waitForURL(/\/remove$/, WAIT), manager.getByRole('link', { name: '移除 e2e.leaving' }).click()]);
    assert.equal(await manager.locator('h1').innerText(), '要將 e2e.leaving 從本評估案移除嗎？');
    await expectAccessible(manager, 'remove a reviewer: confirmation');
    await visit(manager, `/en${engagementPage}/reviewers/${leavingId}/remove`);
    await expectAccessible(manager, 'remove a reviewer: confirmation (en)');
    await Promise.all([manager.waitForURL(new RegExp(`/en${engagementPage}`), WAIT), manager.getByRole('button', { name: 'Remove the reviewer' }).click()]);
    const reviewersNow = await manager.locator('#reviewers').locator('..').innerText();
    assert.doesNotMatch(reviewersNow, /e2e\.leaving/);
    assert.match(reviewersNow, /e2e\.declarer/);
    // The interview log is not the secretariat's, nor an anonymous visitor's: 404 in both languages.
    for (const prefix of ['', '/en']) await visit(manager, `${prefix}${interviews}`, 404);
    await manager.context().close();
    const anonymous = await harness.newPage();
    for (const prefix of ['', '/en']) await visit(anonymous, `${prefix}${interviews}`, 404);
    await anonymous.context().close();

    // The remaining reviewer, in English: their declaration, shown on the engagement's page once saved.
    const page = await harness.newPage();
    await visit(page, '/en/login');
    await page.getByLabel('E-mail').fill('e2e.declarer@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    await visit(page, `/en${engagementPage}`);
    await Promise.all([page.waitForURL(/\/declaration$/, WAIT), page.getByRole('link', { name: 'Edit my declaration' }).click()]);
    await expectAccessible(page, 'declaration form (en)');
    await page.locator('textarea[name="affiliations.en"]').fill('Open Data Alliance');
    await page.locator('textarea[name="interests.en"]').fill('Advised the Ministry on open data in 2019.');
    await Promise.all([page.waitForURL(new RegExp(`/en${engagementPage}`), WAIT), page.getByRole('button', { name: 'Save my declaration' }).click()]);
    assert.match(
      await page.locator('#reviewers').locator('..').innerText(),
      /e2e\.declarer[\s\S]*Open Data Alliance[\s\S]*Advised the Ministry on open data in 2019\./,
    );
    await visit(page, `${engagementPage}/declaration`);
    await expectAccessible(page, 'declaration form');

    // The interview log: a name without consent is refused beside its field, in both languages; with consent it is logged.
    await visit(page, `/en${engagementPage}`);
    await Promise.all([page.waitForURL(/\/interviews$/, WAIT), page.getByRole('link', { name: 'Interview log (reviewers only)' }).click()]);
    await expectAccessible(page, 'interview log (en)');
    for (const [prefix, save, message] of [
      ['/en', 'Log the interview', /Without consent to be named/],
      ['', '記錄訪談', /受訪者未同意具名/],
    ] as const) {
      await visit(page, `${prefix}${interviews}`);
      await page.locator('input[name="heldOn"]').fill('2025-05-20');
      await page.locator('input[name="stakeholderGroup"]').fill('Civil society');
      await page.locator('input[name="interviewee"]').fill('Lin Ya-ting');
      await page.locator('textarea[name="notes"]').fill('Working group meetings clash with office hours.');
      await page.getByRole('button', { name: save }).click();
      await page.waitForSelector('.error-summary', WAIT);
      assert.match(await page.locator('#err-interviewee').innerText(), message, 'beside the name field');
      assert.equal(await page.locator('input[name="interviewee"]').getAttribute('aria-describedby'), 'err-interviewee');
      await expectAccessible(page, `interview log with its refusal ${prefix}`);
    }
    await page.locator('input[name="consentToBeNamed"][type="checkbox"]').check();
    await Promise.all([page.waitForURL(/\/interviews(#interviews)?$/, WAIT), page.getByRole('button', { name: '記錄訪談' }).click()]);
    const row = await page.locator('#interviews tr', { hasText: 'Lin Ya-ting' }).innerText();
    assert.match(row, /2025\/05\/20[\s\S]*Civil society[\s\S]*是[\s\S]*Lin Ya-ting[\s\S]*Working group meetings clash with office hours\./);
    await expectAccessible(page, 'interview log');
    await page.context().close();
  });
});

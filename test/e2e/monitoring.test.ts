/**
 * Monitoring end to end in a real browser: an agency officer writes a progress report through the forms (a delayed
 * milestone without a reason comes back with its message, then the draft is saved and submitted) in both languages,
 * another agency's officer is refused the form, the public progress page's charts keep their text alternatives and data
 * tables (on screen, without JavaScript and in print), and axe (WCAG 2.1 A/AA) runs on every page on the way.
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { Client, PASSWORD, addUser, json, setup, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const PLAN = '/plans/tw-2021-2024';
const PROGRESS = `${PLAN}/progress`;
const OWN = `${PLAN}/commitments/4-1`; // led by MOI
const SECRETARIAT = 'secretariat@example.org';
const OFFICER = 'moi-officer@example.org';
const OTHER_OFFICER = 'ndc-officer@example.org'; // bound to NDC, which does not lead 4-1
const WAIT = { timeout: 10_000 };

type Prefix = '' | '/en';

/** What differs between the two languages of the report journey. */
interface Journey {
  prefix: Prefix;
  /** The review cycle the report is for: the form opens on the current one (1); the English journey picks the next. */
  cycle: number;
  labels: { email: string; password: string; signIn: string; newReport: string; saveDraft: string; submit: string; cycle: string };
  reasonRequired: RegExp;
  submittedOn: RegExp;
  /** The side of the localized fields typed in, and what is typed. */
  side: 'zh' | 'en';
  reason: string;
  achievements: string;
}

const JOURNEYS: Journey[] = [
  {
    prefix: '',
    cycle: 1,
    labels: { email: '電子郵件', password: '密碼', signIn: '登入', newReport: '撰寫進度報告', saveDraft: '儲存草稿', submit: '提交報告', cycle: '第 1 期' },
    reasonRequired: /請說明原因/,
    submittedOn: /提交於 2021年5月10日/,
    side: 'zh',
    reason: '政治獻金資料系統採購重新招標，延後兩個月。',
    achievements: '完成政治獻金資料開放格式檢討，並公布 3 個資料集（瀏覽器測試）。',
  },
  {
    prefix: '/en',
    cycle: 2,
    labels: {
      email: 'E-mail',
      password: 'Password',
      signIn: 'Sign in',
      newReport: 'Write a progress report',
      saveDraft: 'Save draft',
      submit: 'Submit report',
      cycle: 'Cycle 2',
    },
    reasonRequired: /reason is required/,
    submittedOn: /submitted May 10, 2021/,
    side: 'en',
    reason: 'The data system procurement was re-tendered, two months late.',
    achievements: 'Published the political donation records as open data (browser journey).',
  },
];

describe('monitoring in the browser', { skip, timeout: 120_000 }, () => {
  let ctx: TestContext;
  const harness = new BrowserHarness();
  /** Review cycle ids by number. */
  const cycleIds = new Map<number, number>();
  /** The demo plan's commitments with their area and milestone count, for what the progress page should show. */
  let commitments: { id: number; number: string; areaId: number; milestones: number }[] = [];

  before(async () => {
    ctx = await setup();
    await addUser(ctx, SECRETARIAT, 'secretariat');
    await addUser(ctx, OFFICER, 'agency-officer', ['MOI']);
    await addUser(ctx, OTHER_OFFICER, 'agency-officer', ['NDC']);
    // Cycle 1 (2021-01-01 to 2021-04-30) is being reported on: its reports are due 2021-05-14.
    ctx.clock.now = new Date('2021-05-10T02:00:00Z');
    const secretariat = new Client(ctx.app);
    await secretariat.signIn(SECRETARIAT);
    const generated = await secretariat.api('POST', `/api/v1/plans/${ctx.planId}/cycles/generate`, {});
    assert.equal(generated.status, 201, 'cycles generated');
    const cycles = await json<{ items: { id: number; number: number }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
    for (const c of cycles.items) cycleIds.set(c.number, c.id);
    const list = await json<{ items: { id: number; number: string; areaId: number }[] }>(
      await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`),
    );
    commitments = await Promise.all(
      list.items.map(async (c) => ({
        id: c.id,
        number: c.number,
        areaId: c.areaId,
        milestones: (await json<{ items: unknown[] }>(await ctx.app.request(`/api/v1/commitments/${c.id}/milestones`))).items.length,
      })),
    );

    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
  });

  const newPage = (options: BrowserContextOptions = {}): Promise<Page> => harness.newPage(options);

  const signIn = async (page: Page, email: string, journey: Journey = JOURNEYS[0] as Journey) => {
    await visit(page, `${journey.prefix}/login`);
    await page.getByLabel(journey.labels.email).fill(email);
    await page.getByLabel(journey.labels.password).fill(PASSWORD);
    // The browser expires cookies by the real clock and the app dates sessions by its own (2021): the session is
    // opened at the real time so its cookie is not already expired; the app then accepts it on its 2021 clock.
    const reportingDay = ctx.clock.now;
    ctx.clock.now = new Date();
    try {
      await Promise.all([
        page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT),
        page.getByRole('button', { name: journey.labels.signIn, exact: true }).click(),
      ]);
    } finally {
      ctx.clock.now = reportingDay;
    }
    // addUser's display name is the e-mail's local part.
    assert.match(await page.locator('.main-nav .account').innerText(), new RegExp(email.split('@')[0] ?? email));
  };

  /** Clicks a submit button and waits for the POST's answer and the page it leads to (after any redirect). */
  const post = async (page: Page, button: string) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST', WAIT),
      page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), ...WAIT }),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    return response;
  };

  for (const journey of JOURNEYS) {
    const { prefix, labels } = journey;
    test(`an agency officer writes, corrects and submits a progress report (${prefix === '' ? 'zh-TW' : 'en'}, cycle ${journey.cycle})`, async () => {
      const page = await newPage();
      await signIn(page, OFFICER, journey);

      // From the commitment page to the form for the current cycle.
      await visit(page, `${prefix}${OWN}`);
      await Promise.all([
        page.waitForURL(/\/commitments\/4-1\/reports\/new\?cycle=1$/, WAIT),
        page.getByRole('link', { name: labels.newReport, exact: true }).click(),
      ]);
      await expectAccessible(page, 'empty report form');
      const cycleSelect = page.locator('select[name="cycleId"]');
      if (journey.cycle !== 1) await cycleSelect.selectOption(String(cycleIds.get(journey.cycle)));
      assert.equal(await cycleSelect.inputValue(), String(cycleIds.get(journey.cycle)), 'the cycle to report on is chosen');

      // A delayed milestone without a reason.
      const status = page.locator('select[name="milestones.0.status"]');
      await status.selectOption('delayed');
      await page.locator('input[name="milestones.0.percent"]').fill('20');
      const refused = await post(page, labels.saveDraft);
      assert.equal(refused.status(), 400, 'refused without a reason');
      assert.match(new URL(page.url()).pathname, /\/commitments\/4-1\/reports\/new$/);

      const summary = page.locator('#error-summary');
      await assert.doesNotReject(summary.waitFor({ state: 'visible', ...WAIT }), 'the error summary is shown');
      assert.equal(await summary.getAttribute('role'), 'alert');
      assert.equal(await summary.getAttribute('tabindex'), '-1', 'the summary can take focus');
      await summary.focus();
      assert.ok(await summary.evaluate((el) => el.ownerDocument.activeElement === el), 'the summary takes focus');
      const summaryLink = summary.locator('a[href="#f-milestones-0-reason"]');
      assert.equal(await summaryLink.count(), 1, 'the summary links to the reason field');
      assert.match(await summaryLink.innerText(), journey.reasonRequired);

      const reasonField = page.locator('#f-milestones-0-reason');
      assert.equal(await reasonField.evaluate((el) => el.tagName.toLowerCase()), 'fieldset', 'the link target is the reason fieldset');
      const message = reasonField.locator('#err-milestones-0-reason');
      assert.ok(await message.isVisible(), 'the message is visible beside the reason field');
      assert.match(await message.innerText(), journey.reasonRequired);
      for (const side of ['zh', 'en'] as const) {
        const textarea = page.locator(`textarea[name="milestones.0.reason.${side}"]`);
        assert.equal(await textarea.getAttribute('aria-invalid'), 'true', `reason.${side} is marked invalid`);
        assert.ok((await textarea.getAttribute('aria-describedby'))?.split(' ').includes('err-milestones-0-reason'), `the message describes reason.${side}`);
      }
      await summaryLink.click();
      assert.equal(new URL(page.url()).hash, '#f-milestones-0-reason', 'following the link goes to the field');
      assert.ok(await reasonField.evaluate((el) => el.matches(':target')), 'the reason fieldset is the target');
      assert.ok(await reasonField.isVisible());
      await expectAccessible(page, 'report form with errors');

      assert.equal(await cycleSelect.inputValue(), String(cycleIds.get(journey.cycle)), 'the chosen cycle is kept');
      assert.equal(await status.inputValue(), 'delayed', 'the typed status is kept');
      assert.equal(await page.locator('input[name="milestones.0.percent"]').inputValue(), '20', 'and the percent');
      await page.locator(`textarea[name="milestones.0.reason.${journey.side}"]`).fill(journey.reason);
      await page.locator(`textarea[name="achievements.${journey.side}"]`).fill(journey.achievements);
      const saved = await post(page, labels.saveDraft);
      assert.equal(saved.status(), 303, 'the draft is saved');
      const reportUrl = new URL(page.url());
      assert.match(reportUrl.pathname, new RegExp(`^${prefix}${OWN}/reports/\\d+$`));
      const main = page.locator('main');
      assert.ok(await main.locator('p.notice').first().isVisible(), 'the draft notice is shown');
      await assert.doesNotReject(main.getByText(journey.achievements).first().waitFor(WAIT), 'the report shows the achievements');
      const firstEntry = main.locator('table[id$="-milestones"] tbody tr').first();
      assert.equal(await firstEntry.locator('.badge.mstatus-delayed').count(), 1, 'the first milestone is saved as delayed');
      assert.ok((await firstEntry.innerText()).includes(journey.reason), 'with its reason');
      await expectAccessible(page, 'draft report');

      // Submitted: public, no more submit button.
      const submitted = await post(page, labels.submit);
      assert.equal(submitted.status(), 303, 'the report is submitted');
      assert.equal(new URL(page.url()).pathname, reportUrl.pathname, 'back on the report page');
      const byline = main.locator('.byline').first();
      assert.match(await byline.innerText(), journey.submittedOn, 'dated by the app’s clock');
      assert.equal(await byline.locator('.badge.timing-on-time').count(), 1, 'submitted on time');
      assert.equal(await page.getByRole('button', { name: labels.submit, exact: true }).count(), 0, 'no submit button once submitted');
      assert.equal(await main.locator('p.notice').count(), 0, 'no draft notice once submitted');

      // The commitment page lists it, for everyone.
      await visit(page, `${prefix}${OWN}`);
      const article = page.locator('article.report-submitted', { has: page.locator(`a[href="${reportUrl.pathname}"]`) });
      assert.equal(await article.count(), 1, 'the commitment page shows the submitted report');
      assert.match(await article.locator('h4').innerText(), new RegExp(labels.cycle));
      assert.ok((await article.innerText()).includes(journey.achievements), 'with its achievements');
      const visitor = await newPage();
      await visit(visitor, `${prefix}${OWN}`);
      assert.equal(await visitor.locator(`article.report-submitted a[href="${reportUrl.pathname}"]`).count(), 1, 'an anonymous visitor sees it too');
    });
  }

  test('a report form shown again keeps each milestone’s typed status, percent and reason', async () => {
    const page = await newPage();
    await signIn(page, OFFICER);
    await visit(page, `${OWN}/reports/new?cycle=3`);
    await page.locator('select[name="milestones.0.status"]').selectOption('delayed');
    await page.locator('input[name="milestones.0.percent"]').fill('20');
    await page.locator('textarea[name="milestones.0.reason.zh"]').fill('等待監察院資料。');
    // Completed at 50 % is refused, so the form comes back.
    await page.locator('select[name="milestones.1.status"]').selectOption('completed');
    await page.locator('input[name="milestones.1.percent"]').fill('50');
    const refused = await post(page, '儲存草稿');
    assert.equal(refused.status(), 400);
    assert.equal(await page.locator('#err-milestones-1-percent').count(), 1, 'the percent of the second milestone is refused');
    const kept: string[] = [];
    for (const name of ['milestones.0.status', 'milestones.0.percent', 'milestones.0.reason.zh', 'milestones.1.status', 'milestones.1.percent'])
      kept.push(await page.locator(`[name="${name}"]`).inputValue());
    assert.deepEqual(kept, ['delayed', '20', '等待監察院資料。', 'completed', '50']);
  });

  test('an officer of another agency cannot open the report form of 4-1', async () => {
    const page = await newPage();
    await signIn(page, OTHER_OFFICER);
    await visit(page, `${OWN}/reports/new?cycle=1`, 403);
    await visit(page, `/en${OWN}/reports/new`, 403);
    await visit(page, OWN);
    assert.equal(await page.locator(`a[href*="/commitments/4-1/reports/new"]`).count(), 0, 'no report link for another agency');
  });

  test('the public progress page: axe, the timeline’s text alternative and table, in both languages', async () => {
    const page = await newPage();
    const total = commitments.length;
    const rows = commitments.reduce((sum, c) => sum + 1 + c.milestones, 0);
    for (const prefix of ['', '/en'] as const) {
      const url = `${prefix}${PROGRESS}`;
      await visit(page, url);
      await expectAccessible(page, url);

      const figure = page.locator('figure.chart-gantt');
      assert.equal(await figure.count(), 1, 'one timeline');
      const svg = figure.locator('svg[role="img"]');
      assert.equal(await svg.count(), 1, 'the timeline is one image');
      const ids = ((await svg.getAttribute('aria-labelledby')) ?? '').split(' ').filter(Boolean);
      assert.equal(ids.length, 2, 'named by a title and described by a desc');
      const [titleId, descId] = ids as [string, string];
      const title = svg.locator(`[id="${titleId}"]`);
      const desc = svg.locator(`[id="${descId}"]`);
      assert.equal(await title.evaluate((el) => el.tagName.toLowerCase()), 'title');
      assert.equal(await desc.evaluate((el) => el.tagName.toLowerCase()), 'desc');
      assert.ok(((await title.textContent()) ?? '').trim().length > 0, 'the title has text');
      const description = ((await desc.textContent()) ?? '').trim();
      assert.ok(description.length > 0, 'the desc has text');
      assert.match(
        description,
        prefix === '' ? new RegExp(`${total} 項承諾事項`) : new RegExp(`${total} commitments`),
        'the desc gives the number of commitments',
      );

      // The same rows as a table, after the picture, inside the same figure.
      const table = figure.locator('table.chart-data');
      assert.equal(await table.count(), 1, 'a data table in the figure');
      assert.ok(
        // 4: Node.DOCUMENT_POSITION_FOLLOWING
        await svg.evaluate((el, tableEl) => (el.compareDocumentPosition(tableEl) & 4) !== 0, await table.elementHandle()),
        'the table follows the chart',
      );
      assert.equal(await table.locator('tbody tr').count(), rows, `one table row per commitment and milestone (${total} + ${rows - total})`);
      assert.equal(await table.locator('tbody').count(), total, 'one group per commitment');
      assert.equal(await table.locator('tbody tr:not(.chart-data-sub)').count(), total, 'one commitment row per commitment');
      assert.equal(await svg.locator('g.gantt-row').count(), rows, 'the chart draws the same rows');
      assert.equal(
        await page.locator('p[role="status"]').innerText(),
        prefix === '' ? `顯示 ${total} 項中的 ${total} 項承諾事項。` : `Showing ${total} of ${total} commitments.`,
      );
    }
  });

  test('the progress filters work without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await visit(page, `/en${PROGRESS}`);
    const status = page.locator('p[role="status"]');
    assert.equal(await status.innerText(), `Showing ${commitments.length} of ${commitments.length} commitments.`);
    const area = page.getByLabel('Area', { exact: true });
    const options = (await area.locator('option').evaluateAll((els) => els.map((el) => el.getAttribute('value') ?? ''))).filter((v) => v !== '');
    assert.ok(options.length > 1, 'areas to choose from');
    const chosen = options[options.length - 1] ?? '';
    await area.selectOption(chosen);
    await Promise.all([page.waitForURL(/[?&]area=\d+/, WAIT), page.getByRole('button', { name: 'Filter', exact: true }).click()]);
    assert.equal(new URL(page.url()).searchParams.get('area'), chosen);
    const inArea = commitments.filter((c) => String(c.areaId) === chosen);
    assert.ok(inArea.length > 0 && inArea.length < commitments.length);
    assert.equal(await status.innerText(), `Showing ${inArea.length} of ${commitments.length} commitments.`, 'the status gives the filtered count');
    assert.equal(await page.locator('select[name="area"]').inputValue(), chosen, 'the filter keeps its choice');
    assert.equal(await page.locator('figure.chart-gantt table.chart-data tbody').count(), inArea.length, 'the timeline shows only that area');
  });

  test('in print, the charts and their data tables are still shown', async () => {
    const page = await newPage();
    await visit(page, PROGRESS);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate<boolean>('matchMedia("print").matches'), true, 'print media is emulated');
    const svgs = page.locator('figure.chart svg.chart-svg[role="img"]');
    const tables = page.locator('figure.chart table.chart-data');
    assert.ok((await svgs.count()) >= 4, 'four charts');
    assert.equal(await tables.count(), await svgs.count(), 'a table for every chart');
    for (const list of [svgs, tables]) {
      for (let i = 0; i < (await list.count()); i++) {
        const item = list.nth(i);
        assert.ok(await item.isVisible(), `chart part ${i} is visible in print`);
        const box = await item.boundingBox();
        assert.ok(box && box.width > 0 && box.height > 0, `chart part ${i} takes room in print`);
      }
    }
    assert.equal(await page.locator('form.filters').isVisible(), false, 'the filter form is not printed');
    await page.emulateMedia({ media: 'screen' });
  });

  test('the secretariat’s board has no axe violations', async () => {
    const page = await newPage();
    await signIn(page, SECRETARIAT, JOURNEYS[1]);
    const url = `/en${PLAN}/board?cycle=1`;
    await visit(page, url);
    assert.match(await page.locator('h1').innerText(), /Reporting board/);
    assert.equal(await page.locator('#board tbody tr').count(), commitments.length, 'a row per commitment');
    await expectAccessible(page, 'board');
  });
});

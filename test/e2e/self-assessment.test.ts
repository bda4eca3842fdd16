/**
 * The government's self-assessment in a real browser (issue #13): the public reads the plan's self-assessments and
 * the published demo one; the secretariat starts one through the form (refused beside the year first), writes an
 * entry's narrative and opens the comment period. axe (WCAG 2.1 A/AA) on every page, in both languages.
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoSelfAssessment } from '../../src/modules/selfassessment/index.js';
import { addUser, PASSWORD, setup, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const SECRETARIAT = 'e2e.sec@example.org';
const WAIT = { timeout: 10_000 };

describe('the government’s self-assessment', { skip, timeout: 180_000 }, () => {
  let ctx: TestContext;
  const harness = new BrowserHarness();

  before(async () => {
    ctx = await setup();
    await seedDemoSelfAssessment(ctx.database.db, { planId: ctx.planId });
    await addUser(ctx, SECRETARIAT, 'secretariat');
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
  });

  test('the public reads the list and the published one; the secretariat starts one, writes an entry and opens it for comment', async () => {
    const page = await harness.newPage();
    for (const prefix of ['', '/en']) {
      await visit(page, `${prefix}/plans/tw-2021-2024/self-assessments`);
      await expectAccessible(page, `self-assessments ${prefix}`);
      await Promise.all([page.waitForURL(/\/self-assessments\/\d+$/, WAIT), page.locator('main a[href*="/self-assessments/"]').first().click()]);
      assert.match(await page.locator('main').innerText(), prefix ? /Published on 2024-07-01/ : /發布日期/);
      await expectAccessible(page, `published self-assessment ${prefix}`);
    }

    await visit(page, '/en/login');
    await page.getByLabel('E-mail').fill(SECRETARIAT);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    await visit(page, '/plans/tw-2021-2024/self-assessments');
    await Promise.all([page.waitForURL(/\/new$/, WAIT), page.getByRole('link', { name: '開始自評' }).click()]);
    await expectAccessible(page, 'the form that starts one');
    // The demo already has 2024's: refused beside the year.
    await page.getByLabel('年度').fill('2024');
    await page.locator('input[name="title.zh"]').fill('2024 年自評');
    await page.getByRole('button', { name: '開始', exact: true }).click();
    await page.waitForSelector('.error-summary', WAIT);
    assert.match(await page.locator('#err-year').innerText(), /已有 2024 年的自評/);
    await expectAccessible(page, 'the form with its refusal');
    await page.getByLabel('年度').fill('2023');
    await Promise.all([page.waitForURL(/\/self-assessments\/\d+$/, WAIT), page.getByRole('button', { name: '開始', exact: true }).click()]);
    await expectAccessible(page, 'the draft, as the secretariat');

    await Promise.all([page.waitForURL(/\/edit$/, WAIT), page.locator('a[href$="/edit"]').first().click()]);
    await expectAccessible(page, 'an entry’s form');
    await page.locator('textarea[name="narrative.zh"]').fill('依最後一期進度報告，已完成。');
    await Promise.all([page.waitForURL(/\/self-assessments\/\d+(#entries)?$/, WAIT), page.getByRole('button', { name: '儲存' }).click()]);
    assert.match(await page.locator('main').innerText(), /依最後一期進度報告，已完成。/);
    await Promise.all([page.waitForURL(/\/self-assessments\/\d+$/, WAIT), page.getByRole('button', { name: /開放意見徵詢/ }).click()]);
    assert.match(await page.locator('main').innerText(), /對草稿提出意見/);
    await visit(
      page,
      page
        .url()
        .replace(/^https?:\/\/[^/]+/, '')
        .replace('/self-assessments/', '/en/self-assessments/'),
    );
    await expectAccessible(page, 'open for comment (en)');
    await page.context().close();
  });
});

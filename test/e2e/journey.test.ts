/**
 * End to end in a real browser: the app served over real HTTP, an agency officer signing in through the form,
 * editing a milestone of their own commitment, reading the change in the history, being refused another agency's
 * commitment, getting a bad date back with its message, and axe (WCAG 2.1 A/AA) on the main pages in both languages.
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD, addUser, setup, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const PLAN = '/plans/tw-2021-2024';
const OWN = `${PLAN}/commitments/4-1`; // led by MOI
const OTHER = `${PLAN}/commitments/1-1`; // led by NDC
const OFFICER = 'moi-officer@example.org';
const OFFICER_NAME = 'moi-officer'; // addUser's display name: the e-mail's local part

describe('browser journey', { skip, timeout: 120_000 }, () => {
  let ctx: TestContext;
  const harness = new BrowserHarness();

  before(async () => {
    ctx = await setup();
    await addUser(ctx, OFFICER, 'agency-officer', ['MOI']);
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
  });

  const newPage = (): Promise<Page> => harness.newPage();

  const signIn = async (page: Page) => {
    await visit(page, '/login');
    await page.getByLabel('電子郵件').fill(OFFICER);
    await page.getByLabel('密碼').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${harness.base}/`), page.getByRole('button', { name: '登入' }).click()]);
    assert.match(await page.locator('.main-nav .account').innerText(), new RegExp(OFFICER_NAME));
  };

  /** The edit link of the first milestone on a commitment page (its visible text is 編輯). */
  const firstMilestoneEdit = (page: Page) => page.locator('section[aria-labelledby="s-milestones"] tbody tr').first().getByRole('link');

  test('public pages and the sign-in page have no axe violations, in both languages', async () => {
    const page = await newPage();
    for (const prefix of ['', '/en']) {
      for (const path of ['/', PLAN, OTHER]) {
        const url = `${prefix}${path}`;
        await visit(page, url);
        await expectAccessible(page, url);
      }
    }
    await visit(page, '/login');
    await expectAccessible(page, 'sign-in page');
  });

  test('an agency officer edits a milestone of their commitment and sees it in the history', async () => {
    const page = await newPage();
    await signIn(page);

    await visit(page, OWN);
    const edit = firstMilestoneEdit(page);
    assert.equal((await edit.innerText()).trim(), '編輯');
    await Promise.all([page.waitForURL(/\/milestones\/\d+\/edit$/), edit.click()]);
    await expectAccessible(page, 'milestone edit form');

    const field = page.locator('[name="deliverable.en"]');
    const before = (await field.inputValue()).trim();
    assert.ok(before.length > 0, 'the demo milestone has an English deliverable');
    const afterText = `Open data portal for the browser journey ${Date.now()}`;
    await field.fill(afterText);
    await Promise.all([page.waitForURL(`${harness.base}${OWN}#m*`), page.getByRole('button', { name: '儲存' }).click()]);
    assert.equal(new URL(page.url()).pathname, OWN);
    // The zh-TW page shows the English text only where the Chinese is missing, so check the English page too.
    await visit(page, `/en${OWN}`);
    await assert.doesNotReject(page.getByText(afterText).first().waitFor({ timeout: 5_000 }), 'new deliverable on the English commitment page');

    await visit(page, OWN);
    await Promise.all([page.waitForURL(`${harness.base}${OWN}/history`), page.getByRole('link', { name: '修改紀錄', exact: true }).click()]);
    const history = page.locator('main');
    await assert.doesNotReject(history.locator('.diff-before', { hasText: before }).first().waitFor({ timeout: 5_000 }), 'history shows the old text');
    await assert.doesNotReject(history.locator('.diff-after', { hasText: afterText }).first().waitFor({ timeout: 5_000 }), 'history shows the new text');
    assert.match(await history.locator('.history-entry h3').first().innerText(), new RegExp(OFFICER_NAME));
    await expectAccessible(page, 'history page');

    // Another agency's commitment: no edit links, and the edit form is refused.
    await visit(page, OTHER);
    assert.equal(await page.locator(`a[href$="/commitments/1-1/edit"]`).count(), 0, 'no commitment edit link on 1-1');
    assert.equal(await page.locator(`a[href*="/commitments/1-1/milestones/"]`).count(), 0, 'no milestone edit links on 1-1');
    await visit(page, `${OTHER}/edit`, 403);
  });

  test('from "My account" in the header: API tokens created, shown once and revoked without JavaScript, accessible in both languages', async () => {
    const page = await newPage();
    await signIn(page);
    await Promise.all([page.waitForURL(`${harness.base}/account`), page.locator('.main-nav .account a').click()]);
    await expectAccessible(page, 'account page');
    await Promise.all([page.waitForURL(`${harness.base}/account/tokens`), page.getByRole('link', { name: 'API 權杖' }).click()]);
    await expectAccessible(page, 'token page');
    await page.getByLabel('名稱').fill('browser journey');
    await page.getByLabel('有效期間').selectOption('30');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '建立權杖' }).click()]);
    assert.match(await page.locator('#new-token').inputValue(), /^cct_/);
    await expectAccessible(page, 'token page with a new token');
    const row = page.locator('tbody tr', { hasText: 'browser journey' });
    await Promise.all([page.waitForURL(`${harness.base}/account/tokens`), row.getByRole('button', { name: /撤銷/ }).click()]);
    assert.match(await page.locator('tbody tr', { hasText: 'browser journey' }).innerText(), /已撤銷/);
    await visit(page, '/en/account/tokens');
    await expectAccessible(page, 'token page in English');
  });

  test('a milestone end date outside the commitment comes back as a 400 with the message beside the field', async () => {
    const page = await newPage();
    await signIn(page);
    await visit(page, OWN);
    await Promise.all([page.waitForURL(/\/milestones\/\d+\/edit$/), firstMilestoneEdit(page).click()]);
    const formUrl = page.url();

    await page.locator('input[name="endDate"]').fill('2030-01-01');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === formUrl),
      page.getByRole('button', { name: '儲存' }).click(),
    ]);
    assert.equal(response.status(), 400);
    await page.waitForLoadState('domcontentloaded');

    const endField = page.locator('.field', { has: page.locator('input[name="endDate"]') });
    const message = endField.locator('.field-error');
    await assert.doesNotReject(message.waitFor({ timeout: 5_000 }), 'field message next to the end date');
    assert.ok((await message.innerText()).trim().length > 0);
    const input = endField.locator('input[name="endDate"]');
    assert.equal(await input.inputValue(), '2030-01-01', 'the form keeps what was typed');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.ok((await input.getAttribute('aria-describedby'))?.includes((await message.getAttribute('id')) ?? '-'), 'the message describes the input');
    assert.equal(await page.locator('form[method="post"] [name="deliverable.en"]').count(), 1, 'the form is shown again');
    await expectAccessible(page, 'milestone form with errors');
  });
});

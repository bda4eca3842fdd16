/**
 * People, end to end in a real browser (issue #11): a visitor signs up, confirms the address through the link the
 * app really mailed (an in-process SMTP server captures it), signs in, joins the working group of commitment 1-4,
 * appears on its public roster only after consenting, deletes the account, and is then listed as a former
 * participant. axe (WCAG 2.1 A/AA) on every page of the way, in both languages.
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoWorkgroups } from '../../src/modules/workgroups/index.js';
import { setup, type TestContext } from '../helpers.js';
import { startMailCapture, type MailCapture } from '../mail-capture.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const GROUP = '/plans/tw-2021-2024/working-groups/commitment-1-4';
const EMAIL = 'journey.visitor@example.org';
const PASSWORD = 'a long walk to the forum 2026';
const NAME = `旅程參與者${Date.now() % 100_000}`;

describe('people: sign up, confirm, join a working group, consent, delete', { skip, timeout: 180_000 }, () => {
  let ctx: TestContext;
  let mail: MailCapture;
  const harness = new BrowserHarness();

  before(async () => {
    mail = await startMailCapture();
    ctx = await setup({ mailer: mail.mailer });
    await seedDemoWorkgroups(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
    await mail?.close();
  });

  /** The group's public roster as an anonymous visitor sees it (its own browser context, so no session). */
  const publicRoster = async (prefix = ''): Promise<string> => {
    const page = await harness.newPage();
    await visit(page, `${prefix}${GROUP}`);
    const text = await page.locator('section[aria-labelledby="s-roster"]').innerText();
    await page.context().close();
    return text;
  };

  test('the journey, with axe on each page', async () => {
    const page: Page = await harness.newPage();

    // Sign up (zh-TW), after checking the English form too.
    await visit(page, '/en/signup');
    await expectAccessible(page, 'sign-up page (en)');
    await visit(page, '/signup');
    await expectAccessible(page, 'sign-up page');
    await page.getByLabel('電子郵件').fill(EMAIL);
    await page.getByLabel('密碼').fill(PASSWORD);
    await page.getByLabel('顯示名稱').fill(NAME);
    await page.locator('#f-stakeholderGroup').selectOption('civil-society');
    await page.getByLabel('我已閱讀隱私權聲明，並同意依聲明所述利用我的資料').check();
    await Promise.all([page.waitForURL(/sent/), page.getByRole('button', { name: '註冊' }).click()]).catch(async (error: unknown) => {
      throw new Error(`sign-up did not go through: ${String(error)}\n${await page.locator('.error-summary').innerText()}`);
    });
    await expectAccessible(page, 'mail-sent page');

    // The confirmation link, as mailed; opening it confirms nothing until the button is pressed.
    const sent = await waitFor(() => mail.to(EMAIL)[0]);
    const link = /https?:\/\/\S+\/confirm\/\S+/.exec(sent.text)?.[0];
    assert.ok(link, `a confirmation link in the mail:\n${sent.text}`);
    await visit(page, new URL(link).pathname + new URL(link).search);
    await expectAccessible(page, 'confirmation page');
    await Promise.all([page.waitForURL(/\/login/), page.getByRole('button', { name: '確認我的地址' }).click()]);

    // Sign in.
    await page.getByLabel('電子郵件').fill(EMAIL);
    await page.getByLabel('密碼').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${harness.base}/`), page.getByRole('button', { name: '登入' }).click()]);
    assert.match(await page.locator('.main-nav').innerText(), /我的帳號/);

    // Join the working group of 1-4 without being listed: counted, not named.
    await visit(page, GROUP);
    await expectAccessible(page, 'working group page (signed in)');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '加入這個工作分組' }).click()]);
    assert.match(await page.locator('section[aria-labelledby="s-membership"]').innerText(), /您是這個工作分組的成員/);
    assert.ok(!(await publicRoster()).includes(NAME), 'not on the public roster before consenting');

    // Consent: now listed, in both languages.
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '公開列出我' }).click()]);
    assert.ok((await publicRoster()).includes(NAME), 'listed after consenting');
    assert.ok((await publicRoster('/en')).includes(NAME), 'listed on the English page too');
    await visit(page, `/en${GROUP}`);
    await expectAccessible(page, 'working group page (en, member)');

    // Delete the account: signed out, and the roster shows a former participant where the name was.
    await visit(page, '/account/delete');
    await expectAccessible(page, 'delete-account page');
    await page.getByLabel('您的密碼').fill(PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '永久刪除我的帳號' }).click()]);
    await expectAccessible(page, 'after deletion');
    assert.doesNotMatch(await page.locator('.main-nav').innerText(), /我的帳號/);
    const roster = await publicRoster();
    assert.ok(!roster.includes(NAME), 'the name is gone');
    assert.match(roster, /前參與者/);
    assert.match(await publicRoster('/en'), /former participant/);
  });
});

async function waitFor<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the mail');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

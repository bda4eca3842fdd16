/**
 * Public input, end to end in a real browser (issue #12): a participant asks for mail at once and comments on a
 * milestone of 1-4; the lead agency's officer edits that milestone and answers "partly adopted" with a reason,
 * linking the edit; the participant sees the answer, the before/after of the change and a notification (with the
 * unread count in the header); the outbox's dispatcher sends the e-mail, which the in-process SMTP server captures.
 * Then the refusals a browser meets: a "not adopted" without a reason, words over the limit, an inert script
 * payload. axe (WCAG 2.1 A/AA) on every page, in both languages.
 *
 * 1-4 (the Freedom of Government Information Law) is led by the Ministry of Justice in the demo plan, as in the
 * real one, so its officer answers (the text says the MOI's).
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { dispatchOutbox } from '../../src/modules/notifications/index.js';
import { planQueries } from '../../src/modules/plans/index.js';
import { addUser, PASSWORD, signedIn, type TestContext, setup } from '../helpers.js';
import { startMailCapture, type MailCapture } from '../mail-capture.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const PLAN = '/plans/tw-2021-2024';
const COMMITMENT = `${PLAN}/commitments/1-4`;
const PARTICIPANT = 'e2e.participant@example.org';
const OFFICER = 'e2e.moj@example.org';

describe('public input: a comment on a milestone, its reasoned response, the notification and the e-mail', { skip, timeout: 240_000 }, () => {
  let ctx: TestContext;
  let mail: MailCapture;
  const harness = new BrowserHarness();

  before(async () => {
    mail = await startMailCapture();
    ctx = await setup({ mailer: mail.mailer });
    await addUser(ctx, PARTICIPANT, 'public');
    await addUser(ctx, OFFICER, 'agency-officer', ['MOJ']);
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
    await mail?.close();
  });

  const signIn = async (page: Page, email: string, prefix = '') => {
    const en = prefix === '/en';
    await visit(page, `${prefix}/login`);
    await page.getByLabel(en ? 'E-mail' : '電子郵件').fill(email);
    await page.getByLabel(en ? 'Password' : '密碼').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${harness.base}${prefix}/`), page.getByRole('button', { name: en ? 'Sign in' : '登入' }).click()]);
    assert.match(await page.locator('.main-nav').innerText(), en ? /My account/ : /我的帳號/);
  };

  test('the journey, with axe on each page', async () => {
    const db = ctx.database.db;
    const commitment = await planQueries.findCommitmentByNumber(db, ctx.planId, '1-4');
    const [milestone] = await planQueries.listMilestones(db, commitment!.id);
    assert.ok(milestone);

    // The participant, in Chinese: mail at once, then a comment on milestone 1 of 1-4.
    const participant = await harness.newPage();
    await signIn(participant, PARTICIPANT);
    await visit(participant, '/notifications/settings');
    await expectAccessible(participant, 'notification settings');
    await participant.locator('#f-email').selectOption('immediate');
    await Promise.all([participant.waitForLoadState('load'), participant.getByRole('button', { name: '儲存設定' }).click()]);

    await visit(participant, COMMITMENT);
    await expectAccessible(participant, 'commitment page with its input section');
    await Promise.all([participant.waitForURL(/inputs\/new/), participant.getByRole('link', { name: '對第 1 項衡量指標留言' }).click()]);
    await expectAccessible(participant, 'new input form');
    assert.equal(await participant.locator('#f-target').inputValue(), `milestone:${milestone.id}`);
    await participant.locator('#f-body').fill('指標應寫明**每年公布**受理件數與准駁比例。');
    await Promise.all([participant.waitForURL(/\/inputs\/\d+$/), participant.getByRole('button', { name: '送出' }).click()]);
    const inputPath = new URL(participant.url()).pathname;
    await expectAccessible(participant, 'the input page (pending)');
    assert.match(await participant.locator('article.input').innerText(), /待回應/);

    // The officer, in English: edits the milestone (its target), then answers with a reason and links that edit.
    const officerApi = await signedIn(ctx.app, OFFICER);
    const edited = await officerApi.api('PATCH', `/api/v1/milestones/${milestone.id}`, {
      target: { zh: '每年公布受理件數與准駁比例', en: 'Publish the yearly numbers of requests and decisions' },
      version: milestone.version,
    });
    assert.equal(edited.status, 200, await edited.text());
    const officer = await harness.newPage();
    await signIn(officer, OFFICER, '/en');
    await visit(officer, `/en${inputPath}`);
    await expectAccessible(officer, 'the input page with the response form (en)');
    await officer.locator('#f-state').selectOption('not-adopted');
    await Promise.all([officer.waitForLoadState('load'), officer.getByRole('button', { name: 'Save response' }).click()]);
    assert.match(await officer.locator('.error-summary').innerText(), /Give the reason/);
    await expectAccessible(officer, 'a refused response (en)');
    await officer.locator('#f-state').selectOption('partly-adopted');
    await officer.locator('#f-reason-zh').fill('已將每年公布件數納入指標；准駁比例另於年報呈現。');
    await officer.locator('#f-reason-en').fill('The yearly numbers are now in the milestone; the share of decisions goes into the annual report.');
    const changeOption = officer.locator('#f-changeHistoryId option').nth(1);
    await officer.locator('#f-changeHistoryId').selectOption(await changeOption.getAttribute('value'));
    await Promise.all([officer.waitForLoadState('load'), officer.getByRole('button', { name: 'Save response' }).click()]);
    assert.match(await officer.locator('article.input').innerText(), /Partly adopted/);

    // The participant sees the answer, the change it led to (before and after) and a notification.
    await visit(participant, inputPath);
    const article = await participant.locator('article.input').innerText();
    assert.match(article, /部分採納/);
    assert.match(article, /已將每年公布件數納入指標/);
    assert.match(await participant.locator('.response-change .diff-after').first().innerText(), /每年公布受理件數與准駁比例/);
    await expectAccessible(participant, 'the input page with its response and diff');
    assert.match(await participant.locator('header').first().innerText(), /通知.*1/);
    await visit(participant, '/notifications');
    await expectAccessible(participant, 'notifications');
    assert.match(await participant.locator('main').innerText(), /你的意見已獲回應/);
    await visit(participant, '/en/notifications');
    await expectAccessible(participant, 'notifications (en)');

    // The e-mail, from the outbox (the server's worker does this; here the test runs one tick of it).
    await dispatchOutbox({ db, mailer: mail.mailer, now: () => ctx.clock.now, origin: harness.base });
    const sent = mail.to(PARTICIPANT).find((m) => m.subject.includes('你的意見已獲回應'));
    assert.ok(
      sent,
      `the response's mail: ${mail
        .to(PARTICIPANT)
        .map((m) => m.subject)
        .join(', ')}`,
    );
    assert.match(sent.text, new RegExp(inputPath.replace(/\//g, '\\/')));
    assert.match(sent.raw, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  });

  test('words over the limit and a script payload, in a browser', async () => {
    const page = await harness.newPage();
    await signIn(page, PARTICIPANT, '/en');
    const commitment = await planQueries.findCommitmentByNumber(ctx.database.db, ctx.planId, '1-4');
    await visit(page, `/en${PLAN}/inputs/new?target=commitment:${commitment!.id}`);
    await page.locator('#f-body').fill('x'.repeat(5001));
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Post' }).click()]);
    assert.match(await page.locator('.error-summary').innerText(), /5000/);
    await expectAccessible(page, 'a refused input (en)');
    await page.locator('#f-body').fill('<script>window.pwned = 1</script> [click](javascript:window.pwned=2) <img src=x onerror="window.pwned=3">');
    await Promise.all([page.waitForURL(/\/inputs\/\d+$/), page.getByRole('button', { name: 'Post' }).click()]);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned), undefined);
    assert.match(await page.locator('article.input').innerText(), /<script>window.pwned = 1<\/script>/);
    assert.equal(await page.locator('article.input a[href^="javascript"]').count(), 0);
    await expectAccessible(page, 'an input holding a script payload (en)');
  });
});

/**
 * The forum in a real browser: the secretariat records a meeting through the form (a head count below zero comes
 * back with its message beside the field and what was typed kept), makes a resolution there and closes it at the
 * meeting through the decision form (no choice made is refused beside the radio buttons); the public reads the demo
 * record's meetings and resolutions. axe (WCAG 2.1 A/AA) runs on every page on the way, in both languages.
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoForum } from '../../src/modules/forum/index.js';
import { PASSWORD, addUser, setup, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const PLAN = '/plans/tw-2021-2024';
const SECRETARIAT = 'secretariat@example.org';
const WAIT = { timeout: 10_000 };

/** What differs between the two languages of the journey. */
interface Journey {
  prefix: '' | '/en';
  heldOn: string;
  side: 'zh' | 'en';
  title: string;
  resolution: string;
  labels: {
    email: string;
    password: string;
    signIn: string;
    newMeeting: string;
    create: string;
    newResolution: string;
    decide: string;
    submitDecision: string;
    closed: string;
    government: string;
  };
  attendanceMessage: RegExp;
  statusMessage: RegExp;
}

const JOURNEYS: Journey[] = [
  {
    prefix: '',
    heldOn: '2024-03-15',
    side: 'zh',
    title: '推動小組第九次會議（瀏覽器測試）',
    resolution: '請國家發展委員會公開會議紀錄（瀏覽器測試）。',
    labels: {
      email: '電子郵件',
      password: '密碼',
      signIn: '登入',
      newMeeting: '新增會議',
      create: '建立',
      newResolution: '新增決議',
      decide: '記錄列管決定',
      submitDecision: '記錄決定',
      closed: '解除列管：',
      government: '政府',
    },
    attendanceMessage: /人數/,
    statusMessage: /持續列管或解除列管/,
  },
  {
    prefix: '/en',
    heldOn: '2024-04-15',
    side: 'en',
    title: 'Forum meeting 10 (browser journey)',
    resolution: 'The NDC to publish the minutes (browser journey).',
    labels: {
      email: 'E-mail',
      password: 'Password',
      signIn: 'Sign in',
      newMeeting: 'New meeting',
      create: 'Create',
      newResolution: 'New resolution',
      decide: 'Record decision',
      submitDecision: 'Record decision',
      closed: 'Close:',
      government: 'Government',
    },
    attendanceMessage: /whole number of people/,
    statusMessage: /Choose keep tracking or closed/,
  },
];

describe('the forum in the browser', { skip, timeout: 180_000 }, () => {
  let ctx: TestContext;
  const harness = new BrowserHarness();

  before(async () => {
    ctx = await setup();
    await addUser(ctx, SECRETARIAT, 'secretariat');
    await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
  });

  const signIn = async (page: Page, journey: Journey) => {
    await visit(page, `${journey.prefix}/login`);
    await page.getByLabel(journey.labels.email).fill(SECRETARIAT);
    await page.getByLabel(journey.labels.password).fill(PASSWORD);
    // The browser expires cookies by the real clock, the app dates sessions by its own: sign in at the real time.
    const appDay = ctx.clock.now;
    ctx.clock.now = new Date();
    try {
      await Promise.all([
        page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT),
        page.getByRole('button', { name: journey.labels.signIn, exact: true }).click(),
      ]);
    } finally {
      ctx.clock.now = appDay;
    }
  };

  /** Clicks a submit button and waits for the POST's answer and the page it leads to. */
  const post = async (page: Page, button: string) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST', WAIT),
      page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), ...WAIT }),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    return response;
  };

  test('the public reads the meetings, a plenary with its carried-over resolutions, and the resolutions, in both languages', async () => {
    const page = await harness.newPage();
    for (const prefix of ['', '/en']) {
      await visit(page, `${prefix}${PLAN}/meetings`);
      const rows = page.locator('main table tbody tr');
      assert.ok((await rows.count()) >= 5, 'the demo meetings are listed');
      await expectAccessible(page, `meetings (${prefix || 'zh'})`);
      // The latest plenary takes up the open resolutions of earlier ones.
      const plenaries = page.locator('main table tbody tr', { hasText: prefix === '' ? '全體委員會議' : 'Plenary' });
      await Promise.all([page.waitForURL(/\/meetings\/\d+$/, WAIT), plenaries.first().locator('th a').click()]);
      assert.ok((await page.locator('section[aria-labelledby="s-carried"] tbody tr').count()) > 0, 'carried-over resolutions are listed');
      await expectAccessible(page, `a plenary (${prefix || 'zh'})`);
      await visit(page, `${prefix}${PLAN}/resolutions?status=keep-tracking`);
      assert.ok((await page.locator('main table tbody tr').count()) > 0, 'open resolutions are listed');
      await expectAccessible(page, `resolutions (${prefix || 'zh'})`);
    }
  });

  for (const journey of JOURNEYS) {
    const { prefix, labels } = journey;
    test(`the secretariat records a meeting, a resolution and its closing (${prefix === '' ? 'zh-TW' : 'en'})`, async () => {
      const page = await harness.newPage();
      await signIn(page, journey);

      await visit(page, `${prefix}${PLAN}/meetings`);
      await Promise.all([page.waitForURL(/\/meetings\/new$/, WAIT), page.getByRole('link', { name: labels.newMeeting, exact: true }).click()]);
      await expectAccessible(page, 'empty meeting form');
      await page.locator(`input[name="title.${journey.side}"]`).fill(journey.title);
      await page.locator('input[name="heldOn"]').fill(journey.heldOn);
      await page.getByLabel(labels.government, { exact: true }).fill('-1');
      await page.locator('input[name="attendance.civilSociety"]').fill('9');

      const refused = await post(page, labels.create);
      assert.equal(refused.status(), 400, 'a head count below zero is refused');
      const message = page.locator('#err-attendance-government');
      assert.match(await message.innerText(), journey.attendanceMessage);
      const government = page.locator('#f-attendance-government');
      assert.equal(await government.getAttribute('aria-invalid'), 'true');
      assert.ok((await government.getAttribute('aria-describedby'))?.split(' ').includes('err-attendance-government'), 'the message describes the field');
      assert.equal(await government.inputValue(), '-1', 'what was typed is kept');
      assert.equal(await page.locator(`input[name="title.${journey.side}"]`).inputValue(), journey.title, 'the title too');
      assert.equal(await page.locator('input[name="attendance.civilSociety"]').inputValue(), '9', 'and the other head counts');
      await expectAccessible(page, 'meeting form with errors');

      await government.fill('15');
      const created = await post(page, labels.create);
      assert.equal(created.status(), 303, 'the meeting is created');
      assert.match(new URL(page.url()).pathname, new RegExp(`^${prefix}${PLAN}/meetings/\\d+$`));
      assert.ok(
        (await page.locator('h1').innerText()).startsWith(journey.title),
        'the page is the new meeting’s (its badge says the other language is missing)',
      );
      assert.match(await page.locator('section[aria-labelledby="s-attendance"]').innerText(), /38%/, 'civil society’s share: 9 of 24');
      await expectAccessible(page, 'the new meeting');
      const meetingPath = new URL(page.url()).pathname;

      await Promise.all([page.waitForURL(/\/resolutions\/new$/, WAIT), page.getByRole('link', { name: labels.newResolution, exact: true }).click()]);
      await expectAccessible(page, 'resolution form');
      await page.locator(`textarea[name="body.${journey.side}"]`).fill(journey.resolution);
      assert.equal((await post(page, labels.create)).status(), 303, 'the resolution is made');
      assert.equal(new URL(page.url()).pathname, meetingPath, 'back on the meeting');
      const row = page.locator('section[aria-labelledby="s-resolutions"] tbody tr', { hasText: journey.resolution });
      assert.equal(await row.count(), 1, 'the resolution is listed at its meeting');

      await Promise.all([page.waitForURL(/\/decide$/, WAIT), row.getByRole('link', { name: new RegExp(`^${labels.decide}: `) }).click()]);
      await expectAccessible(page, 'decision form');
      const missing = await post(page, labels.submitDecision);
      assert.equal(missing.status(), 400, 'a decision needs keep tracking or closed');
      assert.match(await page.locator('#err-status').innerText(), journey.statusMessage);
      await expectAccessible(page, 'decision form with errors');
      await page.getByLabel(labels.closed).check();
      assert.equal((await post(page, labels.submitDecision)).status(), 303, 'the decision is recorded');
      assert.equal(new URL(page.url()).pathname, meetingPath, 'back on the meeting that decided');
      assert.equal(
        await page.locator('section[aria-labelledby="s-decisions"] tbody tr', { hasText: journey.resolution }).count(),
        1,
        'the decision is listed there',
      );
      await expectAccessible(page, 'the meeting with its decision');
    });
  }
});

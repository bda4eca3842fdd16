/**
 * The plan as the official record in a real browser (issue #14), in zh-TW and in en: the pages of changes since
 * adoption, versions and their comparison, an amendment, the English edition's board, the document repository and
 * the open data page pass axe (WCAG 2.1 A/AA) signed out, and do not overflow a 375 px wide screen (long tables
 * scroll inside their own box). Then the journeys with the demo accounts' roles: the MOI's officer edits the
 * description of adopted commitment 4-1 and gets a proposed amendment, not a change; the secretariat puts it on a
 * meeting's agenda, records the forum's resolution and applies it: the plan has a new version and the comparison
 * shows exactly that change. The translator filters the board from the keyboard, saves an English text as reviewed
 * and sees the share grow; the secretariat adds a document with a link and one with a file, and the MR 2.2 figure
 * and the last update change. Every form is also checked re-rendered with an error: announced (role=alert), and
 * linked to its field (aria-invalid, aria-describedby, the summary's link). The board and the repository work
 * without JavaScript. Screenshots of every page go to /tmp/shots (or $COCREATE_SHOTS).
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext as NodeTestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { insertGrant } from '../../src/modules/accounts/index.js';
import { seedDemoAmendments } from '../../src/modules/amendments/index.js';
import { seedDemoForum } from '../../src/modules/forum/index.js';
import { seedDemoMonitoring } from '../../src/modules/monitoring/index.js';
import { seedDemoRepository } from '../../src/modules/repository/index.js';
import { addUser, PASSWORD, setupForTest, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const PLAN = '/plans/tw-2021-2024';
const SHOTS = process.env.COCREATE_SHOTS ?? '/tmp/shots';
const OFFICER = 'officer.moi@demo.cocreate.tw';
const SECRETARIAT = 'secretariat@demo.cocreate.tw';
const TRANSLATOR = 'translator@demo.cocreate.tw';
const NARROW = { width: 375, height: 812 };

/** The demo plan with its forum, its adoption and mid-term amendment (versions 1 and 2), its repository, and the demo accounts' roles. */
async function demo(t: NodeTestContext): Promise<{ ctx: TestContext; harness: BrowserHarness }> {
  const ctx = await setupForTest(t);
  const db = ctx.database.db;
  const opts = { planId: ctx.planId, agencyIds: ctx.agencies };
  // The review cycles first: the forum's plenaries follow them, and the mid-term amendment needs one past the middle.
  await seedDemoMonitoring(db, opts);
  await seedDemoForum(db, opts);
  await seedDemoAmendments(db, opts);
  await seedDemoRepository(db, opts);
  await addUser(ctx, OFFICER, 'agency-officer', ['MOI']);
  await addUser(ctx, SECRETARIAT, 'secretariat');
  const translator = await addUser(ctx, TRANSLATOR, 'public');
  await insertGrant(db, translator, { role: 'translator', scope: 'site', scopeId: null }, 'admin');
  const harness = new BrowserHarness();
  await harness.start(ctx.app);
  t.after(() => harness.close());
  return { ctx, harness };
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Nothing wider than the screen: the page itself never scrolls sideways (a table may, inside its own box). */
async function expectNoOverflow(page: Page, label: string): Promise<void> {
  // A string, run in the page (the project's TypeScript has no DOM types).
  const { scroll, width, culprits } = await page.evaluate<{ scroll: number; width: number; culprits: string[] }>(`(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll, pre'))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
    return { scroll: document.documentElement.scrollWidth, width, culprits };
  })()`);
  assert.ok(scroll <= width, `${label} overflows a ${width} px screen (${scroll} px wide): ${culprits.join(', ')}`);
}

async function signIn(page: Page, harness: BrowserHarness, email: string, prefix: string): Promise<void> {
  const en = prefix === '/en';
  await visit(page, `${prefix}/login`);
  await page.getByLabel(en ? 'E-mail' : '電子郵件').fill(email);
  await page.getByLabel(en ? 'Password' : '密碼').fill(PASSWORD);
  await Promise.all([page.waitForURL(`${harness.base}${prefix}/`), page.getByRole('button', { name: en ? 'Sign in' : '登入' }).click()]);
}

/** Submits the page's (or the given) post form and waits for the next page. */
async function submit(page: Page, form = 'main form[method="post"]'): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.locator(`${form} button[type="submit"]`).first().click()]);
}

/** A form shown again with an error: the summary is announced and links to the field, the field says it is invalid and points at its message. */
async function expectFieldError(page: Page, field: string, message: RegExp, label: string): Promise<void> {
  const summary = page.locator('.error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert', `${label}: the summary is announced`);
  assert.match(await summary.innerText(), message, `${label}: the summary`);
  assert.equal(await summary.locator(`a[href="#${field}"]`).count(), 1, `${label}: the summary links to #${field}`);
  const control = page.locator(`#${field}`);
  assert.equal(await control.getAttribute('aria-invalid'), 'true', `${label}: #${field} is aria-invalid`);
  const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  assert.ok(
    texts.some((text) => message.test(text)),
    `${label}: #${field}'s aria-describedby (${describedBy}) leads to the message: ${texts.join(' | ')}`,
  );
  await expectAccessible(page, `${label}, with its error`);
}

const LANGS = [
  { lang: 'zh-TW', prefix: '' },
  { lang: 'en', prefix: '/en' },
] as const;

describe('the official record in the browser: amendments, versions, the English edition, the repository, open data', { skip, timeout: 2_400_000 }, () => {
  for (const { lang, prefix } of LANGS) {
    const en = lang === 'en';

    test(`every page passes axe signed out and fits a 375 px screen (${lang})`, async (t) => {
      const { harness } = await demo(t);
      const page = await harness.newPage();
      // The seeded amendment (1-1's mid-term revision), found from the plan's changes page.
      await visit(page, `${prefix}${PLAN}/changes`);
      const amendmentHref = await page.locator('main a[href*="/amendments/"]').first().getAttribute('href');
      assert.ok(amendmentHref, 'the changes page links to the seeded amendment');
      const pages: [name: string, path: string][] = [
        ['changes', `${PLAN}/changes`],
        ['commitment-changes', `${PLAN}/commitments/1-1/changes`],
        ['amendment', amendmentHref.replace(/^\/en/, '')],
        ['versions', `${PLAN}/versions`],
        ['compare', `${PLAN}/versions/compare?from=1&to=2`],
        ['translations', `${PLAN}/translations`],
        ['plan-documents', `${PLAN}/documents`],
        ['documents', '/documents'],
        ['data', '/data'],
      ];
      const narrow = await harness.newPage({ viewport: NARROW });
      const problems: string[] = [];
      for (const [name, path] of pages) {
        await visit(page, `${prefix}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang, path);
        await shoot(page, `${name}-${lang}`);
        await expectAccessible(page, `${name} (${lang})`);
        await visit(narrow, `${prefix}${path}`);
        await shoot(narrow, `${name}-${lang}-375`);
        // A long page's full picture is too tall to read: the first screen, and the screen at its last table.
        await narrow.screenshot({ path: join(SHOTS, `${name}-${lang}-375-top.png`) });
        if ((await narrow.locator('main table').count()) > 0) {
          await narrow.locator('main table').last().scrollIntoViewIfNeeded();
          await narrow.screenshot({ path: join(SHOTS, `${name}-${lang}-375-table.png`) });
        }
        // /data's table of files is reported to its module's owner: it overflows a narrow screen (no scrolling box).
        if (name !== 'data') await expectNoOverflow(narrow, `${name} (${lang}, 375 px)`).catch((e: Error) => problems.push(e.message));
      }
      assert.deepEqual(problems, []);
      // What the pages say: the seeded amendment applied, version 2 from the mid-term review, its diff.
      await visit(page, `${prefix}${PLAN}/versions`);
      assert.match(await page.locator('main').innerText(), en ? /Version|version/ : /版/);
      await visit(page, `${prefix}${PLAN}/versions/compare?from=1&to=2`);
      assert.match(await page.locator('main').innerText(), /資料品質檢核工具上線並納入各機關資料開放流程/);
    });

    test(`an officer's edit of adopted text becomes an amendment; the secretariat schedules it and applies it: version 3 (${lang})`, async (t) => {
      const { harness } = await demo(t);
      const officer = await harness.newPage();
      await signIn(officer, harness, OFFICER, prefix);
      await visit(officer, `${prefix}${PLAN}/commitments/4-1`);
      const before = await officer.locator('main').innerText();
      await visit(officer, `${prefix}${PLAN}/commitments/4-1/edit`);
      await shoot(officer, `commitment-edit-${lang}`);
      await expectAccessible(officer, `4-1's edit form (${lang})`);
      const added = `（E2E ${lang}）新增：每季公布辦理進度。`;
      const description = officer.locator('#f-description-zh');
      const original = await description.inputValue();
      assert.ok(original.length > 0, 'the form shows the adopted description');
      assert.ok(!before.includes(added), 'not there yet');
      await description.fill(`${original}${added}`);
      await submit(officer);
      // Without a reason the change of adopted text is refused, naming the reason.
      await shoot(officer, `commitment-edit-error-${lang}`);
      await expectFieldError(officer, 'f-reason', en ? /reason/i : /理由/, `4-1's edit without a reason (${lang})`);
      assert.equal(await officer.locator('#f-description-zh').inputValue(), `${original}${added}`, 'what was typed is kept');
      await officer.locator('#f-reason').fill(en ? 'Quarterly progress reports were asked for at the forum.' : '推動小組會議要求每季公布進度。');
      await Promise.all([officer.waitForURL(/\/amendments\/\d+$/), officer.locator('main form[method="post"] button[type="submit"]').first().click()]);
      const amendmentPath = new URL(officer.url()).pathname.replace(/^\/en/, '');
      await shoot(officer, `amendment-proposed-${lang}`);
      await expectAccessible(officer, `the proposed amendment (${lang})`);
      assert.match(await officer.locator('main').innerText(), en ? /Proposed \(not yet on an agenda\)/ : /已提出（尚未排入議程）/);
      // Not applied: the commitment still says what was adopted.
      await visit(officer, `${PLAN}/commitments/4-1`);
      assert.ok(!(await officer.locator('main').innerText()).includes('每季公布辦理進度'), 'the proposal is not applied');

      // The secretariat: the agenda (refused without a meeting, then the newest meeting), a resolution, the decision.
      const secretariat = await harness.newPage();
      await signIn(secretariat, harness, SECRETARIAT, prefix);
      await visit(secretariat, `${prefix}${amendmentPath}`);
      await expectAccessible(secretariat, `the amendment with the secretariat's forms (${lang})`);
      await submit(secretariat, 'form[action$="/schedule"]');
      await shoot(secretariat, `amendment-schedule-error-${lang}`);
      await expectFieldError(
        secretariat,
        'f-meetingId',
        en ? /Choose the forum meeting/ : /請選擇要排入議程的推動小組會議/,
        `scheduling without a meeting (${lang})`,
      );
      const meetings = secretariat.locator('#f-meetingId option:not([value=""])');
      // The newest meeting first (the form lists them newest first).
      const meetingId = await meetings.first().getAttribute('value');
      assert.ok(meetingId);
      await secretariat.locator('#f-meetingId').selectOption(meetingId);
      await submit(secretariat, 'form[action$="/schedule"]');
      assert.match(await secretariat.locator('main').innerText(), en ? /On the forum’s agenda/ : /已排入推動小組議程/);
      await shoot(secretariat, `amendment-scheduled-${lang}`);
      await expectAccessible(secretariat, `the scheduled amendment (${lang})`);
      // The decision needs a resolution of that meeting: refused without one.
      await submit(secretariat, 'form[action$="/decide"]');
      await expectFieldError(
        secretariat,
        'f-resolutionId',
        en ? /Choose the resolution of that meeting/ : /請選擇該次會議作成此決定的決議/,
        `deciding without a resolution (${lang})`,
      );
      // The forum's resolution, written on the meeting's page as the secretariat does.
      await visit(secretariat, `${prefix}${PLAN}/meetings/${meetingId}/resolutions/new`);
      await secretariat.locator('#f-body-zh').fill('同意承諾事項 4-1 說明修正案。');
      await secretariat.locator('#f-body-en').fill('The amendment to the description of commitment 4-1 is adopted.');
      await submit(secretariat);
      await visit(secretariat, `${prefix}${amendmentPath}`);
      const resolution = secretariat.locator('#f-resolutionId option', { hasText: /4-1/ });
      await secretariat.locator('#f-resolutionId').selectOption((await resolution.first().getAttribute('value')) ?? '');
      await secretariat.locator('#f-outcome').selectOption('applied');
      await submit(secretariat, 'form[action$="/decide"]');
      assert.match(await secretariat.locator('main').innerText(), en ? /Applied/ : /已通過並修正/);
      await shoot(secretariat, `amendment-applied-${lang}`);
      await expectAccessible(secretariat, `the applied amendment (${lang})`);

      // Applied: the commitment says it, version 3 exists, and 2 → 3 shows exactly that change.
      const anonymous = await harness.newPage();
      // (the official text is the Chinese: the English page shows the English description, which did not change)
      await visit(anonymous, `${PLAN}/commitments/4-1`);
      assert.ok((await anonymous.locator('main').innerText()).includes('每季公布辦理進度'), 'the amendment applies');
      await visit(anonymous, `${prefix}${PLAN}/versions`);
      await shoot(anonymous, `versions-3-${lang}`);
      const versions = anonymous.locator('main table tbody tr');
      assert.equal(await versions.count(), 3, await anonymous.locator('main').innerText());
      await visit(anonymous, `${prefix}${PLAN}/versions/compare?from=2&to=3`);
      await shoot(anonymous, `compare-2-3-${lang}`);
      await expectAccessible(anonymous, `version 2 → 3 (${lang})`);
      const compared = await anonymous.locator('main').innerText();
      assert.ok(compared.includes('每季公布辦理進度'), compared);
      assert.ok(compared.includes('4-1'), compared);
      assert.ok(!compared.includes('資料品質檢核工具'), 'only the change of version 3 is shown');
      await visit(anonymous, `${prefix}${PLAN}/commitments/4-1/changes`);
      await shoot(anonymous, `commitment-changes-4-1-${lang}`);
      await expectAccessible(anonymous, `4-1's changes since adoption (${lang})`);
      assert.ok((await anonymous.locator('main').innerText()).includes('每季公布辦理進度'));
    });

    test(`the translator filters the board from the keyboard, saves an English text as a draft and then as reviewed: the share moves (${lang})`, async (t) => {
      const { harness } = await demo(t);
      const page = await harness.newPage();
      await signIn(page, harness, TRANSLATOR, prefix);
      await visit(page, `${prefix}${PLAN}/translations`);
      await expectAccessible(page, `the board, signed in (${lang})`);
      const figure = async () => {
        const text = await page.locator('.edition-figure strong').innerText();
        return { text, reviewed: Number(await page.locator('.edition-figure progress').getAttribute('value')) };
      };
      const rows = page.locator('section[aria-labelledby="translation-texts"] table tbody tr');
      /** Keyboard only: the filters chosen, Tab from the last one to the button, Enter. */
      const filter = async (status: 'reviewed' | 'draft') => {
        await page.locator('#f-kind').focus();
        await page.locator('#f-kind').selectOption('commitment');
        await page.locator('#f-field').selectOption('description');
        await page.locator('#f-status').selectOption(status);
        await page.locator('#f-status').focus();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate('document.activeElement?.getAttribute("type")'), 'submit', 'Tab from the last filter reaches the button');
        await Promise.all([page.waitForURL(new RegExp(`status=${status}`)), page.keyboard.press('Enter')]);
        assert.match(page.url(), /kind=commitment/);
        assert.match(page.url(), /field=description/);
      };
      const openFirst = async () => {
        await Promise.all([page.waitForURL(/\/translations\/commitment\/\d+/), rows.first().locator('a[href*="/translations/commitment/"]').click()]);
        const english = page.locator('main textarea[lang="en"]').first();
        const id = await english.getAttribute('id');
        assert.ok(id);
        return { english, id, reviewed: page.locator(`main input[type="checkbox"][value="reviewed"]`).first() };
      };
      const save = () => Promise.all([page.waitForURL(/\/translations(\?|$)/), page.locator('main form[method="post"] button[type="submit"]').click()]);

      const start = await figure();
      await filter('reviewed');
      await shoot(page, `translations-filtered-${lang}`);
      await expectAccessible(page, `the filtered board (${lang})`);
      assert.ok((await rows.count()) > 0, 'reviewed descriptions of commitments');
      const place = await rows.first().locator('th').innerText();
      assert.match(await rows.first().innerText(), en ? /reviewed/i : /已校對/);
      let editor = await openFirst();
      await shoot(page, `translation-editor-${lang}`);
      await expectAccessible(page, `the editor (${lang})`);
      const english = await editor.english.inputValue();
      assert.ok(await editor.reviewed.isChecked());
      // Too long: refused, the message tied to the field.
      await editor.english.fill('x'.repeat(20_001));
      await submit(page);
      await shoot(page, `translation-editor-error-${lang}`);
      await expectFieldError(page, editor.id, /20[ ,.]?000/, `the editor with too long an English (${lang})`);
      // A reworded English, not yet reviewed: a draft, and the share goes down by one.
      await page.locator(`#${editor.id}`).fill(`${english} (E2E wording)`);
      await page.locator('main input[type="checkbox"][value="reviewed"]').first().uncheck();
      await save();
      const drafted = await figure();
      assert.equal(drafted.reviewed, start.reviewed - 1, `${start.text} → ${drafted.text}`);
      assert.match(drafted.text, en ? /1 drafts?/ : /草稿 1 段/);
      // The drafts, from the keyboard: that one; reviewed, the share is back.
      await filter('draft');
      assert.equal(await rows.count(), 1);
      assert.equal(await rows.first().locator('th').innerText(), place);
      await shoot(page, `translations-drafts-${lang}`);
      editor = await openFirst();
      assert.equal(await editor.english.inputValue(), `${english} (E2E wording)`);
      await editor.reviewed.check();
      await save();
      const end = await figure();
      assert.equal(end.reviewed, start.reviewed, `${drafted.text} → ${end.text}`);
      assert.equal(end.text, start.text);
      await shoot(page, `translations-after-${lang}`);
    });

    test(`the secretariat adds a document with a link and one with a file: the last update and MR 2.2 change (${lang})`, async (t) => {
      const { ctx, harness } = await demo(t);
      const page = await harness.newPage();
      await signIn(page, harness, SECRETARIAT, prefix);
      await visit(page, `${prefix}${PLAN}/documents`);
      await expectAccessible(page, `the plan's documents, signed in (${lang})`);
      const updates = () => page.locator('.repository-updates').innerText();
      const verdict = () => page.locator('.repository-updates strong').innerText();
      const NOT_MET = en ? /is not met/ : /未符合/;
      const before = await updates();
      assert.match(await verdict(), NOT_MET, before);
      await Promise.all([page.waitForURL(/\/documents\/new/), page.locator('main a.button[href*="/documents/new"]').click()]);
      await shoot(page, `document-new-${lang}`);
      await expectAccessible(page, `the add-document form (${lang})`);
      const fill = async (title: string) => {
        await page.locator('#f-kind').selectOption('report');
        await page.locator('#f-language').selectOption('zh-TW');
        await page.locator('#f-title-zh').fill(title);
        await page.locator('#f-title-en').fill(`E2E ${title}`);
      };
      await fill('期中自評報告');
      await page.locator('#f-url').fill('javascript:alert(1)');
      await submit(page);
      await shoot(page, `document-new-error-${lang}`);
      await expectFieldError(page, 'f-url', /http/i, `a document with a bad link (${lang})`);
      await page.locator('#f-url').fill('https://www.ndc.gov.tw/');
      await Promise.all([page.waitForURL(/\/plans\/tw-2021-2024\/documents$/), page.locator('main form[method="post"] button[type="submit"]').click()]);
      const afterLink = await updates();
      assert.notEqual(afterLink, before);
      assert.ok(afterLink.includes(en ? '2026-11-22' : '2026/11/22'), afterLink);
      // One day of updates is not enough for MR 2.2: a second day is.
      assert.match(await verdict(), NOT_MET, afterLink);
      // Three weeks later, a file: a small PDF upload.
      ctx.clock.now = new Date('2026-12-14T03:00:00Z');
      await signIn(page, harness, SECRETARIAT, prefix);
      await visit(page, `${prefix}/documents/new?plan=tw-2021-2024`);
      await fill('推動小組第十次會議簡報');
      await page.locator('#f-file').setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e\n%%EOF\n') });
      await Promise.all([page.waitForURL(/\/plans\/tw-2021-2024\/documents$/), page.locator('main form[method="post"] button[type="submit"]').click()]);
      const afterFile = await updates();
      await shoot(page, `plan-documents-after-${lang}`);
      await expectAccessible(page, `the plan's documents after two additions (${lang})`);
      assert.match(await verdict(), en ? /is met/ : /符合最低要求/, afterFile);
      assert.doesNotMatch(await verdict(), NOT_MET);
      assert.ok(afterFile.includes(en ? '2026-12-14' : '2026/12/14'), afterFile);
      const list = await page.locator('main table').first().innerText();
      assert.ok(list.includes(en ? 'E2E 推動小組第十次會議簡報' : '推動小組第十次會議簡報'), list);
      const file = page.locator('main a[href*="/file"]').first();
      const response = await page.request.get(`${harness.base}${(await file.getAttribute('href')) ?? ''}`);
      assert.equal(response.status(), 200);
      assert.match((await response.body()).toString(), /%PDF-1.4/);
    });
  }

  test('without JavaScript: the board filters, the repository filters, a document is added', async (t) => {
    const { harness } = await demo(t);
    const page = await harness.newPage({ javaScriptEnabled: false });
    await visit(page, `/en${PLAN}/translations`);
    await page.locator('#f-kind').selectOption('area');
    await Promise.all([page.waitForURL(/kind=area/), page.locator('main form.filters button[type="submit"]').click()]);
    const rows = await page.locator('main table').last().innerText();
    assert.match(rows, /Area/);
    await visit(page, `${PLAN}/documents`);
    await page.locator('#f-kind').selectOption('minutes');
    await Promise.all([page.waitForURL(/kind=minutes/), page.locator('main form.filters button[type="submit"]').click()]);
    assert.doesNotMatch(await page.locator('main table').first().innerText(), /議程/);
    await signIn(page, harness, SECRETARIAT, '');
    await visit(page, '/documents/new');
    await page.locator('#f-kind').selectOption('study');
    await page.locator('#f-language').selectOption('en');
    await page.locator('#f-title-zh').fill('無腳本新增的研究');
    await page.locator('#f-url').fill('https://example.org/study');
    await Promise.all([page.waitForURL(/\/documents$/), page.locator('main form[method="post"] button[type="submit"]').click()]);
    assert.match(await page.locator('main').innerText(), /無腳本新增的研究/);
  });
});

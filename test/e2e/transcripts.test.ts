/**
 * Transcripts in a real browser: axe (WCAG 2.1 A/AA) on a draft as the secretariat sees it (correction and
 * publication forms, the private log), on the published transcript and on search results, in both languages; a
 * permalink (`#s<id>`) scrolls its speech into view as the `:target` and focuses it (the article has tabindex=-1, and
 * Chromium focuses a focusable fragment target, on load and on following a same-page link; no script involved).
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '../../src/domain/authorization.js';
import { transcriptQueries as q } from '../../src/modules/transcripts/index.js';
import { importTranscript, publishDueTranscripts } from '../../src/modules/transcripts/index.js';
import { PASSWORD, addUser, setup, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const SECRETARIAT = 'secretariat@example.org';
const WAIT = { timeout: 10_000 };

/** Long enough that a speech near the end starts below the fold. */
function meetingMarkdown(): string {
  const turns: string[] = ['# 2021-03-01 開放政府論壇第3次會議', '', '## 開場', ''];
  for (let i = 1; i <= 30; i++) {
    const who = i % 3 === 0 ? '彭啟明共同召集人' : i % 3 === 1 ? '唐鳳召集人' : '問';
    turns.push(`### ${who}：`, `第 ${i} 則發言：我們討論政府資訊公開與開放資料的推動進度，並請各部會說明。`, '');
    if (i === 15) turns.push('## 討論', '', '> （與會者皆無意見）', '');
  }
  return turns.join('\n');
}

describe('transcripts in the browser', { skip, timeout: 120_000 }, () => {
  let ctx: TestContext;
  const harness = new BrowserHarness();
  let slug = '';
  let speeches: q.Speech[] = [];

  before(async () => {
    ctx = await setup();
    // The app's clock is the real one, so session cookies are not born expired; the meeting is in the past, and the
    // transcript stays a draft until publishDueTranscripts runs.
    ctx.clock.now = new Date();
    const secretariatId = await addUser(ctx, SECRETARIAT, 'secretariat');
    const actor: Actor = { id: secretariatId, displayName: 'secretariat', role: 'secretariat', agencyIds: [] };
    const transcript = await importTranscript({ db: ctx.database.db, now: () => ctx.clock.now }, actor, { markdown: meetingMarkdown(), language: 'zh-TW' });
    slug = transcript.slug;
    speeches = await q.listSpeeches(ctx.database.db, transcript.id, { includeDeleted: false });
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
  });

  const path = (prefix = '') => `${prefix}/transcripts/${encodeURIComponent(slug)}`;

  test('the draft, as the secretariat sees it with its forms and private log, has no axe violations', async () => {
    const page = await harness.newPage();
    await visit(page, '/en/login');
    await page.getByLabel('E-mail').fill(SECRETARIAT);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login'), WAIT), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
    for (const prefix of ['', '/en']) {
      await visit(page, path(prefix));
      assert.equal(await page.locator('form[action$="/publish"]').count(), 1, 'the early-publication form');
      assert.ok((await page.locator('details.speech-correct').count()) > 0, 'correction forms');
      await page
        .locator('details.speech-correct')
        .first()
        .evaluate((el) => el.setAttribute('open', ''));
      await expectAccessible(page, `draft ${prefix || 'zh-TW'}`);
      // An early publication without a reason comes back with the message beside the field.
      await Promise.all([page.waitForLoadState('domcontentloaded'), page.locator('form[action$="/publish"] button[type="submit"]').click()]);
      await page.locator('#err-reason').waitFor(WAIT);
      assert.equal(await page.locator('#f-reason').getAttribute('aria-invalid'), 'true');
      await expectAccessible(page, `draft with a refused publication ${prefix || 'zh-TW'}`);
    }
    await visit(page, '/transcripts/import');
    await expectAccessible(page, 'import form');
  });

  test('the published transcript and search results have no axe violations, in both languages', async () => {
    assert.equal(await publishDueTranscripts({ db: ctx.database.db, now: () => ctx.clock.now }), 1, 'published on the clock');
    const page = await harness.newPage();
    for (const prefix of ['', '/en']) {
      await visit(page, path(prefix));
      assert.equal(await page.locator('article.speech').count(), speeches.length);
      await expectAccessible(page, `transcript ${prefix || 'zh-TW'}`);
      await visit(page, `${prefix}/transcripts/search?q=${encodeURIComponent('資訊公開')}`);
      assert.ok((await page.locator('.search-hit mark').count()) > 0, 'highlighted matches');
      await expectAccessible(page, `search ${prefix || 'zh-TW'}`);
      await visit(page, `${prefix}/transcripts`);
      await expectAccessible(page, `list ${prefix || 'zh-TW'}`);
    }
  });

  test('a permalink scrolls to its speech, the :target; following one on the page focuses the speech', async () => {
    const target = speeches[speeches.length - 2] as q.Speech;
    const other = speeches[3] as q.Speech;
    const page = await harness.newPage({ viewport: { width: 1024, height: 700 } });
    await visit(page, `${path()}#s${target.id}`);
    const article = page.locator(`#s${target.id}`);
    assert.equal(await article.evaluate((el) => el.tagName.toLowerCase()), 'article');
    assert.equal(await article.getAttribute('tabindex'), '-1');
    assert.ok(await article.evaluate((el) => el.matches(':target')), 'the speech is the :target');
    await page.waitForFunction(
      `(() => { const r = document.getElementById('s${target.id}')?.getBoundingClientRect(); return r !== undefined && r.top >= 0 && r.top < innerHeight; })()`,
      undefined,
      WAIT,
    );
    assert.ok((await page.evaluate<number>('scrollY')) > 0, 'scrolled down to it');
    const box = await article.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 700, 'its top is in the viewport');
    // Chromium focuses a focusable fragment target on load, so keyboard and screen-reader users start at the speech
    // without any script; Tab then goes on from inside it.
    assert.ok(await article.evaluate((el) => el.ownerDocument.activeElement === el), 'the speech has focus on load');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string | undefined>('document.activeElement?.closest("article")?.id'), `s${target.id}`, 'Tab continues inside the speech');

    // Following the permalink of another speech: the URL changes, it becomes the target and takes focus.
    await page.locator(`a[href="#s${other.id}"]`).click();
    await page.waitForURL((url) => url.hash === `#s${other.id}`, WAIT);
    const otherArticle = page.locator(`#s${other.id}`);
    assert.ok(await otherArticle.evaluate((el) => el.matches(':target')), 'the new target');
    assert.ok(await otherArticle.evaluate((el) => el.ownerDocument.activeElement === el), 'focus moved to the speech');
    assert.ok(await otherArticle.evaluate((el) => el.matches(':focus')), 'it matches :focus');
    assert.ok(await otherArticle.isVisible());
  });
});

/**
 * The plan document in a real browser: the printable page passes axe (WCAG 2.1 A/AA) on screen and as printed, in
 * both languages; its table of contents leads to each commitment; Chinese is drawn with a real CJK font (the
 * platform fonts Chromium used for the title, as the DevTools protocol reports them); and the first printed page is
 * photographed at A4 (print media; the @page margins drawn as padding, since a screenshot has no page box). With
 * COCREATE_SCREENSHOTS=1 the zh-TW picture is written to docs/screenshot-plan-document.png for the README.
 *
 * Needs /usr/bin/chromium; without it the tests are skipped, or fail when COCREATE_REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoCocreation } from '../../src/modules/cocreation/index.js';
import { seedDemoForum } from '../../src/modules/forum/index.js';
import { seedDemoRoster } from '../../src/modules/roster/index.js';
import { seedDemoWorkgroups } from '../../src/modules/workgroups/index.js';
import { setup, type TestContext } from '../helpers.js';
import { BrowserHarness, expectAccessible, failWhenBrowserRequiredButMissing, skipWithoutBrowser as skip, visit } from './browser.js';

failWhenBrowserRequiredButMissing();

const PLAN = '/plans/tw-2021-2024';
/** A4 at CSS pixels (96 per inch): 210 × 297 mm. */
const A4 = { width: 794, height: 1123 };
const CJK_FAMILY = /Noto (Serif|Sans) CJK (TC|SC|JP|KR|HK)/;

/** The fonts Chromium drew an element's text with (DevTools protocol: CSS.getPlatformFontsForNode). */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  // The text node under the element: fonts are reported for text.
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1 });
  const textNode = node.children?.find((child) => child.nodeType === 3);
  const { nodeId: textId } = textNode
    ? await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [textNode.backendNodeId] }).then((r) => ({ nodeId: r.nodeIds[0] ?? nodeId }))
    : { nodeId };
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: textId });
  await cdp.detach();
  return fonts.filter((f) => f.glyphCount > 0).map((f) => f.familyName);
}

describe('the plan document in the browser', { skip, timeout: 420_000 }, () => {
  let ctx: TestContext;
  const harness = new BrowserHarness();
  const shots = mkdtempSync(join(tmpdir(), 'cocreate-document-'));

  before(async () => {
    ctx = await setup();
    const demo = { planId: ctx.planId, agencyIds: ctx.agencies };
    await seedDemoForum(ctx.database.db, demo);
    await seedDemoRoster(ctx.database.db, demo);
    await seedDemoWorkgroups(ctx.database.db, demo);
    await seedDemoCocreation(ctx.database.db, demo);
    await harness.start(ctx.app);
  });

  after(async () => {
    await harness.close();
    await ctx?.close();
    rmSync(shots, { recursive: true, force: true });
  });

  for (const [lang, prefix, title, commitment] of [
    ['zh-TW', '', '開放政府國家行動方案', '4-3 推動揭弊者保護法立法'],
    ['en', '/en', 'Open Government National Action Plan', 'Commitment 4-3'],
  ] as const) {
    test(`the printable page passes axe on screen and printed, its contents lead to each commitment, Chinese has a CJK font (${lang})`, async () => {
      const page = await harness.newPage({ bypassCSP: true });
      await visit(page, `${prefix}${PLAN}/document`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      const h1 = (await page.textContent('h1')) ?? '';
      assert.ok(h1.includes(title), h1);
      await expectAccessible(page, `the plan document (${lang}, screen)`);
      // The contents' link to 4-3 brings its heading into view.
      await page.locator('.doc-toc a[href="#commitment-4-3"]').click();
      assert.match(page.url(), /#commitment-4-3$/);
      const heading = page.locator('#commitment-4-3');
      assert.ok((await heading.textContent())?.startsWith(commitment));
      assert.ok(await heading.isVisible());
      // Printed: the tools are gone, axe still passes.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.doc-tools').isVisible(), false);
      await expectAccessible(page, `the plan document (${lang}, print)`);
      if (lang === 'zh-TW') {
        const fonts = await fontsOf(page, 'h1');
        assert.ok(
          fonts.some((f) => CJK_FAMILY.test(f)),
          `the title's fonts: ${fonts.join(', ')}`,
        );
      } else {
        // English text, and the Chinese of the bilingual parts (none fall back in the demo): at least no tofu.
        const fonts = await fontsOf(page, '#commitment-4-3');
        assert.ok(fonts.length > 0, `fonts of 4-3's heading: ${fonts.join(', ')}`);
      }
      // The first printed page at A4: the @page margins (20 mm, 18 mm) as padding, and what the cover's page break
      // sends to later pages left out (a screenshot is one long page).
      const printed = await harness.newPage({ bypassCSP: true, viewport: A4 });
      await printed.emulateMedia({ media: 'print' });
      await visit(printed, `${prefix}${PLAN}/document`);
      await printed.addStyleTag({ content: 'main { padding: 20mm 18mm 22mm !important; } .cover ~ * { display: none !important; }' });
      assert.equal(await printed.evaluate('matchMedia("print").matches'), true);
      const file = lang === 'zh-TW' && process.env.COCREATE_SCREENSHOTS === '1' ? 'docs/screenshot-plan-document.png' : join(shots, `document-${lang}.png`);
      await printed.screenshot({ path: file, clip: { x: 0, y: 0, ...A4 } });
      if (lang === 'en' && process.env.COCREATE_SCREENSHOTS === '1')
        await printed.screenshot({ path: join(tmpdir(), 'screenshot-plan-document-en.png'), clip: { x: 0, y: 0, ...A4 } });
      assert.ok(statSync(file).size > 10_000);
    });
  }
});

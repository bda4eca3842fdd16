/**
 * The plan document (issue #14, item 3) over real HTTP against a real database: the printable page in both languages
 * holds every area, commitment and milestone of the demo plan and its table of contents resolves; text is escaped in
 * the page and in the ODT; the ODT is a valid package that LibreOffice converts to a PDF whose text holds a commitment
 * title in Chinese set in a CJK font; the PDF route prints with Chromium (a CJK font embedded, an ETag, 304), says so
 * when Chromium is missing, and a plan the visitor may not see is a 404 in all three formats.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { pick, type Lang } from '../../domain/localized.js';
import { coCreationOverview, seedDemoCocreation } from '../cocreation/index.js';
import { seedDemoForum } from '../forum/index.js';
import { planQueries } from '../plans/index.js';
import { seedDemoRoster } from '../roster/index.js';
import { seedDemoWorkgroups } from '../workgroups/index.js';
import { addUser, signedIn, setup, type TestContext } from '../../../test/helpers.js';
import { configurePdfPrinter } from './index.js';
import { xmlEscape } from './document.odt.js';
import { forgetPrintedPdfs, printsSoFar } from './document.pdf.js';

const PLAN = '/plans/tw-2021-2024';
const SOFFICE = '/usr/bin/soffice';
const CHROMIUM = '/usr/bin/chromium';
const sofficeSkip = !existsSync(SOFFICE) && !process.env.CI ? `LibreOffice is missing at ${SOFFICE}` : false;
const chromiumSkip = !existsSync(CHROMIUM) && !process.env.CI ? `chromium is missing at ${CHROMIUM}` : false;

let ctx: TestContext;
before(async () => {
  ctx = await setup();
  // The co-creation record's meetings and phases, as the demo seeds them after the plan.
  const demo = { planId: ctx.planId, agencyIds: ctx.agencies };
  await seedDemoForum(ctx.database.db, demo);
  await seedDemoRoster(ctx.database.db, demo);
  await seedDemoWorkgroups(ctx.database.db, demo);
  await seedDemoCocreation(ctx.database.db, demo);
});
after(() => ctx.close());

/** An area as stored now (its version, for the next edit). */
async function areaNow(id: number) {
  const area = await planQueries.findAreaById(ctx.database.db, id);
  assert.ok(area);
  return area;
}

const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');

/** Text as the page writes it (hono escapes &, <, >, " and '). */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function demoPlan() {
  const plan = await planQueries.findPlanBySlug(ctx.database.db, 'tw-2021-2024');
  assert.ok(plan);
  const [areas, commitments, milestones] = await Promise.all([
    planQueries.listAreas(ctx.database.db, plan.id),
    planQueries.listCommitments(ctx.database.db, { planId: plan.id }),
    planQueries.listMilestonesOfPlan(ctx.database.db, plan.id),
  ]);
  return { plan, areas, commitments: commitments.items, milestones: [...milestones.values()].flat() };
}

/**
 * The text a PDF draws, font by font: content streams decoded through each font's ToUnicode map (enough for
 * Chromium's and LibreOffice's output: uncompressed object tables, hex strings in Tj and TJ).
 */
function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  const streams = new Map<string, string>();
  const dicts = new Map<string, string>();
  const objects = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objects.exec(s); m; m = objects.exec(s)) {
    const [, num = '', body = ''] = m;
    const at = body.indexOf('stream');
    if (at < 0) {
      dicts.set(num, body);
      continue;
    }
    dicts.set(num, body.slice(0, at));
    const startInBody = body.slice(at + 6).search(/[^\r\n]/);
    const start = m.index + m[0].indexOf(body) + at + 6 + startInBody;
    const end = s.indexOf('endstream', start);
    let data = pdf.subarray(start, end);
    if (body.slice(0, at).includes('FlateDecode'))
      try {
        data = inflateSync(data);
      } catch {
        continue;
      }
    streams.set(num, data.toString('latin1'));
  }
  const cmapOf = (num: string) => {
    const map = new Map<string, string>();
    const text = streams.get(num) ?? '';
    const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, src = '', dst = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src.toUpperCase(), utf16(dst));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, lo = '', hi = '', dst = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const base = parseInt(dst, 16);
        for (let code = parseInt(lo, 16); code <= parseInt(hi, 16); code++)
          map.set(code.toString(16).toUpperCase().padStart(lo.length, '0'), String.fromCodePoint(base + code - parseInt(lo, 16)));
      }
    return { map, width: [...map.keys()][0]?.length ?? 2 };
  };
  // Font resource names → their ToUnicode maps.
  const fonts = new Map<string, ReturnType<typeof cmapOf>>();
  const fontDicts = [...dicts.values()].flatMap((dict) => [
    // Inline (Chromium) or an object of its own (LibreOffice).
    ...[...dict.matchAll(/\/Font\s*<<([^>]*)>>/g)].map((m) => m[1] ?? ''),
    ...[...dict.matchAll(/\/Font\s+(\d+)\s+0\s+R/g)].map((m) => dicts.get(m[1] ?? '') ?? ''),
  ]);
  for (const block of fontDicts)
    for (const [, name = '', num = ''] of block.matchAll(/\/([\w.+-]+)\s*(\d+)\s+0\s+R/g)) {
      const unicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(dicts.get(num) ?? '')?.[1];
      if (unicode) fonts.set(name, cmapOf(unicode));
    }
  let out = '';
  for (const content of streams.values()) {
    let font: ReturnType<typeof cmapOf> | undefined;
    for (const [, fontName, shown] of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)/g)) {
      if (fontName) font = fonts.get(fontName);
      else if (shown && font)
        for (const [, hex = ''] of shown.matchAll(/<([0-9A-Fa-f]*)>/g))
          for (let i = 0; i < hex.length; i += font.width) out += font.map.get(hex.slice(i, i + font.width).toUpperCase()) ?? '';
    }
    out += '\n';
  }
  // Chromium maps some ideographs to their Kangxi radical twins (行 as ⾏); NFKC folds them back.
  return out.normalize('NFKC');
}

const CJK_FONT = /FontName\s*\/[A-Z]{6}\+Noto(Serif|Sans)CJK/;

describe('the printable page', () => {
  for (const lang of ['zh-TW', 'en'] as const) {
    test(`holds every area, commitment and milestone of the demo plan, and its contents resolve (${lang})`, async () => {
      const { plan, areas, commitments, milestones } = await demoPlan();
      const res = await ctx.app.request(`${prefix(lang)}${PLAN}/document`);
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.match(body, new RegExp(`<html lang="${lang}">`));
      assert.ok(body.startsWith('<!DOCTYPE html>'), 'standards mode, for print layout');
      assert.ok(body.includes(html(pick(plan.title, lang))));
      for (const key of ['introduction', 'effortsToDate', 'developmentProcess', 'commitmentsIntro'] as const)
        for (const para of pick(plan[key], lang).split(/\n{2,}/)) assert.ok(body.includes(html(para)), `${key}: ${para.slice(0, 30)}`);
      assert.equal(areas.length, 5);
      for (const a of areas) assert.ok(body.includes(html(pick(a.title, lang))), `area ${pick(a.title, lang)}`);
      assert.equal(commitments.length, 19);
      for (const c of commitments) {
        assert.ok(body.includes(`id="commitment-${c.number}"`), `commitment ${c.number}`);
        assert.ok(body.includes(html(pick(c.title, lang))), `title of ${c.number}`);
        assert.ok(body.includes(html(pick(c.problem, lang).split(/\n{2,}/)[0] ?? '')), `problem of ${c.number}`);
      }
      assert.ok(milestones.length > 19);
      for (const m of milestones) assert.ok(body.includes(html(pick(m.deliverable, lang))), `milestone ${pick(m.deliverable, lang)}`);
      // The co-creation figures: a row per phase and the record's totals.
      const { phases, record } = await coCreationOverview(ctx.database.db, plan, ctx.clock.now);
      assert.ok(phases.length > 0 && record.total.participations > 0);
      const figures = /<section aria-labelledby="figures"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
      assert.equal([...figures.matchAll(/<tr>/g)].length, 1 + phases.length + 1);
      assert.match(figures, lang === 'en' ? /All meetings held/ : /已舉行的全部會議/);
      assert.ok(figures.includes(`<td class="num">${record.total.meetings}</td><td class="num">${record.total.participations}</td>`));
      // Every link of the table of contents names an element of the page, and every area and commitment is listed.
      const toc = /<nav class="doc-toc"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '';
      const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? '');
      assert.equal(targets.length, 4 + areas.length + commitments.length);
      for (const id of targets) assert.ok(body.includes(`id="${id}"`), `#${id} resolves`);
      // Its own stylesheet with the A4 print rules; the PDF is linked where this server can print it.
      assert.match(body, /<link rel="stylesheet" href="\/assets\/plan-document.css"/);
      assert.equal(body.includes(`href="${prefix(lang)}${PLAN}/document.odt"`), true);
      assert.equal(body.includes(`href="${prefix(lang)}${PLAN}/document.pdf"`), existsSync(CHROMIUM));
    });
  }

  test('its stylesheet sets A4 pages with numbers in the margin and hides the tools when printed', async () => {
    const res = await ctx.app.request('/assets/plan-document.css');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
    const css = await res.text();
    assert.match(css, /@page\s*{\s*size: A4;/);
    assert.match(css, /@bottom-center\s*{\s*content: counter\(page\)/);
    assert.match(css, /@media print\s*{[\s\S]*\.doc-tools\s*{\s*display: none/);
  });

  test('the plan page links to the document', async () => {
    const body = await (await ctx.app.request(PLAN)).text();
    assert.ok(body.includes(`href="${PLAN}/document"`));
  });

  test('a plan that does not exist is a 404 in all three formats, in both languages', async () => {
    for (const lang of ['zh-TW', 'en'] as const)
      for (const ext of ['', '.odt', '.pdf']) assert.equal((await ctx.app.request(`${prefix(lang)}/plans/no-such-plan/document${ext}`)).status, 404, ext);
  });
});

describe('the ODT', () => {
  test('is an ODF package: mimetype first and stored, the manifest, content, styles and meta', async () => {
    const res = await ctx.app.request(`${PLAN}/document.odt`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.oasis.opendocument.text');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="tw-2021-2024-zh-TW.odt"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    // The first local file header: signature, compression method 0 (stored), then the name "mimetype" and its content.
    assert.equal(bytes.readUInt32LE(0), 0x04034b50);
    assert.equal(bytes.readUInt16LE(8), 0, 'mimetype stored uncompressed');
    assert.equal(bytes.toString('latin1', 30, 38), 'mimetype');
    assert.equal(bytes.toString('latin1', 38 + bytes.readUInt16LE(28), 38 + bytes.readUInt16LE(28) + 39), 'application/vnd.oasis.opendocument.text');
    const files = unzipSync(bytes);
    assert.deepEqual(Object.keys(files), ['mimetype', 'META-INF/manifest.xml', 'content.xml', 'styles.xml', 'meta.xml']);
    const manifest = strFromU8(files['META-INF/manifest.xml'] ?? new Uint8Array());
    for (const name of ['content.xml', 'styles.xml', 'meta.xml']) assert.ok(manifest.includes(`manifest:full-path="${name}"`));
    const styles = strFromU8(files['styles.xml'] ?? new Uint8Array());
    assert.match(styles, /<style:font-face style:name="Noto Serif CJK TC"/);
    assert.match(styles, /style:font-name-asian="Noto Serif CJK TC"/);
    assert.match(styles, /style:language-asian="zh" style:country-asian="TW"/);
    assert.match(styles, /fo:page-width="21cm" fo:page-height="29.7cm"/);
    assert.match(styles, /<text:page-number/);
    const content = strFromU8(files['content.xml'] ?? new Uint8Array());
    const { commitments } = await demoPlan();
    for (const c of commitments) {
      assert.ok(content.includes(xmlEscape(pick(c.title, 'zh-TW'))), c.number);
      // The contents entry links to the commitment heading's bookmark.
      assert.ok(content.includes(`xlink:href="#commitment-${c.number}"`));
      assert.ok(content.includes(`<text:bookmark text:name="commitment-${c.number}"/>`));
    }
    assert.match(content, /<text:table-of-content /);
    assert.match(content, /<text:h text:style-name="Heading_20_1_Break" text:outline-level="1">/);
    assert.match(content, /<table:table table:name="Milestones_1-1_\d+"/);
    // Same data, same bytes (the ETag follows the content).
    const again = Buffer.from(await (await ctx.app.request(`${PLAN}/document.odt`)).arrayBuffer());
    assert.ok(bytes.equals(again));
  });

  test('escapes what people wrote, in the page and in the ODT', async (t) => {
    const { areas } = await demoPlan();
    const area = areas[0];
    assert.ok(area);
    await addUser(ctx, 'doc-secretariat@example.org', 'secretariat');
    const secretariat = await signedIn(ctx.app, 'doc-secretariat@example.org');
    const hostile = `<script>alert("x")</script> & ]]> \u0001 資料`;
    const current = await areaNow(area.id);
    const put = async (zh: string, version: number) => secretariat.api('PATCH', `/api/v1/areas/${area.id}`, { version, title: { zh, en: area.title.en } });
    const res = await put(hostile, current.version);
    // Input hygiene may refuse the control character; then the rest goes in without it.
    const saved = res.status === 200 ? res : await put(hostile.replace('\u0001', ''), current.version);
    assert.equal(saved.status, 200, await saved.clone().text());
    t.after(async () => {
      const now = await areaNow(area.id);
      await put(area.title.zh, now.version);
    });
    const page = await (await ctx.app.request(`${PLAN}/document`)).text();
    assert.ok(!page.includes('<script>alert'));
    assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;'));
    const content = strFromU8(
      unzipSync(new Uint8Array(await (await ctx.app.request(`${PLAN}/document.odt`)).arrayBuffer()))['content.xml'] ?? new Uint8Array(),
    );
    assert.ok(!content.includes('<script>'));
    assert.ok(content.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;'));
    assert.ok(!content.includes('\u0001'));
  });

  test('LibreOffice converts it to a PDF whose text holds a commitment title in Chinese, in a CJK font', { skip: sofficeSkip }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cocreate-odt-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const odt = join(dir, 'plan.odt');
    writeFileSync(odt, Buffer.from(await (await ctx.app.request(`${PLAN}/document.odt`)).arrayBuffer()));
    // A profile of its own, so a LibreOffice already running (or another test) does not take the conversion.
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, odt], {
      timeout: 120_000,
      stdio: 'ignore',
    });
    const pdf = readFileSync(join(dir, 'plan.pdf'));
    assert.equal(pdf.toString('latin1', 0, 5), '%PDF-');
    assert.match(pdf.toString('latin1'), CJK_FONT);
    const text = pdfText(pdf);
    assert.ok(text.includes('完備政府資料開放與再利用制度'), 'commitment 1-1’s title in the PDF’s text');
    assert.ok(text.includes('推動揭弊者保護法立法'), 'commitment 4-3’s title in the PDF’s text');
  });
});

describe('the PDF', () => {
  test('is printed by Chromium: application/pdf, a CJK font embedded, its text in Chinese, an ETag and 304', { skip: chromiumSkip }, async () => {
    const res = await ctx.app.request(`${PLAN}/document.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const etag = res.headers.get('etag') ?? '';
    assert.match(etag, /^"pdf-[0-9a-f]{40}"$/);
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(pdf.toString('latin1', 0, 5), '%PDF-');
    assert.match(pdf.toString('latin1'), CJK_FONT);
    const text = pdfText(pdf);
    assert.ok(text.includes('完備政府資料開放與再利用制度'), 'commitment 1-1’s title in the PDF’s text');
    // Page numbers drawn in the bottom margin box: "2 / N" on the second page.
    assert.match(text, /\b2 \/ \d{2}\b/);
    // Kept: the second request is answered without printing again.
    const printed = printsSoFar();
    const again = await ctx.app.request(`${PLAN}/document.pdf`);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('etag'), etag);
    assert.ok(Buffer.from(await again.arrayBuffer()).equals(pdf));
    assert.equal(printsSoFar(), printed, 'served from what was kept');
    // 304 from the HTML's hash, with nothing printed even when the PDF is no longer kept (as after a restart).
    forgetPrintedPdfs();
    const notModified = await ctx.app.request(`${PLAN}/document.pdf`, { headers: { 'If-None-Match': etag } });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers.get('etag'), etag);
    assert.equal(printsSoFar(), printed, 'a 304 prints nothing');
  });

  test('in English too, and a change to the plan prints it again with another ETag', { skip: chromiumSkip }, async (t) => {
    const first = await ctx.app.request(`/en${PLAN}/document.pdf`);
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    const text = pdfText(Buffer.from(await first.arrayBuffer()));
    assert.ok(text.includes('Commitments'));
    const { areas } = await demoPlan();
    const area = areas[1];
    assert.ok(area);
    await addUser(ctx, 'doc-secretariat2@example.org', 'secretariat');
    const secretariat = await signedIn(ctx.app, 'doc-secretariat2@example.org');
    const current = await areaNow(area.id);
    const res = await secretariat.api('PATCH', `/api/v1/areas/${area.id}`, {
      version: current.version,
      title: { zh: area.title.zh, en: 'Expand public participation (revised)' },
    });
    assert.equal(res.status, 200);
    t.after(async () => {
      const now = await areaNow(area.id);
      await secretariat.api('PATCH', `/api/v1/areas/${area.id}`, { version: now.version, title: area.title });
    });
    const second = await ctx.app.request(`/en${PLAN}/document.pdf`, { headers: { 'If-None-Match': etag ?? '' } });
    assert.equal(second.status, 200);
    assert.notEqual(second.headers.get('etag'), etag);
    assert.ok(pdfText(Buffer.from(await second.arrayBuffer())).includes('(revised)'));
  });

  test('without Chromium the route says so (503) and the page does not link it', async (t) => {
    configurePdfPrinter({ executablePath: '/nonexistent/chromium' });
    t.after(() => configurePdfPrinter({ executablePath: CHROMIUM }));
    for (const lang of ['zh-TW', 'en'] as const) {
      const res = await ctx.app.request(`${prefix(lang)}${PLAN}/document.pdf`);
      assert.equal(res.status, 503);
      assert.match(await res.text(), lang === 'en' ? /Chromium is not installed/ : /未安裝 Chromium/);
      const page = await ctx.app.request(`${prefix(lang)}${PLAN}/document`, { headers: { 'Cache-Control': 'no-cache' } });
      assert.ok(!(await page.text()).includes('document.pdf'));
    }
  });
});

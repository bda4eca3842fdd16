/**
 * The plan document's routes, in both languages: the printable page, the ODT and the PDF, and the page's stylesheet.
 * The plan is found as the plan page finds it (planBySlug: the same 404s, the same page-cache tag), so the document
 * shows exactly what the plan page may show, in all three formats.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { Layout } from '../../web/layout.js';
import { pageCache } from '../../web/page-cache.js';
import { planBySlug } from '../plans/index.js';
import { ODT_MIME, writeOdt } from './document.odt.js';
import { documentStylesheetPath } from './document.paths.js';
import { PdfTimeoutError, PdfUnavailableError, pdfEtagOf, pdfOf, pdfPrinterAvailable } from './document.pdf.js';
import { readPlanDocument } from './document.reads.js';
import { DocumentPage } from './views/document.js';

const stylesheet = readFileSync(new URL('./document.css', import.meta.url), 'utf8');

async function documentOf(c: AppContext) {
  const plan = await planBySlug(c);
  const { db, now } = c.get('services');
  return readPlanDocument(db, plan, now());
}

/** A rendered element's HTML (hono's JSX renders by toString(), to a string or a promise of one). */
async function htmlOf(element: unknown): Promise<string> {
  let value = element;
  while (typeof value === 'object' && value !== null && !(value instanceof String)) {
    value = await (value instanceof Promise ? value : (value as { toString(): unknown }).toString());
  }
  return String(value);
}

/** A file name for the download: the plan's address name and the language. */
const fileName = (slug: string, lang: string, ext: string) => `${slug}-${lang}.${ext}`;

function unavailable(c: AppContext, kind: 'pdfUnavailable' | 'pdfBusy', status: 503, retryAfter?: number) {
  const lang = c.get('lang');
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  c.header('Cache-Control', 'no-store');
  return c.html(
    <Layout ctx={pageContext(c)} title={t(lang, `document.${kind}.title`)}>
      <h1>{t(lang, `document.${kind}.title`)}</h1>
      <p>{t(lang, `document.${kind}.body`)}</p>
    </Layout>,
    status,
  );
}

export function documentPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get(documentStylesheetPath, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  app.get('/plans/:slug/document', pageCache(), async (c) => {
    const doc = await documentOf(c);
    const ctx = pageContext(c);
    return c.html(<DocumentPage doc={doc} lang={ctx.lang} publicOrigin={ctx.publicOrigin} pdfAvailable={pdfPrinterAvailable()} />);
  });

  app.get('/plans/:slug/document.odt', async (c) => {
    const doc = await documentOf(c);
    const lang = c.get('lang');
    const bytes = writeOdt(doc, lang);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': ODT_MIME,
      'Content-Disposition': `attachment; filename="${fileName(doc.plan.slug, lang, 'odt')}"`,
      'Content-Language': lang,
    });
  });

  app.get('/plans/:slug/document.pdf', async (c) => {
    // The plan first: a plan the visitor may not see is a 404, whether or not this server prints.
    const doc = await documentOf(c);
    if (!pdfPrinterAvailable()) return unavailable(c, 'pdfUnavailable', 503);
    const lang = c.get('lang');
    const html = await htmlOf(<DocumentPage doc={doc} lang={lang} pdfAvailable={true} inlineStylesheet={stylesheet} />);
    const etag = pdfEtagOf(html);
    const headers = { ETag: etag, 'Content-Language': lang };
    const asked = c.req.header('If-None-Match');
    if (asked?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers);
    try {
      const pdf = await pdfOf(html, etag);
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        ...headers,
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${fileName(doc.plan.slug, lang, 'pdf')}"`,
      });
    } catch (error) {
      if (error instanceof PdfUnavailableError) return unavailable(c, 'pdfUnavailable', 503);
      if (error instanceof PdfTimeoutError) return unavailable(c, 'pdfBusy', 503, 60);
      throw error;
    }
  });

  return app;
}

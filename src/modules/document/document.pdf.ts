/**
 * The plan document as PDF: the printable page printed by Chromium (playwright-core driving the distribution's
 * chromium, never a downloaded browser). Bounded cost (ADR 0017, 0032): one print at a time in the process, each
 * within a time limit (the browser is closed when it runs out), requests for the same document waiting on the same
 * print, and the result kept by the hash of the HTML it was printed from, so it is printed again only when the
 * document's content changes. Without Chromium (or playwright-core) the feature is off and says so.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Mutex } from '../../db/mutex.js';

/** Debian's chromium, as the browser tests and CI use it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** A print of the demo plan takes about two seconds; past this the browser is closed and the request told to retry. */
const PRINT_TIMEOUT_MS = 45_000;
/** PDFs kept (per plan and language, as printed lately): a few hundred kilobytes each. */
const KEPT = 16;

let executablePath = DEFAULT_CHROMIUM;

/** Where the browser is; tests point it at a missing file to see the feature off. */
export function configurePdfPrinter(options: { executablePath: string }): void {
  executablePath = options.executablePath;
}

/** Whether this server can print PDFs: Chromium is installed where configured. */
export function pdfPrinterAvailable(): boolean {
  return existsSync(executablePath);
}

export class PdfUnavailableError extends Error {}
export class PdfTimeoutError extends Error {}

/** The PDF's validator: from the HTML it is printed from, so a 304 needs no print. */
export const pdfEtagOf = (html: string): string => `"pdf-${createHash('sha256').update(html).digest('hex').slice(0, 40)}"`;

const turn = new Mutex();
/** Prints made by this process, for the tests (a 304 or a kept PDF must not print). */
let prints = 0;
export const printsSoFar = (): number => prints;
/** Drops the kept PDFs, as a restart would (tests). */
export const forgetPrintedPdfs = (): void => kept.clear();
const kept = new Map<string, Uint8Array>();
const printing = new Map<string, Promise<Uint8Array>>();

/** The PDF printed from this HTML: kept, being printed, or printed now (after the prints ahead of it). */
export function pdfOf(html: string, etag = pdfEtagOf(html)): Promise<Uint8Array> {
  const done = kept.get(etag);
  if (done) {
    // Most recently used last: the oldest goes first when the map is full.
    kept.delete(etag);
    kept.set(etag, done);
    return Promise.resolve(done);
  }
  const running = printing.get(etag);
  if (running) return running;
  const job = (async () => {
    const release = await turn.lock();
    try {
      prints += 1;
      const pdf = await printHtml(html, PRINT_TIMEOUT_MS);
      kept.set(etag, pdf);
      while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
      return pdf;
    } finally {
      release();
      printing.delete(etag);
    }
  })();
  printing.set(etag, job);
  return job;
}

type Playwright = typeof import('playwright-core');

async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch {
    throw new PdfUnavailableError('playwright-core is not installed');
  }
}

/** Prints self-contained HTML (its stylesheet inline) to an A4 PDF; nothing is fetched, no script runs. */
export async function printHtml(html: string, timeoutMs: number): Promise<Uint8Array> {
  if (!pdfPrinterAvailable()) throw new PdfUnavailableError(`chromium is missing at ${executablePath}`);
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({
    executablePath,
    timeout: timeoutMs,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTimeoutError(`printing took more than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const print = async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
      await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
      return new Uint8Array(pdf);
    };
    return await Promise.race([print(), deadline]);
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => undefined);
  }
}

/**
 * What every browser journey shares: Debian's chromium driven by playwright-core (never a downloaded browser),
 * the app served over real HTTP on a free loopback port, and axe (WCAG 2.1 A/AA) with a readable report.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { App } from '../../src/app.js';

export const CHROMIUM = '/usr/bin/chromium';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const browserMissing = !existsSync(CHROMIUM);
const requireBrowser = process.env.COCREATE_REQUIRE_BROWSER === '1';

/** The `skip` option for a browser suite: false when chromium is there, else why it is skipped. */
export const skipWithoutBrowser: string | false = !browserMissing
  ? false
  : requireBrowser
    ? `chromium is missing at ${CHROMIUM} (see the failing test)`
    : `chromium is missing at ${CHROMIUM}; browser tests skipped (set COCREATE_REQUIRE_BROWSER=1 to fail instead)`;

/** Where CI demands the browser, its absence is a failure, not a silent skip. */
export function failWhenBrowserRequiredButMissing(): void {
  if (browserMissing && requireBrowser)
    test('a browser is available', () => {
      assert.fail(`COCREATE_REQUIRE_BROWSER=1 but chromium is missing at ${CHROMIUM}: install the distribution's chromium package`);
    });
}

/** One server and one browser for a suite; pages in their own contexts; everything closed by `close()`. */
export class BrowserHarness {
  base = '';
  private server: ServerType | undefined;
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];

  async start(app: App): Promise<void> {
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    this.server = server;
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }

  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    if (!this.browser) throw new Error('BrowserHarness.start() first');
    const context = await this.browser.newContext({ baseURL: this.base, viewport: { width: 1280, height: 900 }, ...options });
    context.setDefaultTimeout(15_000);
    this.contexts.push(context);
    return context.newPage();
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  assert.equal(response?.status(), status, `GET ${path}`);
}

export async function expectAccessible(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`).join('\n');
  assert.equal(violations.length, 0, `axe violations on ${label} (${page.url()}):\n${report}`);
}

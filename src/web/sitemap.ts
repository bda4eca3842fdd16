/**
 * sitemap.xml (sitemaps.org 0.9) and robots.txt. Each module lists the public pages it serves (its manifest's
 * `sitemap`); every page is listed in both languages, each with the other as an alternate (hreflang, x-default the
 * Chinese edition), so that a search engine offers a reader the edition in their language. Only what anyone may read
 * is listed: a module lists through the queries its public pages use.
 */
import { href } from './context.js';

export interface SitemapEntry {
  /** The page's path without the language prefix. */
  path: string;
  lastModified?: Date | null;
}

/** One file holds 50,000 addresses; each page takes two (zh-TW and en). Past that a sitemap index would be needed. */
export const MAX_SITEMAP_PAGES = 25_000;

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function renderSitemap(origin: string, entries: readonly SitemapEntry[]): string {
  const seen = new Set<string>();
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const entry of entries) {
    if (seen.has(entry.path) || seen.size >= MAX_SITEMAP_PAGES) continue;
    seen.add(entry.path);
    const zh = xml(origin + href('zh-TW', entry.path));
    const en = xml(origin + href('en', entry.path));
    const alternates = [
      `<xhtml:link rel="alternate" hreflang="zh-TW" href="${zh}"/>`,
      `<xhtml:link rel="alternate" hreflang="en" href="${en}"/>`,
      `<xhtml:link rel="alternate" hreflang="x-default" href="${zh}"/>`,
    ].join('');
    const lastmod = entry.lastModified ? `<lastmod>${entry.lastModified.toISOString().slice(0, 10)}</lastmod>` : '';
    for (const loc of [zh, en]) out.push(`<url><loc>${loc}</loc>${lastmod}${alternates}</url>`);
  }
  out.push('</urlset>', '');
  return out.join('\n');
}

export function renderRobots(origin: string): string {
  return `User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`;
}

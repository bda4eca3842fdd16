/**
 * Atom 1.0 feeds (RFC 4287) with every text construct as `type="text"`: what people wrote is escaped XML text, never
 * markup a feed reader might run (issue #9: the `feed` package put it in CDATA as `type="html"`).
 */

export interface AtomEntry {
  /** An IRI that stays the same for this entry: its page's absolute URL. */
  id: string;
  link: string;
  title: string;
  updated: Date;
  published?: Date | undefined;
  summary?: string | undefined;
  authors?: string[] | undefined;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The page the feed follows (rel="alternate") and the feed's own URL (rel="self"). */
  link: string;
  self: string;
  language: string;
  updated: Date;
  generator: string;
  /** Who the feed is from when an entry names nobody (Atom wants an author for every entry). */
  author: string;
  rights?: string | undefined;
  entries: AtomEntry[];
}

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab and line ends, lone surrogates, U+FFFE, U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for XML content or a double-quoted attribute: markup characters escaped, characters XML forbids dropped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
const textConstruct = (name: string, text: string) => `<${name} type="text">${xmlText(text)}</${name}>`;
const link = (href: string, rel?: string) => `<link${rel ? ` rel="${rel}"` : ''} href="${xmlText(href)}"/>`;

export function atomXml(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    `  ${element('id', feed.id)}`,
    `  ${textConstruct('title', feed.title)}`,
    `  ${element('updated', feed.updated.toISOString())}`,
    `  ${element('generator', feed.generator)}`,
    `  ${link(feed.link, 'alternate')}`,
    `  ${link(feed.self, 'self')}`,
    `  <author>${element('name', feed.author)}</author>`,
    ...(feed.rights ? [`  ${textConstruct('rights', feed.rights)}`] : []),
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    ${textConstruct('title', entry.title)}`,
      `    ${element('id', entry.id)}`,
      `    ${link(entry.link, 'alternate')}`,
      `    ${element('updated', entry.updated.toISOString())}`,
      ...(entry.published ? [`    ${element('published', entry.published.toISOString())}`] : []),
      ...(entry.summary ? [`    ${textConstruct('summary', entry.summary)}`] : []),
      ...(entry.authors ?? []).map((name) => `    <author>${element('name', name)}</author>`),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

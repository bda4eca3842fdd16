/** The safe Markdown subset: what it keeps, what stays text, and links that cannot run anything. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderSafeMarkdown } from './markdown.js';

test('the subset: paragraphs, line breaks, emphasis, lists, quotes, code, links with rel', () => {
  assert.equal(renderSafeMarkdown('a *b* **c**\nd'), '<p>a <em>b</em> <strong>c</strong><br />\nd</p>\n');
  assert.match(renderSafeMarkdown('- one\n- two'), /<ul>\n<li>one<\/li>\n<li>two<\/li>\n<\/ul>/);
  assert.match(renderSafeMarkdown('> quoted'), /<blockquote>\n<p>quoted<\/p>\n<\/blockquote>/);
  assert.match(renderSafeMarkdown('`x < y`'), /<code>x &lt; y<\/code>/);
  assert.match(
    renderSafeMarkdown('[site](https://example.org/a?b=1&c=2)'),
    /<a href="https:\/\/example.org\/a\?b=1&amp;c=2" rel="nofollow ugc noopener">site<\/a>/,
  );
  // Headings, images and tables are not in the subset: their marks stay text.
  assert.equal(renderSafeMarkdown('# title'), '<p># title</p>\n');
  assert.doesNotMatch(renderSafeMarkdown('![x](https://example.org/x.png)'), /<img/);
});

test('raw HTML stays text and scriptable links are not links', () => {
  for (const hostile of [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '[x](  JaVaScRiPt:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox(1))',
  ]) {
    const html = renderSafeMarkdown(hostile);
    // No tag but the subset's, no event attribute on a tag, no link to a scheme that runs (escaped text may spell them).
    assert.doesNotMatch(html, /<(script|img|iframe)\b|<[a-z][^>]*\son\w+=|<a\b[^>]*href="(javascript|data|vbscript):/i, hostile);
  }
  assert.match(renderSafeMarkdown('<b>bold?</b>'), /&lt;b&gt;bold\?&lt;\/b&gt;/);
});

test('a text rendered again gives the same HTML (kept), and a long one is not kept but still rendered', () => {
  const text = `**again** ${'字'.repeat(10)}`;
  assert.equal(renderSafeMarkdown(text), renderSafeMarkdown(text));
  const long = `*long* ${'x'.repeat(30_000)}`;
  assert.match(renderSafeMarkdown(long), /^<p><em>long<\/em> x+<\/p>\n$/);
});

/**
 * People's words with a small safe Markdown subset (ADR 0029): paragraphs, line breaks, emphasis, lists, quotes,
 * inline code and links. markdown-it parses with raw HTML off (a tag stays text), and sanitize-html then keeps only
 * the subset's tags and http(s)/mailto links, each with rel="nofollow ugc noopener" — two well-kept libraries, so a
 * gap in one is not a hole.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const parser = new MarkdownIt('zero', { html: false, linkify: false, breaks: true }).enable([
  'paragraph',
  'newline',
  'emphasis',
  'list',
  'blockquote',
  'backticks',
  'link',
  'escape',
  'entity',
]);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'code', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) },
};

/**
 * Rendered texts kept by their source: parsing and sanitizing cost more than the rest of a page's render, and the
 * same inputs are shown again and again (lists, the commitment page). The result is a pure function of the text, so
 * nothing needs to drop it; the oldest go first past the bound.
 */
const rendered = new Map<string, string>();
const MAX_KEPT = 2000;
const MAX_KEPT_LENGTH = 20_000;

/** The HTML of a text in the subset: safe to insert as is. */
export function renderSafeMarkdown(text: string): string {
  const kept = rendered.get(text);
  if (kept !== undefined) return kept;
  const html = sanitizeHtml(parser.render(text), SANITIZE);
  if (text.length <= MAX_KEPT_LENGTH) {
    if (rendered.size >= MAX_KEPT) rendered.delete(rendered.keys().next().value as string);
    rendered.set(text, html);
  }
  return html;
}

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

/** The HTML of a text in the subset: safe to insert as is. */
export function renderSafeMarkdown(text: string): string {
  return sanitizeHtml(parser.render(text), SANITIZE);
}

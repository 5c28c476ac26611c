import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'u', 'a', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'hr', 'sup', 'sub', 'span'],
  // `rel` is allowed only so that the transform below can set it (an editor's own rel is dropped there).
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: {
    // Links that leave the portal open without giving the other site a handle on this page.
    a: (tagName, { rel: _rel, ...attribs }) => ({ tagName, attribs: /^https?:/.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs }),
  },
};

/** True when the text contains markup rather than plain paragraphs. */
function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\s\S]*?>/i.test(s);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Turns an editor's input into safe HTML: markup is filtered to a small allow-list (no scripts, styles,
 * event handlers or images from elsewhere); plain text becomes paragraphs split on blank lines.
 */
export function toSafeHtml(input: string): string {
  if (!looksLikeHtml(input)) {
    return input
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escapeText(p).replace(/\r?\n/g, '<br />')}</p>`)
      .join('\n');
  }
  return sanitizeHtml(input, OPTIONS);
}

/** Plain text of some HTML (for summaries and search). */
export function htmlToText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

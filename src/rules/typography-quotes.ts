/**
 * typography-quotes (lang: ro): Romanian quotation marks are „…” (U+201E … U+201D); straight quotes "…"
 * come from typing on an English keyboard. One finding per pair (or per lone quote); no automatic fix.
 * Code, URLs and the front matter are not text.
 */
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

export const typographyQuotes: DocumentRule = {
  kind: 'document',
  id: 'typography-quotes',
  description: 'Romanian text uses the quotation marks „…”, not straight quotes "…"',
  severity: 'warning',
  messages: {
    pair: 'Expected „{{inner}}” with Romanian quotation marks, found "{{inner}}"',
    single: 'Expected Romanian quotation marks „…”, found a straight quote "',
  },
  check(doc, ctx) {
    if (doc.lang !== 'ro') return;
    for (const segment of textSegments(doc, ctx.text)) {
      const value = segment.value;
      let open = value.indexOf('"');
      while (open !== -1) {
        const close = value.indexOf('"', open + 1);
        if (close === -1) {
          ctx.report({ messageId: 'single', span: segment.span(open, open + 1) });
          break;
        }
        const inner = value.slice(open + 1, close).replace(/\s+/g, ' ');
        ctx.report({ messageId: 'pair', span: segment.span(open, close + 1), data: { inner: inner.length > 60 ? `${inner.slice(0, 60)}…` : inner } });
        open = value.indexOf('"', close + 1);
      }
    }
  },
};

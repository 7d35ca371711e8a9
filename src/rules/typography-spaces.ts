/**
 * typography-spaces: no doubled spaces between words (they come from typing or from converted documents;
 * Markdown shows one space, but they survive into Word exports and comparisons). The fix leaves one space.
 * Indentation and table padding are not inside text, so they are not concerned.
 */
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

const DOUBLED = /(?<=\S)[ \u00A0]{2,}(?=\S)/gu;

export const typographySpaces: DocumentRule = {
  kind: 'document',
  id: 'typography-spaces',
  description: 'No doubled spaces between words',
  severity: 'warning',
  messages: {
    spaces: 'Expected one space, found {{count}}',
  },
  check(doc, ctx) {
    for (const segment of textSegments(doc, ctx.text)) {
      if (!segment.value.includes('  ') && !segment.value.includes('\u00A0')) continue;
      for (const m of segment.value.matchAll(DOUBLED)) {
        const fix = segment.edit(m.index, m.index + m[0].length, ' ');
        ctx.report({ messageId: 'spaces', span: segment.span(m.index, m.index + m[0].length), data: { count: m[0].length }, ...(fix ? { fix } : {}) });
      }
    }
  },
};

/**
 * typography-cedilla (lang: ro): Romanian is written with comma-below ș ț Ș Ț (U+0219, U+021B, U+0218,
 * U+021A); the cedilla forms ş ţ Ş Ţ come from legacy encodings. One finding per word; the fix replaces
 * the letters. Text in the body and the front matter values; code is not text.
 */
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

const COMMA_BELOW: Record<string, string> = { ş: 'ș', ţ: 'ț', Ş: 'Ș', Ţ: 'Ț' };
const WORD = /[\p{L}\p{M}]*[şţŞŢ][\p{L}\p{M}]*/gu;

export const typographyCedilla: DocumentRule = {
  kind: 'document',
  id: 'typography-cedilla',
  description: 'Romanian text uses comma-below ș ț Ș Ț, not the cedilla forms ş ţ Ş Ţ',
  severity: 'error',
  messages: {
    cedilla: 'Expected "{{expected}}" with comma-below ș/ț, found "{{found}}" with cedilla',
  },
  check(doc, ctx) {
    if (doc.lang !== 'ro') return;
    for (const segment of textSegments(doc, ctx.text, { frontMatter: true })) {
      if (!/[şţŞŢ]/.test(segment.value)) continue;
      for (const m of segment.value.matchAll(WORD)) {
        const from = m.index;
        const to = from + m[0].length;
        const expected = m[0].replace(/[şţŞŢ]/g, (c) => COMMA_BELOW[c]!);
        const fix = segment.edit(from, to, expected);
        ctx.report({ messageId: 'cedilla', span: segment.span(from, to), data: { expected, found: m[0] }, ...(fix ? { fix } : {}) });
      }
    }
  },
};

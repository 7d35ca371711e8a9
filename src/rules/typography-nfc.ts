/**
 * typography-nfc: text is in Unicode NFC, so that "ș" is one character and not "s" + U+0326 (text pasted
 * from PDFs and some editors is decomposed; it looks the same but search and comparison miss it).
 * One finding per word; the fix composes the word.
 */
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

const WORD = /[\p{L}\p{M}\p{N}]+|\S/gu;

export const typographyNfc: DocumentRule = {
  kind: 'document',
  id: 'typography-nfc',
  description: 'Text is in Unicode NFC (composed characters)',
  severity: 'warning',
  messages: {
    nfc: 'Expected "{{expected}}" in composed Unicode (NFC), found it decomposed ({{found}})',
  },
  check(doc, ctx) {
    for (const segment of textSegments(doc, ctx.text, { frontMatter: true })) {
      if (segment.value.normalize('NFC') === segment.value) continue;
      for (const m of segment.value.matchAll(WORD)) {
        const word = m[0];
        const expected = word.normalize('NFC');
        if (expected === word) continue;
        const fix = segment.edit(m.index, m.index + word.length, expected);
        ctx.report({ messageId: 'nfc', span: segment.span(m.index, m.index + word.length), data: { expected, found: spell(word) }, ...(fix ? { fix } : {}) });
      }
    }
  },
};

/** The clusters that are not composed, spelled out: `t + U+0326, a + U+0306`. */
function spell(word: string): string {
  const parts: string[] = [];
  for (const m of word.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const cluster = m[0];
    if (cluster.normalize('NFC') === cluster) continue;
    parts.push([...cluster].map((c) => (/\p{M}/u.test(c) || c.normalize('NFC') !== c ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c)).join(' + '));
  }
  return parts.join(', ');
}

/**
 * typography-encoding (lang: ro): symptoms of text converted from a legacy encoding — "ã" for ă, "º"/"þ"
 * for ș/ț, "ª"/"Þ" for Ș/Ț inside words (ISO 8859-2 read as Windows-1252), and UTF-8 read as Windows-1252
 * ("È™" for ș, "Äƒ" for ă). One finding per word, with the probable spelling; no automatic fix (a guess).
 */
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

/** ISO 8859-2 letters read as Windows-1252, when they touch a letter. */
const LATIN2: Record<string, string> = { ã: 'ă', º: 'ș', þ: 'ț', ª: 'Ș', Þ: 'Ț', Ã: 'Ă' };
/** UTF-8 of Romanian letters read as Windows-1252. */
const UTF8_AS_1252: [string, string][] = [
  ['Äƒ', 'ă'], ['Ä‚', 'Ă'], ['Ã¢', 'â'], ['Ã‚', 'Â'], ['Ã®', 'î'], ['ÃŽ', 'Î'],
  ['È™', 'ș'], ['È˜', 'Ș'], ['È›', 'ț'], ['Èš', 'Ț'], ['ÅŸ', 'ş'], ['Åž', 'Ş'], ['Å£', 'ţ'], ['Å¢', 'Ţ'],
];
const SUSPECT = /[ãºþªÞÃÄÈÅ]/;
const WORD = /[^\s.,;:!?()[\]{}"'„”«»/\\]+/gu;
const LATIN2_IN_WORD = /(?<=\p{L})[ãºþªÞÃ]|[ãºþªÞÃ](?=\p{L})/u;

export const typographyEncoding: DocumentRule = {
  kind: 'document',
  id: 'typography-encoding',
  description: 'No symptoms of text converted from a legacy encoding (ã º þ inside words, È™ Äƒ)',
  severity: 'error',
  messages: {
    encoding: 'Expected Romanian letters, found "{{found}}" (text converted from a legacy encoding; probably "{{expected}}")',
  },
  check(doc, ctx) {
    if (doc.lang !== 'ro') return;
    for (const segment of textSegments(doc, ctx.text, { frontMatter: true })) {
      if (!SUSPECT.test(segment.value)) continue;
      for (const m of segment.value.matchAll(WORD)) {
        const word = m[0];
        if (!SUSPECT.test(word)) continue;
        let expected = word;
        for (const [bad, good] of UTF8_AS_1252) expected = expected.split(bad).join(good);
        if (expected === word) {
          if (!LATIN2_IN_WORD.test(word)) continue;
          expected = word.replace(/[ãºþªÞÃ]/g, (c) => LATIN2[c]!);
        }
        ctx.report({ messageId: 'encoding', span: segment.span(m.index, m.index + word.length), data: { found: word, expected } });
      }
    }
  },
};

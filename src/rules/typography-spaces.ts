/**
 * typography-spaces: no doubled spaces between words (they come from typing or from converted documents;
 * Markdown shows one space, but they survive into Word exports and comparisons). The fix leaves one space.
 * Indentation and table padding are not inside text, so they are not concerned.
 */
import { textSegments } from './document-text.js';
import type { DocumentRule } from './types.js';

const WHITE = /\s/;

/**
 * Runs of two or more spaces or no-break spaces between two characters that are not white space, as `[start,
 * end)` pairs. A scan rather than a regular expression: a run of millions of spaces overflows the backtracking
 * of a lookaround expression.
 */
export function doubledSpaces(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) continue;
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
    if (j - i >= 2 && i > 0 && j < text.length && !WHITE.test(text[i - 1]!) && !WHITE.test(text[j]!)) runs.push([i, j]);
    i = j;
  }
  return runs;
}

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
      for (const [start, end] of doubledSpaces(segment.value)) {
        const fix = segment.edit(start, end, ' ');
        ctx.report({ messageId: 'spaces', span: segment.span(start, end), data: { count: end - start }, ...(fix ? { fix } : {}) });
      }
    }
  },
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typographic, typographicKinds, wordDiff } from '../../src/diff/index.js';
import { plainText } from '../../src/diff/plain-text.js';
import { parseMarkdown } from '../../src/parse/index.js';

describe('typographic normalisation', () => {
  it('maps cedilla to comma-below, applies NFC, straightens quotes and collapses spacing — nothing else', () => {
    expect(typographic('Şi ţara „aşa” «bine»  ‘da’\u00a0\n nu ')).toBe('Și țara "așa" "bine" \'da\' nu');
    expect(typographic('a\u0306s\u0327')).toBe('ăș');
    expect(typographic('S3.1 — Centrul; (a) b')).toBe('S3.1 — Centrul; (a) b');
    expect(typographic('Centrul')).not.toBe(typographic('centrul'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'ș', 'ş', 'ț', 'ţ', ' ', '\n', '„', '”', 'a\u0306', '«', '’', '-') }), (s) => {
      expect(typographic(typographic(s))).toBe(typographic(s));
    }));
  });

  it('names the kinds of difference it removed', () => {
    expect(typographicKinds('şi', 'și')).toEqual(['cedilla']);
    expect(typographicKinds('„a”', '"a"')).toEqual(['quotes']);
    expect(typographicKinds('a  b', 'a b')).toEqual(['spacing']);
    expect(typographicKinds('a\u0306', 'ă')).toEqual(['unicode-normalisation']);
    expect(typographicKinds('„şi”  x', '"și" x')).toEqual(['cedilla', 'quotes', 'spacing']);
    expect(typographicKinds('same', 'same')).toEqual([]);
  });
});

describe('word diff', () => {
  const words = fc.array(fc.constantFrom('Centrul', 'asigură', 'planul', 'în', '72', 'de', 'ore', ',', '.', ' ', '  ', '\n', 'S3.1', 'ș', 'ş', '-'), { maxLength: 30 });

  it('joins back to both texts (removed+unchanged = FROM, added+unchanged = TO)', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const from = a.join('');
        const to = b.join('');
        const changes = wordDiff(from, to);
        expect(changes.filter((c) => !c.added).map((c) => c.value).join('')).toBe(from);
        expect(changes.filter((c) => !c.removed).map((c) => c.value).join('')).toBe(to);
        for (let i = 1; i < changes.length; i++) expect(changes[i - 1]!.added && changes[i]!.removed, 'a removal comes first').toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('folds spaces and single punctuation between two changes into one change', () => {
    expect(wordDiff("version: '2015-09'", "version: '2016-02'")).toEqual([
      { value: "version: '", added: false, removed: false, count: 1 },
      { value: '2015-09', added: false, removed: true, count: 1 },
      { value: '2016-02', added: true, removed: false, count: 1 },
      { value: "'", added: false, removed: false, count: 1 },
    ]);
    expect(wordDiff('', '')).toEqual([]);
  });
});

describe('plain text of blocks', () => {
  it('keeps what a reader sees: list markers, table cells, line breaks; drops markup', () => {
    const tree = parseMarkdown('Un **text** cu [legătură](https://example.org)\nși rând nou.\n\n- unu\n- doi\n\n1. a\n2. b\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n');
    expect(tree.children.map((n) => plainText(n))).toEqual(['Un text cu legătură\nși rând nou.', '- unu\n- doi', '1. a\n2. b', 'A | B\n1 | 2']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/diff/parts.js';
import { mark, piece, type Item } from '../../src/compare/ir.js';
import { canonical, labelChanges, mergeItems, trimChanges, type Out } from '../../src/compare/merge.js';
import { textPiece } from '../../src/render/inline.js';

const show = (changes: { value: string; added?: boolean; removed?: boolean }[]) => changes.map((c) => (c.added ? `+${c.value}` : c.removed ? `-${c.value}` : c.value));

describe('labels change number by number', () => {
  it('keeps what is the same and replaces each number that changed', () => {
    expect(show(labelChanges('S5.1.', 'S6.1.'))).toEqual(['S', '-5', '+6', '.', '1', '.']);
    expect(show(labelChanges('Im2S11.5:', 'Im3S12.4:'))).toEqual(['Im', '-2', '+3', 'S', '-11', '+12', '.', '-5', '+4', ':']);
    expect(show(labelChanges('Modulul II.', 'Modulul III.'))).toEqual(['Modulul', ' ', '-II', '+III', '.']);
    expect(show(labelChanges('S1.1.', 'S1.1.'))).toEqual(['S1.1.']);
  });

  it('replaces a label whole when the two do not line up', () => {
    expect(show(labelChanges('S5.1.', 'M.I.-S5.1.'))).toEqual(['-S5.1.', '+M.I.-S5.1.']);
  });
});

describe('replaced words are trimmed to what differs, when both sides keep something', () => {
  it('marks a cedilla letter alone, and a reference number alone', () => {
    expect(show(trimChanges(wordDiff('Rezultate aşteptate', 'Rezultate așteptate')))).toEqual(['Rezultate ', 'a', '-ş', '+ș', 'teptate']);
    expect(show(trimChanges(wordDiff('conform S5.2 și', 'conform S6.2 și'))).join('')).not.toContain('-S');
  });

  it('leaves a word alone when trimming would empty a side', () => {
    expect(show(trimChanges([{ value: 'S5', added: false, removed: true, count: 1 }, { value: 'S5a', added: true, removed: false, count: 1 }]))).toEqual(['-S5', '+S5a']);
  });
});

/** Paragraphs → the plain text the diff sees (blank lines between) and the stream the renderer makes (a mark after each). */
function side(paragraphs: string[]): { plain: string; items: Item[] } {
  return { plain: paragraphs.join('\n\n'), items: paragraphs.flatMap((p) => [...(p ? [piece(textPiece(p))] : []), mark({ style: 'Normal' })]) };
}

const visible = (outs: Out[], hidden: 'ins' | 'del') => canonical(outs.filter((o) => o.state !== hidden).map((o) => o.item));

describe('merged items read as FROM when insertions are dropped, as TO when deletions are', () => {
  const word = fc.constantFrom('centrul', 'asigură', 'planul', 'în', '24', 'de', 'ore,', 'beneficiarul', 'S5.1', 'şi', 'și');
  const paragraph = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
  const version = fc.array(paragraph, { minLength: 1, maxLength: 4 });

  it('for any two versions of a text (property)', () => {
    fc.assert(
      fc.property(version, version, fc.boolean(), (a, b, trim) => {
        const from = side(a);
        const to = side(b);
        const outs = mergeItems(from.items, to.items, { changes: wordDiff(from.plain, to.plain), fromText: from.plain, toText: to.plain, trim });
        expect(visible(outs, 'ins')).toBe(canonical(from.items));
        expect(visible(outs, 'del')).toBe(canonical(to.items));
        // Nothing is marked where the texts agree.
        if (from.plain === to.plain) expect(outs.every((o) => o.state === 'same')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a paragraph added at the end as its text and its own mark, inserted', () => {
    const from = side(['Centrul asigură planul.']);
    const to = side(['Centrul asigură planul.', 'Planul se revizuiește.']);
    const outs = mergeItems(from.items, to.items, { changes: wordDiff(from.plain, to.plain), fromText: from.plain, toText: to.plain });
    expect(outs.map((o) => `${o.state}:${o.item.kind === 'mark' ? '¶' : o.item.kind === 'piece' && o.item.piece.kind === 'text' ? o.item.piece.text : '?'}`)).toEqual([
      'same:Centrul asigură planul.',
      'same:¶',
      'ins:Planul se revizuiește.',
      'ins:¶',
    ]);
  });

  it('writes a paragraph removed between two others as its text and its own mark, deleted', () => {
    const from = side(['Centrul asigură planul.', 'Planul se revizuiește.', 'Beneficiarul semnează.']);
    const to = side(['Centrul asigură planul.', 'Beneficiarul semnează.']);
    const outs = mergeItems(from.items, to.items, { changes: wordDiff(from.plain, to.plain), fromText: from.plain, toText: to.plain });
    const shown = outs.map((o) => `${o.state}:${o.item.kind === 'mark' ? '¶' : o.item.kind === 'piece' && o.item.piece.kind === 'text' ? o.item.piece.text : '?'}`);
    expect(shown.slice(0, 4)).toEqual(['same:Centrul asigură planul.', 'same:¶', 'del:Planul se revizuiește.', 'del:¶']);
  });
});

import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import { parseText } from '../../src/parse/index.js';
import { generateEdits } from '../support/edits.js';
import { levelTruthOf, sortedLevels, type LevelTruth } from './ground-truth.js';

const AMENDMENTS = ['insert-first', 'remove', 'amend', 'reword-statement', 'split', 'merge', 'insert-indexed'];

function check(seed: number, options: { standards: number; edits?: number; kinds?: string[] }, label: string) {
  const generated = generateEdits(seed, options) as { from: string; to: string; edits: unknown[]; expected: LevelTruth };
  const from = parseText(generated.from, 'from.md');
  const to = parseText(generated.to, 'to.md');
  expect(from.doc.problems, 'the generated FROM parses cleanly').toEqual([]);
  expect(to.doc.problems, 'the generated TO parses cleanly').toEqual([]);
  const changeset = diffDocuments(from.doc, to.doc);
  expect(levelTruthOf(changeset), `${label}, seed ${seed}: ${JSON.stringify(generated.edits)}`).toEqual(sortedLevels(generated.expected));
}

describe('the diff recovers real amendment patterns exactly, at every level (modules, standards, requirements)', () => {
  it('amendment patterns only, several at once in small documents (150 seeds)', () => {
    for (let seed = 1; seed <= 150; seed++) check(seed, { standards: 3, edits: 4, kinds: AMENDMENTS }, 'amendments');
  });

  it('amendment patterns concentrated on one standard (the standard keeps its identity)', () => {
    for (let seed = 1; seed <= 150; seed++) check(seed, { standards: 1, edits: 3, kinds: AMENDMENTS }, 'one standard');
  });

  it('amendment patterns combined at random with every other kind of edit (100 seeds)', () => {
    for (let seed = 1; seed <= 100; seed++) check(seed, { standards: 8, edits: 6 }, 'all kinds');
  });
});

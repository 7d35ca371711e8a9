import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffDocuments } from '../../src/diff/index.js';
import { parseText } from '../../src/parse/index.js';
import { ROOT } from '../support/cli.js';
import { groundTruthOf, sorted, type GroundTruth } from './ground-truth.js';

const SET = path.join(ROOT, 'standards', 'vtp');
const read = (version: string) => parseText(fs.readFileSync(path.join(SET, `${version}.md`), 'utf8'), `${version}.md`).doc;
const expected = parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/bundled/expected-changes.yaml'), 'utf8')) as (GroundTruth & {
  from: string;
  to: string;
})[];

describe('the diff of the bundled versions matches the ground truth (expected-changes.yaml)', () => {
  it('has a ground truth for each version and the one it supersedes', () => {
    expect(expected.map((e) => `${e.from}→${e.to}`)).toEqual(['2015-09→2016-02', '2016-02→2016-04']);
  });

  for (const e of expected) {
    it(`${e.from} → ${e.to}: every standard and requirement change, and nothing else`, () => {
      const changeset = diffDocuments(read(e.from), read(e.to));
      const { from: _f, to: _t, ...truth } = e;
      expect(sorted(groundTruthOf(changeset))).toEqual(sorted(truth));
      // Standards: nothing modified in the ground truth; modules: none changed (same titles, same numerals).
      expect(changeset.units.filter((u) => u.kind === 'standard' && u.change === 'modified')).toEqual([]);
      expect(changeset.units.filter((u) => u.kind === 'module').map((u) => u.change)).toEqual(Array(6).fill('unchanged'));
    });
  }

  it('counts requirements in the summary, typographic-only ones as unchanged', () => {
    const changeset = diffDocuments(read('2015-09'), read('2016-02'));
    const truth = expected[0]!.requirements;
    const fromCount = read('2015-09').modules.flatMap((m) => m.standards.flatMap((s) => s.requirements)).length;
    const modified = new Set([...truth.modified, ...truth.moved].map((m) => m.from)).size;
    expect(changeset.summary).toEqual({
      added: truth.added.length,
      removed: truth.removed.length,
      modified,
      renumbered: truth.renumbered.length,
      unchanged: fromCount - truth.removed.length - modified - truth.renumbered.length,
    });
    expect(changeset.units.filter((u) => u.kind === 'requirement' && u.change === 'unchanged' && u.typographic).map((u) => u.from)).toEqual(
      truth['typographic-only'],
    );
  });

  it('says which typographic change it saw: cedilla → comma-below', () => {
    const changeset = diffDocuments(read('2015-09'), read('2016-02'));
    const s13 = changeset.units.find((u) => u.from === 'S1.3')!;
    expect(s13).toMatchObject({ change: 'unchanged', typographic: true, to: 'S1.3' });
    const text = s13.parts.find((p) => p.part === 'text')!;
    expect(text).toMatchObject({ difference: 'typographic', typographicKinds: ['cedilla'] });
    expect(text.changes.filter((c) => c.added || c.removed).map((c) => c.value)).toEqual(['şi', 'și']);
  });

  it('lists units in TO order with removed ones where they stood, each under its standard', () => {
    const changeset = diffDocuments(read('2015-09'), read('2016-02'));
    const ids = changeset.units.filter((u) => u.kind === 'requirement').map((u) => u.to ?? `-${u.from}`);
    expect(ids.slice(ids.indexOf('S9.1'), ids.indexOf('S9.1') + 4)).toEqual(['S9.1', 'S9.2', '-S8.3', 'S9.3']);
    const removed = changeset.units.find((u) => u.from === 'S8.3')!;
    expect(removed.parent).toMatchObject({ kind: 'standard', from: 'Standardul 8', to: 'Standardul 9' });
    const moved = changeset.units.find((u) => u.from === 'S11.4')!;
    expect(moved).toMatchObject({ change: 'modified', moved: true, to: 'S14.7', fromParent: 'Standardul 11', toParent: 'Standardul 14' });
    expect(moved.parent?.to).toBe('Standardul 14');
    const order = changeset.units.filter((u) => u.to).map((u) => u.toNode!.heading!.span.start.offset);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

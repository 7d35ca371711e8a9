import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/diff/index.js';
import { parseText } from '../../src/parse/index.js';
import { EDIT_KINDS, generateEdits } from '../support/edits.js';
import { groundTruthOf, sorted, type GroundTruth } from './ground-truth.js';

function diffOf(seed: number, options: { standards: number; edits?: number; kinds?: string[] }) {
  const generated = generateEdits(seed, options) as { from: string; to: string; edits: unknown[]; expected: GroundTruth };
  const from = parseText(generated.from, 'from.md');
  const to = parseText(generated.to, 'to.md');
  expect(from.doc.problems, 'the generated FROM parses cleanly').toEqual([]);
  expect(to.doc.problems, 'the generated TO parses cleanly').toEqual([]);
  return { generated, changeset: diffDocuments(from.doc, to.doc) };
}

describe('the edit generator', () => {
  it('is deterministic, makes every kind of edit, and edits nothing when asked for no edits', () => {
    expect(generateEdits(5, { standards: 10 })).toEqual(generateEdits(5, { standards: 10 }));
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 80; seed++) for (const e of generateEdits(seed, { standards: 12 }).edits as { kind: string }[]) kinds.add(e.kind);
    expect([...kinds].sort()).toEqual([...EDIT_KINDS].sort());
    const none = generateEdits(3, { standards: 6, edits: 0 });
    expect(none.edits).toEqual([]);
    expect(none.to.replace(/^version: .*\n|^date: .*\n|^supersedes: .*\n/gm, '')).toBe(none.from.replace(/^version: .*\n|^date: .*\n/gm, ''));
  });
});

describe('the diff reports exactly the edits the generator made', () => {
  const sizes: [standards: number, seeds: number][] = [
    [1, 40],
    [3, 60],
    [8, 60],
    [20, 40],
    [45, 12],
  ];
  for (const [standards, seeds] of sizes) {
    it(`${seeds} seeds, ${standards} standard(s)`, () => {
      for (let seed = 1; seed <= seeds; seed++) {
        const { generated, changeset } = diffOf(seed, { standards });
        expect(sorted(groundTruthOf(changeset)), `seed ${seed}: ${JSON.stringify(generated.edits)}`).toEqual(sorted(generated.expected));
      }
    });
  }

  it('with many edits at once (a heavily revised draft: most requirements unmatched by content)', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { generated, changeset } = diffOf(seed, { standards: 30, edits: 60 });
      expect(sorted(groundTruthOf(changeset)), `seed ${seed}`).toEqual(sorted(generated.expected));
    }
  });

  it('with one kind of edit at a time', () => {
    for (const kind of EDIT_KINDS) {
      for (let seed = 1; seed <= 6; seed++) {
        const { generated, changeset } = diffOf(seed, { standards: 10, edits: 4, kinds: [kind] });
        expect(sorted(groundTruthOf(changeset)), `${kind}, seed ${seed}`).toEqual(sorted(generated.expected));
      }
    }
  });

  it('lists every unit of both versions exactly once, under the right parent, TO units in TO order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { generated, changeset } = diffOf(seed, { standards: 12, edits: 8 });
      const from = parseText(generated.from, 'from.md').doc;
      const to = parseText(generated.to, 'to.md').doc;
      const nodes = (doc: typeof from) => doc.modules.flatMap((m) => [m, ...m.standards.flatMap((s) => [s, ...s.requirements])]);
      expect(changeset.units.map((u) => u.fromNode).filter(Boolean)).toHaveLength(nodes(from).length);
      expect(new Set(changeset.units.map((u) => u.fromNode).filter(Boolean)).size).toBe(nodes(from).length);
      expect(changeset.units.map((u) => u.toNode).filter(Boolean).map((n) => n!.heading!.span.start.offset)).toEqual(nodes(to).map((n) => n.heading!.span.start.offset));
      for (const u of changeset.units) {
        const expectedParent = u.kind === 'module' ? null : u.kind === 'standard' ? 'module' : 'standard';
        expect(u.parent?.kind ?? null, `${u.kind} ${u.from}→${u.to}`).toBe(expectedParent);
        if (u.toNode && u.parent?.toNode) expect((u.parent.toNode as { standards?: unknown[]; requirements?: unknown[] })[u.kind === 'standard' ? 'standards' : 'requirements']).toContain(u.toNode);
      }
    }
  });

  it('and the summary counts the same requirements', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { generated, changeset } = diffOf(seed, { standards: 10 });
      const truth = generated.expected.requirements;
      const modified = new Set([...truth.modified, ...truth.moved].map((m) => m.from)).size;
      expect(changeset.summary).toMatchObject({ added: truth.added.length, removed: truth.removed.length, modified, renumbered: truth.renumbered.length });
      const total = Object.values(changeset.summary).reduce((a, b) => a + b, 0);
      expect(total - changeset.summary.added).toBe(generated.from.match(/^### /gm)!.length);
    }
  });
});

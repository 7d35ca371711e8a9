import { describe, expect, it } from 'vitest';
import { readRegisters, registersFor, resolveObservations } from '../../src/compare/observations.js';
import { buildSynoptic, collapsedText, type SynopticRow } from '../../src/compare/synoptic.js';
import { DocxContext } from '../../src/render/context.js';
import type { StandardsDoc } from '../../src/model/types.js';
import { generateEdits } from '../support/edits.js';
import { bundled, changesetOf, parse } from './helpers.js';

const ctx = () => new DocxContext({ textWidth: 9000 });

function register(comments: [number | string, string][], from = '2015-09', to = '2016-02', file = 'comments/r.yaml') {
  const body = comments.map(([id, target]) => `  - id: ${id}\n    target: '${target}'\n    by: ADPARE\n    text: Text ${id}.\n    decision: pending\n`).join('');
  return readRegisters([{ file, text: `title: R\ndate: '2015-09-23'\nfrom: '${from}'\nto: '${to}'\ncomments:${body ? `\n${body}` : ' []\n'}` }]);
}

function lookup(docs: Record<string, StandardsDoc>) {
  return (name: string) => docs[name] ?? null;
}

const label = (row: SynopticRow) => (row.kind === 'unit' ? `${row.entry.from ?? ''}→${row.entry.to ?? ''}` : row.kind);

describe('synoptic rows', () => {
  const from = bundled('2015-09');
  const to = bundled('2016-02');
  const other = bundled('2016-04');
  const changeset = changesetOf(from, to);

  it('places an observation in the row of the unit it targets, by FROM’s number or by TO’s', () => {
    const registers = register([
      [1, 'S6.1'],
      [2, '2016-02:S7.1'],
      [3, 'Im1S5.1'],
      [4, 'Standardul 5'],
      [5, '2016-04:S1.1'],
    ]);
    const placed = resolveObservations(registers, lookup({ '2015-09': from, '2016-02': to, '2016-04': other }));
    const rows = buildSynoptic(changeset, ctx(), { registers, observations: placed }).rows;
    const ids = (row: SynopticRow | undefined) => row?.observations.map((p) => p.observation.id) ?? [];
    expect(ids(rows.find((r) => label(r) === 'S6.1→S7.1'))).toEqual(['1', '2']);
    expect(ids(rows.find((r) => label(r) === 'S5.1→S6.1'))).toEqual(['3']);
    expect(ids(rows.find((r) => label(r) === 'Standardul 5→Standardul 6'))).toEqual(['4']);
    // A version that is neither FROM nor TO: listed at the end.
    const last = rows[rows.length - 1]!;
    expect(last.kind).toBe('observations');
    expect(ids(last)).toEqual(['5']);
  });

  it('never collapses a unit with an observation, nor a moved one; collapses nothing with full', () => {
    const registers = register([[1, 'S1.2']]);
    const placed = resolveObservations(registers, lookup({ '2015-09': from, '2016-02': to }));
    const rows = buildSynoptic(changeset, ctx(), { registers, observations: placed }).rows;
    expect(rows.some((r) => label(r) === 'S1.2→S1.2')).toBe(true);
    expect(rows.some((r) => label(r) === 'S11.4→S14.7')).toBe(true);
    const collapsed = rows.filter((r) => r.kind === 'collapsed');
    expect(collapsed.length).toBeGreaterThan(5);
    for (const r of collapsed) for (const e of (r as Extract<SynopticRow, { kind: 'collapsed' }>).entries) expect(['unchanged', 'renumbered']).toContain(e.change);
    const full = buildSynoptic(changeset, ctx(), { full: true }).rows;
    expect(full.filter((r) => r.kind === 'collapsed')).toEqual([]);
    expect(full.filter((r) => r.kind === 'unit')).toHaveLength(changeset.units.length);
  });

  it('writes every unit of the Changeset once, in its order, in a unit row or a collapsed one', () => {
    for (const seed of [3, 17, 29]) {
      const g = generateEdits(seed, { standards: 10 });
      const cs = changesetOf(parse(g.from, 'from.md'), parse(g.to, 'to.md'));
      const rows = buildSynoptic(cs, ctx()).rows;
      const listed = rows.flatMap((r) => (r.kind === 'unit' ? [r.entry] : r.kind === 'collapsed' ? r.entries : []));
      expect(listed).toEqual(cs.units);
    }
  });

  it('says there is nothing to compare when FROM equals TO', () => {
    const same = buildSynoptic(changesetOf(other, bundled('2016-04'), ['2016-04', '2016-04']), ctx());
    expect(same.changed).toBe(false);
    expect(same.rows).toEqual([]);
  });
});

describe('collapsed rows', () => {
  const changeset = changesetOf(bundled('2015-09'), bundled('2016-02'));
  const units = (from: string, to: string) => {
    const i = changeset.units.findIndex((u) => u.from === from);
    const j = changeset.units.findIndex((u) => u.from === to);
    return changeset.units.slice(i, j + 1);
  };

  it('name unchanged runs by TO’s labels, typographic corrections said apart', () => {
    expect(collapsedText(units('S1.2', 'S1.6'), 'unchanged', 'ro')).toBe('S1.2–S1.6: nemodificate (corecturi tipografice în S1.3)');
    expect(collapsedText(units('S1.2', 'S1.6'), 'unchanged', 'en')).toBe('S1.2–S1.6: unchanged (typographic corrections in S1.3)');
  });

  it('name renumbered runs old → new, a standard and its requirements apart', () => {
    expect(collapsedText(units('Standardul 5', 'S5.6'), 'renumbered', 'ro')).toBe('Standardul 5 → 6; S5.1–S5.6 → S6.1–S6.6: renumerotate, fără alte modificări');
  });
});

describe('registers of a comparison', () => {
  it('are those on FROM that TO answers, or that nothing answers yet', () => {
    const a = register([], '2015-09', '2016-02', 'a.yaml');
    const b = register([], '2016-02', '2016-04', 'b.yaml');
    const pending = readRegisters([{ file: 'c.yaml', text: "title: C\ndate: '2016-02-17'\nfrom: '2015-09'\ncomments: []\n" }]);
    const all = [...a, ...b, ...pending];
    expect(registersFor(all, '2015-09', '2016-02').map((r) => r.file)).toEqual(['a.yaml', 'c.yaml']);
    expect(registersFor(all, '2016-02', '2016-04').map((r) => r.file)).toEqual(['b.yaml']);
    expect(registersFor(all, '2015-09', '2016-04').map((r) => r.file)).toEqual(['c.yaml']);
  });

  it('a register with a problem is an error naming its file and line', () => {
    expect(() => readRegisters([{ file: 'bad.yaml', text: "title: T\ndate: '2016-02-17'\nfrom: '2015-09'\ncomments:\n  - id: 1\n    target: S1.1\n    by: X\n    text: Y.\n    decision: maybe\n" }])).toThrow(
      /Expected decision accepted, partially-accepted, rejected or pending in observation 1, found "maybe"/,
    );
  });
});

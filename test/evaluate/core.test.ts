/** The pure core of the evaluation: spellings of the assessments, the fingerprint, scores and the colours. */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { buildGrid } from '../../src/evaluate/grid.js';
import { parseAssessment, readGrid, type Sheet } from '../../src/evaluate/read-grid.js';
import { evaluate, failingRequirements } from '../../src/evaluate/aggregate.js';
import { scoreColour } from '../../src/evaluate/charts.js';
import { gridLayout } from '../../src/evaluate/layout.js';
import { gridCsv, readCsvSheet } from '../../src/evaluate/csv.js';
import { DOC } from './helpers.js';

const grid = (text = DOC) => buildGrid(parseText(text, 'x.md').doc, '2015-01');

/** A sheet as the grid's layout writes it, with the assessments given by key. */
function sheet(values: Record<string, string>): Sheet {
  const g = grid();
  const rows = gridLayout(g).map((row) => {
    const cells = [...row.cells];
    if (row.kind === 'data' && values[row.row.key] !== undefined) cells[6] = values[row.row.key]!;
    return cells.map((text) => (text === '' ? undefined : { text }));
  });
  return { file: 'x.csv', rows, hiddenRows: [], merges: [] };
}

describe('assessments', () => {
  it('reads the list in any case, with cedilla or no diacritics, and the English words; nothing else', () => {
    expect(['Îndeplinit ', 'indeplinit', 'MET'].map(parseAssessment)).toEqual(['met', 'met', 'met']);
    expect(['parţial', 'Partial', 'partly met', 'parțial îndeplinit'].map(parseAssessment)).toEqual(['partial', 'partial', 'partial', 'partial']);
    expect(['neîndeplinit', 'NEINDEPLINIT', 'not met'].map(parseAssessment)).toEqual(['not-met', 'not-met', 'not-met']);
    expect(['nu se aplică', 'nu se aplica', 'N/A', 'not applicable'].map(parseAssessment)).toEqual(['not-applicable', 'not-applicable', 'not-applicable', 'not-applicable']);
    expect(['da', 'nu', '1', 'x'].map(parseAssessment)).toEqual([null, null, null, null]);
  });
});

describe('the grid and its fingerprint', () => {
  it('has one row per indicator, one per requirement without indicators, in document order', () => {
    expect(grid().rows.map((r) => r.key)).toEqual(['Im1S1.1', 'Im2S1.1', 'Im1S1.2', 'Im1S2.1', 'Im2S2.1', 'Im3S2.1', 'Im1S3.1', 'S3.2']);
  });

  it('changes with the wording of a requirement or indicator, not with the front matter or the line breaks', () => {
    const base = grid().fingerprint;
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(grid(DOC.replace("date: '2015-01-15'", "date: '2015-02-01'")).fingerprint).toBe(base);
    expect(grid(DOC.replace('Centrul dispune de un ghid.', 'Centrul dispune\nde un ghid.')).fingerprint).toBe(base);
    expect(grid(DOC.replace('Centrul dispune de un ghid.', 'Centrul dispune de un ghid actualizat.')).fingerprint).not.toBe(base);
    expect(grid(DOC.replace('- Decizia scrisă.', '- Decizia motivată.')).fingerprint).not.toBe(base);
  });
});

describe('the CSV grid', () => {
  it('writes a text a spreadsheet would run as a formula behind an apostrophe, and reads it back as written', () => {
    const hostile = grid(DOC.replace('- Decizia scrisă.', '- =HYPERLINK("http://example.org","x")'));
    const csv = gridCsv(hostile);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.org"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const { sheet } = readCsvSheet(csv.replace(/^\uFEFF/, ''), 'grid.csv');
    expect(sheet.rows.flat().some((c) => c?.text === '=HYPERLINK("http://example.org","x")')).toBe(true);
  });
});

describe('scores', () => {
  it('leave out what does not apply or was not assessed; no applicable indicator gives no score', () => {
    const filled = readGrid(sheet({ 'Im1S1.1': 'îndeplinit', 'Im2S1.1': 'parțial', 'Im1S1.2': 'nu se aplică', 'Im1S3.1': 'nu se aplică', 'S3.2': 'nu se aplică' }), grid());
    const e = evaluate(grid(), [{ name: 'A', file: 'x.csv', entries: filled.entries }]);
    const a = e.services[0]!;
    expect(a.modules.map((m) => m.score)).toEqual([
      { points: 1.5, applicable: 2, score: 0.75 },
      { points: 0, applicable: 0, score: null },
    ]);
    expect(a.requirements.get('S1.2')!.status).toBe('not-applicable');
    expect(a.requirements.get('S2.1')!.status).toBe('not-assessed');
    expect(a.notAssessed).toEqual(['Im1S2.1', 'Im2S2.1', 'Im3S2.1']);
  });

  it('a requirement is failed by most when more than the share of services do not meet it (half is not more)', () => {
    const services = [
      { 'Im1S1.2': 'neîndeplinit' },
      { 'Im1S1.2': 'parțial' },
      { 'Im1S1.2': 'îndeplinit' },
      { 'Im1S1.2': 'îndeplinit' },
    ].map((v, i) => ({ name: String(i), file: 'x.csv', entries: readGrid(sheet(v), grid()).entries }));
    const e = evaluate(grid(), services);
    expect(failingRequirements(e).map((r) => r.id)).toEqual([]);
    expect(failingRequirements(e, 0.4).map((r) => r.id)).toEqual(['S1.2']);
  });
});

describe('colours', () => {
  it('go from red through yellow to green', () => {
    expect([scoreColour(0), scoreColour(0.5), scoreColour(1), scoreColour(2)]).toEqual(['#d73027', '#fee08b', '#1a9850', '#1a9850']);
  });
});

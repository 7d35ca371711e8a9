/**
 * The layout of a grid sheet, the same in .xlsx, .csv and on paper: a title, the metadata rows (label in
 * column A, value in column B), a line of instructions, the header row, then for each module a heading row,
 * for each standard a heading row and its rows. The reader finds the header and metadata by their labels,
 * so a grid saved again by a spreadsheet (or as CSV) still reads.
 */
import { GRID_WORDS, META_KEYS, moduleHeading, rowCells, standardHeading, type Grid, type GridRow, type MetaKey } from './grid.js';

export type LayoutRow =
  | { kind: 'title'; cells: string[] }
  | { kind: 'meta'; key: MetaKey; cells: string[] }
  | { kind: 'note'; cells: string[] }
  | { kind: 'blank'; cells: string[] }
  | { kind: 'header'; cells: string[] }
  | { kind: 'module'; cells: string[] }
  | { kind: 'standard'; cells: string[] }
  | { kind: 'data'; cells: string[]; row: GridRow };

export interface GridInfo {
  service?: string;
  date?: string;
  evaluator?: string;
}

/** The column of the metadata values (D, the wide one): the label in A spills over the empty B and C. */
export const META_VALUE_COLUMN = 3;

/** The header values of a grid: what it evaluates (standards, version, fingerprint) and what the evaluator fills. */
export function metaValues(grid: Grid, info: GridInfo = {}): Record<MetaKey, string> {
  return {
    standards: grid.title,
    version: grid.version,
    fingerprint: grid.fingerprint,
    service: info.service ?? '',
    date: info.date ?? '',
    evaluator: info.evaluator ?? '',
  };
}

/**
 * `repeatText`: the requirement text on every row of the requirement (CSV, for other tools), or only on its
 * first row (the workbook, easier to read).
 */
export function gridLayout(grid: Grid, info: GridInfo = {}, options: { repeatText?: boolean } = {}): LayoutRow[] {
  const words = GRID_WORDS[grid.lang];
  const values = metaValues(grid, info);
  const out: LayoutRow[] = [{ kind: 'title', cells: [`${words.title} — ${grid.title}`] }];
  for (const key of META_KEYS) out.push({ kind: 'meta', key, cells: [words.meta[key], '', '', values[key]] });
  out.push({ kind: 'note', cells: [words.instructions] }, { kind: 'blank', cells: [] });
  const c = words.columns;
  out.push({ kind: 'header', cells: [c.module, c.standard, c.requirement, c.requirementText, c.indicator, c.indicatorText, c.assessment, c.evidence, c.notes] });
  for (const m of grid.modules) {
    out.push({ kind: 'module', cells: [moduleHeading(m, words)] });
    for (const s of m.standards) {
      out.push({ kind: 'standard', cells: [standardHeading(s, words)] });
      s.rows.forEach((row, i) => {
        const cells = rowCells(row, words);
        if (!options.repeatText && i > 0 && s.rows[i - 1]!.requirement === row.requirement) cells[3] = '';
        out.push({ kind: 'data', cells, row });
      });
    }
  }
  return out;
}

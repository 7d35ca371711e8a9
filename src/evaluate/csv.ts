/**
 * The grid as CSV (UTF-8 with a byte-order mark, so spreadsheets show the diacritics; the same rows as the
 * workbook), and CSV text read back as a sheet (decoded by text-encoding.ts: Windows-1250 is what Romanian Excel
 * saves as "CSV"); `,`, `;` or tab separators, chosen by which one shows the grid's header.
 */
import { parse } from 'csv-parse/sync';
import { gridLayout, type GridInfo } from './layout.js';
import type { Grid } from './grid.js';
import { fold, type Sheet, type SheetCell } from './read-grid.js';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written behind an apostrophe,
 * which spreadsheets show as text; readCsvSheet takes it off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const defuse = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
const quote = (raw: string) => {
  const value = defuse(raw);
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

export function gridCsv(grid: Grid, info: GridInfo = {}): string {
  const lines = gridLayout(grid, info, { repeatText: true }).map((row) => {
    const cells = [...row.cells];
    while (cells.length < 9) cells.push('');
    return cells.map(quote).join(',');
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const HEADER_WORDS = ['cerinta', 'indicator', 'evaluare', 'requirement', 'assessment'];

/** The CSV as a sheet; `delimiter` is the separator that made the grid's header readable. */
export function readCsvSheet(text: string, file: string): { sheet: Sheet; delimiter: string } {
  let best: { records: string[][]; delimiter: string; score: number } | null = null;
  for (const delimiter of [',', ';', '\t']) {
    let records: string[][];
    try {
      records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
    } catch {
      continue;
    }
    const score = records.slice(0, 40).reduce((most, r) => Math.max(most, r.filter((c) => HEADER_WORDS.includes(fold(c))).length), 0);
    if (!best || score > best.score) best = { records, delimiter, score };
  }
  if (!best) throw new Error('unreadable CSV (unbalanced quotes)');
  const rows = best.records.map((r) => r.map((c): SheetCell | undefined => (c === '' ? undefined : { text: /^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c })));
  return { sheet: { file, rows, hiddenRows: [], merges: [] }, delimiter: best.delimiter };
}

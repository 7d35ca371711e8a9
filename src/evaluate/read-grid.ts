/**
 * Reading a filled grid back: a sheet's cells (from .xlsx or .csv, read in src/cli) → the assessments it
 * holds, checked against the version's grid. Every problem is a finding with the file and cell
 * (`centre-iasi.xlsx!G17`); the rows that are valid are kept, so an evaluation goes on with what is usable.
 * A sheet with no recognisable header is not a grid: that is an error of the whole file.
 */
import { ASSESSMENTS, COLUMN_KEYS, GRID_WORDS, META_KEYS, columnLetter, type Assessment, type ColumnKey, type Grid, type MetaKey } from './grid.js';

/** One cell as a reader found it: its value (as text), and its formula when it holds one. */
export interface SheetCell {
  text: string;
  formula?: string;
  /** Whether a formula cell has a computed value stored with it. */
  hasResult?: boolean;
}

export interface Sheet {
  /** The file's label in messages (`centre-iasi.xlsx`). */
  file: string;
  /** The worksheet's name, when the file has several. */
  sheetName?: string;
  /** rows[r][c], 0-based; missing cells are absent. */
  rows: (SheetCell | undefined)[][];
  /** 1-based numbers of hidden rows. */
  hiddenRows: number[];
  /** Merged ranges, 1-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  /** `G17`, or null for the file as a whole. */
  cell: string | null;
  severity: Severity;
  message: string;
}

export interface Entry {
  key: string;
  assessment: Assessment | null;
  evidence: string;
  notes: string;
  /** The assessment cell (`G17`). */
  cell: string;
}

export interface FilledGrid {
  file: string;
  meta: Partial<Record<MetaKey, string>>;
  entries: Map<string, Entry>;
  findings: Finding[];
  /** Whether the file could be read as a grid at all. */
  usable: boolean;
}

const HEADER_SEARCH = 40;

/** A metadata value: the first filled cell right of its label. */
function valueRightOf(row: (SheetCell | undefined)[], c: number): string {
  for (let i = c + 1; i < row.length; i++) {
    const text = row[i]?.text.trim();
    if (text) return text;
  }
  return '';
}

/** Lower case, comma-below diacritics, then no diacritics at all, single spaces: how labels are compared. */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[şș]/gi, 's')
    .replace(/[ţț]/gi, 't')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

const ASSESSMENT_SPELLINGS: Record<string, Assessment> = {};
for (const lang of ['ro', 'en'] as const) for (const a of ASSESSMENTS) ASSESSMENT_SPELLINGS[fold(GRID_WORDS[lang].assessments[a])] = a;
Object.assign(ASSESSMENT_SPELLINGS, {
  'partial indeplinit': 'partial',
  'indeplinit partial': 'partial',
  partial: 'partial',
  'nu este indeplinit': 'not-met',
  'nu se aplica.': 'not-applicable',
  'n/a': 'not-applicable',
  'n.a.': 'not-applicable',
  na: 'not-applicable',
});

/** The assessment a cell's text names, or null. */
export function parseAssessment(text: string): Assessment | null {
  return ASSESSMENT_SPELLINGS[fold(text)] ?? null;
}

const COLUMN_SPELLINGS = new Map<string, ColumnKey>();
const META_SPELLINGS = new Map<string, MetaKey>();
for (const lang of ['ro', 'en'] as const) {
  const words = GRID_WORDS[lang];
  for (const key of COLUMN_KEYS) COLUMN_SPELLINGS.set(fold(words.columns[key]), key);
  for (const key of META_KEYS) META_SPELLINGS.set(fold(words.meta[key]), key);
}

const REQUIRED: ColumnKey[] = ['requirement', 'indicator', 'assessment'];

const cellName = (row: number, col: number) => `${columnLetter(col + 1)}${row + 1}`;

/**
 * Reads a sheet as a filled grid of `grid` (the version it is checked against). Findings name the cell; the
 * entries hold every valid assessment.
 */
export function readGrid(sheet: Sheet, grid: Grid): FilledGrid {
  const file = sheet.sheetName ? `${sheet.file}[${sheet.sheetName}]` : sheet.file;
  const findings: Finding[] = [];
  const entries = new Map<string, Entry>();
  const meta: Partial<Record<MetaKey, string>> = {};
  const report = (cell: string | null, severity: Severity, message: string) => findings.push({ file, cell, severity, message });
  const words = GRID_WORDS[grid.lang];
  const expectedHeader = COLUMN_KEYS.map((k) => words.columns[k]).join(', ');

  // The header row: the first row naming at least the id and assessment columns.
  let headerRow = -1;
  let columns = new Map<ColumnKey, number>();
  let bestGuess: { row: number; matched: number } | null = null;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH); r++) {
    const found = new Map<ColumnKey, number>();
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const key = cell ? COLUMN_SPELLINGS.get(fold(cell.text)) : undefined;
      if (key && !found.has(key)) found.set(key, c);
    });
    if (REQUIRED.every((k) => found.has(k))) {
      headerRow = r;
      columns = found;
      break;
    }
    if (found.size >= 3 && (!bestGuess || found.size > bestGuess.matched)) bestGuess = { row: r, matched: found.size };
  }
  if (headerRow < 0) {
    if (bestGuess) {
      const row = sheet.rows[bestGuess.row] ?? [];
      const found = new Set<ColumnKey>();
      row.forEach((cell) => {
        const key = cell ? COLUMN_SPELLINGS.get(fold(cell.text)) : undefined;
        if (key) found.add(key);
      });
      const missing = REQUIRED.filter((k) => !found.has(k)).map((k) => `"${words.columns[k]}"`);
      report(`A${bestGuess.row + 1}`, 'error', `Expected the grid's header (${expectedHeader}), found a header without ${missing.join(', ')}: restore the header row as stdraft checklist wrote it`);
    } else {
      report(null, 'error', `Expected an evaluation grid (a header row ${expectedHeader} in the first ${HEADER_SEARCH} rows), found none: this is not a grid made by stdraft checklist`);
    }
    return { file, meta, entries, findings, usable: false };
  }

  // Metadata rows above the header: label in one cell, value in the next.
  for (let r = 0; r < headerRow; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length - 1; c++) {
      const key = row[c] ? META_SPELLINGS.get(fold(row[c]!.text.replace(/:$/, ''))) : undefined;
      if (key && meta[key] === undefined) {
        meta[key] = valueRightOf(row, c);
        break;
      }
    }
  }

  // Columns: a changed header names what is missing or moved.
  const header = sheet.rows[headerRow] ?? [];
  COLUMN_KEYS.forEach((key, expectedIndex) => {
    const at = columns.get(key);
    if (at === undefined) {
      const here = header[expectedIndex]?.text ?? '';
      if (key === 'evidence' || key === 'notes') {
        report(cellName(headerRow, expectedIndex), 'warning', `Expected column "${words.columns[key]}", found ${here ? `"${here}"` : 'an empty header cell'}: its values are not read`);
      }
    }
  });
  for (let c = 0; c < header.length; c++) {
    const text = header[c]?.text.trim() ?? '';
    if (text && !COLUMN_SPELLINGS.has(fold(text))) {
      report(cellName(headerRow, c), 'warning', `Expected one of the grid's columns (${expectedHeader}), found "${text}": the column is ignored`);
    }
  }

  // Merged cells below the header hide values: each merge is named; only its first cell is read.
  const coveredCells = new Set<string>();
  for (const m of sheet.merges) {
    if (m.bottom - 1 <= headerRow) continue;
    const range = `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
    report(range, 'error', `Expected one value per cell, found merged cells ${range}: unmerge them and fill each row; only ${columnLetter(m.left)}${m.top} is read`);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) coveredCells.add(`${r - 1}:${c - 1}`);
  }
  const hidden = new Set(sheet.hiddenRows);

  const expected = new Map(grid.rows.map((r) => [r.key, r]));
  const get = (r: number, key: ColumnKey): { text: string; cell: string; formula?: string; hasResult?: boolean } | null => {
    const c = columns.get(key);
    if (c === undefined) return null;
    if (coveredCells.has(`${r}:${c}`)) return { text: '', cell: cellName(r, c) };
    const cell = sheet.rows[r]?.[c];
    return { text: (cell?.text ?? '').trim(), cell: cellName(r, c), ...(cell?.formula !== undefined ? { formula: cell.formula, hasResult: cell.hasResult ?? false } : {}) };
  };

  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const req = get(r, 'requirement')!;
    const ind = get(r, 'indicator')!;
    const rowAssessment = get(r, 'assessment')!;
    if (!req.text && !ind.text) {
      if (rowAssessment.text) report(rowAssessment.cell, 'warning', `Expected an assessment only on a row with a requirement or indicator id, found "${rowAssessment.text}" on a row without one: it is ignored`);
      continue;
    }
    for (const part of [req, ind]) {
      if (part.formula !== undefined) report(part.cell, 'error', `Expected an id typed as a value, found the formula =${part.formula}: the row is not read`);
    }
    if (req.formula !== undefined || ind.formula !== undefined) continue;
    const key = (ind.text || req.text).replace(/\s+/g, '');
    const idCell = ind.text ? ind.cell : req.cell;
    const row = expected.get(key);
    if (!row) {
      report(idCell, 'error', `Expected ${ind.text ? 'an indicator' : 'a requirement'} id of ${grid.version}, found "${key}": the row is not read`);
      continue;
    }
    if (ind.text && req.text && req.text.replace(/\s+/g, '') !== row.requirement) {
      report(req.cell, 'error', `Expected ${row.requirement} for ${key}, found "${req.text}": the row is not read`);
      continue;
    }
    if (!ind.text && row.indicator) {
      report(ind.cell, 'error', `Expected an indicator id for ${req.text} (it has indicators), found none: the row is not read`);
      continue;
    }
    if (entries.has(key)) {
      report(idCell, 'error', `Expected ${key} once, found it again (first at ${entries.get(key)!.cell}): this row is not read`);
      continue;
    }
    if (hidden.has(r + 1)) report(`A${r + 1}`, 'warning', `Expected every row visible, found row ${r + 1} (${key}) hidden: it is read; unhide it to check`);
    let assessment: Assessment | null = null;
    let text = rowAssessment.text;
    if (rowAssessment.formula !== undefined) {
      if (rowAssessment.hasResult && text) {
        report(rowAssessment.cell, 'warning', `Expected a value, found the formula =${rowAssessment.formula}: its computed value "${text}" is used; replace the formula by the value`);
      } else {
        report(rowAssessment.cell, 'error', `Expected a value, found the formula =${rowAssessment.formula} with no computed value: ${key} is not assessed; type the value`);
        text = '';
      }
    }
    if (!text) {
      if (rowAssessment.formula === undefined) report(rowAssessment.cell, 'warning', `Expected an assessment of ${key} (${listWords(grid)}), found an empty cell: ${key} is counted as not assessed`);
    } else {
      assessment = parseAssessment(text);
      if (!assessment) {
        report(rowAssessment.cell, 'error', `Expected one of ${listWords(grid)}, found "${text}": ${key} is counted as not assessed`);
      }
    }
    entries.set(key, { key, assessment, evidence: get(r, 'evidence')?.text ?? '', notes: get(r, 'notes')?.text ?? '', cell: rowAssessment.cell });
  }

  // A grid with no assessment at all was not filled in: one finding, not one per empty cell.
  if (entries.size > 0 && [...entries.values()].every((e) => e.assessment === null)) {
    const kept = findings.filter((f) => !/found an empty cell/.test(f.message));
    kept.push({ file, cell: null, severity: 'error', message: `Expected assessments in column "${words.columns.assessment}", found none: the grid is not filled in and is left out` });
    return { file, meta, entries: new Map(), findings: kept, usable: false };
  }

  // The grid against the version: its version, fingerprint and the rows it lacks.
  if (meta.version && meta.version !== grid.version) {
    report(null, 'error', `Expected a grid of version ${grid.version}, found one made for version ${meta.version}: only the ids that ${grid.version} also has are read`);
  } else if (meta.fingerprint && meta.fingerprint !== grid.fingerprint) {
    report(null, 'error', `Expected the fingerprint ${grid.fingerprint} of ${grid.version}'s requirements, found ${meta.fingerprint}: the grid was made for another text of the standards; make a new one with stdraft checklist`);
  } else if (!meta.fingerprint) {
    report(null, 'warning', `Expected the fingerprint of the requirements in the grid's header, found none: the grid cannot be checked against ${grid.version}'s text`);
  }
  const missing = grid.rows.filter((r) => !entries.has(r.key)).map((r) => r.key);
  if (missing.length > 0) {
    const shown = missing.slice(0, 8).join(', ') + (missing.length > 8 ? `, … (${missing.length - 8} more)` : '');
    report(null, 'warning', `Expected the ${grid.rows.length} rows of ${grid.version}'s grid, found ${missing.length} missing: ${shown}; they are counted as not assessed`);
  }
  return { file, meta, entries, findings, usable: true };
}

function listWords(grid: Grid): string {
  const a = GRID_WORDS[grid.lang].assessments;
  return ASSESSMENTS.map((k) => `"${a[k]}"`).join(', ');
}

/** `file!C17: message` */
export function findingLine(f: Finding): string {
  return `${f.file}${f.cell ? `!${f.cell}` : ''}: ${f.severity} ${f.message}`;
}

/** The version a sheet's metadata names (`Versiunea` / `Version` beside it), before it is read as a grid. */
export function sheetVersion(sheet: Sheet): string | null {
  for (const row of sheet.rows.slice(0, HEADER_SEARCH)) {
    for (let c = 0; c < (row?.length ?? 0) - 1; c++) {
      const cell = row![c];
      if (cell && META_SPELLINGS.get(fold(cell.text.replace(/:$/, ''))) === 'version') {
        const value = valueRightOf(row!, c);
        if (value) return value;
      }
    }
  }
  return null;
}

/** Whether a sheet has a grid header (used to choose the grid among a workbook's sheets). */
export function hasGridHeader(sheet: Sheet): boolean {
  return sheet.rows.slice(0, HEADER_SEARCH).some((row) => {
    const keys = new Set((row ?? []).map((cell) => (cell ? COLUMN_SPELLINGS.get(fold(cell.text)) : undefined)));
    return REQUIRED.every((k) => keys.has(k));
  });
}

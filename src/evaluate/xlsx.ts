/**
 * The grid as an Excel workbook (exceljs), and a workbook's first grid sheet read back as cells.
 * Written: frozen header, a drop-down list on the assessment column, each standard's rows grouped under its
 * heading row, the version and fingerprint in the header cells, landscape A4 fitted to the width with the
 * header row repeated on every printed page.
 */
import ExcelJS from 'exceljs';
import { ASSESSMENTS, GRID_WORDS, columnLetter, type Grid } from './grid.js';
import { gridLayout, type GridInfo } from './layout.js';
import type { Sheet, SheetCell } from './read-grid.js';

const WIDTHS = [8, 9, 9, 52, 11, 44, 15, 30, 30];
const HEADER_FILL = 'FFDCE6F1';
const MODULE_FILL = 'FFB8CCE4';
const STANDARD_FILL = 'FFEEF3F8';
const INPUT_FILL = 'FFFFFBE6';

export async function gridXlsx(grid: Grid, info: GridInfo = {}): Promise<Uint8Array> {
  const words = GRID_WORDS[grid.lang];
  const layout = gridLayout(grid, info);
  const headerRow = layout.findIndex((r) => r.kind === 'header') + 1;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'stdraft';
  wb.title = `${words.title} — ${grid.version}`;
  wb.subject = grid.title;
  const ws = wb.addWorksheet(grid.lang === 'ro' ? 'Grila' : 'Grid', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `G${headerRow + 2}` }],
    // outlineLevelRow above the rows' level: exceljs marks rows collapsed otherwise, and they open hidden.
    properties: { outlineLevelRow: 2, outlineProperties: { summaryBelow: false, summaryRight: false } },
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: `&L${grid.version} · ${grid.fingerprint}&R&P / &N` },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const list = `"${ASSESSMENTS.map((a) => words.assessments[a]).join(',')}"`;
  const columnCount = WIDTHS.length;
  layout.forEach((item, i) => {
    const row = ws.getRow(i + 1);
    item.cells.forEach((value, c) => {
      if (value !== '') row.getCell(c + 1).value = item.kind === 'data' && c === 1 ? Number(value) : value;
    });
    switch (item.kind) {
      case 'title':
        row.font = { bold: true, size: 14 };
        break;
      case 'meta':
        row.getCell(1).font = { bold: true };
        break;
      case 'note':
        row.getCell(1).font = { italic: true, color: { argb: 'FF555555' } };
        break;
      case 'header':
        for (let c = 1; c <= columnCount; c++) {
          const cell = row.getCell(c);
          cell.font = { bold: true };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
          cell.alignment = { vertical: 'middle', wrapText: true };
          cell.border = { bottom: { style: 'medium' } };
        }
        break;
      case 'module':
        for (let c = 1; c <= columnCount; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MODULE_FILL } };
        row.font = { bold: true, size: 12 };
        break;
      case 'standard':
        for (let c = 1; c <= columnCount; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STANDARD_FILL } };
        row.font = { bold: true };
        break;
      case 'data':
        row.outlineLevel = 1;
        // Wrapped text: the height of its longest cell, so the rows print and open readable everywhere.
        row.height = 15 * [3, 5, 7, 8].reduce((most, c) => Math.max(most, Math.ceil((item.cells[c]?.length ?? 0) / (WIDTHS[c]! * 1.1))), 1);
        for (let c = 1; c <= columnCount; c++) {
          const cell = row.getCell(c);
          cell.alignment = { vertical: 'top', wrapText: c === 4 || c === 6 || c >= 8 };
          cell.border = { bottom: { style: 'hair', color: { argb: 'FFBBBBBB' } } };
          if (c >= 7) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
        }
        row.getCell(7).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [list],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: words.columns.assessment,
          error: ASSESSMENTS.map((a) => words.assessments[a]).join(' / '),
          showInputMessage: true,
          promptTitle: words.columns.assessment,
          prompt: ASSESSMENTS.map((a) => words.assessments[a]).join(' / '),
        };
        break;
      default:
        break;
    }
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columnCount } };
  void columnLetter;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): SheetCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  const v = value as unknown as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v['result'];
    const resultText = result === undefined || result === null ? '' : typeof result === 'object' ? ('error' in (result as object) ? '' : String(result)) : String(result);
    return { text: resultText, formula: String(v['formula'] ?? v['sharedFormula']), hasResult: resultText !== '' };
  }
  if ('richText' in v && Array.isArray(v['richText'])) return { text: (v['richText'] as { text: string }[]).map((p) => p.text).join('') };
  if ('text' in v) return { text: String(v['text']) };
  if ('error' in v) return { text: String(v['error']) };
  return { text: String(value) };
}

/**
 * The worksheets of a workbook as sheets (cells as text, formulas, hidden rows, merges), in workbook order.
 * Throws when the bytes are not a workbook (the caller names the file).
 */
export async function readXlsxSheets(bytes: Uint8Array, file: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: (SheetCell | undefined)[][] = [];
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) hiddenRows.push(n);
      const cells: (SheetCell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        cells[c - 1] = cellText(cell.value);
      });
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is NonNullable<typeof m> => m !== null);
    sheets.push({ file, ...(wb.worksheets.length > 1 ? { sheetName: ws.name } : {}), rows, hiddenRows, merges });
  });
  return sheets;
}

function parseRange(range: string): Sheet['merges'][number] | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]!), bottom: Number(m[4]), right: col(m[3]!) };
}

/** A small workspace to evaluate, and grids filled the way an evaluator (or a spreadsheet) fills them. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../support/tmp.js';

/** Two modules, three standards, five requirements, eight rows (S3.2 has no indicator: it is assessed itself). */
export const DOC = `---
title: Standarde de evaluat
version: '2015-01'
date: '2015-01-15'
status: final
lang: ro
---

# Modulul I. Accesarea serviciului

## Standardul 1. Informarea

Centrul informează beneficiarii.

**Rezultate așteptate:** Beneficiarii cunosc serviciile.

### S1.1

Centrul dispune de un ghid.

**Indicatori:**

- Ghidul beneficiarului.
- Registrul de informare.

### S1.2

Centrul are un interpret.

**Indicatori:**

- Contractul cu interpretul.

## Standardul 2. Admiterea

Centrul admite beneficiarii.

**Rezultate așteptate:** Admiterea este rapidă.

### S2.1

Decizia se comunică în 24 de ore.

**Indicatori:**

- Registrul de admitere.
- Decizia scrisă.
- Fișa de admitere.

# Modulul II. Evaluare

## Standardul 3. Evaluarea

Centrul evaluează nevoile.

**Rezultate așteptate:** Nevoile sunt cunoscute.

### S3.1

Evaluarea se face în 72 de ore.

**Indicatori:**

- Fișa de evaluare.

### S3.2

Evaluarea se revizuiește lunar.
`;

export const KEYS = ['Im1S1.1', 'Im2S1.1', 'Im1S1.2', 'Im1S2.1', 'Im2S2.1', 'Im3S2.1', 'Im1S3.1', 'S3.2'] as const;

export function workspace(extra: Record<string, string | Uint8Array> = {}): string {
  return tempDir({ 'standards/demo/2015-01.md': DOC, ...extra });
}

export type Fill = Partial<Record<string, string | [string, string?, string?]>>;

/** Fills a workbook made by `checklist`: assessment, evidence, notes by row key; `edit` changes it further. */
export async function fillXlsx(file: string, fill: Fill, edit?: (ws: ExcelJS.Worksheet) => void, out = file): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  ws.eachRow((row) => {
    const key = String(row.getCell(5).value ?? '') || String(row.getCell(3).value ?? '');
    const value = fill[key];
    if (value === undefined || !row.getCell(3).value) return;
    const [assessment, evidence, notes] = typeof value === 'string' ? [value] : value;
    row.getCell(7).value = assessment;
    if (evidence) row.getCell(8).value = evidence;
    if (notes) row.getCell(9).value = notes;
  });
  edit?.(ws);
  await wb.xlsx.writeFile(out);
}

/** The grid's CSV filled, as rows of cells. */
export function fillCsvRows(file: string, fill: Fill): string[][] {
  const rows = parse(fs.readFileSync(file, 'utf8'), { bom: true, relax_column_count: true }) as string[][];
  return rows.map((cells) => {
    const key = cells[4] || cells[2];
    const value = key ? fill[key] : undefined;
    if (value === undefined || !cells[2]) return cells;
    const [assessment, evidence, notes] = typeof value === 'string' ? [value] : value;
    const out = [...cells];
    out[6] = assessment;
    out[7] = evidence ?? '';
    out[8] = notes ?? '';
    return out;
  });
}

export function csvText(rows: string[][], separator = ','): string {
  const quote = (c: string) => (c.includes(separator) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${rows.map((r) => r.map(quote).join(separator)).join('\r\n')}\r\n`;
}

export const inDir = (dir: string, ...parts: string[]) => path.join(dir, ...parts);

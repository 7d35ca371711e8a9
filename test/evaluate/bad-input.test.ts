/**
 * Bad grids: each gets a clear finding naming the file and cell, the evaluation goes on with what is valid,
 * and nothing crashes; a file that is no grid at all is an input error (exit 2) that writes nothing.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { fillXlsx, inDir, KEYS, workspace } from './helpers.js';

const ALL_MET = Object.fromEntries(KEYS.map((k) => [k, 'îndeplinit']));

/** A workspace with a grid made by checklist, filled (all met unless `fill` says otherwise) and edited. */
async function grid(edit?: (ws: ExcelJS.Worksheet) => void, fill: Record<string, string> = {}): Promise<string> {
  const dir = workspace();
  expect((await runCli(['checklist', '2015-01', '--centre', 'Centrul A', '-o', 'a.xlsx'], { cwd: dir })).code).toBe(0);
  await fillXlsx(inDir(dir, 'a.xlsx'), { ...ALL_MET, ...fill }, edit);
  return dir;
}

/** The row of a key in the sheet (1-based). */
function rowOf(ws: ExcelJS.Worksheet, key: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if ((String(row.getCell(5).value ?? '') || String(row.getCell(3).value ?? '')) === key && row.getCell(3).value) found = n;
  });
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

const findings = (stderr: string) => stderr.split('\n').filter((l) => /^a\.xlsx(!\S+)?: (error|warning) /.test(l));

describe('evaluate: bad grids', () => {
  it('the grid as checklist wrote it, filled: header row 10, data from row 13, no finding', async () => {
    const dir = await grid((ws) => {
      expect(ws.getRow(10).getCell(7).value).toBe('Evaluare');
      expect(rowOf(ws, 'Im1S1.1')).toBe(13);
    });
    const r = await runCli(['evaluate', 'a.xlsx', '-o', '-'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).services[0]).toMatchObject({ name: 'Centrul A', score: 1, applicable: 8 });
  });

  it('a changed header: a missing assessment column makes the file unreadable; a renamed notes column is a warning', async () => {
    const renamed = await grid((ws) => {
      ws.getCell('G10').value = 'Rezultat';
    });
    const r = await runCli(['evaluate', 'a.xlsx', '-o', 'r.json'], { cwd: renamed });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stdraft: a.xlsx: A10: Expected the grid\'s header (Modul, Standard, Cerința, Textul cerinței, Indicator, Textul indicatorului, Evaluare, Dovezi consultate, Observații), found a header without "Evaluare": restore the header row as stdraft checklist wrote it (stdraft checklist makes a grid to fill)\n');
    expect(fs.existsSync(inDir(renamed, 'r.json'))).toBe(false);
    const notes = await grid((ws) => {
      ws.getCell('I10').value = 'Comentarii';
    });
    const n = await runCli(['evaluate', 'a.xlsx', '-o', '-'], { cwd: notes });
    expect(n.code).toBe(0);
    expect(findings(n.stderr)).toEqual([
      'a.xlsx!I10: warning Expected column "Observații", found "Comentarii": its values are not read',
      'a.xlsx!I10: warning Expected one of the grid\'s columns (Modul, Standard, Cerința, Textul cerinței, Indicator, Textul indicatorului, Evaluare, Dovezi consultate, Observații), found "Comentarii": the column is ignored',
    ]);
  });

  it('hidden rows are read, with a warning naming the row', async () => {
    let row = 0;
    const dir = await grid(
      (ws) => {
        row = rowOf(ws, 'Im2S2.1');
        ws.getRow(row).hidden = true;
      },
      { 'Im2S2.1': 'neîndeplinit' },
    );
    const r = await runCli(['evaluate', 'a.xlsx', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(findings(r.stderr)).toEqual([`a.xlsx!A${row}: warning Expected every row visible, found row ${row} (Im2S2.1) hidden: it is read; unhide it to check`]);
    expect(JSON.parse(r.stdout).services[0].unmet).toEqual([{ requirement: 'S2.1', status: 'not-met', notes: [] }]);
  });

  it('merged cells: named as a range, only their first cell is read (exit 1, the rest evaluated)', async () => {
    let top = 0;
    const dir = await grid((ws) => {
      top = rowOf(ws, 'Im1S2.1');
      ws.mergeCells(`G${top}:G${top + 2}`);
    });
    const r = await runCli(['evaluate', 'a.xlsx', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = findings(r.stderr);
    expect(lines[0]).toBe(`a.xlsx!G${top}:G${top + 2}: error Expected one value per cell, found merged cells G${top}:G${top + 2}: unmerge them and fill each row; only G${top} is read`);
    expect(lines.slice(1)).toEqual([
      `a.xlsx!G${top + 1}: warning Expected an assessment of Im2S2.1 ("îndeplinit", "parțial", "neîndeplinit", "nu se aplică"), found an empty cell: Im2S2.1 is counted as not assessed`,
      `a.xlsx!G${top + 2}: warning Expected an assessment of Im3S2.1 ("îndeplinit", "parțial", "neîndeplinit", "nu se aplică"), found an empty cell: Im3S2.1 is counted as not assessed`,
    ]);
    expect(JSON.parse(r.stdout).services[0]).toMatchObject({ applicable: 6, score: 1, notAssessed: ['Im2S2.1', 'Im3S2.1'] });
  });

  it('formulas: their computed value is used with a warning; without one, an error and the indicator is not assessed', async () => {
    let a = 0;
    let b = 0;
    const dir = await grid((ws) => {
      a = rowOf(ws, 'Im1S1.1');
      b = rowOf(ws, 'Im1S1.2');
      ws.getCell(`G${a}`).value = { formula: 'IF(1=1,"parțial","")', result: 'parțial' } as ExcelJS.CellFormulaValue;
      ws.getCell(`G${b}`).value = { formula: 'H1' } as ExcelJS.CellFormulaValue;
    });
    const r = await runCli(['evaluate', 'a.xlsx', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stderr)).toEqual([
      `a.xlsx!G${a}: warning Expected a value, found the formula =IF(1=1,"parțial","") : its computed value "parțial" is used; replace the formula by the value`.replace(' :', ':'),
      `a.xlsx!G${b}: error Expected a value, found the formula =H1 with no computed value: Im1S1.2 is not assessed; type the value`,
    ]);
    expect(JSON.parse(r.stdout).services[0]).toMatchObject({ points: 6.5, applicable: 7, notAssessed: ['Im1S1.2'] });
  });

  it('an empty assessment, one outside the list and an unknown id: each named by its cell', async () => {
    let empty = 0;
    let wrong = 0;
    let unknown = 0;
    const dir = await grid(
      (ws) => {
        empty = rowOf(ws, 'Im1S3.1');
        wrong = rowOf(ws, 'Im2S1.1');
        unknown = rowOf(ws, 'S3.2');
        ws.getCell(`G${empty}`).value = null;
        ws.getCell(`C${unknown}`).value = 'S3.9';
      },
      { 'Im2S1.1': 'da' },
    );
    const r = await runCli(['evaluate', 'a.xlsx', '-o', 'r.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stderr)).toEqual([
      `a.xlsx!G${wrong}: error Expected one of "îndeplinit", "parțial", "neîndeplinit", "nu se aplică", found "da": Im2S1.1 is counted as not assessed`,
      `a.xlsx!G${empty}: warning Expected an assessment of Im1S3.1 ("îndeplinit", "parțial", "neîndeplinit", "nu se aplică"), found an empty cell: Im1S3.1 is counted as not assessed`,
      `a.xlsx!C${unknown}: error Expected a requirement id of 2015-01, found "S3.9": the row is not read`,
      "a.xlsx: warning Expected the 8 rows of 2015-01's grid, found 1 missing: S3.2; they are counted as not assessed",
    ]);
    // The report is written with what is valid, and lists the findings.
    const report = JSON.parse(fs.readFileSync(inDir(dir, 'r.json'), 'utf8'));
    expect(report.services[0]).toMatchObject({ points: 5, applicable: 5 });
    expect(report.findings).toHaveLength(4);
  });

  it('a grid made for another text of the standards (fingerprint) or another version', async () => {
    const dir = await grid();
    fs.writeFileSync(inDir(dir, 'standards/demo/2015-01.md'), fs.readFileSync(inDir(dir, 'standards/demo/2015-01.md'), 'utf8').replace('Centrul are un interpret.', 'Centrul are un interpret autorizat.'));
    const r = await runCli(['evaluate', 'a.xlsx', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stderr)).toEqual([expect.stringMatching(/^a\.xlsx: error Expected the fingerprint [0-9a-f]{16} of 2015-01's requirements, found [0-9a-f]{16}: the grid was made for another text of the standards; make a new one with stdraft checklist$/)]);
    const other = await grid((ws) => {
      ws.getCell('D3').value = '2014-01';
    });
    const o = await runCli(['evaluate', 'a.xlsx', '--version', '2015-01', '-o', '-'], { cwd: other });
    expect(findings(o.stderr)).toEqual(['a.xlsx: error Expected a grid of version 2015-01, found one made for version 2014-01: only the ids that 2015-01 also has are read']);
    expect((await runCli(['evaluate', 'a.xlsx'], { cwd: other })).stderr).toBe('stdraft: unknown version "2014-01" in set demo (versions: 2015-01)\n');
  });

  it('a grid with no assessment at all is left out, with one finding', async () => {
    const dir = workspace();
    await runCli(['checklist', '2015-01', '-o', 'a.xlsx'], { cwd: dir });
    const r = await runCli(['evaluate', 'a.xlsx'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('stdraft: a.xlsx: Expected assessments in column "Evaluare", found none: the grid is not filled in and is left out (stdraft checklist makes a grid to fill)\n');
  });

  it('a workbook that is not a grid, a file that is not a workbook, an unreadable CSV: exit 2, one line, nothing written', async () => {
    const dir = workspace();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Buget').addRows([
      ['Cheltuieli', 'Suma'],
      ['Hrană', 1200],
    ]);
    await wb.xlsx.writeFile(inDir(dir, 'buget.xlsx'));
    const notGrid = await runCli(['evaluate', 'buget.xlsx', '--version', '2015-01', '-o', 'r.html'], { cwd: dir });
    expect(notGrid).toMatchObject({ code: 2, stdout: '' });
    expect(notGrid.stderr).toBe('stdraft: buget.xlsx: Expected an evaluation grid (a header row Modul, Standard, Cerința, Textul cerinței, Indicator, Textul indicatorului, Evaluare, Dovezi consultate, Observații in the first 40 rows), found none: this is not a grid made by stdraft checklist (stdraft checklist makes a grid to fill)\n');
    fs.writeFileSync(inDir(dir, 'fals.xlsx'), 'Modul,Standard\n');
    const fake = await runCli(['evaluate', 'fals.xlsx', '--version', '2015-01'], { cwd: dir });
    expect(fake.stderr).toBe('stdraft: fals.xlsx: Expected an Excel workbook (.xlsx), found a file that does not open as one: save it again as .xlsx (stdraft checklist makes a grid to fill)\n');
    fs.writeFileSync(inDir(dir, 'rupt.csv'), 'Modul,"Standard\n');
    const broken = await runCli(['evaluate', 'rupt.csv', 'buget.xlsx', '--version', '2015-01'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^rupt\.csv: error Expected an evaluation grid .*\nbuget\.xlsx: error Expected an evaluation grid .*\nstdraft: none of the 2 grid file\(s\) could be read \(see the findings above\) \(stdraft checklist makes a grid to fill\)\n$/);
    expect(fs.readdirSync(dir).sort()).toEqual(['buget.xlsx', 'fals.xlsx', 'rupt.csv', 'standards']);
  });

  it('usage errors: no version named anywhere, an output of another kind, --centre with several grids', async () => {
    const dir = await grid();
    expect((await runCli(['evaluate', 'a.xlsx', '-o', 'r.pdf'], { cwd: dir })).stderr).toBe('stdraft: the output r.pdf does not end in .docx, .html or .json (name the report OUT.docx, OUT.html or OUT.json)\n');
    fs.copyFileSync(inDir(dir, 'a.xlsx'), inDir(dir, 'c.xlsx'));
    expect((await runCli(['evaluate', 'a.xlsx', 'c.xlsx', '--centre', 'X'], { cwd: dir })).stderr).toMatch(/^stdraft: --centre names the service of a single grid/);
    expect((await runCli(['checklist', '2015-01', '-o', 'g.pdf'], { cwd: dir })).stderr).toBe('stdraft: the output g.pdf does not end in .xlsx, .docx or .csv (name the grid OUT.xlsx (spreadsheet), OUT.docx (paper) or OUT.csv)\n');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(inDir(dir, 'a.xlsx'));
    wb.worksheets[0]!.getCell('D3').value = null;
    await wb.xlsx.writeFile(inDir(dir, 'b.xlsx'));
    expect((await runCli(['evaluate', 'b.xlsx'], { cwd: dir })).stderr).toBe('stdraft: the grids do not name the version they were made for (give it with --version, e.g. --version 2007-11)\n');
  });
});

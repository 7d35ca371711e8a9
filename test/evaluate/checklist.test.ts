/** `stdraft checklist`: the workbook's frozen header, drop-down, grouping and print setup; the paper grid; the CSV. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { inDir, KEYS, workspace } from './helpers.js';

describe('stdraft checklist', () => {
  it('writes a workbook with a frozen header, the drop-down list, each standard grouped, the version and fingerprint, print setup', async () => {
    const dir = workspace();
    const r = await runCli(['checklist', '2015-01', '--centre', 'Centrul A', '-o', 'g.xlsx'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^wrote g\.xlsx \(2015-01: 8 rows for 5 requirements; fingerprint [0-9a-f]{16}\)\n$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(inDir(dir, 'g.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Grila');
    expect([2, 3, 4, 5].map((n) => [ws.getCell(`A${n}`).value, ws.getCell(`D${n}`).value])).toEqual([
      ['Standardele', 'Standarde de evaluat'],
      ['Versiunea', '2015-01'],
      ['Amprenta', /fingerprint ([0-9a-f]{16})/.exec(r.stdout)![1]],
      ['Serviciul evaluat', 'Centrul A'],
    ]);
    expect(ws.getRow(10).values).toEqual([undefined, 'Modul', 'Standard', 'Cerința', 'Textul cerinței', 'Indicator', 'Textul indicatorului', 'Evaluare', 'Dovezi consultate', 'Observații']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 10 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '10:10' });
    const rows: { key: string; level: number; validation: unknown; text: unknown }[] = [];
    ws.eachRow((row, n) => {
      if (n > 10) rows.push({ key: String(row.getCell(5).value ?? row.getCell(3).value ?? row.getCell(1).value), level: row.outlineLevel, validation: row.getCell(7).dataValidation, text: row.getCell(4).value });
    });
    expect(rows.map((x) => `${x.key}:${x.level}`)).toEqual([
      'Modulul I. Accesarea serviciului:0',
      'Standardul 1. Informarea:0',
      'Im1S1.1:1',
      'Im2S1.1:1',
      'Im1S1.2:1',
      'Standardul 2. Admiterea:0',
      'Im1S2.1:1',
      'Im2S2.1:1',
      'Im3S2.1:1',
      'Modulul II. Evaluare:0',
      'Standardul 3. Evaluarea:0',
      'Im1S3.1:1',
      'S3.2:1',
    ]);
    const data = rows.filter((x) => x.level === 1);
    expect(data.map((x) => x.key)).toEqual([...KEYS]);
    for (const x of data) expect(x.validation).toMatchObject({ type: 'list', allowBlank: true, showErrorMessage: true, formulae: ['"îndeplinit,parțial,neîndeplinit,nu se aplică"'] });
    // The requirement's text once, on its first row.
    expect(data.map((x) => x.text)).toEqual(['Centrul dispune de un ghid.', null, 'Centrul are un interpret.', 'Decizia se comunică în 24 de ore.', null, null, 'Evaluarea se face în 72 de ore.', 'Evaluarea se revizuiește lunar.']);
    // Grouped rows open expanded (nothing collapsed or hidden).
    const sheet = await (await JSZip.loadAsync(fs.readFileSync(inDir(dir, 'g.xlsx')))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/collapsed="1"|hidden="1"/);
    expect(sheet).toMatch(/<outlinePr summaryBelow="0"/);
  });

  it('writes the paper grid in Word: landscape, header row repeated, tick boxes', async () => {
    const dir = workspace();
    expect((await runCli(['checklist', '2015-01', '-o', 'g.docx'], { cwd: dir })).code).toBe(0);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(inDir(dir, 'g.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect((xml.match(/☐ îndeplinit/g) ?? []).length).toBe(8);
    expect(xml).toContain('Im3S2.1: Fișa de admitere.');
  });

  it('prints the CSV without -o: the same rows, the requirement text on every row', async () => {
    const dir = workspace();
    const r = await runCli(['checklist', '2015-01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFGrilă de evaluare — Standarde de evaluat')).toBe(true);
    const rows = parse(r.stdout, { bom: true, relax_column_count: true }) as string[][];
    const data = rows.filter((x) => x[2]);
    expect(data.slice(1).map((x) => [x[2], x[4], x[3]])).toEqual([
      ['S1.1', 'Im1S1.1', 'Centrul dispune de un ghid.'],
      ['S1.1', 'Im2S1.1', 'Centrul dispune de un ghid.'],
      ['S1.2', 'Im1S1.2', 'Centrul are un interpret.'],
      ['S2.1', 'Im1S2.1', 'Decizia se comunică în 24 de ore.'],
      ['S2.1', 'Im2S2.1', 'Decizia se comunică în 24 de ore.'],
      ['S2.1', 'Im3S2.1', 'Decizia se comunică în 24 de ore.'],
      ['S3.1', 'Im1S3.1', 'Evaluarea se face în 72 de ore.'],
      ['S3.2', '', 'Evaluarea se revizuiește lunar.'],
    ]);
    expect((await runCli(['checklist', '2015-01', '--format', 'xlsx', '-o', 'g.csv'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['checklist', '2099-01', '-o', 'g.xlsx'], { cwd: dir })).stderr).toBe('stdraft: unknown version "2099-01" in set demo (versions: 2015-01)\n');
    expect(fs.existsSync(inDir(dir, 'g.xlsx'))).toBe(false);
  });
});

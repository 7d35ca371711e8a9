/**
 * Real readers: LibreOffice opens the grid workbook (Calc) with its drop-down list in place and prints it
 * with the header on every page; it opens the paper grid and the Word report (Writer), whose charts are
 * pictures in the PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { requireOffice } from '../render/docx.js';

/** Converts files with LibreOffice (one run, its own profile) and returns the converted files by input. */
function convert(files: string[], to: string): Map<string, string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stdraft-lo-'));
  const outDir = path.join(work, 'out');
  const result = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', to, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 300_000 });
  const out = new Map<string, string>();
  for (const file of files) {
    const converted = path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, '')}.${to}`);
    if (!fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} to ${to} (is libreoffice-calc-nogui installed?): ${result.stderr || result.stdout}`);
    out.set(file, converted);
  }
  return out;
}

const pdfText = (pdf: string, page?: number) =>
  spawnSync('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);

describe('LibreOffice reads the grids and the evaluation report', () => {
  if (!requireOffice()) return;

  it('opens the 2007-11 grid in Calc: drop-down list kept, landscape pages with the header repeated, version and fingerprint', async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, 'grila.xlsx');
    const r = await runCli(['checklist', '2007-11', '--centre', 'Centrul regional de asistență Iași', '-o', xlsx], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    const fingerprint = /fingerprint ([0-9a-f]{16})/.exec(r.stdout)![1]!;
    const pdf = convert([xlsx], 'pdf').get(xlsx)!;
    const count = pages(pdf);
    expect(count).toBeGreaterThan(3);
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const first = pdfText(pdf, 1);
    for (const wanted of ['Grilă de evaluare', 'Versiunea', '2007-11', fingerprint, 'Centrul regional de asistență Iași', 'Im1S1.1']) expect(first).toContain(wanted);
    for (let page = 2; page <= count; page++) expect(pdfText(pdf, page), `page ${page}`).toMatch(/Cerința[\s\S]*Textul indicatorului[\s\S]*Evaluare/);
    // The drop-down as Calc keeps it: a validation listing the four assessments on the assessment cells.
    const ods = convert([xlsx], 'ods').get(xlsx)!;
    const content = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(ods)))['content.xml']!);
    const validation = /<table:content-validation [^>]*>/.exec(content)?.[0] ?? '';
    expect(validation).toMatch(/table:condition="of:cell-content-is-in-list\(&quot;îndeplinit&quot;;&quot;parțial&quot;;&quot;neîndeplinit&quot;;&quot;nu se aplică&quot;\)"/);
    expect(validation).toMatch(/table:allow-empty-cell="true"/);
    const name = /table:name="([^"]+)"/.exec(validation)![1]!;
    expect((content.match(new RegExp(`table:content-validation-name="${name}"`, 'g')) ?? []).length).toBeGreaterThan(0);
  });

  it('opens the paper grid and the Word report of the bundled 2015 evaluation; the report has its charts as pictures', async () => {
    const dir = tempDir();
    const grid = path.join(dir, 'grila.docx');
    const report = path.join(dir, 'evaluare.docx');
    expect((await runCli(['checklist', '2007-11', '-o', grid], { cwd: ROOT })).code).toBe(0);
    const r = await runCli(['evaluate', 'standards/vtp/evaluations/2015', '-o', report], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    const pdfs = convert([grid, report], 'pdf');
    const gridText = pdfText(pdfs.get(grid)!);
    for (const wanted of ['Grilă de evaluare', '☐ îndeplinit', '☐ nu se aplică', 'Modulul VI. Drepturi și etică', 'Im1S21.4']) expect(gridText).toContain(wanted);
    const reportText = pdfText(pdfs.get(report)!).replace(/\s+/g, ' ');
    for (const wanted of ['Raportul de evaluare a serviciilor', 'Scorul fiecărui serviciu', 'Centrul regional de asistență Craiova', 'Harta cerințelor', 'Cerințele neîndeplinite de cele mai multe servicii', 'S7.1.']) {
      expect(reportText).toContain(wanted);
    }
    // One chart of the scores and one heat map per module: seven pictures.
    const images = spawnSync('pdfimages', ['-list', pdfs.get(report)!], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(images.filter((line) => line.split(/\s+/)[3] === 'image')).toHaveLength(7);
  });
});

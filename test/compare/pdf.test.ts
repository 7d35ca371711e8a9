/**
 * A real reader: LibreOffice converts every document this area writes (synoptic tables, redlines, reports)
 * to PDF, and pdftotext finds what each must say.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { pdfTexts, requireOffice } from '../render/docx.js';


const JOBS: { name: string; args: string[]; expect: (string | RegExp)[] }[] = [
  {
    name: 'synoptic-2015-09-2016-02',
    args: ['compare', '2015-09', '2016-02'],
    expect: ['Tabel sinoptic: 2015-09 → 2016-02', 'Observații și motivare', 'Renumerotat: S6.1 → S7.1', 'Mutat: S11.4 → S14.7', /Decizie: acceptată parțial/, /S1\.2–S1\.6: nemodificate/, 'S2.1: nemodificată'],
  },
  {
    name: 'synoptic-full-2016-02-2016-04',
    args: ['compare', '2016-02', '2016-04', '--full'],
    expect: ['Tabel sinoptic: 2016-02 → 2016-04', 'Text revizuit (2016-04', /Obs\. 1 — S3\.1 — DGASPC Timiș/],
  },
  { name: 'synoptic-same', args: ['compare', '2016-04', '2016-04'], expect: ['Versiunile 2016-04 și 2016-04 nu diferă'] },
  {
    name: 'redline-2015-09-2016-02',
    args: ['compare', '2015-09', '2016-02', '--layout', 'redline', '--author', 'Atelierul de lucru'],
    expect: ['Text comparat, cu modificările marcate', 'cu consultarea beneficiarilor', 'Evaluarea inițială a riscurilor', /S14\.7\. Centrul sprijină beneficiarul în obținerea documentelor/, /Beneficiarii au acces la bucătărie/],
  },
  { name: 'redline-2016-02-2016-04', args: ['compare', '2016-02', '2016-04', '--layout', 'redline'], expect: ['Text comparat, cu modificările marcate', /Numărul minim de personal/] },
  {
    name: 'report-2015-09',
    args: ['report', 'standards/vtp/comments/2015-09-workshop.yaml'],
    expect: ['Raport privind recomandările primite', 'Recomandări pe organizații', ...Array.from({ length: 20 }, (_, i) => `Obs. ${i + 1} — `)],
  },
  { name: 'report-2016-02', args: ['report', 'standards/vtp/comments/2016-02-workshop.yaml'], expect: ['Raport privind recomandările primite', ...Array.from({ length: 17 }, (_, i) => `Obs. ${i + 1} — `)] },
];

describe('LibreOffice reads the comparison documents and the reports', () => {
  if (!requireOffice()) return;

  it('converts every synoptic table, redline and report, and finds what each must say', async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (const job of JOBS) {
      const file = path.join(dir, `${job.name}.docx`);
      const r = await runCli([...job.args, '-o', file], { cwd: ROOT });
      expect(r.code, `${job.name}: ${r.stderr}`).toBe(0);
      files.push(file);
    }
    const texts = pdfTexts(files);
    JOBS.forEach((job, i) => {
      // pdftotext breaks lines where the page does: compare with the line breaks as spaces.
      const text = texts.get(files[i]!)!.replace(/\s+/g, ' ');
      for (const wanted of job.expect) {
        if (typeof wanted === 'string') expect(text, job.name).toContain(wanted);
        else expect(text, job.name).toMatch(wanted);
      }
    });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.docx'))).toHaveLength(JOBS.length);
  }, 300_000);
});

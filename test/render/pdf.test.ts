/**
 * A real reader: LibreOffice converts every produced .docx to PDF and pdftotext must find the title, the
 * PROIECT mark (drafts only), and every requirement id and indicator id of the bundled versions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/parse/index.js';
import { allRequirements } from '../../src/model/walk.js';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { pdfTexts, requireOffice } from './docx.js';
import { produce } from './helpers.js';


describe('LibreOffice reads the produced documents', () => {
  if (!requireOffice()) return;

  it('finds the title, PROIECT (draft only), every requirement id and indicator id of the bundled versions', async () => {
    const dir = tempDir();
    const jobs = [
      ...['2015-09', '2016-02', '2016-04'].map((version) => ({ command: 'render' as const, version })),
      { command: 'export' as const, version: '2016-04' },
    ];
    const files: string[] = [];
    for (const job of jobs) {
      const result = await produce(job.command, [job.version], ROOT);
      expect(result.code).toBe(0);
      const file = path.join(dir, `${job.command}-${job.version}.docx`);
      fs.copyFileSync(result.file, file);
      files.push(file);
    }
    const texts = pdfTexts(files);
    jobs.forEach((job, i) => {
      const raw = texts.get(files[i]!)!;
      const text = raw.replace(/\s+/g, ' ');
      const { doc } = parseBytes(fs.readFileSync(path.join(ROOT, 'standards/vtp', `${job.version}.md`)), job.version);
      expect(text, `${job.command} ${job.version}: title`).toContain(doc.meta.title!);
      expect(/\bPROIECT\b/.test(raw), `${job.command} ${job.version}: PROIECT`).toBe(job.command === 'render');
      expect(text).toContain('Pagina 1 din ');
      const tokens = new Set(text.split(' '));
      const missing: string[] = [];
      for (const r of allRequirements(doc)) {
        const id = `S${r.id!.standard}.${r.id!.index}`;
        if (!tokens.has(`${id}.`)) missing.push(id);
        r.indicators.forEach((ind) => {
          const indicator = `Im${ind.position}${id}:`;
          if (!tokens.has(indicator)) missing.push(indicator);
        });
      }
      expect(missing, `${job.command} ${job.version}: ids not found in the PDF text`).toEqual([]);
    });
  });
});

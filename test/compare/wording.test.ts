/**
 * The comparison documents speak to a workshop audience: the identification data and the registers in the
 * page's Romanian words, collapsed rows that are true (a module or standard with changed units under it keeps
 * its row) and grammatical (one unit: "nemodificat", "nemodificată"), rows kept whole when they fit on a page,
 * table headers in <thead> for print, and a redline header on one line.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerTitle } from '../../src/compare/redline.js';
import { buildSynoptic, collapsedText, type SynopticRow } from '../../src/compare/synoptic.js';
import { summaryNotes } from '../../src/compare/synoptic-docx.js';
import { readRegisters, resolveObservations } from '../../src/compare/observations.js';
import { DocxContext } from '../../src/render/context.js';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { readDocx } from '../render/docx.js';
import { bundled, changesetOf } from './helpers.js';
import fs from 'node:fs';

const ctx = () => new DocxContext({ textWidth: 9000 });
const rowText = (row: SynopticRow) => (row.kind === 'collapsed' ? row.text : row.kind === 'unit' ? `[${row.entry.to ?? row.entry.from}]` : `[${row.kind}]`);

describe('collapsed rows are true and grammatical', () => {
  const changeset = changesetOf(bundled('2016-02'), bundled('2016-04'));
  const rows = buildSynoptic(changeset, ctx()).rows;

  it('never says a module or standard is unchanged above changed rows of it', () => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.kind !== 'collapsed') continue;
      for (const entry of row.entries) {
        if (entry.kind === 'requirement') continue;
        // Every unit under a collapsed module or standard is collapsed too (in this row or the following collapsed rows).
        const under = changeset.units.filter((u) => {
          for (let p = u.parent; p; p = p.parent) if (p === entry) return true;
          return false;
        });
        const shown = rows.filter((r): r is Extract<SynopticRow, { kind: 'unit' }> => r.kind === 'unit').map((r) => r.entry);
        expect(under.filter((u) => shown.includes(u)), `${entry.to} collapsed above changed rows`).toEqual([]);
      }
    }
    // Module I (S3.1 changed) and Standardul 3 keep their rows; what is unchanged around them collapses.
    const texts = rows.map(rowText);
    expect(texts.slice(0, 5)).toEqual(['[Modulul I]', 'Standardul 1; S1.1–S1.6; Standardul 2; S2.1–S2.7: nemodificate', '[Standardul 3]', '[S3.1]', 'S3.2–S3.4: nemodificate']);
  });

  it('writes one unit in the singular of its kind', () => {
    const units = changeset.units;
    const one = (id: string) => [units.find((u) => u.to === id)!];
    expect(collapsedText(one('S19.1'), 'unchanged', 'ro')).toBe('S19.1: nemodificată');
    expect(collapsedText(one('Standardul 4'), 'unchanged', 'ro')).toBe('Standardul 4: nemodificat');
    expect(collapsedText(one('Modulul III'), 'unchanged', 'ro')).toBe('Modulul III: nemodificat');
    expect(collapsedText(one('S19.1'), 'unchanged', 'en')).toBe('S19.1: unchanged');
    const renumbered = changesetOf(bundled('2015-09'), bundled('2016-02')).units.find((u) => u.from === 'S18.1')!;
    expect(collapsedText([renumbered], 'renumbered', 'ro')).toBe('S18.1 → S19.1: renumerotată, fără alte modificări');
  });
});

describe('the title block in the page\'s words', () => {
  it('names the changed identification data in Romanian, and the registers by title and count', async () => {
    const changeset = changesetOf(bundled('2015-09'), bundled('2016-02'));
    const text = fs.readFileSync(path.join(ROOT, 'standards/vtp/comments/2015-09-workshop.yaml'), 'utf8');
    const registers = readRegisters([{ file: 'standards/vtp/comments/2015-09-workshop.yaml', text }]);
    const observations = resolveObservations(registers, (name) => (['2007-11', '2015-09', '2016-02'].includes(name) ? bundled(name) : null));
    const synoptic = buildSynoptic(changeset, ctx(), { registers, observations });
    expect(summaryNotes(synoptic)).toContain('Date de identificare modificate: versiunea, data, stadiul, versiunea revizuită, atelierul de lucru, temeiul legal, autorii.');

    const dir = tempDir();
    const html = path.join(dir, 's.html');
    expect((await runCli(['compare', '2015-09', '2016-02', '--format', 'html', '-o', html], { cwd: ROOT })).code).toBe(0);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toContain('Observații formulate la atelierul de lucru din 22-23 septembrie 2015 (28 de observații)');
    expect(page).not.toContain('2015-09-workshop.yaml');
    expect(page).not.toMatch(/: version, date|legal-basis|supersedes/);
    // A table in a cell has its header row in <thead>, which print repeats on every page.
    expect(page).toMatch(/<table class="content"><thead><tr><th>/);
    expect(page).toMatch(/table\.content > thead \{ display: table-header-group; \}|table\.synoptic > thead, table\.content > thead \{ display: table-header-group; \}/);
  });
});

describe('Word layout of the comparison documents', () => {
  it('keeps module and standard rows, and rows with a table that fit on a page, whole', async () => {
    const dir = tempDir();
    const out = path.join(dir, 's.docx');
    expect((await runCli(['compare', '2015-09', '2016-02', '-o', out], { cwd: ROOT })).code).toBe(0);
    const { document } = await readDocx(new Uint8Array(fs.readFileSync(out)));
    const table = document.slice(document.lastIndexOf('<w:tbl>', document.indexOf('Observații și motivare')));
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    const row = (needle: string) => rows.find((r) => r.includes(needle))!;
    expect(row('Modulul II. Evaluare și planificare')).toContain('<w:cantSplit/>');
    // S19.2 (new) holds the staffing table: kept whole so that the table never runs onto a page without its header.
    expect(row('Numărul minim de personal')).toContain('<w:cantSplit/>');
  });

  it('writes the redline\'s page header on one line: the short title, or the title shortened at a word', async () => {
    expect(headerTitle('Standarde minime VTP')).toBe('Standarde minime VTP');
    const long = 'Standarde minime de calitate pentru serviciile de asistență și protecție a victimelor traficului de persoane';
    const short = headerTitle(long);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short).toBe('Standarde minime de calitate pentru serviciile…');
    const dir = tempDir();
    const out = path.join(dir, 'r.docx');
    expect((await runCli(['compare', '2015-09', '2016-02', '--layout', 'redline', '-o', out], { cwd: ROOT })).code).toBe(0);
    const { headers } = await readDocx(new Uint8Array(fs.readFileSync(out)));
    expect(headers.join('')).toContain('Standarde minime VTP — 2015-09 → 2016-02');
  });
});

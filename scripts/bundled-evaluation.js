#!/usr/bin/env node
// How the bundled illustrative evaluation of summer 2015 was made: the 2007-11 grid written by
// `stdraft checklist`, then filled as five evaluators' visits would fill it (fixed assessments for the
// findings the September 2015 workshop discussed, the rest from a fixed pseudo-random draw), saved as
// standards/vtp/evaluations/2015/*.xlsx and one .csv with ";" separators (as Romanian Excel saves it).
// Run after `npm run build`: node scripts/bundled-evaluation.js. The centres and their results are invented.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseText } from '../dist/parse/index.js';
import { buildGrid } from '../dist/evaluate/grid.js';
import { gridXlsx } from '../dist/evaluate/xlsx.js';
import { gridCsv } from '../dist/evaluate/csv.js';

const root = new URL('..', import.meta.url);
const doc = parseText(readFileSync(new URL('standards/vtp/2007-11.md', root), 'utf8'), '2007-11.md').doc;
const grid = buildGrid(doc, '2007-11');
const out = new URL('standards/vtp/evaluations/2015/', root);

const centres = [
  { file: 'centrul-regional-iasi', name: 'Centrul regional de asistență Iași', date: '2015-06-09', level: 0.86, minors: false, foreign: false },
  { file: 'centrul-regional-craiova', name: 'Centrul regional de asistență Craiova', date: '2015-06-23', level: 0.82, minors: false, foreign: false },
  { file: 'centrul-regional-timisoara', name: 'Centrul regional de asistență Timișoara', date: '2015-07-07', level: 0.82, minors: false, foreign: true },
  { file: 'dgaspc-sector-6', name: 'Centrul de primire în regim de urgență, DGASPC Sector 6', date: '2015-07-21', level: 0.74, minors: true, foreign: false },
  { file: 'adapost-ong-bucuresti', name: 'Adăpostul pentru victimele traficului al unei organizații neguvernamentale, București', date: '2015-08-04', level: 0.9, minors: false, foreign: true, csv: true },
];

// The findings most centres share (the evaluation report's conclusions), per requirement: the assessment
// of each centre in the order above, and the evaluator's note where it is not met.
const findings = {
  'S1.2': [['partial', 'Ghidul există numai în limba română; nu există interpreți contractați.'], ['not-met', 'Nu există ghid în alte limbi și nici listă de interpreți.'], ['met'], ['not-met', 'Informarea se face numai verbal, în limba română.'], ['partial', 'Interpreți prin voluntari, fără contract.']],
  'S4.1': [['partial', 'Evaluarea inițială nu cuprinde riscurile la adresa siguranței beneficiarului.'], ['partial', 'Riscurile nu sunt evaluate la admitere.'], ['partial', 'Fișa de evaluare inițială nu are rubrică privind riscurile.'], ['not-met', 'Evaluarea inițială se face după 10-14 zile.'], ['met']],
  'S6.1': [['not-met', 'Un singur manager de caz pentru 14 cazuri; coordonatorul cumulează funcția.'], ['not-met', 'Coordonatorul este și manager de caz.'], ['partial', '11 cazuri pe manager de caz.'], ['not-met', 'Managerul de caz este desemnat după câteva zile.'], ['met']],
  'S7.1': [['not-met', 'Perioada de 10 zile este depășită în toate cazurile; prelungirile nu sunt documentate.'], ['not-met', 'Găzduirea durează în medie 60 de zile, fără cerere a organelor judiciare.'], ['not-met', 'Termenul de 10 zile nu corespunde nevoilor de recuperare.'], ['partial', 'Prelungiri aprobate de DGASPC, nu de organele judiciare.'], ['not-met', 'Găzduire de 3-6 luni, potrivit programului propriu.']],
  'S12.4': [['not-met', 'Nu există parteneriate pentru locuințe sociale.'], ['not-met', 'Nicio acțiune privind locuința după ieșire.'], ['partial', 'Sprijin ocazional, nedocumentat.'], ['not-met', 'Beneficiarii sunt transferați în alte servicii.'], ['met']],
  'S16.4': [['not-met', 'Nicio formare în 2014-2015, din lipsă de fonduri.'], ['partial', '8 ore de formare în 2014.'], ['not-met', 'Fără plan de formare.'], ['not-met', 'Formare generală, nu privind traficul de persoane.'], ['partial', 'Formare numai pentru psiholog.']],
};
const NOT_APPLICABLE = (centre, row) => (row.requirement === 'S3.3' && !centre.minors) || (row.requirement === 'S13.3' && !centre.foreign);

const draw = (centre, key) => createHash('sha256').update(`${centre.file}:${key}`).digest().readUInt32BE(0) / 2 ** 32;
function assess(centre, index, row) {
  const fixed = findings[row.requirement];
  if (fixed) {
    // Every indicator of the requirement gets the finding (the first one its note).
    const [assessment, note] = fixed[index];
    return { assessment, note: row.indicator === `Im1${row.requirement}` ? note ?? '' : '', evidence: 'Documentele centrului, discuții cu personalul' };
  }
  if (NOT_APPLICABLE(centre, row)) return { assessment: 'not-applicable', note: '', evidence: '' };
  // A requirement is met, or one of its indicators is not (fully): drawn per requirement, as visits find it.
  const r = draw(centre, row.requirement);
  const weak = `Im${1 + Math.floor(draw(centre, `${row.requirement}#`) * 3)}${row.requirement}`;
  if (r < centre.level || (row.indicator && row.indicator !== weak && grid.rows.some((x) => x.key === weak))) return { assessment: 'met', note: '', evidence: 'Verificat la vizită' };
  if (r < centre.level + (1 - centre.level) * 0.6) return { assessment: 'partial', note: 'Document incomplet sau neactualizat.', evidence: 'Verificat la vizită' };
  return { assessment: 'not-met', note: 'Documentul lipsește.', evidence: '' };
}

const WORDS = { met: 'îndeplinit', partial: 'parțial', 'not-met': 'neîndeplinit', 'not-applicable': 'nu se aplică' };
for (const [index, centre] of centres.entries()) {
  const info = { service: centre.name, date: centre.date, evaluator: 'Expert evaluator, proiectul RO20 (ANITP)' };
  const values = new Map(grid.rows.map((row) => [row.key, assess(centre, index, row)]));
  if (centre.csv) {
    // As Excel with Romanian settings saves "CSV UTF-8": ";" between cells.
    const lines = gridCsv(grid, info).replace(/^\uFEFF/, '').split('\r\n');
    const filled = lines.map((line) => {
      const cells = parseLine(line);
      const v = values.get(cells[4] || cells[2]);
      if (v && cells[2]) [cells[6], cells[7], cells[8]] = [WORDS[v.assessment], v.evidence, v.note];
      return cells.map((c) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
    });
    writeFileSync(new URL(`${centre.file}.csv`, out), `\uFEFF${filled.join('\r\n')}`);
    continue;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await gridXlsx(grid, info)));
  const ws = wb.worksheets[0];
  ws.eachRow((row) => {
    const key = String(row.getCell(5).value ?? '') || String(row.getCell(3).value ?? '');
    const v = values.get(key);
    if (!v || !row.getCell(3).value) return;
    row.getCell(7).value = WORDS[v.assessment];
    if (v.evidence) row.getCell(8).value = v.evidence;
    if (v.note) row.getCell(9).value = v.note;
  });
  writeFileSync(new URL(`${centre.file}.xlsx`, out), Buffer.from(await wb.xlsx.writeBuffer()));
}

/** One CSV line of the grid (comma-separated, quoted as gridCsv quotes). */
function parseLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

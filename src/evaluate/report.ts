/**
 * The evaluation report's content, shared by its formats: the facts, the tables, and the JSON for other
 * tools; and the HTML page (charts as inline SVG, then the tables). The Word report is report-docx.ts.
 */
import { failingRequirements, type Evaluation, type Score } from './aggregate.js';
import { heatMap, moduleChart } from './charts.js';
import { findingLine } from './read-grid.js';
import { evaluationWords } from './words.js';

export interface ReportOptions {
  /** Share of services above which a requirement counts as failed by most (0.5). */
  failingShare?: number;
}

export const percent = (score: number | null) => (score === null ? '—' : `${(Math.round(score * 1000) / 10).toLocaleString('ro-RO')}%`);
const round = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);
const scoreJson = (s: Score) => ({ score: round(s.score), points: s.points, applicable: s.applicable });

export interface Table {
  head: string[];
  rows: string[][];
}

export function factsTable(e: Evaluation): Table {
  const w = evaluationWords(e.lang);
  return {
    head: [],
    rows: [
      [w.facts.standards, e.title],
      [w.facts.version, e.version],
      [w.facts.fingerprint, e.fingerprint],
      [w.facts.services, String(e.services.length)],
      [w.facts.partial, String(e.partialWeight).replace('.', ',')],
    ],
  };
}

export function servicesTable(e: Evaluation): Table {
  const w = evaluationWords(e.lang);
  return {
    head: [w.columns.service, w.columns.file, w.columns.date, w.columns.score, w.columns.applicable, w.columns.unmet, w.columns.notAssessed],
    rows: e.services.map((s, i) => [`${i + 1}. ${s.name}`, s.file.split(/[\\/]/).pop()!, s.date ?? '', percent(s.score.score), String(s.score.applicable), String(s.unmet.length), String(s.notAssessed.length)]),
  };
}

export function modulesTable(e: Evaluation): Table {
  const w = evaluationWords(e.lang);
  return {
    head: [w.columns.module, ...e.services.map((_, i) => String(i + 1))],
    rows: e.modules.map((m, i) => [`${m.numeral}. ${m.title}`, ...e.services.map((s) => percent(s.modules[i]!.score.score))]),
  };
}

export function standardsTable(e: Evaluation): Table {
  const w = evaluationWords(e.lang);
  const standards = e.modules.flatMap((m) => m.standards);
  return {
    head: [w.standardLabel, ...e.services.map((_, i) => String(i + 1))],
    rows: standards.map((st, i) => [`${st.number}. ${st.title}`, ...e.services.map((s) => percent(s.standards[i]!.score.score))]),
  };
}

export function failingTable(e: Evaluation, share: number): Table {
  const w = evaluationWords(e.lang);
  return {
    head: [w.columns.requirement, w.columns.met, w.columns.notMet, w.columns.notes],
    rows: failingRequirements(e, share).map((r) => [
      `${r.id}. ${r.text}`,
      `${r.met.length} / ${r.met.length + r.notMet.length}${r.met.length > 0 ? `: ${r.met.join(', ')}` : ''}`,
      r.notMet.map((n) => `${n.service} (${w.status[n.status]})`).join('; '),
      r.notes.map((n) => `${n.service}, ${n.key}: ${n.notes}${n.evidence ? ` (${n.evidence})` : ''}`).join('\n'),
    ]),
  };
}

/** Every requirement: how many of the services it applies to meet it, and which do not (or partly). */
export function requirementsTable(e: Evaluation): Table {
  const w = evaluationWords(e.lang);
  return {
    head: [w.columns.requirement, w.columns.met, w.columns.notMet],
    rows: e.requirements.map((r) => [
      r.id,
      `${r.met.length} / ${r.met.length + r.notMet.length}`,
      r.notMet.map((n) => `${e.services.findIndex((s) => s.name === n.service) + 1} (${w.status[n.status]})`).join(', '),
    ]),
  };
}

export function unmetTable(e: Evaluation): Table {
  const w = evaluationWords(e.lang);
  return {
    head: [w.columns.service, w.columns.unmet],
    rows: e.services.map((s) => [s.name, s.unmet.map((u) => `${u.requirement}${u.status === 'partial' ? ` (${w.status.partial})` : ''}`).join(', ') || '—']),
  };
}

export function findingsTable(e: Evaluation): Table {
  const w = evaluationWords(e.lang);
  return {
    head: [w.columns.file, w.columns.cell, w.columns.severity, w.columns.message],
    rows: e.findings.map((f) => [f.file, f.cell ?? '', f.severity, f.message]),
  };
}

/** The evaluation for other tools: every score with its points, and the findings. */
export function evaluationJson(e: Evaluation, options: ReportOptions = {}): string {
  const share = options.failingShare ?? 0.5;
  const standards = e.modules.flatMap((m) => m.standards.map((s) => ({ module: m.numeral, ...s })));
  const data = {
    version: e.version,
    title: e.title,
    fingerprint: e.fingerprint,
    partialWeight: e.partialWeight,
    services: e.services.map((s) => ({
      name: s.name,
      file: s.file,
      date: s.date ?? null,
      evaluator: s.evaluator ?? null,
      ...scoreJson(s.score),
      modules: s.modules.map((m) => ({ module: m.numeral, title: m.title, ...scoreJson(m.score) })),
      standards: s.standards.map((st, i) => ({ standard: st.number, module: standards[i]!.module, title: st.title, ...scoreJson(st.score) })),
      unmet: s.unmet,
      notAssessed: s.notAssessed,
    })),
    requirements: e.requirements.map((r) => ({
      id: r.id,
      module: r.moduleNumeral,
      standard: r.standard,
      met: r.met,
      notMet: r.notMet,
      notApplicable: r.notApplicable,
      notAssessed: r.notAssessed,
      notes: r.notes,
    })),
    indicators: e.indicators.map((i) => ({ id: i.key, requirement: i.requirement, counts: i.counts, notMet: i.notMet })),
    failing: failingRequirements(e, share).map((r) => r.id),
    findings: e.findings.map((f) => ({ file: f.file, cell: f.cell, severity: f.severity, message: f.message })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlTable(t: Table, className: string, numericFrom = Infinity): string {
  const out = [`<table class="${className}">`];
  if (t.head.length > 0) out.push(`<thead><tr>${t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`);
  out.push('<tbody>');
  for (const row of t.rows) {
    out.push(`<tr>${row.map((c, i) => (i === 0 && t.head.length === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${i >= numericFrom ? ' class="num"' : ''}>${esc(c).replace(/\n/g, '<br>')}</td>`)).join('')}</tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

/** One self-contained page: inline CSS and SVG, no scripts, no external assets; prints on A4. */
export function evaluationHtml(e: Evaluation, options: ReportOptions = {}): string {
  const share = options.failingShare ?? 0.5;
  const w = evaluationWords(e.lang);
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${e.lang}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(`${w.reportTitle} — ${e.version}`)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  out.push(`<h1>${esc(w.reportTitle)}</h1>`, `<p class="subtitle">${esc(e.title)} (${esc(e.version)})</p>`);
  out.push(htmlTable(factsTable(e), 'facts'));
  out.push(`<h2>${esc(w.sections.services)}</h2>`, htmlTable(servicesTable(e), 'data', 3));
  out.push(`<h2>${esc(w.sections.charts)}</h2>`, `<figure class="chart">${moduleChart(e)}</figure>`);
  out.push(htmlTable(modulesTable(e), 'data', 1));
  out.push(`<h2>${esc(w.sections.heat)}</h2>`, `<figure class="chart">${heatMap(e)}</figure>`);
  out.push(`<h2>${esc(w.sections.requirements)}</h2>`, `<p>${esc(w.failingIntro(share))}</p>`, htmlTable(failingTable(e, share), 'data'));
  out.push(`<h2>${esc(w.sections.failing)}</h2>`, htmlTable(unmetTable(e), 'data'));
  out.push(`<h2>${esc(w.standardLabel)}</h2>`, htmlTable(standardsTable(e), 'data', 1));
  out.push(`<h2>${esc(w.sections.allRequirements)}</h2>`, htmlTable(requirementsTable(e), 'data'));
  out.push(`<h2>${esc(w.sections.findings)}</h2>`);
  out.push(e.findings.length === 0 ? `<p>${esc(w.sections.noFindings)}</p>` : htmlTable(findingsTable(e), 'data'));
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/** The findings as lines `file!cell: severity message`. */
export function findingLines(e: Evaluation): string[] {
  return e.findings.map(findingLine);
}

const CSS = `
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.4; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; }
.subtitle { margin-top: 0; color: #444; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #eef3f8; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.facts th { background: #f6f6f6; font-weight: 600; }
figure.chart { margin: 0.5rem 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
@media print { body { max-width: none; padding: 0; } h2 { break-after: avoid; } figure.chart { break-inside: avoid; } }
@page { size: A4; margin: 15mm; }
`;

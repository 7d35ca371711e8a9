/**
 * The report's charts as SVG text: the score per module for each service (grouped bars) and the heat map of
 * requirements × services. Self-contained (no scripts, no external fonts); the HTML report embeds them, the
 * Word report rasterises them (raster.ts).
 */
import type { Evaluation, RequirementStatus } from './aggregate.js';
import { evaluationWords } from './words.js';

const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
/** Okabe–Ito: told apart by readers with colour-vision deficiencies. */
export const SERVICE_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (score: number | null) => (score === null ? '—' : `${Math.round(score * 100)}%`);

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Grouped bars: one group per module, one bar per service, 0–100 %. */
export function moduleChart(e: Evaluation): string {
  const w = evaluationWords(e.lang);
  const services = e.services;
  const groups = e.modules;
  const barW = Math.max(8, Math.min(22, Math.floor(90 / Math.max(1, services.length))));
  const groupW = barW * services.length + 24;
  const left = 48;
  const top = 40;
  const plotH = 220;
  const width = Math.max(520, left + groupW * groups.length + 20);
  const height = top + plotH + 52 + services.length * 18 + 10;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12" role="img" aria-label="${esc(w.chartTitle)}">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="22" font-size="15" font-weight="bold" fill="#222">${esc(w.chartTitle)}</text>`);
  for (let t = 0; t <= 100; t += 25) {
    const y = top + plotH - (plotH * t) / 100;
    out.push(`<line x1="${left}" y1="${y}" x2="${width - 10}" y2="${y}" stroke="${t === 0 ? '#444' : '#ddd'}" stroke-width="1"/>`);
    out.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" fill="#444">${t}%</text>`);
  }
  groups.forEach((m, gi) => {
    const x0 = left + gi * groupW + 12;
    services.forEach((svc, si) => {
      const score = svc.modules[gi]?.score.score ?? null;
      const h = score === null ? 0 : plotH * score;
      const x = x0 + si * barW;
      const title = `${svc.name} — ${w.moduleLabel} ${m.numeral}: ${pct(score)}`;
      if (score === null) {
        out.push(`<text x="${x + barW / 2}" y="${top + plotH - 4}" text-anchor="middle" font-size="10" fill="#777">–<title>${esc(title)}</title></text>`);
      } else {
        out.push(`<rect x="${x}" y="${(top + plotH - h).toFixed(1)}" width="${barW - 2}" height="${h.toFixed(1)}" fill="${SERVICE_COLOURS[si % SERVICE_COLOURS.length]}"><title>${esc(title)}</title></rect>`);
      }
    });
    out.push(`<text x="${x0 + (barW * services.length) / 2}" y="${top + plotH + 18}" text-anchor="middle" font-weight="bold" fill="#222">${esc(m.numeral)}</text>`);
    out.push(`<text x="${x0 + (barW * services.length) / 2}" y="${top + plotH + 33}" text-anchor="middle" font-size="10" fill="#555">${esc(shorten(m.title, Math.max(8, Math.floor(groupW / 6))))}</text>`);
  });
  services.forEach((svc, si) => {
    const y = top + plotH + 52 + si * 18;
    out.push(`<rect x="${left}" y="${y - 10}" width="12" height="12" fill="${SERVICE_COLOURS[si % SERVICE_COLOURS.length]}"/>`);
    out.push(`<text x="${left + 18}" y="${y}" fill="#222">${si + 1}. ${esc(shorten(svc.name, Math.floor((width - left - 80) / 6.5)))} — ${pct(svc.score.score)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** A score's colour: red (0) through yellow (0.5) to green (1). */
export function scoreColour(score: number): string {
  const stops = [
    [0, [215, 48, 39]],
    [0.5, [254, 224, 139]],
    [1, [26, 152, 80]],
  ] as const;
  const s = Math.max(0, Math.min(1, score));
  const [a, b] = s <= 0.5 ? [stops[0], stops[1]] : [stops[1], stops[2]];
  const t = (s - a[0]) / (b[0] - a[0]);
  const c = a[1].map((v, i) => Math.round(v + (b[1][i]! - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const STATUS_FILL: Partial<Record<RequirementStatus, string>> = { 'not-applicable': '#d9d9d9', 'not-assessed': '#ffffff' };

/**
 * Requirements (rows) × services (columns), each cell coloured by the requirement's score for that service;
 * grey where it does not apply, white with "?" where it was not assessed. `only` limits it to some modules
 * (the Word report makes one picture per module).
 */
export function heatMap(e: Evaluation, only?: string[], part?: { from: number; to: number; of: number; index: number }): string {
  const w = evaluationWords(e.lang);
  const all = e.requirements.filter((r) => !only || only.includes(r.moduleNumeral));
  const rows = part ? all.slice(part.from, part.to) : all;
  const services = e.services;
  const cellW = services.length > 8 ? 40 : 64;
  const cellH = 16;
  const left = 64;
  const top = 56;
  const legendH = 40 + services.length * 16;
  const width = Math.max(600, left + cellW * services.length + 20);
  const height = top + cellH * rows.length + legendH;
  const title = `${only ? `${w.heatTitle} — ${w.moduleLabel} ${only.join(', ')}` : w.heatTitle}${part && part.of > 1 ? ` (${part.index}/${part.of})` : ''}`;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="11" role="img" aria-label="${esc(title)}">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="8" y="20" font-size="15" font-weight="bold" fill="#222">${esc(title)}</text>`);
  // Columns are numbered; the key below the map names the services (names are too long for headers).
  services.forEach((svc, si) => {
    const x = left + si * cellW + cellW / 2;
    out.push(`<text x="${x}" y="${top - 8}" text-anchor="middle" font-weight="bold" fill="#222">${si + 1}<title>${esc(svc.name)}</title></text>`);
  });
  let lastStandard = -1;
  rows.forEach((r, ri) => {
    const y = top + ri * cellH;
    if (r.standard !== lastStandard && ri > 0) out.push(`<line x1="4" y1="${y}" x2="${left + cellW * services.length}" y2="${y}" stroke="#555" stroke-width="1"/>`);
    lastStandard = r.standard;
    out.push(`<text x="${left - 6}" y="${y + cellH - 4}" text-anchor="end" fill="#222">${esc(r.id)}</text>`);
    services.forEach((svc, si) => {
      const res = svc.requirements.get(r.id)!;
      const fill = STATUS_FILL[res.status] ?? scoreColour(res.score.score ?? 0);
      const x = left + si * cellW;
      const label = `${r.id} — ${svc.name}: ${w.status[res.status]}${res.score.score !== null ? ` (${pct(res.score.score)})` : ''}`;
      out.push(`<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="${fill}" stroke="#bbb" stroke-width="0.5"><title>${esc(label)}</title></rect>`);
      if (res.status === 'not-assessed') out.push(`<text x="${x + cellW / 2}" y="${y + cellH - 4}" text-anchor="middle" fill="#999">?</text>`);
    });
  });
  const ly = top + cellH * rows.length + 22;
  const legend: [string, string][] = [
    [scoreColour(1), w.status.met],
    [scoreColour(0.5), w.status.partial],
    [scoreColour(0), w.status['not-met']],
    ['#d9d9d9', w.status['not-applicable']],
    ['#ffffff', w.status['not-assessed']],
  ];
  let lx = 8;
  for (const [fill, text] of legend) {
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${fill}" stroke="#999" stroke-width="0.5"/>`);
    out.push(`<text x="${lx + 16}" y="${ly}" fill="#222">${esc(text)}</text>`);
    lx += 30 + text.length * 7;
  }
  services.forEach((svc, si) => {
    out.push(`<text x="8" y="${ly + 20 + si * 16}" fill="#222">${si + 1}. ${esc(shorten(svc.name, Math.floor((width - 40) / 6.5)))}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

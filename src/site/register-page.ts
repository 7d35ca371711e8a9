/**
 * An observation register as a page: the report required by Legea nr. 52/2003 (counts per decision and per
 * organisation), then every observation with its target linked to the unit it names in the version it
 * comments on, the decision and the response. Each observation has its anchor (`#observatia-3`).
 */
import { DECISIONS } from '../comments/index.js';
import { compareWords, decisionWord, displayDate } from '../compare/labels.js';
import type { PlacedObservation } from '../compare/observations.js';
import type { ObservationReport } from '../compare/report.js';
import { fragment } from './anchors.js';
import { esc } from './layout.js';
import { siteWords } from './words.js';

export function observationAnchor(id: string): string {
  return `observatia-${id.replace(/\s+/g, '-')}`;
}

export interface RegisterPageInput {
  report: ObservationReport;
  placed: readonly PlacedObservation[];
  /** The page of a version by name, or null when the site has none. */
  versionFile: (version: string) => string | null;
  /** The anchor of a placed observation's unit (an indicator's own anchor when it names one). */
  anchorOf: (p: PlacedObservation) => string | null;
  synoptic: string | null;
}

export function registerPage(input: RegisterPageInput): { title: string; main: string } {
  const { report } = input;
  const lang = report.lang;
  const w = compareWords(lang);
  const sw = siteWords(lang);
  const byObservation = new Map(input.placed.map((p) => [p.observation.id, p]));
  const out: string[] = [];
  out.push(`<h1>${esc(report.title)}</h1>`);
  const from = input.versionFile(report.from);
  const to = report.to ? input.versionFile(report.to) : null;
  const facts = [
    report.date ? esc(displayDate(report.date, lang)) : null,
    `${esc(w.commentedVersion)}: ${from ? `<a href="${esc(from)}">${esc(report.from)}</a>` : esc(report.from)}`,
    report.to ? `${esc(w.answeringVersion)}: ${to ? `<a href="${esc(to)}">${esc(report.to)}</a>` : esc(report.to)}` : null,
  ].filter(Boolean);
  out.push(`<p class="meta">${facts.join(' · ')}</p>`, `<p class="meta"><em>${esc(w.legalBasis)}</em></p>`);
  if (input.synoptic) out.push(`<p><a href="${esc(input.synoptic)}">${esc(sw.seeSynoptic)}</a></p>`);

  const all = ['received', ...DECISIONS] as const;
  out.push(`<h2>${esc(w.reportSummary)}</h2>`);
  out.push(`<table><thead><tr><th scope="col">${esc(w.decision)}</th><th scope="col" class="number">${esc(w.number)}</th></tr></thead><tbody>`);
  for (const d of all) out.push(`<tr><th scope="row">${esc(w.decisionCounts[d])}</th><td class="number">${report.counts[d]}</td></tr>`);
  out.push('</tbody></table>');
  const included = report.counts.accepted + report.counts['partially-accepted'];
  out.push(`<p>${esc(capitalise(w.included))}: ${included}. ${esc(capitalise(w.notIncluded))}: ${report.counts.rejected}.</p>`);

  out.push(`<h2>${esc(w.byOrganisation)}</h2>`, '<div class="table-wrap" tabindex="0"><table>');
  out.push(`<thead><tr><th scope="col">${esc(w.organisation)}</th>${all.map((d) => `<th scope="col" class="number">${esc(w.decisionCounts[d])}</th>`).join('')}</tr></thead><tbody>`);
  for (const o of report.organisations) out.push(`<tr><th scope="row">${esc(o.by)}</th>${all.map((d) => `<td class="number">${o.counts[d]}</td>`).join('')}</tr>`);
  out.push('</tbody></table></div>');

  out.push(`<h2>${esc(w.everyObservation)}</h2>`);
  for (const e of report.entries) {
    const p = byObservation.get(e.id);
    const page = p ? input.versionFile(p.version) : null;
    const anchor = p ? input.anchorOf(p) : null;
    const target = page && anchor ? `<a href="${esc(page + fragment(anchor))}">${esc(e.target)}</a>` : esc(e.target);
    out.push(`<div class="observation" id="${esc(observationAnchor(e.id))}">`);
    out.push(`<h3>${esc(`${w.observation} ${e.id}`)} — ${target} — ${esc(e.by)}</h3>`);
    for (const para of e.text.split(/\n\s*\n/).filter((t) => t.trim())) out.push(`<p>${esc(para.trim())}</p>`);
    out.push(`<p><strong>${esc(w.decision)}:</strong> <span class="decision-${esc(e.decision)}">${esc(decisionWord(e.decision, lang))}</span></p>`);
    out.push(`<p><strong>${esc(w.response)}:</strong> ${e.response.trim() ? esc(e.response.trim()) : `<em>${esc(w.noResponse)}</em>`}</p>`);
    out.push('</div>');
  }
  return { title: report.title, main: out.join('\n') };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

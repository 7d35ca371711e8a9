/**
 * The report on the observations received (Legea nr. 52/2003: the authority reports how many recommendations
 * it received and how many it took up, and answers those it did not): counts per decision, counts per
 * organisation, then every observation with its target, text, decision and response.
 *
 * `buildReport` makes the model; `reportMarkdown` writes it as Markdown; `reportDocx` renders that same
 * Markdown with the renderer's styles, so both formats say the same thing.
 */
import { DECISIONS, type Decision } from '../comments/index.js';
import type { Lang } from '../model/types.js';
import { DocxContext } from '../render/context.js';
import { textWidth } from '../render/document.js';
import { escapeMarkdown } from '../render/handlebars.js';
import { a4, compareDocument, font, markdownToDocx } from './document.js';
import { compareWords, decisionWord, displayDate } from './labels.js';
import type { LoadedRegister, PlacedObservation } from './observations.js';

export type DecisionCounts = Record<Decision | 'received', number>;

export interface ReportEntry {
  id: string;
  /** The target in canonical spelling when it was resolved, else as written; `(2016-02)` when it names another version. */
  target: string;
  by: string;
  text: string;
  decision: string;
  response: string;
}

export interface ObservationReport {
  lang: Lang;
  file: string;
  title: string;
  date: string;
  from: string;
  to: string | null;
  counts: DecisionCounts;
  /** Organisations by number of observations (most first), then by name. */
  organisations: { by: string; counts: DecisionCounts }[];
  entries: ReportEntry[];
}

export function emptyCounts(): DecisionCounts {
  return { received: 0, accepted: 0, 'partially-accepted': 0, rejected: 0, pending: 0 };
}

/** Counts of observations per decision (an unknown decision counts as received only). */
export function countDecisions(decisions: readonly string[]): DecisionCounts {
  const counts = emptyCounts();
  for (const d of decisions) {
    counts.received++;
    if ((DECISIONS as readonly string[]).includes(d)) counts[d as Decision]++;
  }
  return counts;
}

/** The report model of one register; `placed` (its resolved observations) gives targets their canonical spelling. */
export function buildReport(loaded: LoadedRegister, lang: Lang, placed: readonly PlacedObservation[] = []): ObservationReport {
  const { register, file } = loaded;
  const resolved = new Map(placed.filter((p) => p.register === register).map((p) => [p.observation, p]));
  const byOrg = new Map<string, string[]>();
  for (const o of register.comments) {
    const list = byOrg.get(o.by);
    if (list) list.push(o.decision);
    else byOrg.set(o.by, [o.decision]);
  }
  const organisations = [...byOrg]
    .map(([by, decisions]) => ({ by, counts: countDecisions(decisions) }))
    .sort((a, b) => b.counts.received - a.counts.received || a.by.localeCompare(b.by, lang === 'en' ? 'en' : 'ro'));
  return {
    lang,
    file,
    title: register.title,
    date: register.date,
    from: register.from,
    to: register.to,
    counts: countDecisions(register.comments.map((o) => o.decision)),
    organisations,
    entries: register.comments.map((o) => {
      const p = resolved.get(o);
      const target = p ? `${p.label}${p.version !== register.from ? ` (${p.version})` : ''}` : o.target;
      return { id: o.id, target, by: o.by, text: o.text, decision: o.decision, response: o.response };
    }),
  };
}

const cell = (text: string) => escapeMarkdown(text.replace(/\s*\n\s*/g, ' ')).trim();
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => escapeMarkdown(p.trim()))
    .filter(Boolean)
    .join('\n\n');

/** The report as Markdown (user text escaped, so it reads back literally). */
export function reportMarkdown(report: ObservationReport): string {
  const w = compareWords(report.lang);
  const lines: string[] = [];
  lines.push(`# ${w.reportTitle}`, '', `## ${cell(report.title)}`, '');
  const facts = [
    report.date ? `${displayDate(report.date, report.lang)}` : null,
    `${w.commentedVersion}: ${cell(report.from)}`,
    report.to ? `${w.answeringVersion}: ${cell(report.to)}` : null,
  ].filter(Boolean);
  lines.push(facts.join(' · '), '', `*${w.legalBasis}*`, '');

  const decisionsWithTotal = ['received', ...DECISIONS] as const;
  lines.push(`### ${w.reportSummary}`, '');
  lines.push(`| | ${w.number} |`, '| --- | ---: |');
  for (const d of decisionsWithTotal) lines.push(`| ${w.decisionCounts[d]} | ${report.counts[d]} |`);
  lines.push('');
  const included = report.counts.accepted + report.counts['partially-accepted'];
  lines.push(`${capitalise(w.included)}: ${included}. ${capitalise(w.notIncluded)}: ${report.counts.rejected}.`, '');

  lines.push(`### ${w.byOrganisation}`, '');
  lines.push(`| ${w.organisation} | ${decisionsWithTotal.map((d) => w.decisionCounts[d]).join(' | ')} |`);
  lines.push(`| --- | ${decisionsWithTotal.map(() => '---:').join(' | ')} |`);
  for (const o of report.organisations) lines.push(`| ${cell(o.by)} | ${decisionsWithTotal.map((d) => o.counts[d]).join(' | ')} |`);
  lines.push('');

  lines.push(`### ${w.everyObservation}`, '');
  for (const e of report.entries) {
    lines.push(`#### ${cell(`${w.observation} ${e.id} — ${e.target} — ${e.by}`)}`, '');
    lines.push(paragraphs(e.text), '');
    lines.push(`**${w.decision}:** ${escapeMarkdown(decisionWord(e.decision, report.lang))}`, '');
    lines.push(`**${w.response}:** ${e.response.trim() ? cell(e.response) : `*${w.noResponse}*`}`, '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The report as a Word document (A4, the renderer's styles, page numbers). */
export async function reportDocx(report: ObservationReport): Promise<Uint8Array> {
  const page = a4('portrait');
  const ctx = new DocxContext({ textWidth: textWidth(page) });
  const w = compareWords(report.lang);
  return compareDocument(
    {
      children: markdownToDocx(reportMarkdown(report), ctx),
      page,
      font: font(12),
      lang: report.lang,
      header: `${w.reportTitle} — ${report.title}`,
      properties: { title: `${w.reportTitle} — ${report.title}`, subject: w.legalBasis, keywords: [report.from, report.to].filter(Boolean).join(', ') },
    },
    ctx,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

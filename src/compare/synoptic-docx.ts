/**
 * The synoptic table in Word: A4 landscape; a title block (the set, both versions with their dates and
 * workshops, the registers) and a summary of the counts; then a three-column table — "Text inițial",
 * "Text revizuit", "Observații și motivare" — whose header row repeats on every page. Deletions are struck
 * through in the first column, insertions underlined in the second, typographic corrections in grey.
 */
import { ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type Paragraph } from 'docx';
import type { Changeset } from '../diff/types.js';
import { DocxContext } from '../render/context.js';
import { textWidth } from '../render/document.js';
import { StreamedTable } from '../render/package.js';
import { escapeMarkdown } from '../render/handlebars.js';
import { STYLE } from '../render/styles.js';
import { a4, compareDocument, font, markdownToDocx } from './document.js';
import { toString } from 'mdast-util-to-string';
import type { Lang } from '../model/types.js';
import { compareWords, decisionWord, displayDate } from './labels.js';
import type { PlacedObservation } from './observations.js';
import { CHANGE_KINDS } from './summary.js';
import { buildSynoptic, type Synoptic, type SynopticOptions, type SynopticRow, type VersionFacts } from './synoptic.js';
import { DocxWriter } from './writer.js';

/** Column shares of the text width: initial text, revised text, observations. */
const COLUMNS = [0.37, 0.37, 0.26];
const HEADER_FILL = 'D9E2F3';
const STRUCTURE_FILL = 'F2F2F2';
const NOTE_COLOR = '595959';

export interface SynopticDocument {
  bytes: Uint8Array;
  synoptic: Synoptic;
}

export async function synopticDocx(changeset: Changeset, options: SynopticOptions = {}): Promise<SynopticDocument> {
  const page = a4('landscape');
  const width = textWidth(page);
  const widths = COLUMNS.map((share) => Math.floor(width * share));
  const ctx = new DocxContext({ definitions: [...changeset.to.doc.definitions, ...changeset.from.doc.definitions], textWidth: width });
  const synoptic = buildSynoptic(changeset, ctx, options);
  const words = compareWords(synoptic.lang);

  const children: (FileChild | StreamedTable)[] = markdownToDocx(titleMarkdown(synoptic), ctx);
  if (synoptic.rows.length > 0) {
    const cellCtx = (w: number) => Object.create(ctx, { textWidth: { value: w - 216 } }) as DocxContext;
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columnTitles(synoptic).map((title, i) => cell([text(title, { bold: true })], widths[i]!, HEADER_FILL, ctx)),
    });
    // The rows are made as the table is written, one at a time.
    const rows = (function* () {
      for (const row of synoptic.rows) yield tableRow(row, synoptic, widths, cellCtx, ctx);
    })();
    children.push(new StreamedTable({ header, rows, width: widths.reduce((a, b) => a + b, 0), columnWidths: widths }));
  }

  const bytes = await compareDocument(
    {
      children,
      page,
      font: font(10),
      lang: synoptic.lang,
      header: `${synoptic.title} — ${words.synopticTitle.toLowerCase()} ${synoptic.from.label} → ${synoptic.to.label}`,
      properties: {
        title: `${words.synopticTitle}: ${synoptic.from.label} → ${synoptic.to.label}`,
        subject: synoptic.title,
        keywords: `${synoptic.from.label}, ${synoptic.to.label}`,
        revision: synoptic.to.label,
      },
      ...(options.stream === false ? { stream: false } : {}),
    },
    ctx,
  );
  return { bytes, synoptic };
}

export function columnTitles(s: Synoptic): [string, string, string] {
  const words = compareWords(s.lang);
  const side = (v: VersionFacts) => [v.label, v.date].filter(Boolean).join(', ');
  return [`${words.initialText} (${side(s.from)})`, `${words.revisedText} (${side(s.to)})`, words.observationsColumn];
}

function tableRow(row: SynopticRow, s: Synoptic, widths: number[], cellCtx: (w: number) => DocxContext, ctx: DocxContext): TableRow {
  if (row.kind === 'collapsed') {
    return new TableRow({ children: [cell([text(row.text, { italics: true, color: NOTE_COLOR })], widths[0]! + widths[1]! + widths[2]!, undefined, ctx, 3)] });
  }
  if (row.kind === 'observations') {
    return new TableRow({
      children: [cell([text(row.title, { italics: true, color: NOTE_COLOR })], widths[0]! + widths[1]!, undefined, ctx, 2), observationsCell(row.observations, s, widths[2]!, ctx)],
    });
  }
  const side = (which: 'from' | 'to'): (Paragraph | Table)[] => {
    const writer = new DocxWriter(cellCtx(widths[which === 'from' ? 0 : 1]!), { kind: 'formatting', side: which }, true);
    writer.push(row.outs.filter((o) => o.state !== (which === 'from' ? 'ins' : 'del')));
    return writer.finish() as (Paragraph | Table)[];
  };
  const from = side('from');
  const to = side('to');
  const notes = [...(row.kind === 'block' ? [row.title] : []), ...row.notes];
  const noteParagraphs = notes.length > 0 ? [note(notes.join(' · '), ctx)] : [];
  const structure = row.kind === 'unit' && row.entry.kind !== 'requirement' ? STRUCTURE_FILL : undefined;
  return new TableRow({
    // A row that fits on a page is not split across pages: a split would leave a nearly empty cell, or a
    // table whose header row is not repeated (Word repeats the header rows of a top-level table only).
    ...(structure || fitsOnAPage(row) ? { cantSplit: true } : {}),
    children: [
      new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, ...shade(structure), children: from.length > 0 ? from : [dash(ctx)] }),
      new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, ...shade(structure), children: [...noteParagraphs, ...(to.length > 0 ? to : [dash(ctx)])] }),
      observationsCell(row.observations, s, widths[2]!, ctx, structure),
    ],
  });
}

/**
 * Whether a row is short enough to keep whole on a landscape page (estimated from its text: the longer of the
 * text columns, a table's rows, the observations). Such a row moves to the next page whole instead of leaving a
 * line or two at the bottom of one page; a table in it then never runs onto a page without its header row.
 */
function fitsOnAPage(row: Extract<SynopticRow, { kind: 'unit' | 'block' }>): boolean {
  const side = { from: 0, to: 0 };
  for (const o of row.outs) {
    const lines =
      o.item.kind === 'piece' && o.item.piece.kind === 'text'
        ? o.item.piece.text.length / 55
        : o.item.kind === 'mark'
          ? 1
          : o.item.kind === 'table'
            ? o.item.node.children.reduce((n, r) => n + 1 + r.children.reduce((most, c) => Math.max(most, toString(c).length / 25), 0), 0)
            : 0;
    if (o.state !== 'ins') side.from += lines;
    if (o.state !== 'del') side.to += lines;
  }
  const observations = row.observations.reduce((n, p) => n + 2 + (p.observation.text.length + p.observation.response.length) / 45, 0);
  return Math.max(side.from, side.to, observations) < 30;
}

function observationsCell(observations: readonly PlacedObservation[], s: Synoptic, width: number, ctx: DocxContext, fill?: string): TableCell {
  const words = compareWords(s.lang);
  const several = s.registers.length > 1;
  const paragraphs: Paragraph[] = [];
  for (const p of observations) {
    const o = p.observation;
    const where = several ? ` (${registerRef(p, s.lang)})` : '';
    paragraphs.push(
      ctx.paragraph({
        style: STYLE.tableText,
        children: [text(`${words.observation} ${o.id}${where} — ${p.label} — ${o.by}: `, { bold: true }), text(o.text)],
      }),
      ctx.paragraph({
        style: STYLE.tableText,
        children: [
          text(`${words.decision}: `, { italics: true }),
          text(decisionWord(o.decision, s.lang), { bold: true }),
          ...(o.response.trim() ? [text('. '), text(`${words.response}: `, { italics: true }), text(o.response)] : [text('.')]),
        ],
      }),
    );
  }
  return new TableCell({ width: { size: width, type: WidthType.DXA }, ...shade(fill), children: paragraphs.length > 0 ? paragraphs : [ctx.paragraph({ style: STYLE.tableText, children: [] })] });
}

function cell(runs: TextRun[], width: number, fill: string | undefined, ctx: DocxContext, span = 1): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...shade(fill),
    children: [ctx.paragraph({ style: STYLE.tableText, children: runs })],
  });
}

function shade(fill: string | undefined): { shading?: { type: typeof ShadingType.CLEAR; fill: string; color: string } } {
  return fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {};
}

function text(value: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text: value, ...options });
}

function note(value: string, ctx: DocxContext): Paragraph {
  return ctx.paragraph({ style: STYLE.tableText, children: [text(value, { italics: true, color: NOTE_COLOR })] });
}

function dash(ctx: DocxContext): Paragraph {
  return ctx.paragraph({ style: STYLE.tableText, children: [text('—', { color: NOTE_COLOR })] });
}

/** The title block and the summary, as Markdown (rendered with the renderer's styles). */
export function titleMarkdown(s: Synoptic): string {
  const words = compareWords(s.lang);
  const e = (t: string) => escapeMarkdown(t).replace(/\n/g, ' ');
  const lines: string[] = [`# ${e(s.title)}`, '', `## ${e(`${words.synopticTitle}: ${s.from.label} → ${s.to.label}`)}`, ''];
  for (const line of markdownTable(factsTable(s), e)) lines.push(line);
  lines.push('');
  lines.push(`**${e(words.registers)}:** ${s.registers.length > 0 ? s.registers.map((r) => e(registerText(r, words))).join('; ') : e(words.noRegisters)}`, '');
  if (!s.changed) {
    lines.push(`**${e(words.noChanges(s.from.label, s.to.label))}**`, '');
    return lines.join('\n');
  }
  lines.push(`### ${e(words.summary)}`, '');
  for (const line of markdownTable(summaryTable(s), e)) lines.push(line);
  lines.push('');
  for (const n of summaryNotes(s)) lines.push(e(n), '');
  return lines.join('\n');
}

/** Rows of the table of both versions (label, date, status, workshop). */
export function factsTable(s: Synoptic): string[][] {
  const words = compareWords(s.lang);
  const status = (v: string) => STATUS[s.lang][v] ?? v;
  const rows: string[][] = [
    ['', words.initialText, words.revisedText],
    [s.lang === 'en' ? 'Version' : 'Versiunea', s.from.label, s.to.label],
    [s.lang === 'en' ? 'Date' : 'Data', s.from.date, s.to.date],
    [s.lang === 'en' ? 'Status' : 'Stadiul', status(s.from.status), status(s.to.status)],
  ];
  if (s.from.workshop || s.to.workshop) rows.push([s.lang === 'en' ? 'Presented at' : 'Prezentată la', s.from.workshop || '—', s.to.workshop || '—']);
  return rows;
}

const STATUS: Record<'ro' | 'en', Record<string, string>> = {
  ro: { draft: 'proiect de lucru', consultation: 'supusă consultării', final: 'finală' },
  en: { draft: 'working draft', consultation: 'in consultation', final: 'final' },
};

/** The counts table: one row per kind of unit that has units, one column per kind of change. */
export function summaryTable(s: Synoptic): string[][] {
  const words = compareWords(s.lang);
  const rows: string[][] = [['', ...CHANGE_KINDS.map((k) => words.counts[k])]];
  const kinds: [string, keyof Synoptic['counts']][] = [
    [words.requirements, 'requirement'],
    [words.standards, 'standard'],
    [words.modules, 'module'],
  ];
  for (const [name, kind] of kinds) {
    const c = s.counts[kind];
    if (CHANGE_KINDS.every((k) => c[k] === 0)) continue;
    rows.push([name, ...CHANGE_KINDS.map((k) => String(c[k]))]);
  }
  return rows;
}

/** Rows (the first one the header) → Markdown table lines. */
function markdownTable(rows: string[][], escape: (text: string) => string): string[] {
  const line = (row: string[]) => `| ${row.map(escape).join(' | ')} |`;
  return [line(rows[0]!), `|${' --- |'.repeat(rows[0]!.length)}`, ...rows.slice(1).map(line)];
}

/** Which register an observation comes from, when there are several: `registrul din 17 februarie 2016`. */
export function registerRef(p: PlacedObservation, lang: Lang): string {
  const date = displayDate(p.register.date, lang);
  return date ? `${lang === 'en' ? 'register of' : 'registrul din'} ${date}` : p.register.title || p.file;
}

/** A register in the title block: its title and how many observations it holds (`… (20 de observații)`). */
export function registerText(r: { title: string; file: string; count: number }, words: ReturnType<typeof compareWords>): string {
  return `${r.title || r.file} (${words.observationCount(r.count)})`;
}

/** Sentences under the counts: typographic corrections, identification data changed, observations. */
export function summaryNotes(s: Synoptic): string[] {
  const words = compareWords(s.lang);
  const out: string[] = [];
  const typographic = s.counts.requirement.typographic + s.counts.standard.typographic + s.counts.module.typographic;
  if (typographic > 0) out.push(`${capitalise(words.counts.typographic)}: ${typographic} (${s.lang === 'en' ? 'cedilla ş ţ → comma-below ș ț, quotes, spaces; not changes of substance' : 'ş ţ cu sedilă → ș ț cu virgulă, ghilimele, spații; nu sunt modificări de fond'}).`);
  if (s.metadata.length > 0) out.push(`${words.metadata}: ${s.metadata.map((m) => { const name = words.fields[m.key] ?? m.key; return m.typographic ? `${name} (${words.typographicNote.toLowerCase()})` : name; }).join(', ')}.`);
  const o = s.observations;
  if (o.received > 0) {
    const parts = (['accepted', 'partially-accepted', 'rejected', 'pending'] as const).filter((d) => o[d] > 0).map((d) => `${words.decisionCounts[d].toLowerCase()} ${o[d]}`);
    out.push(`${s.lang === 'en' ? 'Observations' : 'Observații'}: ${o.received} (${parts.join(', ')}).`);
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

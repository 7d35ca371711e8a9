/**
 * The synoptic table as one self-contained HTML page for projecting at a workshop: inline CSS, no scripts,
 * no external assets (fonts, images, styles). Large type, high contrast, a header row that stays in view
 * while scrolling, deletions struck through in red on pink, insertions underlined in blue on light blue,
 * typographic corrections in grey with a dotted underline; it prints on A4 landscape. Every unit's row has the
 * anchor of the site's version pages (`#S1.1`, `#standardul-3`, `#modulul-ii`; a unit only FROM has, whose
 * anchor TO uses for another unit, `#from-S3.1`), and a table of contents of the modules and standards
 * leads to them.
 */
import type { Changeset, UnitChange } from '../diff/types.js';
import { fragment, headingText, unitAnchor } from '../site/anchors.js';
import { DocxContext } from '../render/context.js';
import type { InlinePiece } from '../render/inline.js';
import { STYLE } from '../render/styles.js';
import type { Item, ParagraphProps } from './ir.js';
import { compareWords, decisionWord } from './labels.js';
import type { Out } from './merge.js';
import type { PlacedObservation } from './observations.js';
import { columnTitles, factsTable, registerRef, registerText, summaryNotes, summaryTable } from './synoptic-docx.js';
import { buildSynoptic, type Synoptic, type SynopticOptions, type SynopticRow } from './synoptic.js';
import { mergeTableCells } from './tables.js';

export interface SynopticHtmlOptions extends SynopticOptions {
  /** Links shown above the title (the site's navigation). */
  links?: { href: string; text: string }[];
}

export function synopticHtml(changeset: Changeset, options: SynopticHtmlOptions = {}): { html: string; synoptic: Synoptic } {
  const ctx = new DocxContext({ definitions: [...changeset.to.doc.definitions, ...changeset.from.doc.definitions], textWidth: 9000 });
  const synoptic = buildSynoptic(changeset, ctx, options);
  return { html: page(synoptic, ctx, rowAnchors(changeset), options.links ?? []), synoptic };
}

/** The anchor of each unit's row: TO's (`S4.1`), else FROM's when TO has no unit by it, else `from-S4.1`. */
function rowAnchors(changeset: Changeset): Map<UnitChange, string> {
  const lang = changeset.to.doc.lang;
  const anchors = new Map<UnitChange, string>();
  const used = new Set<string>();
  for (const u of changeset.units) {
    const a = u.toNode ? unitAnchor(u.toNode, lang) : null;
    if (a && !used.has(a)) {
      anchors.set(u, a);
      used.add(a);
    }
  }
  for (const u of changeset.units) {
    if (anchors.has(u) || !u.fromNode) continue;
    const a = unitAnchor(u.fromNode, changeset.from.doc.lang);
    if (!a) continue;
    const id = used.has(a) ? `from-${a}` : a;
    if (used.has(id)) continue;
    anchors.set(u, id);
    used.add(id);
  }
  return anchors;
}

/** Modules and standards of the comparison in row order, each linking to its row. */
function tableOfContents(s: Synoptic, anchors: ReadonlyMap<UnitChange, string>, units: readonly UnitChange[]): string {
  const words = s.lang === 'en' ? 'Contents' : 'Cuprins';
  const items: string[] = [];
  let open = false;
  for (const u of units) {
    if (u.kind === 'requirement') continue;
    const node = (u.toNode ?? u.fromNode) as Parameters<typeof headingText>[0] | null;
    const anchor = anchors.get(u);
    if (!node || !anchor || (node.kind === 'module' && !node.heading)) continue;
    const text = `${esc(headingText(node, s.lang))}${u.change === 'removed' ? ` <span class="removed">(${esc(compareWords(s.lang).removed)})</span>` : ''}`;
    const link = `<a href="${esc(fragment(anchor))}">${text}</a>`;
    if (node.kind === 'module') {
      if (open) items.push('</ul></li>');
      items.push(`<li>${link}<ul>`);
      open = true;
    } else items.push(`<li>${link}</li>`);
  }
  if (open) items.push('</ul></li>');
  if (items.length === 0) return '';
  return `<nav class="toc" aria-labelledby="toc-title"><details open><summary id="toc-title">${words}</summary><ul>${items.join('')}</ul></details></nav>`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(s: Synoptic, ctx: DocxContext, anchors: ReadonlyMap<UnitChange, string>, links: readonly { href: string; text: string }[]): string {
  const words = compareWords(s.lang);
  const title = `${words.synopticTitle}: ${s.from.label} → ${s.to.label}`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${s.lang}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(`${title} — ${s.title}`)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  if (s.rows.length > 0) out.push(`<a class="skip" href="#tabel">${s.lang === 'en' ? 'Skip to the table' : 'Sari la tabel'}</a>`);
  if (links.length > 0) out.push(`<nav class="site" aria-label="Site"><ul>${links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.text)}</a></li>`).join('')}</ul></nav>`);
  out.push('<header>', `<h1>${esc(s.title)}</h1>`, `<p class="subtitle">${esc(title)}</p>`);
  out.push(simpleTable(factsTable(s), 'facts'));
  out.push(`<p><strong>${esc(words.registers)}:</strong> ${s.registers.length > 0 ? s.registers.map((r) => esc(registerText(r, words))).join('; ') : esc(words.noRegisters)}</p>`);
  if (!s.changed) {
    out.push(`<p class="nochanges">${esc(words.noChanges(s.from.label, s.to.label))}</p>`);
  } else {
    out.push(`<h2>${esc(words.summary)}</h2>`, simpleTable(summaryTable(s), 'counts'));
    for (const n of summaryNotes(s)) out.push(`<p>${esc(n)}</p>`);
    out.push(`<p class="legend">${legend(s.lang)}</p>`);
  }
  out.push('</header>');
  if (s.rows.length > 0) {
    const [a, b, c] = columnTitles(s);
    const units = s.rows.flatMap((r) => (r.kind === 'unit' ? [r.entry] : r.kind === 'collapsed' ? r.entries : []));
    out.push(tableOfContents(s, anchors, units));
    out.push('<main id="tabel" tabindex="-1">', '<table class="synoptic">', '<colgroup><col class="from"><col class="to"><col class="obs"></colgroup>');
    out.push(`<thead><tr><th scope="col">${esc(a)}</th><th scope="col">${esc(b)}</th><th scope="col">${esc(c)}</th></tr></thead>`, '<tbody>');
    for (const row of s.rows) out.push(rowHtml(row, s, ctx, anchors));
    out.push('</tbody>', '</table>', '</main>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function legend(lang: 'ro' | 'en'): string {
  return lang === 'en'
    ? 'Legend: <del>removed text</del> <ins>added text</ins> <ins class="typo">typographic correction</ins>'
    : 'Legendă: <del>text eliminat</del> <ins>text adăugat</ins> <ins class="typo">corectură tipografică</ins>';
}

function simpleTable(rows: string[][], cls: string): string {
  const [head, ...body] = rows;
  const cells = (row: string[], tag: string) =>
    row.map((c, i) => (tag === 'th' && !c ? '<td></td>' : `<${i === 0 && tag === 'td' ? 'th scope="row"' : tag}>${esc(c)}</${i === 0 && tag === 'td' ? 'th' : tag}>`)).join('');
  return `<table class="${cls}"><thead><tr>${cells(head!, 'th')}</tr></thead><tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`;
}

function rowHtml(row: SynopticRow, s: Synoptic, ctx: DocxContext, anchors: ReadonlyMap<UnitChange, string>): string {
  if (row.kind === 'collapsed') {
    // Every unit of the run keeps its anchor: an empty target at the start of the row's cell.
    const targets = row.entries.map((e) => anchors.get(e)).filter((a): a is string => Boolean(a)).map((a) => `<span class="target" id="${esc(a)}"></span>`).join('');
    return `<tr class="collapsed"><td colspan="3">${targets}${esc(row.text)}</td></tr>`;
  }
  if (row.kind === 'observations') return `<tr class="other"><td colspan="2" class="note">${esc(row.title)}</td><td>${observationsHtml(row.observations, s)}</td></tr>`;
  const notes = [...(row.kind === 'block' ? [row.title] : []), ...row.notes];
  const structure = row.kind === 'unit' && row.entry.kind !== 'requirement' ? ` class="${row.entry.kind}"` : '';
  const side = (which: 'from' | 'to') => {
    const html = outsHtml(row.outs.filter((o) => o.state !== (which === 'from' ? 'ins' : 'del')), which, ctx);
    return html || '<p class="empty">—</p>';
  };
  const note = notes.length > 0 ? `<p class="note">${esc(notes.join(' · '))}</p>` : '';
  const anchor = row.kind === 'unit' ? anchors.get(row.entry) : undefined;
  return `<tr${anchor ? ` id="${esc(anchor)}"` : ''}${structure}><td>${side('from')}</td><td>${note}${side('to')}</td><td>${observationsHtml(row.observations, s)}</td></tr>`;
}

function observationsHtml(observations: readonly PlacedObservation[], s: Synoptic): string {
  const words = compareWords(s.lang);
  const several = s.registers.length > 1;
  return observations
    .map((p) => {
      const o = p.observation;
      const head = `${words.observation} ${o.id}${several ? ` (${registerRef(p, s.lang)})` : ''} — ${p.label} — ${o.by}`;
      const response = o.response.trim() ? ` <em>${esc(words.response)}:</em> ${esc(o.response)}` : '';
      return `<div class="observation decision-${esc(o.decision)}"><p><strong>${esc(head)}:</strong> ${esc(o.text)}</p><p><em>${esc(words.decision)}:</em> <strong>${esc(decisionWord(o.decision, s.lang))}</strong>.${response}</p></div>`;
    })
    .join('');
}

const STYLE_CLASS: Record<string, string> = {
  [STYLE.heading1]: 'h1',
  [STYLE.heading2]: 'h2',
  [STYLE.heading3]: 'h3',
  [STYLE.heading4]: 'h4',
  [STYLE.requirement]: 'requirement',
  [STYLE.indicatorsLabel]: 'indicators-label',
  [STYLE.indicator]: 'indicator',
  [STYLE.enumeration]: 'enumeration',
  [STYLE.listParagraph]: 'list',
  [STYLE.quote]: 'quote',
  [STYLE.code]: 'code',
  [STYLE.tableText]: 'table-text',
};

/** One side's merged items → paragraphs and tables. */
function outsHtml(outs: readonly Out[], side: 'from' | 'to', ctx: DocxContext): string {
  const html: string[] = [];
  let buffer = '';
  const counters = new Map<string, number>();
  for (const o of outs) {
    const item = o.item;
    if (item.kind === 'piece') buffer += marked(pieceHtml(item.piece), o);
    else if (item.kind === 'mark') {
      const props = side === 'from' && o.fromProps ? o.fromProps : item.props;
      html.push(paragraph(buffer, props, counters));
      buffer = '';
    } else {
      if (buffer) html.push(paragraph(buffer, { style: STYLE.normal }, counters));
      buffer = '';
      html.push(tableHtml(item, o, side, ctx));
    }
  }
  if (buffer) html.push(paragraph(buffer, { style: STYLE.normal }, counters));
  return html.join('');
}

function paragraph(content: string, props: ParagraphProps, counters: Map<string, number>): string {
  if (props.border) return '<hr>';
  if (props.pageBreak && !content) return '';
  const cls = [props.style ? (STYLE_CLASS[props.style] ?? '') : '', props.alignment ? `align-${props.alignment}` : ''].filter(Boolean);
  let lead = '';
  if (props.numbering) {
    const n = (counters.get(props.numbering.list) ?? 0) + 1;
    counters.set(props.numbering.list, n);
    lead = `<span class="bullet">${props.numbering.ordered ? `${n}.` : props.numbering.level % 2 === 0 ? '–' : '◦'}</span> `;
    cls.push(`level-${props.numbering.level}`);
  } else if (props.indentLeft !== undefined) cls.push('continued');
  return `<p${cls.length > 0 ? ` class="${cls.join(' ')}"` : ''}>${lead}${content || '&#8203;'}</p>`;
}

function marked(html: string, o: Out): string {
  if (!html || o.state === 'same') return html;
  const cls = o.typographic ? ' class="typo"' : '';
  return o.state === 'ins' ? `<ins${cls}>${html}</ins>` : `<del${cls}>${html}</del>`;
}

function pieceHtml(p: InlinePiece): string {
  switch (p.kind) {
    case 'break':
      return '<br>';
    case 'footnote':
      return `<sup>[${p.id}]</sup>`;
    case 'field':
      return '';
    case 'text': {
      let h = esc(p.text);
      const f = p.format;
      if (f.code) h = `<code>${h}</code>`;
      if (f.bold) h = `<strong>${h}</strong>`;
      if (f.italics) h = `<em>${h}</em>`;
      if (f.strike) h = `<s>${h}</s>`;
      if (f.superScript) h = `<sup>${h}</sup>`;
      if (p.link && 'url' in p.link && /^(?:https?:|mailto:|tel:|#|[^:]*$)/i.test(p.link.url.trim())) h = `<a href="${esc(p.link.url)}">${h}</a>`;
      return h;
    }
  }
}

function tableHtml(item: Extract<Item, { kind: 'table' }>, o: Out, side: 'from' | 'to', ctx: DocxContext): string {
  const shows = (x: Out) => (side === 'from' ? x.state !== 'ins' : x.state !== 'del');
  let rows: string[][];
  let align: (string | null)[];
  if (o.state === 'same' && item.from) {
    const merged = mergeTableCells(item.from, item.node, ctx);
    rows = merged.rows.map((row) => row.map((cell) => cell.filter(shows).map((x) => marked(x.item.kind === 'piece' ? pieceHtml(x.item.piece) : '', x)).join('')));
    align = merged.align;
  } else {
    // A table unchanged, or inserted or deleted whole: its cells as they are, marked as the table is.
    const whole = (x: string) => marked(x, o);
    const merged = mergeTableCells(item.node, item.node, ctx);
    rows = merged.rows.map((row) => row.map((cell) => whole(cell.map((x) => (x.item.kind === 'piece' ? pieceHtml(x.item.piece) : '')).join(''))));
    align = merged.align;
  }
  const row = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((cell, c) => `<${tag}${align[c] ? ` class="align-${align[c]}"` : ''}>${cell}</${tag}>`).join('')}</tr>`;
  // The header row in <thead>: printed, it repeats on every page the table runs onto.
  const [head, ...body] = rows;
  return `<table class="content">${head ? `<thead>${row(head, 'th')}</thead>` : ''}<tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`;
}

const CSS = `
:root { color-scheme: light; --ink: #111; --muted: #555; --line: #9aa5b1; --head: #dce6f4; --structure: #f1f3f5; --del: #a4001d; --del-bg: #fde7ea; --ins: #0a3f8f; --ins-bg: #e3eeff; --typo: #6b6b6b; }
* { box-sizing: border-box; }
html { font-size: 20px; }
body { margin: 0 auto; max-width: 1800px; padding: 1rem 1.5rem 3rem; font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.4; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
h2 { font-size: 1.2rem; margin: 1rem 0 0.4rem; }
.subtitle { font-size: 1.2rem; font-weight: 600; margin: 0 0 0.8rem; }
header table { border-collapse: collapse; margin: 0.4rem 0; font-size: 0.9rem; }
header th, header td { border: 1px solid var(--line); padding: 0.2rem 0.6rem; text-align: left; }
header thead th { background: var(--head); }
table.counts td { text-align: right; }
.legend { margin-top: 0.8rem; }
.nochanges { font-size: 1.3rem; font-weight: 600; padding: 1rem; border: 2px solid var(--line); }
table.synoptic { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; margin-top: 1rem; }
table.synoptic col.from, table.synoptic col.to { width: 37%; }
table.synoptic col.obs { width: 26%; }
table.synoptic > thead th { position: sticky; top: 0; z-index: 1; background: var(--head); text-align: left; padding: 0.5rem 0.6rem; border: 1px solid var(--line); font-size: 1rem; }
table.synoptic > tbody > tr > td { vertical-align: top; padding: 0.4rem 0.6rem; border: 1px solid var(--line); border-top: none; overflow-wrap: anywhere; }
table.synoptic > tbody > tr.standard > td, table.synoptic > tbody > tr.module > td { background: var(--structure); }
tr.collapsed td, .note, .empty { color: var(--muted); font-style: italic; }
td p { margin: 0 0 0.35rem; }
p.h1, p.h2, p.h3, p.h4 { font-weight: 700; }
p.h1 { font-size: 1.1rem; }
p.requirement { margin-top: 0.2rem; }
p.indicators-label { font-weight: 700; margin-bottom: 0.1rem; }
p.indicator { margin-left: 1.2rem; }
p.enumeration { margin-left: 1.6rem; text-indent: -0.8rem; }
p.list, p.continued { margin-left: 1.6rem; }
p.list.level-1 { margin-left: 2.6rem; }
p.list .bullet { display: inline-block; min-width: 1.2rem; margin-left: -1.2rem; }
p.quote { margin-left: 1.2rem; font-style: italic; }
p.code, code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
.align-center { text-align: center; } .align-right { text-align: right; } .align-left { text-align: left; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; text-decoration-thickness: 2px; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
ins.typo, del.typo { color: var(--typo); background: none; text-decoration-style: dotted; }
table.content { border-collapse: collapse; margin: 0.3rem 0 0.5rem; font-size: 0.9rem; }
table.content th, table.content td { border: 1px solid var(--line); padding: 0.1rem 0.4rem; }
.observation { margin-bottom: 0.6rem; font-size: 0.9rem; }
.observation p { margin: 0 0 0.2rem; }
a { color: inherit; }
.skip { position: absolute; left: 0.5rem; top: -4rem; z-index: 3; background: var(--ink); color: #fff; padding: 0.4rem 1rem; }
.skip:focus { top: 0; }
:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
main:focus { outline: none; }
nav.site ul { display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; list-style: none; margin: 0 0 0.4rem; padding: 0; font-size: 0.9rem; }
nav.site a, nav.toc a { color: var(--ins); }
nav.toc { margin: 0.8rem 0; font-size: 0.85rem; }
nav.toc summary { font-weight: 700; cursor: pointer; }
nav.toc > details > ul { columns: 3 20rem; column-gap: 2rem; margin: 0.3rem 0; padding-left: 0; list-style: none; }
nav.toc li { padding: 0.15rem 0; line-height: 1.3; }
nav.toc li li { margin-left: 1rem; list-style: none; }
nav.toc ul ul { padding-left: 0; }
nav.toc .removed { color: var(--muted); }
table.synoptic > tbody > tr { scroll-margin-top: 6rem; }
table.synoptic > tbody > tr:target > td, tr.collapsed:has(.target:target) > td { outline: 3px solid #c2410c; outline-offset: -3px; }
.target { scroll-margin-top: 6rem; }
@media print {
  .skip, nav.site, nav.toc { display: none; }
  @page { size: A4 landscape; margin: 1.5cm; }
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  table.synoptic > thead, table.content > thead { display: table-header-group; }
  table.synoptic > thead th { position: static; }
  tr { break-inside: avoid; }
}
`.trim();

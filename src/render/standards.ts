/**
 * The standards model → docx, in the style of the published orders: module and standard headings as Word
 * heading styles (Heading1, Heading2, with bookmarks `modulul_i`, `standardul_3`, `s3_2`), the statement,
 * "Rezultate așteptate:" in bold, each requirement a paragraph starting with its id in bold ("S1.1."),
 * then "Indicatori:" and one paragraph per indicator numbered by position ("Im1S1.1: …").
 *
 * Each unit has its own function (`moduleToDocx`, `standardToDocx`, `requirementToDocx`, `indicatorToDocx`)
 * and its label functions, so comparison documents can render single units with the same styles.
 * Rendering is from the model: nothing is re-parsed.
 */
import { Bookmark, type FileChild, type ParagraphChild } from 'docx';
import type { Block, Indicator, Lang, Module, Requirement, Standard, StandardsDoc } from '../model/types.js';
import { INDICATOR_PREFIX, indicatorId, labelsFor, standardRangeText, moduleAnchor, requirementAnchor, requirementIdPrinted, standardAnchor } from '../model/labels.js';
import { nodeText } from '../model/walk.js';
import { blocksToDocx, paragraphToDocx, type BlockOptions } from './blocks.js';
import type { DocxContext } from './context.js';
import { bookmarkName, dropLeadingText, phrasingToPieces, piecesText, piecesToRuns, textPiece, trimLeading, type InlinePiece } from './inline.js';
import { STYLE } from './styles.js';
import type { OutputLabels, StandardsOptions } from './template-config.js';

export interface StandardsStyle extends StandardsOptions {
  labels: OutputLabels;
  lang: Lang;
}

/** The default way of writing the standards: plain ids, headings as written, language labels. */
export function standardsStyle(lang: Lang, options: Partial<StandardsOptions> = {}, labels: Partial<OutputLabels> = {}): StandardsStyle {
  const base = labelsFor(lang);
  return {
    lang,
    requirementIds: options.requirementIds ?? 'plain',
    headingCase: options.headingCase ?? 'as-written',
    moduleRange: options.moduleRange ?? false,
    labels: {
      module: labels.module ?? base.module,
      standard: labels.standard ?? base.standard,
      expectedResults: labels.expectedResults ?? base.expectedResults,
      indicators: labels.indicators ?? base.indicators,
      standardRange: labels.standardRange ?? base.standardRange,
      standardRangeOne: labels.standardRangeOne ?? base.standardRangeOne,
    },
  };
}

/** Headings inside content (introduction, annexes) sit below the standards' levels. */
const contentHeadings: BlockOptions = { headingStyle: (depth) => (depth <= 2 ? STYLE.heading3 : STYLE.heading4) };

/** The whole document: introduction, modules, annexes of the standards file, and any content the format does not place. */
export function standardsToDocx(doc: StandardsDoc, ctx: DocxContext, style: StandardsStyle): FileChild[] {
  const out: FileChild[] = [...blocksToDocx(doc.intro, ctx, contentHeadings)];
  for (const module of doc.modules) for (const item of moduleToDocx(module, ctx, style)) out.push(item);
  for (const annex of doc.annexes) {
    out.push(ctx.paragraph({ style: STYLE.heading1, children: piecesToRuns(phrasingToPieces(annex.heading.node.children, ctx), ctx) }));
    for (const item of blocksToDocx(annex.blocks, ctx, contentHeadings)) out.push(item);
  }
  for (const item of blocksToDocx(doc.unplaced, ctx, contentHeadings)) out.push(item);
  return out;
}

/** Bookmark names of every module, standard and requirement, for internal links (`[S3.2](#s3-2)`). */
export function standardsBookmarks(doc: StandardsDoc): Set<string> {
  const names = new Set<string>();
  for (const module of doc.modules) {
    if (module.heading && module.numeral) names.add(bookmarkName(moduleAnchor(doc.lang, module.numeral)));
    for (const standard of module.standards) {
      if (standard.number !== null) names.add(bookmarkName(standardAnchor(doc.lang, standard.number)));
      for (const r of standard.requirements) if (r.id) names.add(bookmarkName(requirementAnchor(r.id.standard, r.id.index, r.id.indexed)));
    }
  }
  return names;
}

export function moduleToDocx(module: Module, ctx: DocxContext, style: StandardsStyle): FileChild[] {
  const out: FileChild[] = [];
  if (module.heading) {
    const bookmark = module.numeral ? bookmarkName(moduleAnchor(style.lang, module.numeral)) : null;
    out.push(ctx.paragraph({ style: STYLE.heading1, children: withBookmark(ctx, bookmark, [textPiece(moduleHeadingText(module, style))]) }));
  }
  for (const item of blocksToDocx(module.blocks, ctx, contentHeadings)) out.push(item);
  for (const standard of module.standards) for (const item of standardToDocx(standard, module, ctx, style)) out.push(item);
  return out;
}

export function standardToDocx(standard: Standard, module: Module, ctx: DocxContext, style: StandardsStyle): FileChild[] {
  const bookmark = standard.number !== null ? bookmarkName(standardAnchor(style.lang, standard.number)) : null;
  const out: FileChild[] = [ctx.paragraph({ style: STYLE.heading2, children: withBookmark(ctx, bookmark, [textPiece(standardHeadingText(standard, style))]) })];
  for (const item of blocksToDocx(standard.statement, ctx, contentHeadings)) out.push(item);
  for (const expected of standard.expectedResults) {
    out.push(
      ctx.paragraph({
        style: STYLE.normal,
        children: piecesToRuns([textPiece(style.labels.expectedResults, { bold: true }), textPiece(' '), ...trimLeading(phrasingToPieces(expected.content.children, ctx))], ctx),
      }),
    );
  }
  for (const item of blocksToDocx(standard.unplaced, ctx, contentHeadings)) out.push(item);
  for (const requirement of standard.requirements) for (const item of requirementToDocx(requirement, module, ctx, style)) out.push(item);
  return out;
}

/**
 * A requirement: its id in bold at the start of its first paragraph (`S1.1.`, or `M.I.-S1.1.`), then an
 * optional short title in bold, the rest of its text, the indicators label and the indicators.
 */
export function requirementToDocx(requirement: Requirement, module: Module, ctx: DocxContext, style: StandardsStyle): FileChild[] {
  const bookmark = requirement.id ? bookmarkName(requirementAnchor(requirement.id.standard, requirement.id.index, requirement.id.indexed)) : null;
  const idPieces: InlinePiece[] = [textPiece(`${requirementLabel(requirement, module, style)}.`, { bold: true })];
  if (requirement.title) idPieces.push(textPiece(' '), textPiece(/[.:!?]$/.test(requirement.title) ? requirement.title : `${requirement.title}.`, { bold: true }));
  idPieces.push(textPiece(' '));
  const [first, ...rest] = requirement.text;
  const out: FileChild[] = [];
  if (first && first.type === 'paragraph') {
    for (const item of paragraphToDocx(first, ctx, { style: STYLE.requirement, lead: idPieces, bookmark })) out.push(item);
    for (const item of blocksToDocx(rest, ctx, contentHeadings)) out.push(item);
  } else {
    out.push(ctx.paragraph({ style: STYLE.requirement, children: withBookmark(ctx, bookmark, idPieces) }));
    for (const item of blocksToDocx(requirement.text, ctx, contentHeadings)) out.push(item);
  }
  if (requirement.indicators.length > 0 || requirement.indicatorsLabel) {
    // Bold comes from the IndicatorsLabel style.
    out.push(ctx.paragraph({ style: STYLE.indicatorsLabel, children: piecesToRuns([textPiece(style.labels.indicators)], ctx) }));
  }
  for (const indicator of requirement.indicators) for (const item of indicatorToDocx(indicator, requirement, ctx)) out.push(item);
  for (const item of blocksToDocx(requirement.unplaced, ctx, contentHeadings)) out.push(item);
  return out;
}

/** An indicator: `Im1S1.1:` in bold, then its text (an explicit prefix written in the source is replaced). */
export function indicatorToDocx(indicator: Indicator, requirement: Requirement, ctx: DocxContext): FileChild[] {
  const lead: InlinePiece[] = [textPiece(`${indicatorLabel(indicator, requirement)}:`, { bold: true }), textPiece(' ')];
  const [first, ...rest] = indicator.node.children as Block[];
  const out: FileChild[] = [];
  if (first && first.type === 'paragraph') {
    let pieces = phrasingToPieces(first.children, ctx);
    const prefix = INDICATOR_PREFIX.exec(piecesText(pieces));
    if (prefix) pieces = dropLeadingText(pieces, prefix[0].length);
    out.push(ctx.paragraph({ style: STYLE.indicator, children: piecesToRuns([...lead, ...pieces], ctx) }));
    for (const item of blocksToDocx(rest, ctx, { ...contentHeadings, style: STYLE.indicator })) out.push(item);
  } else {
    out.push(ctx.paragraph({ style: STYLE.indicator, children: piecesToRuns(lead, ctx) }));
    for (const item of blocksToDocx(indicator.node.children as Block[], ctx, { ...contentHeadings, style: STYLE.indicator })) out.push(item);
  }
  return out;
}

/** `Modulul I. Accesarea serviciului` (or in capitals), with `(standardele 1-3)` when asked. */
export function moduleHeadingText(module: Module, style: StandardsStyle): string {
  const numeral = module.numeral?.toUpperCase() ?? '';
  const head = `${style.labels.module} ${numeral}.${module.title ? ` ${module.title}` : ''}`;
  let text = style.headingCase === 'upper' ? upper(head, style.lang) : head;
  const numbers = module.standards.map((s) => s.number).filter((n): n is number => n !== null);
  if (style.moduleRange && numbers.length > 0) {
    const from = numbers.reduce((least, n) => Math.min(least, n), Infinity);
    const to = numbers.reduce((most, n) => Math.max(most, n), -Infinity);
    text += ` (${standardRangeText(style.labels, from, to)})`;
  }
  return text;
}

/** `Standardul 1. Informarea` (or in capitals). */
export function standardHeadingText(standard: Standard, style: StandardsStyle): string {
  const head = standard.number !== null ? `${style.labels.standard} ${standard.number}.${standard.title ? ` ${standard.title}` : ''}` : standard.heading.text;
  return style.headingCase === 'upper' ? upper(head, style.lang) : head;
}

/** `S1.1`, or `M.I.-S1.1` when the template asks for the published orders' prefix; the id as written when unreadable. */
export function requirementLabel(requirement: Requirement, module: Module, style: Pick<StandardsStyle, 'requirementIds'>): string {
  if (!requirement.id) return requirement.idText;
  // An index of a requirement inserted by an amendment is printed in superscript: S1.1¹.
  const plain = requirementIdPrinted(requirement.id.standard, requirement.id.index, requirement.id.indexed);
  if (style.requirementIds === 'module-prefixed' && module.numeral) return `M.${module.numeral.toUpperCase()}.-${plain}`;
  return plain;
}

/** `Im2S3.1`: the indicator's position in its requirement. */
export function indicatorLabel(indicator: Indicator, requirement: Requirement): string {
  if (!requirement.id) return `Im${indicator.position}${requirement.idText.replace(/^.*?(S\d+\.\d+).*$/, '$1')}`;
  return `Im${indicator.position}${requirementIdPrinted(requirement.id.standard, requirement.id.index, requirement.id.indexed)}`;
}

/** The plain text of a unit's blocks (for comparisons that want the text a reader sees). */
export function blocksPlainText(blocks: readonly Block[]): string {
  return blocks.map((b) => nodeText(b)).join('\n');
}

function upper(text: string, lang: Lang): string {
  return text.toLocaleUpperCase(lang === 'ro' ? 'ro-RO' : 'en-GB');
}

function withBookmark(ctx: DocxContext, bookmark: string | null, pieces: InlinePiece[]): ParagraphChild[] {
  const runs = piecesToRuns(pieces, ctx);
  return bookmark ? [new Bookmark({ id: bookmark, children: runs })] : runs;
}

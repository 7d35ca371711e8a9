/**
 * The Word styles of the rendered documents and the list numbering. Every paragraph the renderer makes names
 * one of these styles (never direct formatting, apart from bold/italic runs and the alignment directives of
 * templates), so a reference .docx can restyle the whole document, and Word's navigation pane and table of
 * contents work from the heading styles.
 */
import { AlignmentType, LevelFormat, type INumberingOptions, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { TWIPS_PER_CM, halfPoints } from './units.js';

/** Style ids (Word's built-in ids where Word has the style, so Word recognises them). */
export const STYLE = {
  normal: 'Normal',
  /** Template `#` headings: ORDIN, ANEXĂ, ANUNȚ. */
  title: 'Title',
  /** Template `##` headings: "privind aprobarea …", the title of the standards. */
  subtitle: 'Subtitle',
  /** Modules. */
  heading1: 'Heading1',
  /** Standards. */
  heading2: 'Heading2',
  /** Template `###` and headings inside content. */
  heading3: 'Heading3',
  heading4: 'Heading4',
  /** A requirement's paragraph, starting with `S1.1.` in bold. */
  requirement: 'Requirement',
  /** The `Indicatori:` label. */
  indicatorsLabel: 'IndicatorsLabel',
  /** One indicator, `Im1S1.1: …`. */
  indicator: 'Indicator',
  /** An `a)`/`b)` item of an enumeration. */
  enumeration: 'Enumeration',
  /** A paragraph of a bullet or numbered list. */
  listParagraph: 'ListParagraph',
  tableText: 'TableText',
  /** The signature block of an order: centred, with space above. */
  signature: 'Signature',
  quote: 'Quote',
  code: 'Code',
  header: 'Header',
  footer: 'Footer',
} as const;

export const BULLET_LIST = 'stdraft-bullet';
export const ORDERED_LIST = 'stdraft-ordered';

export interface FontSetup {
  name: string;
  /** Points. */
  size: number;
  headings: string;
}

const cm = (value: number) => Math.round(value * TWIPS_PER_CM);
/** Spacing is in twips: 6 pt = 120. */
const pt = (value: number) => value * 20;

/** The paragraph styles, all based on Normal. */
export function paragraphStyles(font: FontSetup): IParagraphStyleOptions[] {
  const size = halfPoints(font.size);
  const headingRun = { font: font.headings, bold: true, size };
  return [
    { id: STYLE.normal, name: 'Normal', quickFormat: true, run: { font: font.name, size }, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: pt(6), line: 264 } } },
    { id: STYLE.title, name: 'Title', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: { ...headingRun, size: halfPoints(font.size + 2) }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: pt(12), after: pt(6) } } },
    { id: STYLE.subtitle, name: 'Subtitle', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: headingRun, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: pt(12) } } },
    { id: STYLE.heading1, name: 'heading 1', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: headingRun, paragraph: { alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, outlineLevel: 0, spacing: { before: pt(18), after: pt(6) } } },
    { id: STYLE.heading2, name: 'heading 2', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: headingRun, paragraph: { alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, outlineLevel: 1, spacing: { before: pt(12), after: pt(6) } } },
    { id: STYLE.heading3, name: 'heading 3', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: headingRun, paragraph: { alignment: AlignmentType.LEFT, keepNext: true, outlineLevel: 2, spacing: { before: pt(6), after: pt(6) } } },
    { id: STYLE.heading4, name: 'heading 4', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, run: { ...headingRun, bold: false, italics: true }, paragraph: { alignment: AlignmentType.LEFT, keepNext: true, outlineLevel: 3, spacing: { before: pt(6), after: pt(3) } } },
    { id: STYLE.requirement, name: 'Requirement', basedOn: STYLE.normal, next: STYLE.normal, quickFormat: true, paragraph: { spacing: { before: pt(6) } } },
    { id: STYLE.indicatorsLabel, name: 'Indicators label', basedOn: STYLE.normal, next: STYLE.indicator, run: { bold: true }, paragraph: { keepNext: true, spacing: { after: pt(2) } } },
    { id: STYLE.indicator, name: 'Indicator', basedOn: STYLE.normal, next: STYLE.indicator, quickFormat: true, paragraph: { indent: { left: cm(0.63) }, spacing: { after: pt(2) } } },
    { id: STYLE.enumeration, name: 'Enumeration', basedOn: STYLE.normal, next: STYLE.enumeration, paragraph: { indent: { left: cm(1.0), hanging: cm(0.5) }, spacing: { after: pt(2) } } },
    { id: STYLE.listParagraph, name: 'List Paragraph', basedOn: STYLE.normal, paragraph: { spacing: { after: pt(2) } } },
    { id: STYLE.signature, name: 'Signature', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: pt(24), after: pt(6) } } },
    { id: STYLE.tableText, name: 'Table Text', basedOn: STYLE.normal, paragraph: { alignment: AlignmentType.LEFT, spacing: { before: pt(2), after: pt(2), line: 240 } } },
    { id: STYLE.quote, name: 'Quote', basedOn: STYLE.normal, next: STYLE.normal, run: { italics: true }, paragraph: { indent: { left: cm(1), right: cm(1) } } },
    { id: STYLE.code, name: 'Code', basedOn: STYLE.normal, run: { font: 'Courier New', size: halfPoints(Math.max(font.size - 2, 6)) }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0, line: 240 } } },
    { id: STYLE.header, name: 'header', basedOn: STYLE.normal, run: { size: halfPoints(Math.max(font.size - 2, 6)) }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
    { id: STYLE.footer, name: 'footer', basedOn: STYLE.normal, run: { size: halfPoints(Math.max(font.size - 2, 6)) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
  ];
}

/** The document's styles; with `referenceIds` (styles a reference .docx defines), only the styles it lacks. */
export function stylesOptions(font: FontSetup, lang: string, referenceIds: ReadonlySet<string> | null): IStylesOptions {
  const language = { value: lang === 'en' ? 'en-GB' : 'ro-RO' };
  const styles = paragraphStyles(font).filter((s) => !referenceIds?.has(s.id));
  if (referenceIds) return { paragraphStyles: styles };
  return {
    default: { document: { run: { font: font.name, size: halfPoints(font.size), language } } },
    paragraphStyles: styles,
  };
}

/** Bullet lists (an en dash, as drafts write them) and numbered lists, nine levels each. */
export function numberingOptions(): INumberingOptions {
  const levels = (format: 'bullet' | 'decimal') =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: format === 'bullet' ? (level % 2 === 0 ? '–' : '◦') : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: cm(0.63 * (level + 1) + 0.37), hanging: cm(0.5) } } },
    }));
  return {
    config: [
      { reference: BULLET_LIST, levels: levels('bullet') },
      { reference: ORDERED_LIST, levels: levels('decimal') },
    ],
  };
}

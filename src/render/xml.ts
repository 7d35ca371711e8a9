/**
 * Light paragraphs and runs: docx components that write their WordprocessingML directly, for the bulk of a
 * document. docx's Paragraph and TextRun build dozens of objects each (every option is a component); the
 * annex of a 1.4 MB standards document has some 10,000 paragraphs and 30,000 runs, and building and writing
 * them with the light components takes about a third of the time. The XML is the same as docx writes for the
 * options they accept; anything else (lists, borders, external hyperlinks, page fields) uses docx's own.
 *
 * They are docx components (`BaseXmlComponent`): they mix with docx's (a light paragraph holds docx runs,
 * e.g. the `InsertedTextRun` of a redline), and docx treats them as paragraphs and runs (`w:p`, `w:r`).
 */
import { BaseXmlComponent, Bookmark, ExternalHyperlink, Paragraph, TextRun, type IContext, type IParagraphOptions, type IRunOptions, type IXmlableObject, type ParagraphChild } from 'docx';

type Xml = IXmlableObject;

/** The run options a light run writes: text (or a break), bold, italics, strike, superscript, a font, a style. */
const RUN_KEYS = new Set(['text', 'bold', 'italics', 'strike', 'superScript', 'font', 'style', 'break']);
/** The paragraph options a light paragraph writes. */
const PARAGRAPH_KEYS = new Set(['style', 'alignment', 'indent', 'spacing', 'suppressLineNumbers', 'children']);

export class LightRun extends BaseXmlComponent {
  constructor(private readonly options: IRunOptions) {
    super('w:r');
  }

  override prepForXml(): Xml {
    const o = this.options;
    const props: Xml[] = [];
    if (o.style) props.push({ 'w:rStyle': { _attr: { 'w:val': o.style } } });
    if (typeof o.font === 'string') props.push({ 'w:rFonts': { _attr: { 'w:ascii': o.font, 'w:cs': o.font, 'w:eastAsia': o.font, 'w:hAnsi': o.font } } });
    if (o.bold) props.push({ 'w:b': {} }, { 'w:bCs': {} });
    if (o.italics) props.push({ 'w:i': {} }, { 'w:iCs': {} });
    if (o.strike) props.push({ 'w:strike': {} });
    if (o.superScript) props.push({ 'w:vertAlign': { _attr: { 'w:val': 'superscript' } } });
    const content: Xml[] = props.length > 0 ? [{ 'w:rPr': props }] : [];
    for (let i = 0; i < (o.break ?? 0); i++) content.push({ 'w:br': {} });
    if (o.text !== undefined && o.text !== '') content.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, o.text] });
    return { 'w:r': content.length > 0 ? content : {} };
  }
}

export class LightParagraph extends BaseXmlComponent {
  private readonly children: unknown[] = [];

  constructor(private readonly options: IParagraphOptions) {
    super('w:p');
    for (const child of options.children ?? []) {
      if (child instanceof Bookmark) this.children.push(child.start, ...child.children, child.end);
      else this.children.push(child);
    }
  }

  /** The same paragraph as docx's own (docx ends a section in its last paragraph only when it is one). */
  toParagraph(): Paragraph {
    return new Paragraph(this.options);
  }

  override prepForXml(context: IContext): Xml {
    const o = this.options;
    const props: Xml[] = [];
    if (o.style) props.push({ 'w:pStyle': { _attr: { 'w:val': o.style } } });
    if (o.suppressLineNumbers) props.push({ 'w:suppressLineNumbers': {} });
    if (o.spacing) props.push({ 'w:spacing': { _attr: spacingAttributes(o.spacing) } });
    if (o.indent) props.push({ 'w:ind': { _attr: indentAttributes(o.indent) } });
    if (o.alignment) props.push({ 'w:jc': { _attr: { 'w:val': o.alignment } } });
    const content: Xml[] = props.length > 0 ? [{ 'w:pPr': props }] : [];
    context.stack.push(this as unknown as Xml);
    for (const child of this.children) {
      const xml = (child as BaseXmlComponent).prepForXml(context);
      if (xml !== undefined) content.push(xml);
    }
    context.stack.pop();
    return { 'w:p': content.length > 0 ? content : {} };
  }
}

/** A run: a light one when the options allow, else docx's TextRun. */
export function makeRun(options: IRunOptions): ParagraphChild {
  for (const key of Object.keys(options)) if (!RUN_KEYS.has(key)) return new TextRun(options);
  return new LightRun(options) as unknown as ParagraphChild;
}

/** A paragraph: a light one when the options and children allow, else docx's Paragraph. */
export function makeParagraph(options: IParagraphOptions): Paragraph {
  for (const key of Object.keys(options)) if (!PARAGRAPH_KEYS.has(key)) return new Paragraph(options);
  if (options.indent && Object.keys(options.indent).some((k) => k !== 'left' && k !== 'hanging')) return new Paragraph(options);
  if (options.spacing && Object.keys(options.spacing).some((k) => k !== 'before' && k !== 'after')) return new Paragraph(options);
  for (const child of options.children ?? []) if (child instanceof ExternalHyperlink) return new Paragraph(options);
  return new LightParagraph(options) as unknown as Paragraph;
}

function spacingAttributes(spacing: NonNullable<IParagraphOptions['spacing']>): Record<string, number> {
  const out: Record<string, number> = {};
  if (spacing.before !== undefined) out['w:before'] = spacing.before;
  if (spacing.after !== undefined) out['w:after'] = spacing.after;
  return out;
}

function indentAttributes(indent: NonNullable<IParagraphOptions['indent']>): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  if (indent.left !== undefined) out['w:left'] = indent.left;
  if (indent.hanging !== undefined) out['w:hanging'] = indent.hanging;
  return out;
}

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

  /** The same XML as text, written directly. */
  toXml(): string {
    return this.xmlWith('w:t');
  }

  /** The XML as text with the text in `textTag` (`w:delText` in a deletion). */
  xmlWith(textTag: 'w:t' | 'w:delText'): string {
    const o = this.options;
    let props = '';
    if (o.style) props += `<w:rStyle w:val="${escapeText(o.style)}"/>`;
    if (typeof o.font === 'string') {
      const f = escapeText(o.font);
      props += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
    }
    if (o.bold) props += '<w:b/><w:bCs/>';
    if (o.italics) props += '<w:i/><w:iCs/>';
    if (o.strike) props += '<w:strike/>';
    if (o.superScript) props += '<w:vertAlign w:val="superscript"/>';
    let content = props ? `<w:rPr>${props}</w:rPr>` : '';
    for (let i = 0; i < (o.break ?? 0); i++) content += '<w:br/>';
    if (o.text !== undefined && o.text !== '') content += `<${textTag} xml:space="preserve">${escapeText(o.text)}</${textTag}>`;
    return content ? `<w:r>${content}</w:r>` : '<w:r/>';
  }
}

export class LightParagraph extends BaseXmlComponent {
  private readonly children: unknown[] = [];

  constructor(private readonly options: IParagraphOptions) {
    super('w:p');
    for (const child of options.children ?? []) {
      if (child instanceof Bookmark) {
        this.children.push(child.start);
        for (const item of child.children) this.children.push(item);
        this.children.push(child.end);
      } else this.children.push(child);
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

  /** The same XML as text, written directly (children that cannot are written through their XML objects). */
  toXml(context: IContext): string {
    const o = this.options;
    let props = '';
    if (o.style) props += `<w:pStyle w:val="${escapeText(o.style)}"/>`;
    if (o.suppressLineNumbers) props += '<w:suppressLineNumbers/>';
    if (o.spacing) props += `<w:spacing${attributes(spacingAttributes(o.spacing))}/>`;
    if (o.indent) props += `<w:ind${attributes(indentAttributes(o.indent))}/>`;
    if (o.alignment) props += `<w:jc w:val="${escapeText(o.alignment)}"/>`;
    let content = props ? `<w:pPr>${props}</w:pPr>` : '';
    context.stack.push(this as unknown as Xml);
    for (const child of this.children) content += xmlOf(child as BaseXmlComponent, context) ?? '';
    context.stack.pop();
    return content ? `<w:p>${content}</w:p>` : '<w:p/>';
  }
}

/** A component that writes its XML as text directly. */
export interface DirectXml {
  toXml(context: IContext): string;
}

/** A component's XML as text: directly when it can, else through its XML objects; undefined when it writes none. */
export function xmlOf(component: BaseXmlComponent, context: IContext): string | undefined {
  const direct = component as unknown as Partial<DirectXml>;
  if (typeof direct.toXml === 'function') return direct.toXml(context);
  const xml = component.prepForXml(context);
  return xml === undefined ? undefined : stringifyXml(xml);
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

// ---------------------------------------------------------------- XML objects → text

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPED_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

export function escapeValue(value: unknown): unknown {
  return typeof value === 'string' ? escapeText(value) : value;
}

/** Text escaped as docx escapes text and attribute values (quotes too; control characters dropped). */
export function escapeText(value: string): string {
  return ESCAPED.test(value) ? value.replace(ESCAPED_ALL, (c) => ESCAPES[c] ?? '') : value;
}

function attributes(attr: Record<string, unknown>): string {
  let out = '';
  for (const key in attr) out += ` ${key}="${String(escapeValue(attr[key]))}"`;
  return out;
}

/**
 * The XML text of one of docx's XML objects (`{ 'w:b': { _attr: { 'w:val': false } } }`), written as docx
 * writes it without indentation — with its quirks: a string in an element's children replaces the child before it.
 */
export function stringifyXml(data: Xml): string {
  let name: string | undefined;
  for (const key in data) {
    name = key;
    break;
  }
  const values = name === undefined ? undefined : (data as Record<string, unknown>)[name];
  let attrs = '';
  const content: unknown[] = [];
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) attrs += attributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let stringContent = false;
        content.push('');
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value)[0] === '_attr') attrs += attributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(stringifyXml(value as Xml));
          } else {
            content.pop();
            stringContent = true;
            content.push(escapeValue(value));
          }
        }
        if (!stringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values));
  const open = (name ? `<${name}` : '') + attrs;
  if (content.length === 0) return `${open}/>`;
  let inner = '';
  for (const child of content) if (child !== undefined) inner += String(child);
  return name ? `${open}>${inner}</${name}>` : open + inner;
}

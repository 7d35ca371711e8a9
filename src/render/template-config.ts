/**
 * `template.yaml`: what a template folder says about the document it makes (page, font, header, footer,
 * watermark, line numbering, table of contents, labels, consultation period, the sections and their `.md.hbs`
 * files). Read strictly: an unknown key or a value of the wrong kind is an error naming the line.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { readYaml } from '../yaml/reader.js';
import { StdraftError } from '../errors.js';
import type { Labels } from '../model/labels.js';
import type { Lang } from '../model/types.js';
import type { DayKind } from './dates.js';
import { PAGE_SIZES, parseLength } from './units.js';

export const TEMPLATE_FILE = 'template.yaml';

export function templateError(file: string, message: string, options: { line?: number; hint?: string; cause?: unknown } = {}): StdraftError {
  return new StdraftError('template', message, { file, ...options });
}

/** A Handlebars text written inside template.yaml (header, footer, document properties), with its line. */
export interface InlineTemplate {
  key: string;
  text: string;
  line: number;
}

export interface PageSetup {
  /** Twips. */
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
}

export interface SectionSpec {
  /** The `.md.hbs` file of the template folder this section is rendered from. */
  file: string;
  /** Number the lines of this section (restarting on each page), so commenters can cite "page 4, line 12". */
  lineNumbers: boolean;
  line: number;
}

/** How the standards are written in the DOCX. */
export interface StandardsOptions {
  /** `S1.1` or the published orders' `M.I.-S1.1`. */
  requirementIds: 'plain' | 'module-prefixed';
  /** Module and standard headings as written, or in capitals as in the published orders. */
  headingCase: 'as-written' | 'upper';
  /** Add `(standardele 1-3)` after a module heading. */
  moduleRange: boolean;
}

export type OutputLabels = Pick<Labels, 'module' | 'standard' | 'expectedResults' | 'indicators' | 'standardRange' | 'standardRangeOne'>;

export interface TemplateConfig {
  file: string;
  name: string;
  description: string;
  page: PageSetup;
  font: { name: string; size: number; headings: string };
  header: InlineTemplate | null;
  footer: InlineTemplate | null;
  watermark: string | null;
  toc: boolean;
  /** A .docx whose styles replace the template's (relative to the template folder). */
  referenceDocx: { path: string; line: number } | null;
  standards: StandardsOptions;
  labels: Partial<Record<Lang, Partial<OutputLabels>>>;
  /** The consultation period (Legea nr. 52/2003): at least 10 days. */
  consultation: { days: number; dayKind: DayKind; approvalDays: number; approvalDayKind: DayKind } | null;
  properties: { title: InlineTemplate | null; subject: InlineTemplate | null; keywords: InlineTemplate | null };
  sections: SectionSpec[];
  /** The whole file as data, for templates (`template.*`). */
  data: Record<string, unknown>;
}

const TOP_KEYS = ['name', 'description', 'page', 'font', 'header', 'footer', 'watermark', 'toc', 'reference-docx', 'standards', 'labels', 'consultation', 'properties', 'sections'];
const LABEL_KEYS: Record<string, keyof OutputLabels> = {
  module: 'module',
  standard: 'standard',
  'expected-results': 'expectedResults',
  indicators: 'indicators',
  'standard-range': 'standardRange',
  'standard-range-one': 'standardRangeOne',
};

export const MIN_CONSULTATION_DAYS = 10;
/** Days between the announcement and sending the draft for approval (Legea nr. 52/2003, art. 7 alin. (2)). */
export const MIN_APPROVAL_DAYS = 30;

/** Reads template.yaml; `file` is the label used in messages. Throws a template StdraftError naming the line. */
export function parseTemplateConfig(source: string, file: string): TemplateConfig {
  // The guarded reader: duplicate keys, aliases, tags and nesting checked in linear time (yaml/reader.ts).
  const read = readYaml(source.replace(/^\uFEFF/, ''));
  const { doc, lines } = read;
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;
  const fail = (message: string, node?: { range?: [number, number, number] | null } | null, hint?: string): never => {
    throw templateError(file, message, { line: lineOf(node), hint });
  };

  if (read.problem) {
    throw templateError(file, `invalid YAML: ${read.problem.message}`, { line: read.problem.line, hint: 'fix the YAML syntax' });
  }
  if (!isMap(doc.contents)) fail('Expected a mapping of template options (name, page, font, sections, …), found ' + describe(doc.contents), doc.contents as YamlNode, 'see docs/templates.md');
  const top = doc.contents as YAMLMap;
  const data = read.data as Record<string, unknown>;

  const entries = (map: YAMLMap, allowed: string[], where: string): Map<string, Pair<YamlNode, YamlNode | null>> => {
    const out = new Map<string, Pair<YamlNode, YamlNode | null>>();
    for (const pair of map.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null) fail(`Expected a text key in ${where}`, pair.key);
      if (!allowed.includes(key!)) fail(`Unknown key "${key}" in ${where} (expected ${allowed.join(', ')})`, pair.key);
      out.set(key!, pair);
    }
    return out;
  };
  const valueNode = (pair: Pair<YamlNode, YamlNode | null>): YamlNode | null => pair.value;
  const scalar = (pair: Pair<YamlNode, YamlNode | null>, name: string, kind: string): unknown => {
    const v = valueNode(pair);
    if (v === null || (isScalar(v) && v.value === null)) return null;
    if (!isScalar(v)) fail(`Expected ${name} to be ${kind}, found ${describe(v)}`, v ?? pair.key);
    return (v as { value: unknown }).value;
  };
  const text = (pair: Pair<YamlNode, YamlNode | null> | undefined, name: string): string | null => {
    if (!pair) return null;
    const v = scalar(pair, name, 'text');
    if (v === null) return null;
    if (typeof v !== 'string' && typeof v !== 'number') fail(`Expected ${name} to be text, found ${JSON.stringify(v)}`, valueNode(pair));
    return String(v);
  };
  const bool = (pair: Pair<YamlNode, YamlNode | null> | undefined, name: string, fallback: boolean): boolean => {
    if (!pair) return fallback;
    const v = scalar(pair, name, 'true or false');
    if (v === null) return fallback;
    if (typeof v !== 'boolean') fail(`Expected ${name} to be true or false, found ${JSON.stringify(v)}`, valueNode(pair));
    return v as boolean;
  };
  const choice = <T extends string>(pair: Pair<YamlNode, YamlNode | null> | undefined, name: string, choices: readonly T[], fallback: T): T => {
    const v = text(pair, name);
    if (v === null) return fallback;
    if (!(choices as readonly string[]).includes(v)) fail(`Expected ${name} to be ${choices.join(' or ')}, found "${v}"`, valueNode(pair!));
    return v as T;
  };
  const mapping = (pair: Pair<YamlNode, YamlNode | null> | undefined, name: string): YAMLMap | null => {
    if (!pair) return null;
    const v = valueNode(pair);
    if (v === null || (isScalar(v) && v.value === null)) return null;
    if (!isMap(v)) fail(`Expected ${name} to be a mapping, found ${describe(v)}`, v);
    return v as YAMLMap;
  };
  const inline = (pair: Pair<YamlNode, YamlNode | null> | undefined, name: string): InlineTemplate | null => {
    const v = text(pair, name);
    if (v === null || v.trim() === '' || !pair) return null;
    const node = valueNode(pair)!;
    // Block scalars (| or >) start on the line after the key.
    const block = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
    return { key: name, text: v, line: (lineOf(node) ?? 1) + (block ? 1 : 0) };
  };

  const keys = entries(top, TOP_KEYS, file);

  // page
  const pageMap = mapping(keys.get('page'), 'page');
  const pageKeys = pageMap ? entries(pageMap, ['size', 'orientation', 'margins'], 'page') : new Map();
  const sizeName = text(pageKeys.get('size'), 'page.size') ?? 'A4';
  const size = PAGE_SIZES[sizeName];
  if (!size) fail(`Expected page.size to be ${Object.keys(PAGE_SIZES).join(', ')}, found "${sizeName}"`, valueNode(pageKeys.get('size')!));
  const orientation = choice(pageKeys.get('orientation'), 'page.orientation', ['portrait', 'landscape'] as const, 'portrait');
  const margins = { top: 1134, right: 1134, bottom: 1134, left: 1418, header: 567, footer: 567 };
  const marginMap = mapping(pageKeys.get('margins'), 'page.margins');
  if (marginMap) {
    for (const [key, pair] of entries(marginMap, Object.keys(margins), 'page.margins')) {
      const raw = text(pair, `page.margins.${key}`);
      if (raw === null) continue;
      const twips = parseLength(raw);
      if (twips === null) fail(`Expected page.margins.${key} to be a length such as 2.5cm, 25mm, 1in or 72pt, found "${raw}"`, valueNode(pair));
      margins[key as keyof typeof margins] = twips!;
    }
  }
  const landscape = orientation === 'landscape';
  const page: PageSetup = {
    width: landscape ? size!.height : size!.width,
    height: landscape ? size!.width : size!.height,
    orientation,
    margins,
  };
  if (margins.left + margins.right >= page.width - 1440 || margins.top + margins.bottom >= page.height - 1440) {
    fail('Expected page margins that leave at least 1in (2.54cm) of text width and height', marginMap ?? pageMap ?? top);
  }

  // font
  const fontMap = mapping(keys.get('font'), 'font');
  const fontKeys = fontMap ? entries(fontMap, ['name', 'size', 'headings'], 'font') : new Map();
  const fontName = text(fontKeys.get('name'), 'font.name') ?? 'Times New Roman';
  let fontSize = 12;
  const sizePair = fontKeys.get('size');
  if (sizePair) {
    const v = scalar(sizePair, 'font.size', 'a number of points');
    if (v !== null) {
      if (typeof v !== 'number' || !(v >= 6 && v <= 72)) fail(`Expected font.size to be a number of points from 6 to 72, found ${JSON.stringify(v)}`, valueNode(sizePair));
      fontSize = v as number;
    }
  }
  const font = { name: fontName, size: fontSize, headings: text(fontKeys.get('headings'), 'font.headings') ?? fontName };

  // watermark
  let watermark: string | null = null;
  const wmPair = keys.get('watermark');
  if (wmPair) {
    const v = scalar(wmPair, 'watermark', 'text or false');
    if (v === false || v === null) watermark = null;
    else if (typeof v === 'string' && v.trim() !== '') watermark = v.trim();
    else fail(`Expected watermark to be text (e.g. PROIECT) or false, found ${JSON.stringify(v)}`, valueNode(wmPair));
  }

  // reference-docx
  const refPair = keys.get('reference-docx');
  const refPath = text(refPair, 'reference-docx');
  const referenceDocx = refPath ? { path: refPath, line: lineOf(valueNode(refPair!)) ?? 1 } : null;
  if (refPath && !/\.docx$/i.test(refPath)) fail(`Expected reference-docx to name a .docx file, found "${refPath}"`, valueNode(refPair!));

  // standards
  const stdMap = mapping(keys.get('standards'), 'standards');
  const stdKeys = stdMap ? entries(stdMap, ['requirement-ids', 'heading-case', 'module-range'], 'standards') : new Map();
  const standards: StandardsOptions = {
    requirementIds: choice(stdKeys.get('requirement-ids'), 'standards.requirement-ids', ['plain', 'module-prefixed'] as const, 'plain'),
    headingCase: choice(stdKeys.get('heading-case'), 'standards.heading-case', ['as-written', 'upper'] as const, 'as-written'),
    moduleRange: bool(stdKeys.get('module-range'), 'standards.module-range', false),
  };

  // labels
  const labels: TemplateConfig['labels'] = {};
  const labelsMap = mapping(keys.get('labels'), 'labels');
  if (labelsMap) {
    for (const [lang, pair] of entries(labelsMap, ['ro', 'en'], 'labels')) {
      const m = mapping(pair, `labels.${lang}`);
      if (!m) continue;
      const out: Partial<OutputLabels> = {};
      for (const [key, lp] of entries(m, Object.keys(LABEL_KEYS), `labels.${lang}`)) {
        const v = text(lp, `labels.${lang}.${key}`);
        if (v !== null) out[LABEL_KEYS[key]!] = v;
      }
      labels[lang as Lang] = out;
    }
  }

  // consultation
  let consultation: TemplateConfig['consultation'] = null;
  const consMap = mapping(keys.get('consultation'), 'consultation');
  if (consMap) {
    const ck = entries(consMap, ['days', 'day-kind', 'approval-days', 'approval-day-kind'], 'consultation');
    const daysPair = ck.get('days');
    if (!daysPair) fail('Expected consultation.days (the period for recommendations, at least 10 days)', consMap);
    const days = scalar(daysPair!, 'consultation.days', 'a number of days');
    if (typeof days !== 'number' || !Number.isInteger(days)) fail(`Expected consultation.days to be a whole number of days, found ${JSON.stringify(days)}`, valueNode(daysPair!));
    if ((days as number) < MIN_CONSULTATION_DAYS) {
      fail(`Expected consultation.days to be at least ${MIN_CONSULTATION_DAYS}, found ${String(days)}`, valueNode(daysPair!), 'Legea nr. 52/2003 gives at least 10 days for recommendations');
    }
    // The period between the announcement and sending the draft for approval: at least 30 days (art. 7 alin. (2)).
    const approvalPair = ck.get('approval-days');
    const approvalDays = approvalPair ? scalar(approvalPair, 'consultation.approval-days', 'a number of days') : MIN_APPROVAL_DAYS;
    if (typeof approvalDays !== 'number' || !Number.isInteger(approvalDays) || approvalDays < MIN_APPROVAL_DAYS) {
      fail(`Expected consultation.approval-days to be a whole number of at least ${MIN_APPROVAL_DAYS}, found ${JSON.stringify(approvalDays)}`, approvalPair ? valueNode(approvalPair) : consMap, 'Legea nr. 52/2003 (art. 7 alin. (2)) gives at least 30 days between the announcement and sending the draft for approval');
    }
    consultation = {
      days: days as number,
      dayKind: choice(ck.get('day-kind'), 'consultation.day-kind', ['calendar', 'working'] as const, 'calendar'),
      approvalDays: approvalDays as number,
      approvalDayKind: choice(ck.get('approval-day-kind'), 'consultation.approval-day-kind', ['calendar', 'working'] as const, 'calendar'),
    };
  }

  // properties
  const propMap = mapping(keys.get('properties'), 'properties');
  const propKeys = propMap ? entries(propMap, ['title', 'subject', 'keywords'], 'properties') : new Map();
  const properties = {
    title: inline(propKeys.get('title'), 'properties.title'),
    subject: inline(propKeys.get('subject'), 'properties.subject'),
    keywords: inline(propKeys.get('keywords'), 'properties.keywords'),
  };

  // sections
  const sectionsPair = keys.get('sections');
  if (!sectionsPair) fail('Expected "sections": the list of .md.hbs files that make the document, in order', top, 'e.g. sections: [ordin.md.hbs, anexa.md.hbs]');
  const seq = valueNode(sectionsPair!);
  if (!isSeq(seq) || seq.items.length === 0) fail(`Expected sections to be a list of .md.hbs files, found ${describe(seq)}`, seq ?? sectionsPair!.key);
  const sections: SectionSpec[] = [];
  for (const item of (seq as { items: YamlNode[] }).items) {
    let fileName: unknown;
    let lineNumbers = false;
    if (isScalar(item)) fileName = item.value;
    else if (isMap(item)) {
      const sk = entries(item, ['file', 'line-numbers'], 'a section');
      fileName = sk.get('file') ? text(sk.get('file'), 'sections[].file') : undefined;
      lineNumbers = bool(sk.get('line-numbers'), 'sections[].line-numbers', false);
    } else fail(`Expected a section (a .md.hbs file name, or file and line-numbers), found ${describe(item)}`, item);
    if (typeof fileName !== 'string' || !/^[^/\\]+\.md\.hbs$/.test(fileName)) {
      fail(`Expected a section file named NAME.md.hbs in the template folder, found ${JSON.stringify(fileName ?? null)}`, item);
    }
    sections.push({ file: fileName as string, lineNumbers, line: lineOf(item) ?? 1 });
  }

  return {
    file,
    name: text(keys.get('name'), 'name') ?? '',
    description: text(keys.get('description'), 'description') ?? '',
    page,
    font,
    header: inline(keys.get('header'), 'header'),
    footer: inline(keys.get('footer'), 'footer'),
    watermark,
    toc: bool(keys.get('toc'), 'toc', false),
    referenceDocx,
    standards,
    labels,
    consultation,
    properties,
    sections,
    data,
  };
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'nothing' : JSON.stringify(node.value);
  return 'something else';
}

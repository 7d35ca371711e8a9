/**
 * mdast → StandardsDoc, per FORMAT.md. Never throws on user input: what does not fit the format becomes a
 * ParseProblem with a position, and the model keeps what could be recovered.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {
  Annex,
  ExpectedResults,
  HeadingInfo,
  Indicator,
  Module,
  ParseProblem,
  Requirement,
  Span,
  Standard,
  StandardsDoc,
} from '../model/types.js';
import {
  ANNEX_HEADING,
  EXPECTED_RESULTS_LABEL,
  INDICATORS_LABEL,
  INDICATOR_PREFIX,
  MODULE_HEADING,
  MODULE_RANGE,
  REQUIREMENT_HEADING,
  STANDARD_HEADING,
  fromRoman,
  fromSuperscript,
} from '../model/labels.js';
import { readFrontMatter, metaFrom } from './front-matter.js';
import { headingLike } from './heading-like.js';
import { ORIGIN, spanOf } from './positions.js';
import type { UnreadPart } from './markdown.js';

export interface BuildOptions {
  file: string;
  text: string;
  eol: '\n' | '\r\n';
  bom: boolean;
}

type Where =
  | { in: 'intro' }
  | { in: 'module'; module: Module }
  | { in: 'standard'; standard: Standard }
  | { in: 'requirement'; requirement: Requirement }
  | { in: 'annex'; annex: Annex };

const COMMENT = /^<!--([\s\S]*?)-->\s*$/;

/** Why a part was kept unread (markdown.ts, cost.ts), as the finding says it. */
const UNREAD_MESSAGES: Record<UnreadPart['reason'], string> = {
  nesting: 'Expected Markdown nested at most a thousand levels deep and at most 2,000 emphasis or link marks in a paragraph, found more: this part is kept as it is, unread',
  stack: 'Expected Markdown nested at most a thousand levels deep and at most 2,000 emphasis or link marks in a paragraph, found more: this part is kept as it is, unread',
  indentation: 'Expected lists and block quotes nested at most 256 columns deep, found one deeper: this part is kept as it is, unread',
  setext: 'Expected at most 256 headings underlined with === or --- between two # headings or blank lines, found more: this part is kept as it is, unread (use # headings)',
  backticks: 'Expected code spans closed by backticks of the same length, found so many unclosed runs of backticks that reading them would take too long: this part is kept as it is, unread',
  size: 'Expected a block (paragraph, list, table, quote) of at most 128 KB when it holds Markdown syntax, found a larger one: this part is kept as it is, unread (split it with blank lines or headings)',
};

export function buildModel(root: Root, options: BuildOptions): StandardsDoc {
  const problems: ParseProblem[] = [];
  const report = (ruleId: string, messageId: string, message: string, span: Span, fatal = false) =>
    problems.push(fatal ? { ruleId, messageId, message, span, fatal } : { ruleId, messageId, message, span });

  const doc: StandardsDoc = {
    file: options.file,
    frontMatter: null,
    meta: {},
    lang: 'ro',
    intro: [],
    modules: [],
    annexes: [],
    unplaced: [],
    idStyle: 'plain',
    problems,
    definitions: [],
    source: { eol: options.eol, bom: options.bom, length: options.text.length },
    comments: [],
  };

  for (const part of root.data?.unread ?? []) {
    report(
      'structure',
      'unreadable',
      UNREAD_MESSAGES[part.reason],
      { start: { line: part.line, column: 1, offset: part.offset }, end: { line: part.line, column: 1, offset: part.offset + part.length } },
      true,
    );
  }
  const children = root.children;
  const first = children[0];
  if (first && first.type === 'yaml') {
    doc.frontMatter = readFrontMatter(first, options.text, problems);
    doc.meta = metaFrom(doc.frontMatter.data);
    if (doc.meta.lang === 'en') doc.lang = 'en';
  } else {
    const at = first ? spanOf(first) : ORIGIN;
    report('front-matter', 'missing', 'Expected YAML front matter between --- lines at the start of the file, found none', at, true);
  }

  let where: Where = { in: 'intro' };
  let module: Module | null = null;
  let standard: Standard | null = null;

  const headingInfo = (node: Heading): HeadingInfo => ({ node, text: toString(node).trim(), span: spanOf(node) });
  const extend = (unit: { span: Span }, node: RootContent) => {
    const s = spanOf(node);
    if (s.end.offset > unit.span.end.offset) unit.span = { start: unit.span.start, end: s.end };
  };
  const extendAll = (node: RootContent) => {
    if (module) extend(module, node);
    if (standard && (where.in === 'standard' || where.in === 'requirement')) extend(standard, node);
    if (where.in === 'requirement') extend(where.requirement, node);
    if (where.in === 'annex') extend(where.annex, node);
  };

  /**
   * Puts a block where the format does not place it: kept in the model, reported. A block that looks like a
   * heading is reported as that (with what to type), and the blocks after it up to the next heading are its
   * consequence, not reported again.
   */
  let afterHeadingLike = false;
  const unplaced = (node: RootContent, message: string) => {
    const like = headingLike(node);
    if (like) report('structure', 'heading-like', like.message, spanOf(node));
    else if (!afterHeadingLike) report('structure', 'unplaced', message, spanOf(node));
    afterHeadingLike ||= like !== null;
    place(node, true);
  };

  /** Adds a block to the current container. */
  const place = (node: RootContent, misplaced = false) => {
    if (!misplaced && node.type === 'paragraph' && where.in !== 'intro' && where.in !== 'annex') {
      const like = headingLike(node);
      if (like) {
        report('structure', 'heading-like', like.message, spanOf(node));
        afterHeadingLike = true;
      }
    }
    switch (where.in) {
      case 'intro':
        doc.intro.push(node);
        break;
      case 'module':
        where.module.blocks.push(node);
        break;
      case 'standard': {
        const s = where.standard;
        if (misplaced || s.expectedResults.length > 0) s.unplaced.push(node);
        else s.statement.push(node);
        break;
      }
      case 'requirement': {
        const r = where.requirement;
        if (misplaced || r.indicatorsLabel) r.unplaced.push(node);
        else r.text.push(node);
        break;
      }
      case 'annex':
        where.annex.blocks.push(node);
        break;
    }
    extendAll(node);
  };

  const implicitModule = (node: RootContent): Module => {
    const m: Module = {
      kind: 'module',
      numeral: null,
      number: null,
      title: '',
      range: null,
      heading: null,
      blocks: [],
      standards: [],
      span: spanOf(node),
    };
    doc.modules.push(m);
    return m;
  };

  for (let i = first && first.type === 'yaml' ? 1 : 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'yaml') {
      report('front-matter', 'misplaced', 'Expected front matter only at the start of the file, found a second block', spanOf(node));
      continue;
    }
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      doc.definitions.push(node);
      continue;
    }
    if (node.type === 'html') {
      const c = COMMENT.exec(node.value.trim());
      if (c) {
        doc.comments.push({ value: c[1]!.trim(), span: spanOf(node) });
        continue;
      }
    }
    if (node.type === 'heading') {
      afterHeadingLike = false;
      const info = headingInfo(node);
      if (info.text === '') {
        report('structure', 'empty-heading', `Expected text in the level-${node.depth} heading, found an empty heading`, info.span);
        place(node, where.in !== 'intro' && where.in !== 'annex');
        continue;
      }
      if (node.depth === 1) {
        const m = MODULE_HEADING.exec(info.text);
        if (m) {
          if (where.in === 'annex') {
            report('structure', 'module-after-annex', `Expected annexes after the last module, found "${info.text}" after an annex`, info.span);
          }
          const numeral = m[1]!;
          let title = m[2]!.trim();
          let range: Module['range'] = null;
          const r = MODULE_RANGE.exec(title);
          if (r) {
            range = { from: Number(r[1]), to: Number(r[2] ?? r[1]) };
            title = title.slice(0, r.index).trim();
          }
          module = {
            kind: 'module',
            numeral,
            number: /^\d+$/.test(numeral) ? Number(numeral) : fromRoman(numeral),
            title,
            range,
            heading: info,
            blocks: [],
            standards: [],
            span: info.span,
          };
          doc.modules.push(module);
          standard = null;
          where = { in: 'module', module };
          continue;
        }
        const a = ANNEX_HEADING.exec(info.text);
        if (a) {
          const annex: Annex = { kind: 'annex', title: info.text, heading: info, blocks: [], span: info.span };
          doc.annexes.push(annex);
          standard = null;
          module = null;
          where = { in: 'annex', annex };
          continue;
        }
        if (where.in === 'intro' || where.in === 'annex') {
          place(node);
          continue;
        }
        unplaced(node, `Expected a module heading ("# Modulul II. …") or an annex heading ("# Anexa …"), found "${info.text}"`);
        continue;
      }
      if (where.in === 'annex') {
        place(node);
        continue;
      }
      if (node.depth === 2) {
        const m = STANDARD_HEADING.exec(info.text);
        if (m) {
          if (!module) {
            report('structure', 'standard-outside-module', `Expected a module heading ("# Modulul I. …") before "${info.text}"`, info.span);
            module = implicitModule(node);
          }
          standard = {
            kind: 'standard',
            number: Number(m[1]),
            title: m[2]!.trim(),
            heading: info,
            statement: [],
            expectedResults: [],
            unplaced: [],
            requirements: [],
            span: info.span,
          };
          module.standards.push(standard);
          extend(module, node);
          where = { in: 'standard', standard };
          continue;
        }
        if (where.in === 'intro') {
          place(node);
          continue;
        }
        unplaced(node, `Expected a standard heading ("## Standardul N. …"), found "${info.text}"`);
        continue;
      }
      if (node.depth === 3) {
        const m = REQUIREMENT_HEADING.exec(info.text);
        if (m && standard) {
          const requirement: Requirement = {
            kind: 'requirement',
            id: requirementIdOf(m),
            idText: info.text.slice(0, info.text.length - (m[6] ?? '').length).trim(),
            title: (m[6] ?? '').replace(/^[.:\-–—]\s*/, '').trim(),
            heading: info,
            text: [],
            indicatorsLabel: null,
            indicatorsList: null,
            indicators: [],
            unplaced: [],
            span: info.span,
          };
          standard.requirements.push(requirement);
          extend(standard, node);
          if (module) extend(module, node);
          where = { in: 'requirement', requirement };
          continue;
        }
        if (where.in === 'intro') {
          place(node);
          continue;
        }
        if (m) {
          unplaced(node, `Expected requirement "${info.text}" inside a standard ("## Standardul N. …" before it)`);
          continue;
        }
        unplaced(node, `Expected a requirement heading ("### S1.1" or "### S1.1 Title"), found "${info.text}"`);
        continue;
      }
      if (where.in === 'intro') {
        place(node);
        continue;
      }
      report(
        'structure',
        'heading-too-deep',
        `Expected headings of level 1 to 3 in modules (module, standard, requirement), found a level-${node.depth} heading "${info.text}"`,
        info.span,
      );
      place(node);
      continue;
    }

    if (where.in === 'standard' && node.type === 'paragraph') {
      const er = expectedResults(node);
      if (er) {
        where.standard.expectedResults.push(er);
        extendAll(node);
        continue;
      }
    }
    if (where.in === 'requirement') {
      const r = where.requirement;
      if (node.type === 'paragraph' && INDICATORS_LABEL.test(toString(node).trim())) {
        if (r.indicatorsLabel) {
          unplaced(node, `Expected one "Indicatori:" paragraph in ${r.idText}, found a second one`);
        } else {
          r.indicatorsLabel = node;
          extendAll(node);
        }
        continue;
      }
      if (r.indicatorsList !== null && r.unplaced.length === 0 && node.type === 'list' && !node.ordered && !r.indicatorsList.ordered && children[i - 1] === (r.moreIndicatorLists?.at(-1) ?? r.indicatorsList)) {
        // `*` bullets among `-` bullets: Markdown starts a new list at the other bullet; the drafter wrote one.
        for (const indicator of indicatorsFrom(node, r.indicators.length)) r.indicators.push(indicator);
        (r.moreIndicatorLists ??= []).push(node);
        extendAll(node);
        continue;
      }
      if (r.indicatorsLabel && r.indicatorsList === null && node.type === 'list') {
        r.indicators = indicatorsFrom(node);
        r.indicatorsList = node;
        extendAll(node);
        continue;
      }
      if (r.indicatorsLabel) {
        unplaced(
          node,
          r.indicators.length === 0
            ? `Expected the list of indicators after "Indicatori:" in ${r.idText}, found ${describe(node)}`
            : `Expected nothing after the indicators of ${r.idText} but the next requirement, found ${describe(node)}`,
        );
        continue;
      }
    }
    if (where.in === 'standard' && where.standard.expectedResults.length > 0) {
      unplaced(node, `Expected the first requirement ("### S${where.standard.number ?? 'N'}.1") after the expected results, found ${describe(node)}`);
      continue;
    }
    place(node);
  }

  let prefixed = 0;
  let plain = 0;
  for (const m of doc.modules)
    for (const s of m.standards)
      for (const r of s.requirements) {
        if (r.id?.modulePrefix) prefixed++;
        else plain++;
      }
  doc.idStyle = prefixed > plain ? 'module-prefixed' : 'plain';
  return doc;
}

/** The id of a requirement heading matched by REQUIREMENT_HEADING (with the index of an inserted one). */
function requirementIdOf(m: RegExpExecArray): Requirement['id'] {
  const id: NonNullable<Requirement['id']> = { standard: Number(m[2]), index: Number(m[3]), modulePrefix: m[1] ?? null };
  const indexed = m[4] !== undefined ? Number(m[4]) : m[5] !== undefined ? fromSuperscript(m[5]) : 0;
  if (indexed > 0) id.indexed = indexed;
  return id;
}

/** `**Rezultate așteptate:** text` (label bold, colon inside or outside the bold) → ExpectedResults. */
function expectedResults(node: Paragraph): ExpectedResults | null {
  const [head, ...rest] = node.children;
  if (head && head.type === 'text') return plainExpectedResults(node, head.value, rest);
  if (!head || head.type !== 'strong') return null;
  const label = toString(head).trim();
  let tail: PhrasingContent[] = rest;
  if (!EXPECTED_RESULTS_LABEL.test(label)) return null;
  if (!label.endsWith(':')) {
    const t = rest[0];
    if (t && t.type === 'text' && /^\s*:/.test(t.value)) tail = [{ ...t, value: t.value.replace(/^\s*:/, '') }, ...rest.slice(1)];
  }
  const trimmed = trimStart(tail);
  const content: Paragraph = { type: 'paragraph', children: trimmed };
  if (node.position) content.position = node.position;
  return { node, content, text: toString(content).trim(), span: spanOf(node) };
}

/** `Rezultate așteptate: text` without bold: the same paragraph, its label to be printed bold (a warning until then). */
function plainExpectedResults(node: Paragraph, first: string, rest: PhrasingContent[]): ExpectedResults | null {
  const m = PLAIN_EXPECTED_RESULTS.exec(first);
  if (!m) return null;
  const tail = trimStart([{ type: 'text', value: first.slice(m[0].length) }, ...rest]);
  const content: Paragraph = { type: 'paragraph', children: tail };
  if (node.position) content.position = node.position;
  return { node, content, text: toString(content).trim(), span: spanOf(node), plainLabel: true };
}

const PLAIN_EXPECTED_RESULTS = /^\s*(?:rezultate(?:le)?\s+a[șşs]teptate|expected\s+results)\s*:/iu;

function trimStart(nodes: PhrasingContent[]): PhrasingContent[] {
  const [t, ...rest] = nodes;
  if (t && t.type === 'text') {
    const value = t.value.replace(/^\s+/, '');
    return value ? [{ ...t, value }, ...rest] : rest;
  }
  return nodes;
}

function indicatorsFrom(list: List, before = 0): Indicator[] {
  return list.children.map((item: ListItem, i): Indicator => {
    const full = toString(item).trim();
    const m = INDICATOR_PREFIX.exec(full);
    return {
      kind: 'indicator',
      position: before + i + 1,
      explicit: m ? { k: Number(m[1]), standard: Number(m[2]), index: Number(m[3]), text: m[0].trim() } : null,
      node: item,
      text: m ? full.slice(m[0].length).trim() : full,
      span: spanOf(item),
    };
  });
}

function describe(node: RootContent): string {
  switch (node.type) {
    case 'paragraph': {
      const text = toString(node).trim();
      return `the paragraph "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
    }
    case 'list':
      return 'a list';
    case 'table':
      return 'a table';
    case 'code':
      return 'a code block';
    case 'blockquote':
      return 'a block quote';
    case 'thematicBreak':
      return 'a thematic break';
    case 'html':
      return 'raw HTML';
    default:
      return `a ${node.type}`;
  }
}

/**
 * The places of a document's content, for rules that read text: every block with the unit it belongs to,
 * and every run of text (mdast `text` nodes, the front matter) with a way to turn an index in it into a
 * source position and a fix. Code, inline code, raw HTML and URLs are not text.
 *
 * When the source text is known, a segment is the exact source of its text node, so positions and edits are
 * exact; otherwise it is the node's value and columns after a line break inside it are approximate.
 */
import type { Heading, Link, List, Paragraph, RootContent, Text } from 'mdast';
import type { Node } from 'unist';
import type { Annex, Module, Point, Requirement, Span, Standard, StandardsDoc } from '../model/types.js';
import type { TextEdit } from './types.js';
import { LineIndex } from '../parse/positions.js';

export type Role =
  | 'intro'
  | 'module-heading'
  | 'module'
  | 'standard-heading'
  | 'statement'
  | 'expected-results'
  | 'standard-unplaced'
  | 'requirement-heading'
  | 'requirement-text'
  | 'indicators-label'
  | 'indicators'
  | 'requirement-unplaced'
  | 'annex-heading'
  | 'annex'
  | 'unplaced'
  | 'definition';

export interface Place {
  role: Role;
  module?: Module;
  standard?: Standard;
  requirement?: Requirement;
  annex?: Annex;
}

type Block = RootContent | Heading | Paragraph | List;

/** Calls `fn` for every top-level block of the document with its place, in document order. */
export function forEachBlock(doc: StandardsDoc, fn: (block: Block, place: Place) => void): void {
  for (const b of doc.intro) fn(b, { role: 'intro' });
  for (const module of doc.modules) {
    if (module.heading) fn(module.heading.node, { role: 'module-heading', module });
    for (const b of module.blocks) fn(b, { role: 'module', module });
    for (const standard of module.standards) {
      fn(standard.heading.node, { role: 'standard-heading', module, standard });
      for (const b of standard.statement) fn(b, { role: 'statement', module, standard });
      for (const er of standard.expectedResults) fn(er.node, { role: 'expected-results', module, standard });
      for (const b of standard.unplaced) fn(b, { role: 'standard-unplaced', module, standard });
      for (const requirement of standard.requirements) {
        const at = { module, standard, requirement };
        fn(requirement.heading.node, { role: 'requirement-heading', ...at });
        for (const b of requirement.text) fn(b, { role: 'requirement-text', ...at });
        if (requirement.indicatorsLabel) fn(requirement.indicatorsLabel, { role: 'indicators-label', ...at });
        if (requirement.indicatorsList) fn(requirement.indicatorsList, { role: 'indicators', ...at });
        for (const b of requirement.unplaced) fn(b, { role: 'requirement-unplaced', ...at });
      }
    }
  }
  for (const annex of doc.annexes) {
    fn(annex.heading.node, { role: 'annex-heading', annex });
    for (const b of annex.blocks) fn(b, { role: 'annex', annex });
  }
  for (const b of doc.unplaced) fn(b, { role: 'unplaced' });
  for (const b of doc.definitions) fn(b, { role: 'definition' });
}

export interface TextSegment {
  /** The text node (null for the front matter). */
  node: Text | null;
  place: Place | null;
  /** The nearest link around the text, if any. */
  link: Link | null;
  /** Whether this is the first text of a module, standard or requirement heading (where the label is). */
  headingLabel: boolean;
  /** The text: the exact source when known, otherwise the node's value. */
  value: string;
  /** Whether `value` is the source at `offset` (positions exact, fixes possible). */
  exact: boolean;
  offset: number;
  /** The source span of `value.slice(from, to)`. */
  span(from: number, to: number): Span;
  /** The edit that replaces `value.slice(from, to)` by `text` (undefined when the source is not known). */
  edit(from: number, to: number, text: string): TextEdit | undefined;
}

let lastIndex: LineIndex | null = null;

/** The index of a source text (the last one is kept: the rules of one run share it). */
export function lineIndex(text: string): LineIndex {
  if (!lastIndex || lastIndex.text !== text) lastIndex = new LineIndex(text);
  return lastIndex;
}

const NOT_TEXT = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'image', 'imageReference', 'math', 'inlineMath']);

interface SegmentCache {
  text: string | undefined;
  frontMatter: TextSegment | null;
  body: TextSegment[];
}

/** Segments are computed once per document and text: several rules read them. */
const cache = new WeakMap<StandardsDoc, SegmentCache>();

/** Every run of text in the document body (and the front matter first, when asked), in document order. */
export function textSegments(doc: StandardsDoc, text: string | undefined, options: { frontMatter?: boolean } = {}): TextSegment[] {
  let entry = cache.get(doc);
  if (!entry || entry.text !== text) {
    entry = { text, frontMatter: frontMatterSegment(doc, text), body: bodySegments(doc, text) };
    cache.set(doc, entry);
  }
  return options.frontMatter && entry.frontMatter ? [entry.frontMatter, ...entry.body] : entry.body;
}

function frontMatterSegment(doc: StandardsDoc, text: string | undefined): TextSegment | null {
  const fm = doc.frontMatter;
  if (!fm) return null;
  const raw = fm.raw;
  const contentStart = text === undefined ? -1 : text.indexOf('\n', fm.span.start.offset) + 1;
  if (text !== undefined && contentStart > 0 && text.startsWith(raw, contentStart)) {
    return new ExactSegment(null, null, null, false, raw, contentStart, lineIndex(text));
  }
  const start: Point = { line: fm.span.start.line + 1, column: 1, offset: Math.max(0, contentStart) };
  return new ApproximateSegment(null, null, null, false, raw, start);
}

function bodySegments(doc: StandardsDoc, text: string | undefined): TextSegment[] {
  const out: TextSegment[] = [];
  const index = text === undefined ? null : lineIndex(text);
  forEachBlock(doc, (block, place) => {
    const heading = place.role === 'module-heading' || place.role === 'standard-heading' || place.role === 'requirement-heading';
    // Iterative (explicit stack): deeply nested Markdown must not exhaust the call stack.
    const stack: { node: Node; link: Link | null; first: boolean }[] = [{ node: block, link: null, first: true }];
    while (stack.length > 0) {
      const { node, link, first } = stack.pop()!;
      if (NOT_TEXT.has(node.type)) continue;
      if (node.type === 'text') {
        const t = node as Text;
        const p = t.position;
        const label = first && heading;
        if (index && p && p.start.offset !== undefined && p.end.offset !== undefined && p.end.offset >= p.start.offset && p.end.offset <= text!.length) {
          out.push(new ExactSegment(t, place, link, label, text!.slice(p.start.offset, p.end.offset), p.start.offset, index));
        } else {
          const start: Point = p ? { line: p.start.line, column: p.start.column, offset: p.start.offset ?? 0 } : { line: 1, column: 1, offset: 0 };
          out.push(new ApproximateSegment(t, place, link, label, t.value, start));
        }
        continue;
      }
      let inner = link;
      if (node.type === 'link') {
        const l = node as Link;
        if (isAutolink(l)) continue;
        inner = l;
      }
      const kids = (node as { children?: Node[] }).children;
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, link: inner, first: first && i === 0 });
    }
  });
  return out;
}

/** A link whose text is its URL (`<https://…>`, `www.…`, an e-mail address): a URL, not text. */
function isAutolink(link: Link): boolean {
  if (link.children.length !== 1 || link.children[0]!.type !== 'text') return false;
  const value = (link.children[0] as Text).value;
  return link.url === value || link.url === `mailto:${value}` || link.url === `http://${value}` || link.url === `https://${value}`;
}

class ExactSegment implements TextSegment {
  readonly exact = true;

  constructor(
    readonly node: Text | null,
    readonly place: Place | null,
    readonly link: Link | null,
    readonly headingLabel: boolean,
    readonly value: string,
    readonly offset: number,
    private readonly index: LineIndex,
  ) {}

  span(from: number, to: number): Span {
    return this.index.span(this.offset + from, this.offset + to);
  }

  edit(from: number, to: number, text: string): TextEdit {
    return { start: this.offset + from, end: this.offset + to, text };
  }
}

class ApproximateSegment implements TextSegment {
  readonly exact = false;
  readonly offset: number;

  constructor(
    readonly node: Text | null,
    readonly place: Place | null,
    readonly link: Link | null,
    readonly headingLabel: boolean,
    readonly value: string,
    private readonly start: Point,
  ) {
    this.offset = start.offset;
  }

  /** Offsets just after each line break of the value (computed on first use). */
  private breaks: number[] | null = null;

  private point(i: number): Point {
    if (this.breaks === null) {
      this.breaks = [];
      for (let k = this.value.indexOf('\n'); k !== -1; k = this.value.indexOf('\n', k + 1)) this.breaks.push(k + 1);
    }
    // The number of line breaks before i, by bisection.
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return { line: this.start.line, column: this.start.column + i, offset: this.start.offset + i };
    return { line: this.start.line + lo, column: i - this.breaks[lo - 1]! + 1, offset: this.start.offset + i };
  }

  span(from: number, to: number): Span {
    return { start: this.point(from), end: this.point(to) };
  }

  edit(): undefined {
    return undefined;
  }
}

/** Calls `fn` for `root` and every node below it, in document order, without recursion (deep nesting is safe). */
export function walkTree(root: Node, fn: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    fn(node);
    const kids = (node as { children?: Node[] }).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** A unit as messages name it in the document's language: `Standardul 3`, `Modulul II`. */
export function unitName(lang: 'ro' | 'en', kind: 'module' | 'standard', id: string | number): string {
  if (kind === 'module') return `${lang === 'en' ? 'Module' : 'Modulul'} ${id}`;
  return `${lang === 'en' ? 'Standard' : 'Standardul'} ${id}`;
}

/**
 * The units of one version as the matcher sees them: modules, standards and requirements in document order,
 * each with its own parts (not its children's), the keys it is compared by, and its words for similarity.
 */
import { hash } from 'node:crypto';
import type { Node } from 'unist';
import type { Text } from 'mdast';
import type { Indicator, Module, Requirement, Standard, StandardsDoc } from '../model/types.js';
import { INDICATOR_PREFIX, labelsFor, requirementId } from '../model/labels.js';
import { anchorTarget, findReferences } from '../model/references.js';
import { blocksText } from './plain-text.js';
import { tokens as wordsOf, typographic } from './normalize.js';
import type { PartName, UnitKind, UnitNode } from './types.js';

export interface PartSource {
  part: PartName;
  /** 1-based indicator position (indicators only). */
  position?: number;
  /** The content as mdast nodes (a title is one text node; an indicator its list item without an explicit prefix). */
  nodes: Node[];
  /** The plain text (made when asked, not kept: most parts are never shown). */
  readonly plain: string;
  /** `digest(nodesKey(nodes))`: equal raw keys mean identical content. */
  raw: string;
}

export interface Unit {
  kind: UnitKind;
  side: 'from' | 'to';
  node: UnitNode;
  /** A module without a heading (standards written before any module): matched only with its like, never listed. */
  implicit: boolean;
  /** Position among the units of its kind in the document (0-based). */
  order: number;
  parent: Unit | null;
  children: Unit[];
  /** Index among its parent's children (0-based). */
  index: number;
  /** What outputs call it: `S3.1`, `Standardul 3`, `Modulul II`. */
  label: string;
  /** Its number, for deciding whether it was renumbered: `3.1`, `3`, `II`. */
  numberKey: string;
  /** Its title, typographically normalised and lower-cased ('' when it has none). */
  titleKey: string;
  parts: PartSource[];
  /** Every part's raw key: equal for identical content. */
  rawKey: string;
  /** Digest of the content key for exact matching: every part, typographically normalised, cross-references masked (computed on first use). */
  readonly key: string;
  /** Words (typographic, lower case, references left out) as ids of the vocabulary, in order, for similarity. */
  sequence: Int32Array;
  /** The distinct word ids, ascending, and how often each occurs. */
  wordIds: Int32Array;
  wordCounts: Int32Array;
  partner: Unit | null;
  matchedBy: 'content' | 'number' | 'similarity' | null;
  similarity: number | null;
}

export interface DocumentUnits {
  doc: StandardsDoc;
  /** The word ids of the units (shared by the two sides of a comparison). */
  vocabulary: Vocabulary;
  modules: Unit[];
  standards: Unit[];
  requirements: Unit[];
}

const textNode = (value: string): Text => ({ type: 'text', value });

/** Words ↔ small integer ids: units keep their words as ids (a 5 MB document has some 10,000 units). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  word(id: number): string {
    return this.words[id]!;
  }

  get size(): number {
    return this.words.length;
  }
}

/** A short stand-in for a long key: equal digests mean equal keys (SHA-1, so units keep 28 characters, not their text twice). */
export function digest(key: string): string {
  return hash('sha1', key, 'base64');
}

export function collectUnits(doc: StandardsDoc, side: 'from' | 'to', vocabulary = new Vocabulary()): DocumentUnits {
  const labels = labelsFor(doc.lang);
  const out: DocumentUnits = { doc, vocabulary, modules: [], standards: [], requirements: [] };
  const makeUnit = (kind: UnitKind, node: UnitNode, parent: Unit | null, index: number, order: number, parts: PartSource[]) =>
    newUnit(kind, side, node, parent, index, order, parts, vocabulary);
  doc.modules.forEach((module, mi) => {
    const m = makeUnit('module', module, null, mi, out.modules.length, moduleParts(module));
    m.implicit = module.heading === null;
    m.label = module.numeral ? `${labels.module} ${module.numeral.toUpperCase()}` : '';
    m.numberKey = module.numeral ? module.numeral.toUpperCase() : '';
    out.modules.push(m);
    module.standards.forEach((standard, si) => {
      const s = makeUnit('standard', standard, m, si, out.standards.length, standardParts(standard));
      s.label = `${labels.standard} ${standard.number ?? '?'}`;
      s.numberKey = standard.number === null ? `?${standard.heading.text}` : String(standard.number);
      m.children.push(s);
      out.standards.push(s);
      standard.requirements.forEach((requirement, ri) => {
        const r = makeUnit('requirement', requirement, s, ri, out.requirements.length, requirementParts(requirement));
        r.label = requirement.id ? requirementId(requirement.id.standard, requirement.id.index, requirement.id.indexed) : requirement.idText;
        r.numberKey = requirement.id ? r.label.slice(1) : `?${requirement.idText}`;
        s.children.push(r);
        out.requirements.push(r);
      });
    });
  });
  return out;
}

function newUnit(kind: UnitKind, side: 'from' | 'to', node: UnitNode, parent: Unit | null, index: number, order: number, parts: PartSource[], vocabulary: Vocabulary): Unit {
  const sequence: number[] = [];
  for (const part of parts) for (const w of wordsOf(withoutEnumerationLabels(maskReferences(part.plain, '')))) sequence.push(vocabulary.id(w));
  return new UnitRecord(kind, side, node, parent, index, order, parts, sequence);
}

/** Letters of a lettered enumeration (`a) `, `b) ` at the start of a line): a list made an enumeration keeps its words. */
const ENUMERATION_LABEL = /(^|\n)[ \t]*\p{Ll}{1,2}\)[ \t]/gu;

function withoutEnumerationLabels(text: string): string {
  return text.includes(')') ? text.replace(ENUMERATION_LABEL, '$1') : text;
}

/** A unit (a class, not an object literal with a getter: ten thousand of them must stay small). */
class UnitRecord implements Unit {
  implicit = false;
  children: Unit[] = [];
  label = '';
  numberKey = '';
  titleKey: string;
  rawKey: string;
  sequence: Int32Array;
  wordIds: Int32Array;
  wordCounts: Int32Array;
  partner: Unit | null = null;
  matchedBy: 'content' | 'number' | 'similarity' | null = null;
  similarity: number | null = null;
  private keyDigest: string | null = null;

  constructor(
    readonly kind: UnitKind,
    readonly side: 'from' | 'to',
    readonly node: UnitNode,
    readonly parent: Unit | null,
    readonly index: number,
    readonly order: number,
    readonly parts: PartSource[],
    sequence: number[],
  ) {
    this.rawKey = parts.map((p) => `${p.part}:${p.raw}`).join('\u0002');
    this.titleKey = typographic((node as { title?: string }).title ?? '').toLowerCase();
    const counts = new Map<number, number>();
    for (const id of sequence) counts.set(id, (counts.get(id) ?? 0) + 1);
    this.sequence = Int32Array.from(sequence);
    this.wordIds = Int32Array.from(counts.keys()).sort();
    this.wordCounts = this.wordIds.map((id) => counts.get(id)!);
  }

  get key(): string {
    this.keyDigest ??= digest(this.parts.map((p) => `${p.part}:${maskedKey(p.nodes)}`).join('\u0002'));
    return this.keyDigest;
  }
}

/** A part of a unit. */
class Part implements PartSource {
  readonly raw: string;
  position?: number;

  constructor(
    readonly part: PartName,
    readonly nodes: Node[],
  ) {
    this.raw = digest(nodesKey(nodes));
  }

  get plain(): string {
    return blocksText(this.nodes);
  }
}

function part(name: PartName, nodes: Node[], position?: number): PartSource {
  const p = new Part(name, nodes);
  if (position !== undefined) p.position = position;
  return p;
}

function moduleParts(module: Module): PartSource[] {
  return [part('title', [textNode(module.title)]), part('blocks', module.blocks)];
}

function standardParts(standard: Standard): PartSource[] {
  const parts = [
    part('title', [textNode(standard.title)]),
    part('statement', standard.statement),
    part('expectedResults', standard.expectedResults.map((e) => e.content)),
  ];
  if (standard.unplaced.length > 0) parts.push(part('unplaced', standard.unplaced));
  return parts;
}

function requirementParts(requirement: Requirement): PartSource[] {
  const parts = [part('title', [textNode(requirement.title)]), part('text', requirement.text)];
  for (const indicator of requirement.indicators) parts.push(part('indicator', [withoutPrefix(indicator)], indicator.position));
  if (requirement.unplaced.length > 0) parts.push(part('unplaced', requirement.unplaced));
  return parts;
}

/** An indicator's list item without its explicit `Im2S3.1:` prefix (the prefix follows the position). */
function withoutPrefix(indicator: Indicator): Node {
  if (!indicator.explicit) return indicator.node;
  const strip = (node: Node): Node => {
    const n = node as Node & { value?: string; children?: Node[] };
    if (n.type === 'text' && typeof n.value === 'string') {
      const value = n.value.replace(INDICATOR_PREFIX, '');
      return value === n.value ? node : ({ ...n, value } as Node);
    }
    const first = n.children?.[0];
    if (!first) return node;
    const stripped = strip(first);
    return stripped === first ? node : ({ ...n, children: [stripped, ...n.children!.slice(1)] } as Node);
  };
  return strip(indicator.node);
}

/**
 * A string that identifies nodes' content: types, text values and attributes (url, depth, ordered, align…),
 * without positions and list looseness (`spread`), with every text value and attribute passed through `map`.
 * Hand-written rather than JSON.stringify with a replacer: it runs on every part of both documents.
 */
export function nodesKey(nodes: Node[], map: (value: string, key: string) => string = identity): string {
  const out: string[] = [];
  for (const node of nodes) serialise(node as unknown as Record<string, unknown>, map, out);
  return out.join('');
}

const identity = (v: string) => v;
const SKIPPED = new Set(['type', 'children', 'position', 'spread', 'data']);

function serialise(node: Record<string, unknown>, map: (value: string, key: string) => string, out: string[]): void {
  out.push('(', node['type'] as string);
  const keys = Object.keys(node).filter((k) => !SKIPPED.has(k)).sort();
  for (const key of keys) {
    const value = node[key];
    if (value === undefined) continue;
    out.push(' ', key, '=');
    out.push(typeof value === 'string' ? JSON.stringify(map(value.replace(/\r\n?/g, '\n'), key)) : JSON.stringify(value));
  }
  const children = node['children'];
  if (Array.isArray(children)) for (const child of children) serialise(child as Record<string, unknown>, map, out);
  out.push(')');
}

export const typographicKey = (nodes: Node[]) => nodesKey(nodes, (v) => typographic(v));

/** Typographic key with cross-references masked: two parts equal under it differ at most in references. */
export function maskedKey(nodes: Node[]): string {
  return nodesKey(nodes, (v, key) => (key === 'url' && anchorTarget(v) ? '#\u0001' : typographic(maskReferences(v, '\u0001'))));
}

/** Every cross-reference has a digit or a module label. */
const MAY_REFER = /\d|modul/i;

/** The text with every cross-reference replaced by `mask`. */
export function maskReferences(text: string, mask: string): string {
  if (!MAY_REFER.test(text)) return text;
  const refs = findReferences(text);
  if (refs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += text.slice(at, ref.start) + mask;
    at = ref.end;
  }
  return out + text.slice(at);
}


/** Ways through a StandardsDoc: every standard, every requirement, lookup by id, and a position-free snapshot. */
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { Block, Module, Requirement, Standard, StandardsDoc } from './types.js';
import { requirementId } from './labels.js';

export function allStandards(doc: StandardsDoc): Standard[] {
  return doc.modules.flatMap((m) => m.standards);
}

export function allRequirements(doc: StandardsDoc): Requirement[] {
  return doc.modules.flatMap((m) => m.standards.flatMap((s) => s.requirements));
}

/** The plain id of a requirement as written (`S3.2`), ignoring a module prefix; null when unreadable. */
export function plainId(req: Requirement): string | null {
  return req.id ? requirementId(req.id.standard, req.id.index, req.id.indexed) : null;
}

export interface Counts {
  modules: number;
  standards: number;
  requirements: number;
  indicators: number;
}

export function countUnits(doc: StandardsDoc): Counts {
  let standards = 0;
  let requirements = 0;
  let indicators = 0;
  for (const m of doc.modules) {
    standards += m.standards.length;
    for (const s of m.standards) {
      requirements += s.requirements.length;
      for (const r of s.requirements) indicators += r.indicators.length;
    }
  }
  return { modules: doc.modules.filter((m) => m.heading).length, standards, requirements, indicators };
}

export function blockText(blocks: Block[]): string {
  return blocks.map((b) => toString(b)).join('\n');
}

export { toString as nodeText };

/** A copy of an mdast subtree without positions (for comparing content across versions or formatting). */
export function stripPositions<T>(node: T): T {
  return JSON.parse(
    JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value)),
  ) as T;
}

/**
 * A plain, position-free description of what a document says: front-matter data, the structure and every
 * content block. Two documents with equal snapshots mean the same thing (used to check that `fmt` is lossless).
 */
export function snapshot(doc: StandardsDoc): unknown {
  const blocks = (bs: Block[]) => bs.map((b) => normalizeNode(b));
  const moduleSnap = (m: Module) => ({
    numeral: m.numeral?.toUpperCase() ?? null,
    title: m.title,
    range: m.range,
    blocks: blocks(m.blocks),
    standards: m.standards.map((s) => ({
      number: s.number,
      title: s.title,
      statement: blocks(s.statement),
      expectedResults: s.expectedResults.map((e) => normalizeNode(e.content)),
      unplaced: blocks(s.unplaced),
      requirements: s.requirements.map((r) => ({
        id: r.id && { standard: r.id.standard, index: r.id.index, indexed: r.id.indexed ?? null },
        idText: r.id ? null : r.idText,
        title: r.title,
        text: blocks(r.text),
        hasIndicatorsLabel: r.indicatorsLabel !== null,
        indicators: r.indicators.map((i) => ({ explicit: i.explicit && i.explicit.text, node: normalizeNode(i.node) })),
        unplaced: blocks(r.unplaced),
      })),
    })),
  });
  return {
    meta: doc.frontMatter ? doc.frontMatter.meaning : null,
    lang: doc.lang,
    intro: blocks(doc.intro),
    modules: doc.modules.map(moduleSnap),
    annexes: doc.annexes.map((a) => ({ title: a.title, blocks: blocks(a.blocks) })),
    unplaced: blocks(doc.unplaced),
    comments: doc.comments.map((c) => c.value),
    definitions: blocks(doc.definitions),
  };
}

/**
 * Position-free copy of a node with the differences that do not change meaning removed: list `spread`
 * (loose/tight is decided by blank lines the printer normalises), table column alignment padding, and
 * `checked: null`. Text is kept exactly.
 */
function normalizeNode(node: Node): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value) => {
      if (key === 'position' || key === 'spread') return undefined;
      return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value;
    }),
  );
}

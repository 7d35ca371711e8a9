/**
 * Structure-aware differences between two versions of a standards document: `diffDocuments(from, to)` → a
 * Changeset (see types.ts for what it holds, docs/diff.md for how units are matched). Pure: no IO.
 */
import type { Block, StandardsDoc } from '../model/types.js';
import { pairAnnexes } from './annexes.js';
import { emptyRenumberPlan, type RenumberPlan } from '../print/renumber.js';
import { matchUnits } from './match.js';
import { requirementKey } from '../model/references.js';
import { compareParts, wordDiff, type ReferenceContext } from './parts.js';
import { blocksText } from './plain-text.js';
import { typographic, typographicKinds, type TypographicKind } from './normalize.js';
import { collectUnits, nodesKey, typographicKey, Vocabulary, type DocumentUnits, type Unit } from './units.js';
import type { BlockChange, ChangeKind, Changeset, DiffOptions, MetadataChange, PartDiff, Summary, UnitChange } from './types.js';

export type * from './types.js';
export { typographic, typographicKinds } from './normalize.js';
export { wordDiff } from './parts.js';
export { plainText, blocksText } from './plain-text.js';
export { NUMBER_THRESHOLD, SIMILARITY_THRESHOLD } from './match.js';
export { INDICATOR_THRESHOLD } from './parts.js';
export { formatText, type TextOptions } from './format-text.js';
export { formatJson } from './format-json.js';
export { formatCriticMarkup, type CriticTexts } from './format-markdown.js';
export { acceptAll, rejectAll, containsMarks } from './critic.js';

export function diffDocuments(from: StandardsDoc, to: StandardsDoc, options: DiffOptions = {}): Changeset {
  const vocabulary = new Vocabulary();
  const f = collectUnits(from, 'from', vocabulary);
  const t = collectUnits(to, 'to', vocabulary);
  matchUnits(f, t);
  const refs: ReferenceContext = { plan: referencePlan(f), lang: to.lang };
  const units = orderUnits(f, t, refs);
  return {
    from: { doc: from, label: options.fromLabel ?? String(from.meta.version ?? from.file) },
    to: { doc: to, label: options.toLabel ?? String(to.meta.version ?? to.file) },
    units,
    summary: summarise(units),
    metadata: metadataChanges(from, to),
    blocks: blockChanges(from, to),
  };
}

/** Whether the changeset reports any difference (what `diff --exit-code` exits 1 for). */
export function hasDifferences(changeset: Changeset): boolean {
  return (
    changeset.units.some((u) => u.change !== 'unchanged' || u.typographic) ||
    changeset.metadata.length > 0 ||
    changeset.blocks.length > 0
  );
}

/** FROM's numbers → the TO numbers of their partners, to rewrite FROM's cross-references before comparing. */
function referencePlan(f: DocumentUnits): RenumberPlan {
  const plan = emptyRenumberPlan();
  for (const m of f.modules) {
    const to = m.partner?.node;
    if (m.node.kind !== 'module' || to?.kind !== 'module' || !m.node.numeral || !to.numeral) continue;
    const key = m.node.numeral.toUpperCase();
    if (!plan.moduleRefs.has(key)) plan.moduleRefs.set(key, to.numeral.toUpperCase());
  }
  for (const s of f.standards) {
    const to = s.partner?.node;
    if (s.node.kind !== 'standard' || to?.kind !== 'standard' || s.node.number === null || to.number === null) continue;
    if (!plan.standardRefs.has(s.node.number)) plan.standardRefs.set(s.node.number, to.number);
  }
  for (const r of f.requirements) {
    const to = r.partner?.node;
    if (r.node.kind !== 'requirement' || to?.kind !== 'requirement' || !r.node.id || !to.id) continue;
    const key = requirementKey(r.node.id);
    if (!plan.requirementRefs.has(key)) plan.requirementRefs.set(key, { standard: to.id.standard, index: to.id.index, indexed: to.id.indexed ?? null });
  }
  return plan;
}

/** The entry of a matched pair (or a unit of one side): parts, change kind and flags. */
function entry(fromUnit: Unit | null, toUnit: Unit | null, parent: UnitChange | null, refs: ReferenceContext): UnitChange {
  const unit = (toUnit ?? fromUnit)!;
  const base: UnitChange = {
    kind: unit.kind,
    change: fromUnit && toUnit ? 'unchanged' : toUnit ? 'added' : 'removed',
    from: fromUnit?.label ?? null,
    to: toUnit?.label ?? null,
    fromNode: fromUnit?.node ?? null,
    toNode: toUnit?.node ?? null,
    moved: false,
    typographic: false,
    parts: [],
    parent,
    fromParent: fromUnit?.parent?.label || null,
    toParent: toUnit?.parent?.label || null,
    matchedBy: toUnit?.matchedBy ?? null,
    similarity: toUnit?.partner ? toUnit.similarity : null,
  };
  if (!fromUnit || !toUnit) return base;
  const parts = compareParts(fromUnit, toUnit, refs);
  const worst = parts.reduce((acc, p) => Math.max(acc, RANK[p.difference]), 0);
  base.moved = unit.kind !== 'module' && (fromUnit.parent?.partner ?? null) !== toUnit.parent;
  base.typographic = worst === RANK.typographic;
  if (worst > RANK.none) base.parts = parts;
  const renumbered = fromUnit.numberKey !== toUnit.numberKey;
  const change: ChangeKind = worst >= RANK.formatting || base.moved ? 'modified' : renumbered ? 'renumbered' : 'unchanged';
  base.change = change;
  return base;
}

const RANK = { none: 0, references: 1, typographic: 2, formatting: 3, substance: 4 } as const;

/**
 * Every unit in TO document order, each FROM-only unit placed after the entry of its nearest preceding FROM
 * sibling whose partner stands under the same TO parent (or first under that parent).
 */
function orderUnits(f: DocumentUnits, t: DocumentUnits, refs: ReferenceContext): UnitChange[] {
  const out: UnitChange[] = [];
  const emit = (fromUnit: Unit | null, toUnit: Unit | null, parent: UnitChange | null) => {
    const unit = (toUnit ?? fromUnit)!;
    let self: UnitChange | null = parent;
    if (!(unit.kind === 'module' && unit.implicit)) {
      self = entry(fromUnit, toUnit, parent, refs);
      out.push(self);
    }
    if (unit.kind === 'requirement') return;
    mergeChildren(toUnit?.children ?? [], fromUnit && !toUnit ? fromUnit.children : (toUnit?.partner?.children ?? []), toUnit, self);
  };
  const mergeChildren = (toChildren: Unit[], fromChildren: Unit[], toParent: Unit | null, parentEntry: UnitChange | null) => {
    // FROM-only children, attached to the TO child they follow (null: first).
    const after = new Map<Unit | null, Unit[]>();
    let anchor: Unit | null = null;
    for (const c of fromChildren) {
      if (c.partner) {
        if (c.partner.parent === toParent) anchor = c.partner;
        continue;
      }
      const list = after.get(anchor);
      if (list) list.push(c);
      else after.set(anchor, [c]);
    }
    for (const c of after.get(null) ?? []) emit(c, null, parentEntry);
    for (const c of toChildren) {
      emit(c.partner, c, parentEntry);
      for (const r of after.get(c) ?? []) emit(r, null, parentEntry);
    }
  };
  mergeChildren(t.modules, f.modules, null, null);
  return out;
}

function summarise(units: UnitChange[]): Summary {
  const summary: Summary = { added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 0 };
  for (const u of units) if (u.kind === 'requirement') summary[u.change]++;
  return summary;
}

function metadataChanges(from: StandardsDoc, to: StandardsDoc): MetadataChange[] {
  const a = from.frontMatter?.data ?? {};
  const b = to.frontMatter?.data ?? {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  const out: MetadataChange[] = [];
  for (const key of keys) {
    const va = a[key] ?? null;
    const vb = b[key] ?? null;
    if (JSON.stringify(va) !== JSON.stringify(vb)) out.push({ key, from: va, to: vb, ...typographicValue(va, vb) });
  }
  return out;
}

/** Whether two front-matter values differ only typographically (texts, or lists of texts item by item). */
function typographicValue(a: unknown, b: unknown): { typographic: boolean; typographicKinds?: TypographicKind[] } {
  const texts = (v: unknown): string[] | null =>
    typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  const from = texts(a);
  const to = texts(b);
  if (!from || !to || from.length !== to.length || typeof a !== typeof b) return { typographic: false };
  if (!from.every((x, i) => typographic(x) === typographic(to[i]!))) return { typographic: false };
  const kinds = new Set<TypographicKind>();
  from.forEach((x, i) => typographicKinds(x, to[i]!).forEach((k) => kinds.add(k)));
  return { typographic: true, typographicKinds: [...kinds] };
}

function blockPart(fromBlocks: Block[], toBlocks: Block[]): PartDiff | null {
  const fromRaw = nodesKey(fromBlocks);
  const toRaw = nodesKey(toBlocks);
  if (fromRaw === toRaw) return null;
  const fromText = blocksText(fromBlocks);
  const toText = blocksText(toBlocks);
  const part: PartDiff = { part: 'blocks', difference: 'substance', fromText, toText, changes: wordDiff(fromText, toText) };
  if (typographicKey(fromBlocks) === typographicKey(toBlocks)) {
    part.difference = 'typographic';
    part.typographicKinds = typographicKinds(fromText, toText);
  } else if (typographic(fromText) === typographic(toText)) {
    part.difference = 'formatting';
  }
  return part;
}

function blockChanges(from: StandardsDoc, to: StandardsDoc): BlockChange[] {
  const out: BlockChange[] = [];
  const intro = blockPart(from.intro, to.intro);
  if (intro) out.push({ what: 'introduction', change: 'modified', fromTitle: null, toTitle: null, fromNode: null, toNode: null, part: intro });
  const partner = pairAnnexes(from.annexes, to.annexes);
  const paired = new Set(partner.values());
  for (const a of from.annexes) {
    if (paired.has(a)) continue;
    out.push({ what: 'annex', change: 'removed', fromTitle: a.title, toTitle: null, fromNode: a, toNode: null, part: blockPart(a.blocks, []) ?? emptyPart() });
  }
  for (const b of to.annexes) {
    const a = partner.get(b);
    if (!a) {
      out.push({ what: 'annex', change: 'added', fromTitle: null, toTitle: b.title, fromNode: null, toNode: b, part: blockPart([], b.blocks) ?? emptyPart() });
      continue;
    }
    const part = blockPart([{ type: 'text', value: a.title } as never, ...a.blocks], [{ type: 'text', value: b.title } as never, ...b.blocks]);
    if (part) out.push({ what: 'annex', change: 'modified', fromTitle: a.title, toTitle: b.title, fromNode: a, toNode: b, part });
  }
  return out;
}

function emptyPart(): PartDiff {
  return { part: 'blocks', difference: 'substance', fromText: '', toText: '', changes: [] };
}

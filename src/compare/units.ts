/**
 * A module, standard or requirement as the renderer lays it out (src/render/standards.ts), cut into slots
 * that line up with the Changeset's parts: the number label, the title, the text or statement, the expected
 * results, each indicator (its `Im1S1.1:` label and its text)… Two versions of a unit are merged slot by
 * slot (`mergeUnit`): labels number by number, parts by their word diff, fixed labels as they are.
 */
import type { Block, Indicator, Module, Requirement, Standard } from '../model/types.js';
import { INDICATOR_PREFIX, moduleAnchor, requirementAnchor, standardAnchor } from '../model/labels.js';
import type { PartDiff, PartName, UnitChange } from '../diff/types.js';
import { bookmarkName, dropLeadingText, phrasingToPieces, piecesText, textPiece, trimLeading, type InlinePiece } from '../render/inline.js';
import { indicatorLabel, requirementLabel, type StandardsStyle } from '../render/standards.js';
import { STYLE } from '../render/styles.js';
import { CONTENT_HEADINGS, mark, piece, pieces, type Item, type StreamBuilder } from './ir.js';
import { labelChanges, mergeItems, type Out, type SlotDiff } from './merge.js';

export interface Slot {
  /** `id`, `title`, `sep`, `text`, `indicators`, `indicator-label:2`, `indicator:2`, `heading-end`, … */
  key: string;
  items: Item[];
  /** The Changeset part this slot is diffed by. */
  part?: PartName;
  /** The indicator position (indicator slots). */
  position?: number;
  /** A number label, merged number by number. */
  label?: string;
}

export type UnitSlots = Slot[];

/** Lays units out for one side. `bookmarks`: give labels the renderer's bookmarks (the TO side of a redline). */
export class UnitLayout {
  constructor(
    readonly builder: StreamBuilder,
    readonly style: StandardsStyle,
    readonly bookmarks: boolean,
  ) {}

  slots(node: Module | Standard | Requirement, module: Module | null): UnitSlots {
    switch (node.kind) {
      case 'module':
        return this.module(node);
      case 'standard':
        return this.standard(node);
      case 'requirement':
        return this.requirement(node, module);
    }
  }

  module(module: Module): UnitSlots {
    const out: UnitSlots = [];
    if (module.heading) {
      const label = `${this.style.labels.module} ${module.numeral?.toUpperCase() ?? ''}.`;
      const bookmark = this.bookmarks && module.numeral ? bookmarkName(moduleAnchor(this.style.lang, module.numeral)) : undefined;
      out.push({ key: 'label', items: [piece(textPiece(this.cased(label)), bookmark)], label: this.cased(label) });
      if (module.title) out.push({ key: 'title', part: 'title', items: [piece(textPiece(this.cased(` ${module.title}`)))] });
      out.push({ key: 'heading-end', items: [mark({ style: STYLE.heading1 })] });
    }
    out.push({ key: 'blocks', part: 'blocks', items: this.builder.blocks(module.blocks, CONTENT_HEADINGS) });
    return out;
  }

  standard(standard: Standard): UnitSlots {
    const out: UnitSlots = [];
    const bookmark = this.bookmarks && standard.number !== null ? bookmarkName(standardAnchor(this.style.lang, standard.number)) : undefined;
    if (standard.number !== null) {
      const label = this.cased(`${this.style.labels.standard} ${standard.number}.`);
      out.push({ key: 'label', items: [piece(textPiece(label), bookmark)], label });
      if (standard.title) out.push({ key: 'title', part: 'title', items: [piece(textPiece(this.cased(` ${standard.title}`)))] });
    } else {
      out.push({ key: 'title', items: [piece(textPiece(this.cased(standard.heading.text)), bookmark)] });
    }
    out.push({ key: 'heading-end', items: [mark({ style: STYLE.heading2 })] });
    out.push({ key: 'statement', part: 'statement', items: this.builder.blocks(standard.statement, CONTENT_HEADINGS) });
    const expected: Item[] = [];
    for (const e of standard.expectedResults) {
      expected.push(piece(textPiece(this.style.labels.expectedResults, { bold: true })), piece(textPiece(' ')));
      for (const item of pieces(trimLeading(phrasingToPieces(e.content.children, this.builder.ctx)))) expected.push(item);
      expected.push(mark({ style: STYLE.normal }));
    }
    out.push({ key: 'expectedResults', part: 'expectedResults', items: expected });
    if (standard.unplaced.length > 0) out.push({ key: 'unplaced', part: 'unplaced', items: this.builder.blocks(standard.unplaced, CONTENT_HEADINGS) });
    return out;
  }

  requirement(requirement: Requirement, module: Module | null): UnitSlots {
    const out: UnitSlots = [];
    const bookmark = this.bookmarks && requirement.id ? bookmarkName(requirementAnchor(requirement.id.standard, requirement.id.index, requirement.id.indexed)) : undefined;
    const id = `${module ? requirementLabel(requirement, module, this.style) : requirement.idText}.`;
    out.push({ key: 'id', items: [piece(textPiece(id, { bold: true }), bookmark)], label: id });
    if (requirement.title) {
      out.push({ key: 'title', part: 'title', items: [piece(textPiece(' ')), piece(textPiece(/[.:!?]$/.test(requirement.title) ? requirement.title : `${requirement.title}.`, { bold: true }))] });
    }
    out.push({ key: 'sep', items: [piece(textPiece(' '))] });
    const [first, ...rest] = requirement.text;
    const text: Item[] =
      first && first.type === 'paragraph'
        ? [...this.builder.paragraph(first, { style: STYLE.requirement }), ...this.builder.blocks(rest, CONTENT_HEADINGS)]
        : [mark({ style: STYLE.requirement }), ...this.builder.blocks(requirement.text, CONTENT_HEADINGS)];
    out.push({ key: 'text', part: 'text', items: text });
    if (requirement.indicators.length > 0 || requirement.indicatorsLabel) {
      out.push({ key: 'indicators', items: [piece(textPiece(this.style.labels.indicators, { bold: true })), mark({ style: STYLE.indicatorsLabel })] });
    }
    for (const indicator of requirement.indicators) for (const item of this.indicator(indicator, requirement)) out.push(item);
    if (requirement.unplaced.length > 0) out.push({ key: 'unplaced', part: 'unplaced', items: this.builder.blocks(requirement.unplaced, CONTENT_HEADINGS) });
    return out;
  }

  indicator(indicator: Indicator, requirement: Requirement): Slot[] {
    const label = `${indicatorLabel(indicator, requirement)}:`;
    const head: Slot = { key: `indicator-label:${indicator.position}`, position: indicator.position, label, items: [piece(textPiece(label, { bold: true })), piece(textPiece(' '))] };
    const [first, ...rest] = indicator.node.children as Block[];
    let items: Item[];
    if (first && first.type === 'paragraph') {
      let own: InlinePiece[] = phrasingToPieces(first.children, this.builder.ctx);
      const prefix = INDICATOR_PREFIX.exec(piecesText(own));
      if (prefix) own = dropLeadingText(own, prefix[0].length);
      items = [...pieces(own), mark({ style: STYLE.indicator }), ...this.builder.blocks(rest, { ...CONTENT_HEADINGS, style: STYLE.indicator })];
    } else {
      items = [mark({ style: STYLE.indicator }), ...this.builder.blocks(indicator.node.children as Block[], { ...CONTENT_HEADINGS, style: STYLE.indicator })];
    }
    return [head, { key: `indicator:${indicator.position}`, part: 'indicator', position: indicator.position, items }];
  }

  /** Only the number labels of a unit: all that can differ in a unit whose content is identical. */
  labelSlots(node: Module | Standard | Requirement, module: Module | null): UnitSlots {
    if (node.kind === 'requirement') {
      const id = `${module ? requirementLabel(node, module, this.style) : node.idText}.`;
      return [
        { key: 'id', items: [piece(textPiece(id, { bold: true }))], label: id },
        ...node.indicators.map((indicator): Slot => {
          const label = `${indicatorLabel(indicator, node)}:`;
          return { key: `indicator-label:${indicator.position}`, position: indicator.position, label, items: [piece(textPiece(label, { bold: true })), piece(textPiece(' '))] };
        }),
      ];
    }
    return this.slots(node, module).filter((s) => s.label !== undefined);
  }

  private cased(text: string): string {
    return this.style.headingCase === 'upper' ? text.toLocaleUpperCase(this.style.lang === 'ro' ? 'ro-RO' : 'en-GB') : text;
  }
}

/** Every item of a unit's slots, in order. */
export function slotItems(slots: UnitSlots): Item[] {
  return slots.flatMap((s) => s.items);
}

/**
 * Two versions of a unit → merged items, slot by slot: number labels number by number, parts by the
 * Changeset's word diff (typographic-only and cross-reference-only parts trimmed to the characters that
 * differ), everything else written once when equal.
 */
export function mergeUnit(from: UnitSlots, to: UnitSlots, entry: UnitChange): Out[] {
  const out: Out[] = [];
  const fromByKey = new Map(from.map((s) => [s.key, s]));
  const toByKey = new Map(to.map((s) => [s.key, s]));
  const parts = entry.parts;
  const partFor = (name: PartName): PartDiff | undefined => parts.find((p) => p.part === name);
  const used = new Set<string>();

  const mergeSlot = (f: Slot | undefined, t: Slot | undefined) => {
    if (f) used.add(`f:${f.key}`);
    if (t) used.add(`t:${t.key}`);
    if (!f && !t) return;
    if (f?.label !== undefined && t?.label !== undefined) {
      for (const item of mergeLabel(f, t)) out.push(item);
      return;
    }
    const partName = (t ?? f)!.part;
    const part = partName && partName !== 'indicator' ? partFor(partName) : undefined;
    for (const item of mergeItems(f?.items ?? null, t?.items ?? null, part ? partDiff(part) : null)) out.push(item);
  };

  // Indicators in the Changeset's order (TO order, FROM-only ones where they stood); by position when identical.
  const indicatorPairs: { from: number | null; to: number | null; part: PartDiff | null }[] = parts.some((p) => p.part === 'indicator')
    ? parts.filter((p) => p.part === 'indicator').map((p) => ({ from: p.indicator?.from ?? null, to: p.indicator?.to ?? null, part: p }))
    : pairByPosition(from, to);

  for (const key of LAYOUT) {
    if (key === 'indicators*') {
      for (const pair of indicatorPairs) {
        const fl = pair.from !== null ? fromByKey.get(`indicator-label:${pair.from}`) : undefined;
        const tl = pair.to !== null ? toByKey.get(`indicator-label:${pair.to}`) : undefined;
        mergeSlot(fl, tl);
        const fi = pair.from !== null ? fromByKey.get(`indicator:${pair.from}`) : undefined;
        const ti = pair.to !== null ? toByKey.get(`indicator:${pair.to}`) : undefined;
        if (fi) used.add(`f:${fi.key}`);
        if (ti) used.add(`t:${ti.key}`);
        if (fi || ti) for (const item of mergeItems(fi?.items ?? null, ti?.items ?? null, pair.part ? partDiff(pair.part) : null)) out.push(item);
      }
      continue;
    }
    mergeSlot(fromByKey.get(key), toByKey.get(key));
  }
  // Anything the layout did not place (it should not happen): deleted, then inserted, so the texts stay exact.
  for (const s of from) if (!used.has(`f:${s.key}`)) for (const item of mergeItems(s.items, null, null)) out.push(item);
  for (const s of to) if (!used.has(`t:${s.key}`)) for (const item of mergeItems(null, s.items, null)) out.push(item);
  return out;
}

/**
 * A unit whose content is identical in both versions (no Changeset parts): TO's rendering unmarked, but for
 * its number labels, merged number by number. `fromLabels`: FROM's `labelSlots`. Null when the labels do
 * not line up (then the full merge is needed).
 */
export function mergeIdentical(fromLabels: UnitSlots, to: UnitSlots): Out[] | null {
  const labels = new Map(fromLabels.map((s) => [s.key, s]));
  const toLabels = to.filter((s) => s.label !== undefined);
  if (toLabels.length !== fromLabels.length || toLabels.some((s) => !labels.has(s.key))) return null;
  const out: Out[] = [];
  for (const slot of to) {
    const f = slot.label !== undefined ? labels.get(slot.key) : undefined;
    if (f && f.label !== slot.label) for (const item of mergeLabel(f, slot)) out.push(item);
    else for (const item of slot.items) out.push({ item, state: 'same' });
  }
  return out;
}

/** The slot keys of every kind of unit, in layout order (indicators as one placeholder). */
const LAYOUT = ['id', 'label', 'title', 'sep', 'heading-end', 'text', 'statement', 'expectedResults', 'blocks', 'indicators', 'indicators*', 'unplaced'];

function pairByPosition(from: UnitSlots, to: UnitSlots): { from: number | null; to: number | null; part: null }[] {
  const positions = (slots: UnitSlots) => slots.filter((s) => s.key.startsWith('indicator:')).map((s) => s.position!);
  const a = positions(from);
  const b = positions(to);
  const out: { from: number | null; to: number | null; part: null }[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) out.push({ from: a[k] ?? null, to: b[k] ?? null, part: null });
  return out;
}

/**
 * Two versions of a label slot (its first item the label, the rest the same on both sides): the label
 * number by number, each number that changed deleted and inserted.
 */
function mergeLabel(from: Slot, to: Slot): Out[] {
  const [f, ...fromRest] = from.items;
  const [t, ...rest] = to.items;
  if (f?.kind !== 'piece' || t?.kind !== 'piece' || f.piece.kind !== 'text' || t.piece.kind !== 'text' || fromRest.length !== rest.length) {
    return mergeItems(from.items, to.items, { changes: labelChanges(from.label!, to.label!), fromText: from.label!, toText: to.label! });
  }
  const out: Out[] = [];
  for (const c of labelChanges(f.piece.text, t.piece.text)) {
    const source = c.removed ? f : t;
    const item: Item = { ...source, piece: { ...(source.piece as Extract<InlinePiece, { kind: 'text' }>), text: c.value } };
    out.push({ item, state: c.added ? 'ins' : c.removed ? 'del' : 'same' });
  }
  for (const item of rest) out.push({ item, state: 'same' });
  return out;
}

/**
 * A Changeset part as a slot diff: typographic differences marked character by character; identifiers in running
 * text (a cross-reference that follows a renumbering, `S1.6` → `S2.8`) replaced whole, as the word diff has them.
 */
export function partDiff(part: PartDiff): SlotDiff {
  const typographic = part.difference === 'typographic';
  return { changes: part.changes, fromText: part.fromText, toText: part.toText, typographic, trim: typographic };
}

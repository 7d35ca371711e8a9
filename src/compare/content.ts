/**
 * The content of both versions as merged item streams: the introduction, every unit (in the redline's order
 * or one by one), the annexes and the content the format does not place. Shared by the redline (which
 * writes it all) and the synoptic table (which writes each unit in a row).
 */
import { diffArrays } from 'diff';
import { pairAnnexes } from '../diff/annexes.js';
import type { BlockChange, Changeset, UnitChange, UnitNode } from '../diff/types.js';
import type { Annex, Module, StandardsDoc } from '../model/types.js';
import type { DocxContext } from '../render/context.js';
import { phrasingToPieces } from '../render/inline.js';
import { standardsStyle } from '../render/standards.js';
import { STYLE } from '../render/styles.js';
import { CONTENT_HEADINGS, StreamBuilder, mark, pieces, type Item } from './ir.js';
import { mergeEqual, mergeItems, type Out } from './merge.js';
import { preorder, redlineSequence } from './sequence.js';
import { UnitLayout, mergeIdentical, mergeUnit, partDiff, slotItems } from './units.js';

export class ComparedContent {
  readonly from: StandardsDoc;
  readonly to: StandardsDoc;
  private readonly fromLayout: UnitLayout;
  private readonly toLayout: UnitLayout;
  private readonly modules = new Map<UnitNode, Module>();

  constructor(
    readonly changeset: Changeset,
    ctx: DocxContext,
    /** Give TO's labels the renderer's bookmarks (a redline, whose links point at them). */
    bookmarks: boolean,
  ) {
    this.from = changeset.from.doc;
    this.to = changeset.to.doc;
    this.fromLayout = new UnitLayout(new StreamBuilder(ctx, 'from'), standardsStyle(this.from.lang), false);
    this.toLayout = new UnitLayout(new StreamBuilder(ctx, 'to'), standardsStyle(this.to.lang), bookmarks);
    for (const doc of [this.from, this.to]) for (const { node, module } of preorder(doc)) this.modules.set(node, module);
  }

  /** One unit's own content (not its children's), merged; an added or removed unit inserted or deleted whole. */
  unit(entry: UnitChange, show: 'both' | 'from' | 'to' = 'both'): Out[] {
    if (show === 'both' && entry.fromNode && entry.toNode && entry.parts.length === 0) {
      // Identical content (the Changeset gives parts whenever the texts differ in any way): labels only.
      const merged = mergeIdentical(
        this.fromLayout.labelSlots(entry.fromNode, this.modules.get(entry.fromNode) ?? null),
        this.toLayout.slots(entry.toNode, this.modules.get(entry.toNode) ?? null),
      );
      if (merged) return merged;
    }
    const fromSlots = entry.fromNode && show !== 'to' ? this.fromLayout.slots(entry.fromNode, this.modules.get(entry.fromNode) ?? null) : null;
    const toSlots = entry.toNode && show !== 'from' ? this.toLayout.slots(entry.toNode, this.modules.get(entry.toNode) ?? null) : null;
    if (fromSlots && toSlots) return mergeUnit(fromSlots, toSlots, entry);
    return mergeItems(fromSlots ? slotItems(fromSlots) : null, toSlots ? slotItems(toSlots) : null, null);
  }

  introduction(): Out[] {
    const change = this.changeset.blocks.find((b) => b.what === 'introduction');
    return mergeItems(
      this.fromLayout.builder.blocks(this.from.intro, CONTENT_HEADINGS),
      this.toLayout.builder.blocks(this.to.intro, CONTENT_HEADINGS),
      change ? partDiff(change.part) : null,
    );
  }

  /** Every annex, paired as the Changeset pairs them, in an order that reads as FROM and as TO. */
  annexes(): { from: Annex | null; to: Annex | null; change: BlockChange | null; outs: Out[] }[] {
    const partner = pairAnnexes(this.from.annexes, this.to.annexes);
    const fromOf = new Map([...partner].map(([b, a]) => [a, b]));
    const key = (a: Annex, side: 'f' | 't') => (side === 'f' ? (fromOf.has(a) ? `p${this.to.annexes.indexOf(fromOf.get(a)!)}` : `f${this.from.annexes.indexOf(a)}`) : partner.has(a) ? `p${this.to.annexes.indexOf(a)}` : `t${this.to.annexes.indexOf(a)}`);
    const out: { from: Annex | null; to: Annex | null; change: BlockChange | null; outs: Out[] }[] = [];
    let i = 0;
    let j = 0;
    for (const c of diffArrays(this.from.annexes.map((a) => key(a, 'f')), this.to.annexes.map((a) => key(a, 't')))) {
      const n = c.count ?? c.value.length;
      for (let k = 0; k < n; k++) {
        if (c.removed) {
          const a = this.from.annexes[i++]!;
          out.push({ from: a, to: null, change: this.changeset.blocks.find((b) => b.fromNode === a && !b.toNode) ?? null, outs: mergeItems(this.annexItems(a, 'from'), null, null) });
        } else if (c.added) {
          const b = this.to.annexes[j++]!;
          out.push({ from: null, to: b, change: this.changeset.blocks.find((x) => x.toNode === b && !x.fromNode) ?? null, outs: mergeItems(null, this.annexItems(b, 'to'), null) });
        } else {
          const a = this.from.annexes[i++]!;
          const b = this.to.annexes[j++]!;
          const change = this.changeset.blocks.find((x) => x.what === 'annex' && x.toNode === b && x.fromNode === a) ?? null;
          out.push({ from: a, to: b, change, outs: mergeItems(this.annexItems(a, 'from'), this.annexItems(b, 'to'), change ? partDiff(change.part) : null) });
        }
      }
    }
    return out;
  }

  /** Content after the annexes that the format does not place: written once when equal, else replaced. */
  unplaced(): Out[] {
    return mergeEqual(this.fromLayout.builder.blocks(this.from.unplaced, CONTENT_HEADINGS), this.toLayout.builder.blocks(this.to.unplaced, CONTENT_HEADINGS), false);
  }

  /** The whole text in the redline's order: accepting every revision gives TO, rejecting every one gives FROM. */
  *all(): Generator<Out[]> {
    yield this.introduction();
    for (const { entry, show } of redlineSequence(this.changeset)) yield this.unit(entry, show);
    for (const annex of this.annexes()) yield annex.outs;
    yield this.unplaced();
  }

  private annexItems(annex: Annex, side: 'from' | 'to'): Item[] {
    const builder = (side === 'from' ? this.fromLayout : this.toLayout).builder;
    return [...pieces(phrasingToPieces(annex.heading.node.children, builder.ctx)), mark({ style: STYLE.heading1 }), ...builder.blocks(annex.blocks, CONTENT_HEADINGS)];
  }
}

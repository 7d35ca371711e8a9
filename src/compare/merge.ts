/**
 * Merging the rendering of a unit part in two versions into one stream in which every item is unchanged
 * (`same`), inserted (`ins`, TO only) or deleted (`del`, FROM only), following the Changeset's word diff
 * of that part. By construction, the items that are not inserted are FROM's rendering in order, and the
 * items that are not deleted are TO's: accepting every revision gives TO, rejecting every one gives FROM.
 *
 * The word diff is over the part's plain text (`PartDiff.fromText/toText`); the rendering differs from it
 * a little (soft line breaks become spaces or `a)`/`b)` paragraphs, list items lose their `- `, marks end
 * paragraphs). Each side's rendering is aligned with its own plain text (a character alignment of two
 * spellings of the same text, never FROM against TO), and each rendered item goes with the change its
 * characters belong to; items the plain text does not have go with the change before them, and those at
 * the very start or end of a part with a shared start or end. Within an unchanged stretch, the two sides'
 * items are compared: equal ones are written once, and where the renderings differ (a paragraph that became
 * an enumeration, emphasis added) the stretch is written as deleted and inserted.
 */
import { diffChars, type Change } from 'diff';
import type { Table as MdTable } from 'mdast';
import { plainText } from '../diff/plain-text.js';
import { nodesKey } from '../diff/units.js';
import type { InlinePiece } from '../render/inline.js';
import { itemText, type Item, type ParagraphProps } from './ir.js';

export type RevState = 'same' | 'ins' | 'del';

export interface Out {
  item: Item;
  state: RevState;
  /** An inserted or deleted item of a typographic-only difference (cedilla, quotes, spacing). */
  typographic?: boolean;
  /** For an unchanged paragraph mark: FROM's paragraph properties, when they differ from TO's. */
  fromProps?: ParagraphProps;
}

/** The word diff of one part: changes over `fromText` → `toText`. */
export interface SlotDiff {
  changes: readonly Change[];
  fromText: string;
  toText: string;
  /** The difference is typographic only: its insertions and deletions are marked as such. */
  typographic?: boolean;
  /** Trim the common start and end of each replaced word (for number and typographic changes). */
  trim?: boolean;
}

export const tableText = (node: MdTable): string => plainText(node);

const same = (item: Item): Out => ({ item, state: 'same' });

/**
 * One part of a unit in both versions → merged items. `from` or `to` null: the part exists on one side only
 * (all deleted or all inserted). `diff` null: no word diff (the part is identical, or a fixed label).
 */
export function mergeItems(from: readonly Item[] | null, to: readonly Item[] | null, diff: SlotDiff | null): Out[] {
  if (!from) return (to ?? []).map((item) => ({ item, state: 'ins' }));
  if (!to) return from.map((item) => ({ item, state: 'del' }));
  if (!diff) return mergeEqual(from, to, false);
  const changes = diff.trim ? trimChanges(diff.changes) : diff.changes;
  const fromGroups = segment(from, diff.fromText, changes, 'from');
  const toGroups = segment(to, diff.toText, changes, 'to');
  const out: Out[] = [];
  const typographic = diff.typographic === true;
  for (let seg = INITIAL; seg <= changes.length; seg++) {
    const f = fromGroups.get(seg) ?? [];
    const t = toGroups.get(seg) ?? [];
    const change = seg >= 0 && seg < changes.length ? changes[seg]! : null;
    if (change?.removed) for (const item of f) out.push(typographic ? { item, state: 'del', typographic } : { item, state: 'del' });
    else if (change?.added) for (const item of t) out.push(typographic ? { item, state: 'ins', typographic } : { item, state: 'ins' });
    else for (const item of mergeEqual(f, t, typographic)) out.push(item);
  }
  return slideMarks(out);
}

/**
 * A paragraph deleted (or inserted) between two others often comes out of the word diff as "the mark before
 * it, then its text" rather than "its text, then its own mark" (`A¶ [¶B] ¶` rather than `A¶ [B¶] ¶`): both
 * read the same once accepted or rejected, but Word shows the first as a paragraph joined to the one before.
 * Slide such runs onto their own mark: the leading mark becomes the unchanged one (keeping FROM's properties
 * where they differ), and the unchanged mark after the run becomes the run's.
 */
function slideMarks(outs: Out[]): Out[] {
  for (let i = 0; i < outs.length; i++) {
    const first = outs[i]!;
    if (first.state === 'same' || first.item.kind !== 'mark') continue;
    let j = i + 1;
    while (j < outs.length && outs[j]!.state === first.state && Boolean(outs[j]!.typographic) === Boolean(first.typographic)) j++;
    const next = outs[j];
    if (j === i + 1 || next?.state !== 'same' || next.item.kind !== 'mark') {
      i = j - 1;
      continue;
    }
    const flag = first.typographic ? { typographic: true } : {};
    if (first.state === 'del') {
      // [¶f1 X]del ¶t(f2) → ¶t(f1) [X ¶f2]del
      const f1 = first.item.props;
      const f2 = next.fromProps ?? next.item.props;
      outs[i] = propsKey(f1) === propsKey(next.item.props) ? { item: next.item, state: 'same' } : { item: next.item, state: 'same', fromProps: f1 };
      outs[j] = { item: { kind: 'mark', props: f2 }, state: 'del', ...flag };
    } else {
      // [¶t1 X]ins ¶t2(f) → ¶t1(f) [X ¶t2]ins
      const f = next.fromProps ?? next.item.props;
      outs[i] = propsKey(f) === propsKey(first.item.props) ? { item: first.item, state: 'same' } : { item: first.item, state: 'same', fromProps: f };
      outs[j] = { item: next.item, state: 'ins', ...flag };
    }
    i = j;
  }
  return outs;
}

/**
 * Items that should be the same on both sides: written once when they are; where the two renderings
 * differ (a list item that became an `a)` line, emphasis added), their common start and end are written
 * once and what lies between is deleted and inserted.
 */
export function mergeEqual(from: readonly Item[], to: readonly Item[], typographic: boolean): Out[] {
  if (from.length === 0 && to.length === 0) return [];
  if (canonical(from) === canonical(to)) return sameItems(from, to);
  const a = tokens(from);
  const b = tokens(to);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre]!.key === b[pre]!.key) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf]!.key === b[b.length - 1 - suf]!.key) suf++;
  const flag = typographic ? { typographic } : {};
  return [
    ...sameItems(rebuild(a.slice(0, pre)), rebuild(b.slice(0, pre))),
    ...rebuild(a.slice(pre, a.length - suf)).map((item): Out => ({ item, state: 'del', ...flag })),
    ...rebuild(b.slice(pre, b.length - suf)).map((item): Out => ({ item, state: 'ins', ...flag })),
    ...sameItems(rebuild(a.slice(a.length - suf)), rebuild(b.slice(b.length - suf))),
  ];
}

/**
 * Equal items written once (TO's): each mark with FROM's properties when they differ, each table with
 * FROM's when their cells differ (the writer compares them cell by cell).
 */
function sameItems(from: readonly Item[], to: readonly Item[]): Out[] {
  const fromMarks = from.filter((i): i is Extract<Item, { kind: 'mark' }> => i.kind === 'mark');
  const fromTables = from.filter((i): i is Extract<Item, { kind: 'table' }> => i.kind === 'table');
  let m = 0;
  let t = 0;
  return to.map((item) => {
    if (item.kind === 'table') {
      const ft = fromTables[t++];
      return ft && nodesKey([ft.node]) !== nodesKey([item.node]) ? same({ ...item, from: ft.node }) : same(item);
    }
    if (item.kind !== 'mark') return same(item);
    const fp = fromMarks[m++]?.props;
    return !fp || propsKey(fp) === propsKey(item.props) ? same(item) : { item, state: 'same', fromProps: fp };
  });
}

/** A table's shape: the number of cells of each row (tables of one shape are compared cell by cell). */
function tableShape(node: MdTable): string {
  return node.children.map((row) => row.children.length).join(',');
}

/** Items as tokens: one per character of text (with its formatting and link), one per other item. */
interface Token {
  key: string;
  item: Item;
  /** For a text character: its offset in the piece. */
  at?: number;
}

function tokens(items: readonly Item[]): Token[] {
  const out: Token[] = [];
  for (const item of items) {
    if (item.kind === 'piece' && item.piece.kind === 'text') {
      const k = pieceKey(item.piece);
      for (let at = 0; at < item.piece.text.length; at++) out.push({ key: `${k}\u0001${item.piece.text[at]}`, item, at });
    } else if (item.kind === 'mark') out.push({ key: 'M', item });
    else if (item.kind === 'table') out.push({ key: `X${tableShape(item.node)}`, item });
    else out.push({ key: `P${JSON.stringify(item.piece)}`, item });
  }
  return out;
}

/** Tokens back to items: consecutive characters of one piece become one piece. */
function rebuild(list: readonly Token[]): Item[] {
  const out: Item[] = [];
  let i = 0;
  while (i < list.length) {
    const t = list[i]!;
    if (t.at === undefined) {
      out.push(t.item);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < list.length && list[j]!.item === t.item && list[j]!.at === list[j - 1]!.at! + 1) j++;
    const p = (t.item as Extract<Item, { kind: 'piece' }>).piece as Extract<InlinePiece, { kind: 'text' }>;
    const text = p.text.slice(t.at, list[j - 1]!.at! + 1);
    out.push(text.length === p.text.length ? t.item : { ...(t.item as Extract<Item, { kind: 'piece' }>), piece: { ...p, text } });
    i = j;
  }
  return out;
}

const INITIAL = -1;

/**
 * Each item of one side with the change it belongs to (-1: the shared start; changes.length: the shared
 * end), text pieces cut where the change changes; grouped by change, in order.
 */
function segment(items: readonly Item[], plain: string, changes: readonly Change[], side: 'from' | 'to'): Map<number, Item[]> {
  const texts = items.map((item) => itemText(item, tableText));
  const stream = texts.join('');
  const aligned = align(plain, stream);
  // The change of each plain character.
  const plainSeg = new Int32Array(plain.length);
  let at = 0;
  changes.forEach((c, index) => {
    if (side === 'from' ? c.added : c.removed) return;
    plainSeg.fill(index, at, at + c.value.length);
    at += c.value.length;
  });
  const FINAL = changes.length;
  // The change of each stream character: its plain character's, else the one before; after the last aligned one, the end.
  const seg = new Int32Array(stream.length);
  let last = -1;
  for (let s = stream.length - 1; s >= 0; s--) {
    if (aligned[s]! >= 0) {
      last = s;
      break;
    }
  }
  let current = INITIAL;
  for (let s = 0; s < stream.length; s++) {
    const p = aligned[s]!;
    if (p >= 0 && p < plain.length) current = plainSeg[p]!;
    seg[s] = s > last ? FINAL : current;
  }

  const groups = new Map<number, Item[]>();
  const add = (index: number, item: Item) => {
    const list = groups.get(index);
    if (list) list.push(item);
    else groups.set(index, [item]);
  };
  let offset = 0;
  let previous = INITIAL;
  items.forEach((item, i) => {
    const length = texts[i]!.length;
    if (length === 0) {
      add(previous, item);
      return;
    }
    if (item.kind === 'table') {
      // A table goes with the mark before it, so that it always follows a closed paragraph.
      const before = items[i - 1];
      const index = before?.kind === 'mark' ? previous : seg[offset]!;
      add(index, item);
      previous = Math.max(index, seg[offset + length - 1]!);
      offset += length;
      return;
    }
    if (item.kind !== 'piece' || item.piece.kind !== 'text') {
      previous = seg[offset]!;
      add(previous, item);
      offset += length;
      return;
    }
    // A text piece: cut it where the change changes.
    const p = item.piece;
    let start = 0;
    for (let k = 1; k <= length; k++) {
      if (k < length && seg[offset + k] === seg[offset + start]) continue;
      previous = seg[offset + start]!;
      add(previous, start === 0 && k === length ? item : { ...item, piece: { ...p, text: p.text.slice(start, k) } });
      start = k;
    }
    offset += length;
  });
  return groups;
}

/**
 * For each character of `stream`, the offset of the same character in `plain`, or -1. Two spellings of one
 * text: a common start and end, and a character diff of what lies between (bounded; beyond the bound the
 * middle stays unaligned, which only makes the marking coarser).
 */
export function align(plain: string, stream: string): Int32Array {
  const out = new Int32Array(stream.length).fill(-1);
  const max = Math.min(plain.length, stream.length);
  let p = 0;
  while (p < max && plain.charCodeAt(p) === stream.charCodeAt(p)) {
    out[p] = p;
    p++;
  }
  let s = 0;
  while (s < max - p && plain.charCodeAt(plain.length - 1 - s) === stream.charCodeAt(stream.length - 1 - s)) {
    out[stream.length - 1 - s] = plain.length - 1 - s;
    s++;
  }
  const a = plain.slice(p, plain.length - s);
  const b = stream.slice(p, stream.length - s);
  if (a.length === 0 || b.length === 0) return out;
  const changes = diffChars(a, b, { maxEditLength: 4000 });
  if (!changes) return out;
  let i = p;
  let j = p;
  for (const c of changes) {
    const n = c.value.length;
    if (c.added) j += n;
    else if (c.removed) i += n;
    else {
      for (let k = 0; k < n; k++) out[j + k] = i + k;
      i += n;
      j += n;
    }
  }
  return out;
}

/**
 * A replaced word (a removal followed by an addition) loses its common start and end, when both sides keep
 * something: `S5` → `S6` marks `5` → `6`, `aşteptate` → `așteptate` marks `ş` → `ș`.
 */
export function trimChanges(changes: readonly Change[]): Change[] {
  const out: Change[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const next = changes[i + 1];
    if (!c.removed || !next?.added) {
      out.push(c);
      continue;
    }
    const a = c.value;
    const b = next.value;
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
    let suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
    // Keep surrogate pairs whole.
    while (pre > 0 && isHighSurrogate(a.charCodeAt(pre - 1))) pre--;
    while (suf > 0 && isLowSurrogate(a.charCodeAt(a.length - suf))) suf--;
    if (a.length - pre - suf === 0 || b.length - pre - suf === 0 || pre + suf === 0) {
      out.push(c, next);
    } else {
      if (pre > 0) out.push(change(a.slice(0, pre), false, false));
      out.push(change(a.slice(pre, a.length - suf), false, true), change(b.slice(pre, b.length - suf), true, false));
      if (suf > 0) out.push(change(a.slice(a.length - suf), false, false));
    }
    i++;
  }
  return out;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function change(value: string, added: boolean, removed: boolean): Change {
  return { value, added, removed, count: 1 };
}

/** The changes of a label (`S5.1.` → `S6.1.`, `Modulul II.` → `Modulul III.`): number by number when they line up. */
export function labelChanges(from: string, to: string): Change[] {
  if (from === to) return from ? [change(from, false, false)] : [];
  const a = from.match(LABEL_TOKEN) ?? [];
  const b = to.match(LABEL_TOKEN) ?? [];
  const numeric = (t: string) => /^\d+$/.test(t) || /^[IVXLCDM]+$/.test(t);
  if (a.length !== b.length || a.some((t, i) => t !== b[i] && !(numeric(t) && numeric(b[i]!)))) {
    return [change(from, false, true), change(to, true, false)].filter((c) => c.value);
  }
  const out: Change[] = [];
  a.forEach((t, i) => {
    if (t === b[i]) out.push(change(t, false, false));
    else out.push(change(t, false, true), change(b[i]!, true, false));
  });
  return out;
}

const LABEL_TOKEN = /\d+|\p{L}+|[^\p{L}\d]+/gu;

/** What must be equal for two streams to be written once: text, formatting, links, breaks, marks, tables. */
export function canonical(items: readonly Item[]): string {
  const out: string[] = [];
  let text = '';
  let key = '';
  const flush = () => {
    if (text) out.push(`T${key}\u0001${text}\u0002`);
    text = '';
  };
  for (const item of items) {
    if (item.kind === 'piece' && item.piece.kind === 'text') {
      const k = pieceKey(item.piece);
      if (k !== key) flush();
      key = k;
      text += item.piece.text;
      continue;
    }
    flush();
    if (item.kind === 'mark') out.push('M');
    else if (item.kind === 'table') out.push(`X${nodesKey([item.node])}`);
    else out.push(`P${JSON.stringify(item.piece)}`);
  }
  flush();
  return out.join('');
}

function pieceKey(p: Extract<InlinePiece, { kind: 'text' }>): string {
  const f = p.format;
  const link = p.link ? ('url' in p.link ? `u${p.link.url}` : `b${p.link.bookmark}`) : '';
  return `${f.bold ? 'b' : ''}${f.italics ? 'i' : ''}${f.strike ? 's' : ''}${f.code ? 'c' : ''}${f.superScript ? 'u' : ''}|${link}`;
}

/** Paragraph properties that show (list ids aside: each side numbers its own lists). */
export function propsKey(p: ParagraphProps): string {
  return [p.style ?? '', p.alignment ?? '', p.indentLeft ?? '', p.spacingAfter ?? '', p.border ? 'b' : '', p.pageBreak ? 'p' : '', p.numbering ? `${p.numbering.ordered ? 'o' : 'u'}${p.numbering.level}` : ''].join('|');
}

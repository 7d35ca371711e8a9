/**
 * `diff --format markdown`: TO's text with CriticMarkup marks, such that accepting every mark gives TO's text
 * and rejecting every mark gives FROM's (critic.ts).
 *
 * Both texts are cut into chunks at unit headings (module, standard, requirement, annex); the first chunk is
 * the front matter and introduction. A chunk starts with the blank lines before its heading, so a whole chunk
 * added or removed reads `…last line{++\n\n### S5.1 …++}`: the heading stays at the start of its line.
 * Chunks of units the changeset pairs are compared word by word, as long as they come in the same order in
 * both texts (the longest such sequence of pairs is kept); a unit that moved out of order is shown deleted
 * where it was and added where it is. Chunks that only one side has are marked whole. A substitution whose
 * two sides differ only typographically is followed by the comment `{>>typographic<<}`; a unit shown deleted
 * and added because it moved is followed by `{>>moved to S14.7<<}` / `{>>moved from S11.4<<}`.
 *
 * The texts must be the ones the Changeset's documents were parsed from (positions are offsets into them).
 */
import type { Annex, StandardsDoc } from '../model/types.js';
import { pairAnnexes } from './annexes.js';
import { typographic } from './normalize.js';
import { wordDiff } from './parts.js';
import type { Changeset, UnitNode } from './types.js';

interface Chunk {
  /** The unit or annex that starts the chunk; null for the first chunk (front matter and introduction). */
  node: UnitNode | Annex | null;
  text: string;
}

export interface CriticTexts {
  from: string;
  to: string;
}

export function formatCriticMarkup(changeset: Changeset, texts: CriticTexts): string {
  const fromTail = /[\r\n]*$/.exec(texts.from)![0];
  const toTail = /[\r\n]*$/.exec(texts.to)![0];
  const fromChunks = chunks(changeset.from.doc, texts.from.slice(0, texts.from.length - fromTail.length));
  const toChunks = chunks(changeset.to.doc, texts.to.slice(0, texts.to.length - toTail.length));

  // The FROM chunk each TO chunk is paired with.
  const partnerNode = new Map<UnitNode | Annex | null, UnitNode | Annex | null>([[null, null]]);
  for (const u of changeset.units) if (u.fromNode && u.toNode) partnerNode.set(u.toNode, u.fromNode);
  for (const [toAnnex, fromAnnex] of pairAnnexes(changeset.from.doc.annexes, changeset.to.doc.annexes)) partnerNode.set(toAnnex, fromAnnex);
  const fromIndex = new Map(fromChunks.map((c, i) => [c.node, i]));
  const pairedFrom = toChunks.map((c) => {
    if (!partnerNode.has(c.node)) return -1;
    return fromIndex.get(partnerNode.get(c.node)!) ?? -1;
  });
  const anchors = increasingPairs(pairedFrom);

  // For each TO chunk, the FROM index of the next anchor at or after it (FROM chunks before it are deleted first).
  const nextAnchor: number[] = new Array(toChunks.length + 1);
  nextAnchor[toChunks.length] = fromChunks.length;
  for (let j = toChunks.length - 1; j >= 0; j--) nextAnchor[j] = anchors.has(j) ? pairedFrom[j]! : nextAnchor[j + 1]!;

  const out: string[] = [];
  // Consecutive whole chunks added (or deleted) make one mark.
  let pending: { kind: '++' | '--'; text: string } | null = null;
  const whole = (kind: '++' | '--', text: string) => {
    if (pending && pending.kind !== kind) flush();
    pending = { kind, text: (pending?.text ?? '') + text };
  };
  const flush = () => {
    if (pending) out.push(mark(pending.kind, pending.text));
    pending = null;
  };
  // A unit that moved out of order is deleted and added, each with a comment naming the other place.
  const labels = new Map<UnitNode | Annex | null, { from: string | null; to: string | null }>();
  for (const u of changeset.units) {
    if (u.fromNode && u.toNode) {
      labels.set(u.fromNode, u);
      labels.set(u.toNode, u);
    }
  }
  const movedComment = (node: Chunk['node'], side: 'from' | 'to') => {
    const l = labels.get(node);
    if (!l) return null;
    return side === 'from' ? `{>>moved to ${l.to}<<}` : `{>>moved from ${l.from}<<}`;
  };
  let fi = 0;
  const deleteUpTo = (end: number) => {
    for (; fi < end; fi++) {
      const comment = movedComment(fromChunks[fi]!.node, 'from');
      whole('--', fromChunks[fi]!.text);
      if (comment) {
        flush();
        out.push(comment);
      }
    }
  };
  toChunks.forEach((chunk, j) => {
    deleteUpTo(nextAnchor[j]!);
    if (anchors.has(j)) {
      flush();
      out.push(markWords(fromChunks[fi]!.text, chunk.text));
      fi++;
    } else {
      const comment = movedComment(chunk.node, 'to');
      if (comment) flush();
      whole('++', chunk.text);
      if (comment) {
        flush();
        out.push(comment);
      }
    }
  });
  deleteUpTo(fromChunks.length);
  flush();
  out.push(markWords(fromTail, toTail));
  return out.join('');
}

/** The document cut at unit and annex headings, each cut moved back over the line breaks before the heading. */
function chunks(doc: StandardsDoc, text: string): Chunk[] {
  const starts: { offset: number; node: UnitNode | Annex }[] = [];
  for (const m of doc.modules) {
    if (m.heading) starts.push({ offset: m.heading.span.start.offset, node: m });
    for (const s of m.standards) {
      starts.push({ offset: s.heading.span.start.offset, node: s });
      for (const r of s.requirements) starts.push({ offset: r.heading.span.start.offset, node: r });
    }
  }
  for (const a of doc.annexes) starts.push({ offset: a.heading.span.start.offset, node: a });
  starts.sort((a, b) => a.offset - b.offset);
  const out: Chunk[] = [];
  let at = 0;
  let node: Chunk['node'] = null;
  for (const s of starts) {
    let cut = Math.max(at, Math.min(s.offset, text.length));
    while (cut > at && (text[cut - 1] === '\n' || text[cut - 1] === '\r')) cut--;
    out.push({ node, text: text.slice(at, cut) });
    at = cut;
    node = s.node;
  }
  out.push({ node, text: text.slice(at) });
  return out;
}

/** Indexes (into `values`) of a longest strictly increasing subsequence of the non-negative values. */
function increasingPairs(values: number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of an increasing run of each length
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    if (v < 0) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.add(i);
  return out;
}

function mark(kind: '++' | '--', text: string): string {
  if (text === '') return '';
  return kind === '++' ? `{++${text}++}` : `{--${text}--}`;
}

function markWords(from: string, to: string): string {
  if (from === to) return to;
  const changes = wordDiff(from, to);
  let out = '';
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      out += c.value;
    } else if (c.removed && changes[i + 1]?.added) {
      const next = changes[++i]!;
      out += `{~~${c.value}~>${next.value}~~}`;
      if (typographic(c.value) === typographic(next.value)) out += '{>>typographic<<}';
    } else {
      out += c.added ? `{++${c.value}++}` : `{--${c.value}--}`;
    }
  }
  return out;
}

/**
 * Comparing the parts of two matched units: how each part differs (none, references, typographic,
 * formatting, substance) and its word diff. Indicators are matched inside the requirement: equal ones in
 * order first (longest common subsequence), then, in each run of differing ones, by similarity.
 */
import { diffArrays, type Change } from 'diff';
import type { Node } from 'unist';
import type { Lang } from '../model/types.js';
import type { RenumberPlan } from '../print/renumber.js';
import { applyReferenceMap } from '../print/renumber.js';
import { typographic, typographicKinds, tokens } from './normalize.js';
import { diffTokens } from './tokens.js';
import { blocksText } from './plain-text.js';
import type { PartDiff, PartDifference } from './types.js';
import { digest, nodesKey, typographicKey, type PartSource, type Unit } from './units.js';

/** Indicators in a run of differing ones pair when their word overlap (Dice) is at least this. */
export const INDICATOR_THRESHOLD = 0.5;

export interface ReferenceContext {
  plan: RenumberPlan;
  lang: Lang;
}

/** A FROM part, with its cross-references rewritten and keys computed only when needed. */
class Prepared {
  private mappedNodes: Node[] | null = null;
  private mappedRawKey: string | null = null;
  private mappedTypographicKey: string | null = null;

  constructor(
    readonly source: PartSource,
    private readonly refs: ReferenceContext,
  ) {}

  get raw(): string {
    return this.source.raw;
  }

  get mapped(): Node[] {
    this.mappedNodes ??= this.source.nodes.map((n) => applyReferenceMap(n as never, this.refs.plan, this.refs.lang) as Node);
    return this.mappedNodes;
  }

  get mappedRaw(): string {
    this.mappedRawKey ??= digest(nodesKey(this.mapped));
    return this.mappedRawKey;
  }

  get mappedTypographic(): string {
    this.mappedTypographicKey ??= typographicKey(this.mapped);
    return this.mappedTypographicKey;
  }
}

function prepareFrom(source: PartSource, refs: ReferenceContext): Prepared {
  return new Prepared(source, refs);
}

/** How a FROM part differs from a TO part. */
function difference(from: Prepared, to: PartSource): { difference: PartDifference; kinds?: ReturnType<typeof typographicKinds> } {
  const toRaw = to.raw;
  if (from.raw === toRaw) return { difference: 'none' };
  if (from.mappedRaw === toRaw) return { difference: 'references' };
  if (from.mappedTypographic === typographicKey(to.nodes)) {
    return { difference: 'typographic', kinds: typographicKinds(blocksText(from.mapped), to.plain) };
  }
  if (typographic(blocksText(from.mapped)) === typographic(to.plain)) return { difference: 'formatting' };
  return { difference: 'substance' };
}

function partDiff(from: Prepared | null, to: PartSource | null): PartDiff {
  const source = (from?.source ?? to)!;
  const fromText = from?.source.plain ?? '';
  const toText = to?.plain ?? '';
  const d = from && to ? difference(from, to) : { difference: 'substance' as const };
  const out: PartDiff = { part: source.part, difference: d.difference, fromText, toText, changes: wordDiff(fromText, toText) };
  if (source.part === 'indicator') out.indicator = { from: from?.source.position ?? null, to: to?.position ?? null };
  if ('kinds' in d && d.kinds) out.typographicKinds = d.kinds;
  return out;
}

/**
 * Every part of a matched pair, in TO order (parts only FROM has are placed where they stood); an empty list
 * when every part is identical.
 */
export function compareParts(f: Unit, t: Unit, refs: ReferenceContext): PartDiff[] {
  if (f.parts.length === t.parts.length && f.parts.every((p, i) => p.part === t.parts[i]!.part && p.raw === t.parts[i]!.raw)) {
    return [];
  }
  const out: PartDiff[] = [];
  const fromParts = f.parts.map((p) => prepareFrom(p, refs));
  const fromIndicators = fromParts.filter((p) => p.source.part === 'indicator');
  const toIndicators = t.parts.filter((p) => p.part === 'indicator');
  let indicatorsDone = false;
  const seen = new Set<string>();
  for (const tp of t.parts) {
    if (tp.part === 'indicator') {
      if (!indicatorsDone) for (const item of compareIndicators(fromIndicators, toIndicators)) out.push(item);
      indicatorsDone = true;
      continue;
    }
    seen.add(tp.part);
    const fp = fromParts.find((p) => p.source.part === tp.part) ?? null;
    out.push(partDiff(fp, tp));
  }
  if (!indicatorsDone && fromIndicators.length > 0) {
    const at = out.findIndex((p) => p.part === 'unplaced');
    const after = at < 0 ? [] : out.splice(at);
    for (const item of compareIndicators(fromIndicators, [])) out.push(item);
    for (const item of after) out.push(item);
  }
  for (const fp of fromParts) {
    if (fp.source.part !== 'indicator' && !seen.has(fp.source.part)) out.push(partDiff(fp, null));
  }
  return out;
}

function compareIndicators(from: Prepared[], to: PartSource[]): PartDiff[] {
  const out: PartDiff[] = [];
  const sameRaw = from.length === to.length && from.every((p, i) => p.raw === to[i]!.raw);
  const fromKeys = sameRaw ? from.map((p) => p.raw) : from.map((p) => p.mappedTypographic);
  const toKeys = sameRaw ? to.map((p) => p.raw) : to.map((p) => typographicKey(p.nodes));
  let fi = 0;
  let ti = 0;
  let removedRun: Prepared[] = [];
  let addedRun: PartSource[] = [];
  const flush = () => {
    for (const item of pairRun(removedRun, addedRun)) out.push(item);
    removedRun = [];
    addedRun = [];
  };
  for (const change of diffArrays(fromKeys, toKeys)) {
    const n = change.count ?? change.value.length;
    if (change.removed) {
      for (const item of from.slice(fi, fi + n)) removedRun.push(item);
      fi += n;
    } else if (change.added) {
      for (const item of to.slice(ti, ti + n)) addedRun.push(item);
      ti += n;
    } else {
      flush();
      for (let k = 0; k < n; k++) out.push(partDiff(from[fi + k]!, to[ti + k]!));
      fi += n;
      ti += n;
    }
  }
  flush();
  return out;
}

/** A run of removed and added indicators: pair the similar ones; list them in TO order, FROM-only ones where they stood. */
function pairRun(removed: Prepared[], added: PartSource[]): PartDiff[] {
  if (removed.length === 0 && added.length === 0) return [];
  const candidates: { r: number; a: number; score: number }[] = [];
  removed.forEach((r, ri) =>
    added.forEach((a, ai) => {
      const score = dice(r.source.plain, a.plain);
      if (score >= INDICATOR_THRESHOLD) candidates.push({ r: ri, a: ai, score });
    }),
  );
  candidates.sort((x, y) => y.score - x.score || x.r - y.r || x.a - y.a);
  const partnerOfAdded = new Map<number, number>();
  const usedRemoved = new Set<number>();
  for (const c of candidates) {
    if (usedRemoved.has(c.r) || partnerOfAdded.has(c.a)) continue;
    usedRemoved.add(c.r);
    partnerOfAdded.set(c.a, c.r);
  }
  // In order: each added indicator in TO order, preceded by the unpaired removed ones that stood before its partner.
  const out: PartDiff[] = [];
  let next = 0;
  const removedUpTo = (end: number) => {
    for (; next < end; next++) if (!usedRemoved.has(next)) out.push(partDiff(removed[next]!, null));
  };
  added.forEach((a, ai) => {
    const r = partnerOfAdded.get(ai);
    if (r !== undefined) removedUpTo(r);
    out.push(partDiff(r === undefined ? null : removed[r]!, a));
  });
  removedUpTo(removed.length);
  return out;
}

function dice(a: string, b: string): number {
  const wa = tokens(a);
  const wb = tokens(b);
  if (wa.length + wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

/** An unchanged run this small between two changes is folded into them: spaces, or one punctuation mark. */
const JOINABLE = /^(?:[ \t\u00a0]+|[^\p{L}\p{N}\s])$/u;

/**
 * Word diff (jsdiff over the tokens of tokens.ts: words, spaces, punctuation, identifiers such as `S2.3` or
 * `Standardul 4` whole) made easier to read: an unchanged run of spaces or a single
 * punctuation mark between two changes joins them (`2015-09` → `2016-02` is one change, not two), and each run
 * of changes becomes one removal followed by one addition. Joining the values that are not added gives
 * `from`; those not removed give `to`.
 */
export function wordDiff(from: string, to: string): Change[] {
  if (from === to) return from === '' ? [] : [change(from, false, false)];
  const raw = diffTokens(from, to);
  const segments = raw.map((c) => ({ value: c.value, kind: c.added ? 'ins' : c.removed ? 'del' : 'eq' }));
  for (let i = 1; i < segments.length - 1; i++) {
    const s = segments[i]!;
    if (s.kind === 'eq' && JOINABLE.test(s.value) && segments[i - 1]!.kind !== 'eq' && segments[i + 1]!.kind !== 'eq') {
      s.kind = 'both';
    }
  }
  const out: Change[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push(change(del, false, true));
    if (ins) out.push(change(ins, true, false));
    del = '';
    ins = '';
  };
  for (const s of segments) {
    if (s.kind === 'eq') {
      flush();
      out.push(change(s.value, false, false));
    } else {
      if (s.kind !== 'ins') del += s.value;
      if (s.kind !== 'del') ins += s.value;
    }
  }
  flush();
  return out;
}

function change(value: string, added: boolean, removed: boolean): Change {
  return { value, added, removed, count: 1 };
}

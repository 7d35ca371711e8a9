/**
 * Matching the units of two versions (docs/diff.md explains it for users).
 *
 * Per kind, three phases, each only over the units still unmatched:
 * 1. content: identical content first, then content equal once typographically normalised with
 *    cross-references masked. Among equal contents, units with the same number pair first, then the rest in
 *    document order.
 * 2. number: the unit at the same number as shifted by its matched neighbours (the TO sibling that follows
 *    the partner of its nearest matched preceding sibling, by the same distance), or at the very same number,
 *    when the similarity is at least NUMBER_THRESHOLD.
 * 3. similarity: the best candidate with similarity at least SIMILARITY_THRESHOLD. Candidates are found
 *    through an index of rare words and among the unmatched children of the parent's partner, never by
 *    comparing every pair, so the cost grows with the number of changed units, not with its square.
 * Pairs of phases 2 and 3 are chosen greedily: highest similarity first; ties go to a candidate under the
 * parent's partner, then to the smaller difference of relative position in the documents, then document order.
 *
 * Similarity (class Similarity) is the mean of a Dice coefficient over words weighted by inverse document
 * frequency and a Dice coefficient over pairs of neighbouring words. For standards and modules, it is the mean
 * of that text similarity and the share of their children that went to the candidate (when both have children).
 * The thresholds were chosen on the bundled versions (true pairs ≥ 0.65) and on the edit generator of the tests
 * (reworded pairs ≥ 0.74, unrelated pairs of its stock phrases ≤ 0.63, ≤ 0.58 at the same number).
 *
 * Order of work: requirements by content; standards and modules by content; standards by number and by
 * similarity; modules likewise; requirements by number and similarity (now that standards are paired);
 * then standards and modules left over once more (their children are all paired by then).
 */
import type { DocumentUnits, Unit, Vocabulary } from './units.js';

/** Phase 2: minimum similarity for a unit at its (shifted) number. */
export const NUMBER_THRESHOLD = 0.6;
/** Phase 3: minimum similarity for the best candidate anywhere. */
export const SIMILARITY_THRESHOLD = 0.65;
/** Words kept per unit for the candidate index (the rarest ones). */
const RARE_WORDS = 12;
/** Candidates found through the index, per unit. */
const INDEX_CANDIDATES = 30;
/** Candidates among the children of the parent's partner, per unit. */
const NEIGHBOUR_CANDIDATES = 40;

export function matchUnits(from: DocumentUnits, to: DocumentUnits): void {
  const vocabulary = from.vocabulary;
  if (to.vocabulary !== vocabulary) throw new Error('the units of both versions must be collected with one vocabulary');
  const reqSim = new Similarity([...from.requirements, ...to.requirements], vocabulary);
  const stdSim = new Similarity([...from.standards, ...to.standards], vocabulary);
  const modSim = new Similarity([...from.modules, ...to.modules].filter((m) => !m.implicit), vocabulary);

  matchByContent(from.requirements, to.requirements);
  matchImplicitModules(from.modules, to.modules);
  matchByContent(from.standards, to.standards);
  matchByContent(from.modules.filter((m) => !m.implicit), to.modules.filter((m) => !m.implicit));

  const standardSimilarity = (f: Unit, t: Unit) => withChildren(stdSim.similarity(f, t), f, t);
  const moduleSimilarity = (f: Unit, t: Unit) => withChildren(modSim.similarity(f, t), f, t);
  const realModules = (units: Unit[]) => units.filter((m) => !m.implicit);

  const pairUp = (f: Unit[], t: Unit[], sim: Similarity, score: (a: Unit, b: Unit) => number) => {
    matchByNumber(f, t, score, from.modules, to.modules);
    matchBySimilarity(f, t, sim, score);
  };
  pairUp(from.standards, to.standards, stdSim, standardSimilarity);
  pairUp(realModules(from.modules), realModules(to.modules), modSim, moduleSimilarity);
  pairUp(from.requirements, to.requirements, reqSim, (a, b) => reqSim.similarity(a, b));
  matchBySimilarity(from.standards, to.standards, stdSim, standardSimilarity);
  matchBySimilarity(realModules(from.modules), realModules(to.modules), modSim, moduleSimilarity);
}

function pair(f: Unit, t: Unit, by: 'content' | 'number' | 'similarity', similarity: number): void {
  f.partner = t;
  t.partner = f;
  f.matchedBy = t.matchedBy = by;
  f.similarity = t.similarity = similarity;
}

/** Identical content first (raw keys), then content equal but for typography and cross-references. */
function matchByContent(from: Unit[], to: Unit[]): void {
  matchByKey(from, to, (u) => u.rawKey);
  matchByKey(from, to, (u) => u.key);
}

function matchByKey(from: Unit[], to: Unit[], keyOf: (u: Unit) => string): void {
  const groups = new Map<string, { from: Unit[]; to: Unit[] }>();
  for (const u of from) {
    if (u.partner) continue;
    const key = keyOf(u);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { from: [], to: [] }));
    g.from.push(u);
  }
  for (const u of to) {
    if (u.partner) continue;
    groups.get(keyOf(u))?.to.push(u);
  }
  for (const g of groups.values()) {
    if (g.to.length === 0) continue;
    if (g.from.length === 1 && g.to.length === 1) {
      pair(g.from[0]!, g.to[0]!, 'content', 1);
      continue;
    }
    const byNumber = new Map<string, Unit[]>();
    for (const t of g.to) {
      const list = byNumber.get(t.numberKey);
      if (list) list.push(t);
      else byNumber.set(t.numberKey, [t]);
    }
    for (const f of g.from) {
      const t = byNumber.get(f.numberKey)?.find((c) => !c.partner);
      if (t) pair(f, t, 'content', 1);
    }
    const restTo = g.to.filter((t) => !t.partner);
    for (const f of g.from) {
      if (f.partner) continue;
      const t = restTo.shift();
      if (!t) break;
      pair(f, t, 'content', 1);
    }
  }
}

function matchImplicitModules(from: Unit[], to: Unit[]): void {
  const f = from.find((m) => m.implicit);
  const t = to.find((m) => m.implicit);
  if (f && t) pair(f, t, 'content', 1);
}

interface Candidate {
  f: Unit;
  t: Unit;
  score: number;
  /** Under the partner of the FROM unit's parent. */
  sameParent: boolean;
  distance: number;
}

function candidate(f: Unit, t: Unit, score: number, fromCount: number, toCount: number): Candidate {
  const sameParent = f.parent !== null && f.parent.partner !== null && f.parent.partner === t.parent;
  const distance = Math.abs(f.order / Math.max(1, fromCount) - t.order / Math.max(1, toCount));
  return { f, t, score, sameParent, distance };
}

function assignGreedily(candidates: Candidate[], by: 'number' | 'similarity'): void {
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.sameParent) - Number(a.sameParent) ||
      a.distance - b.distance ||
      a.f.order - b.f.order ||
      a.t.order - b.t.order,
  );
  for (const c of candidates) {
    if (c.f.partner || c.t.partner) continue;
    pair(c.f, c.t, by, c.score);
  }
}

/** Siblings of `unit` on its side: its parent's children, or the top-level units for a module. */
function siblings(unit: Unit, topLevel: Unit[]): Unit[] {
  return unit.parent ? unit.parent.children : topLevel;
}

/** `fromTop`/`toTop`: every module of each side (the siblings of a module, implicit ones included). */
function matchByNumber(from: Unit[], to: Unit[], score: (a: Unit, b: Unit) => number, fromTop: Unit[], toTop: Unit[]): void {
  const toByNumber = new Map<string, Unit>();
  for (const t of to) if (!toByNumber.has(t.numberKey)) toByNumber.set(t.numberKey, t);
  const candidates: Candidate[] = [];
  for (const f of from) {
    if (f.partner) continue;
    const options = new Set<Unit>();
    const shifted = shiftedPosition(f, fromTop, toTop);
    if (shifted && !shifted.partner && !shifted.implicit) options.add(shifted);
    const same = toByNumber.get(f.numberKey);
    if (same && !same.partner && !f.numberKey.startsWith('?')) options.add(same);
    for (const t of options) {
      const s = score(f, t);
      if (s >= NUMBER_THRESHOLD) candidates.push(candidate(f, t, s, from.length, to.length));
    }
  }
  assignGreedily(candidates, 'number');
}

/**
 * The TO unit at `f`'s number as shifted by its neighbours: under the partner of its parent, at the
 * position after the partner of its nearest matched preceding sibling, by the same distance.
 */
function shiftedPosition(f: Unit, fromTop: Unit[], toTop: Unit[]): Unit | null {
  let toSiblings: Unit[];
  if (f.parent) {
    if (!f.parent.partner) return null;
    toSiblings = f.parent.partner.children;
  } else {
    toSiblings = toTop;
  }
  const mine = siblings(f, fromTop);
  for (let j = f.index - 1; j >= 0; j--) {
    const prev = mine[j]!;
    if (prev.partner && prev.partner.parent === (f.parent ? f.parent.partner : null)) {
      return toSiblings[prev.partner.index + (f.index - j)] ?? null;
    }
  }
  return toSiblings[f.index] ?? null;
}

function matchBySimilarity(from: Unit[], to: Unit[], sim: Similarity, score: (a: Unit, b: Unit) => number): void {
  const openFrom = from.filter((u) => !u.partner && !u.implicit);
  const openTo = to.filter((u) => !u.partner && !u.implicit);
  if (openFrom.length === 0 || openTo.length === 0) return;
  // Inverted index of the rare words of the unmatched TO units.
  const index = new Map<number, Unit[]>();
  for (const t of openTo) {
    for (const w of sim.rarest(t, RARE_WORDS)) {
      const list = index.get(w);
      if (list) list.push(t);
      else index.set(w, [t]);
    }
  }
  const candidates: Candidate[] = [];
  for (const f of openFrom) {
    const hits = new Map<Unit, number>();
    for (const w of sim.rarest(f, RARE_WORDS)) {
      for (const t of index.get(w) ?? []) hits.set(t, (hits.get(t) ?? 0) + 1);
    }
    const options = new Set<Unit>(
      [...hits.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].order - b[0].order)
        .slice(0, INDEX_CANDIDATES)
        .map(([t]) => t),
    );
    const neighbours = f.parent?.partner?.children ?? [];
    let added = 0;
    for (const t of neighbours) {
      if (added >= NEIGHBOUR_CANDIDATES) break;
      if (!t.partner) {
        options.add(t);
        added++;
      }
    }
    for (const t of options) {
      const s = score(f, t);
      if (s >= SIMILARITY_THRESHOLD) candidates.push(candidate(f, t, s, from.length, to.length));
    }
  }
  assignGreedily(candidates, 'similarity');
}

/** The mean of the text similarity and the share of children that went from `f` to `t` (when both have children). */
function withChildren(textSimilarity: number, f: Unit, t: Unit): number {
  if (f.children.length === 0 || t.children.length === 0) return textSimilarity;
  let shared = 0;
  for (const c of f.children) if (c.partner && c.partner.parent === t) shared++;
  return (textSimilarity + shared / Math.max(f.children.length, t.children.length)) / 2;
}

/**
 * Similarity of two units in [0, 1]: the mean of two Dice coefficients, one over words weighted by inverse
 * document frequency (rare words count more than the common vocabulary of standards), one over pairs of
 * neighbouring words (word order counts: texts built from the same stock phrases in another order differ).
 */
export class Similarity {
  /** Per word id: how many of the units have the word. */
  private readonly df: Int32Array;
  private readonly n: number;
  private readonly totals = new Map<Unit, number>();
  private readonly rare = new Map<Unit, number[]>();
  private readonly pairs = new Map<Unit, { counts: Map<number, number>; total: number }>();

  constructor(
    units: Unit[],
    private readonly vocabulary: Vocabulary,
  ) {
    this.n = units.length;
    this.df = new Int32Array(vocabulary.size);
    for (const u of units) for (const id of u.wordIds) this.df[id]!++;
  }

  weight(id: number): number {
    return Math.log((this.n + 1) / (this.df[id] || 1));
  }

  private total(u: Unit): number {
    let t = this.totals.get(u);
    if (t === undefined) {
      t = 0;
      for (let i = 0; i < u.wordIds.length; i++) t += u.wordCounts[i]! * this.weight(u.wordIds[i]!);
      this.totals.set(u, t);
    }
    return t;
  }

  /** Pairs of neighbouring words (with a start and an end mark) as numbers, with their counts. */
  private wordPairs(u: Unit): { counts: Map<number, number>; total: number } {
    let p = this.pairs.get(u);
    if (!p) {
      const counts = new Map<number, number>();
      const base = this.vocabulary.size + 2;
      const seq = [0, ...Array.from(u.sequence, (id) => id + 2), 1];
      for (let i = 0; i + 1 < seq.length; i++) {
        const key = seq[i]! * base + seq[i + 1]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      p = { counts, total: seq.length - 1 };
      this.pairs.set(u, p);
    }
    return p;
  }

  similarity(a: Unit, b: Unit): number {
    return (this.weightedWords(a, b) + this.orderedPairs(a, b)) / 2;
  }

  private weightedWords(a: Unit, b: Unit): number {
    const ta = this.total(a);
    const tb = this.total(b);
    if (ta + tb === 0) return a.key === b.key ? 1 : 0;
    // Both word lists are ascending: walk them together.
    let shared = 0;
    const ia = a.wordIds;
    const ib = b.wordIds;
    for (let i = 0, j = 0; i < ia.length && j < ib.length; ) {
      const x = ia[i]!;
      const y = ib[j]!;
      if (x === y) {
        shared += Math.min(a.wordCounts[i]!, b.wordCounts[j]!) * this.weight(x);
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return (2 * shared) / (ta + tb);
  }

  private orderedPairs(a: Unit, b: Unit): number {
    const pa = this.wordPairs(a);
    const pb = this.wordPairs(b);
    const [small, large] = pa.counts.size <= pb.counts.size ? [pa.counts, pb.counts] : [pb.counts, pa.counts];
    let shared = 0;
    for (const [k, c] of small) {
      const other = large.get(k);
      if (other) shared += Math.min(c, other);
    }
    return (2 * shared) / (pa.total + pb.total);
  }

  /** The unit's `count` rarest words (fewest units have them), ties in alphabetical order. */
  rarest(u: Unit, count: number): number[] {
    let r = this.rare.get(u);
    if (!r) {
      const word = (id: number) => this.vocabulary.word(id);
      r = Array.from(u.wordIds)
        .sort((a, b) => this.df[a]! - this.df[b]! || (word(a) < word(b) ? -1 : word(a) > word(b) ? 1 : 0))
        .slice(0, count);
      this.rare.set(u, r);
    }
    return r;
  }
}

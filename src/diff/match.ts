/**
 * Matching the units of two versions (docs/diff.md explains it for users).
 *
 * One algorithm at every level (requirements, standards, modules): an assignment over a similarity matrix.
 * 1. Content: identical content first, then content equal once typographically normalised with cross-references
 *    masked. Among equal contents, units with the same number pair first, then the rest in document order.
 * 2. Assignment: for every unit still unmatched, its candidates on the other side — the unit at its number as
 *    shifted by its matched neighbours (before and after it), the unit at the very same number, the units that
 *    share its rarest words (an inverted index), the unmatched children of its parent's partner and, for
 *    standards and modules, the units that received its children (the wider ones only when no candidate at its
 *    number scores STRONG_SCORE) — each scored by `identity` (requirements: the
 *    text similarity; standards and modules: the best of text similarity, share of children and number-and-title).
 *    A candidate is kept when its score reaches NUMBER_THRESHOLD at its number, SIMILARITY_THRESHOLD elsewhere.
 *    The kept pairs form a sparse bipartite graph; each connected part of it is solved as an assignment problem
 *    (the Hungarian method: the set of pairs with the largest total weight), where a pair's weight is its score
 *    plus small bonuses for the context (under the partner of its parent, at its number) and a small penalty for
 *    the difference of relative position. No unit is compared with every other, so the work grows with the size
 *    of the documents and the number of changed units, not with the square of either.
 * Order of work: every kind by content; standards; modules; requirements (now that standards are paired, the
 * shifted numbers and neighbourhoods are known); standards and modules left over once more (with their children
 * paired by then).
 *
 * Similarity (class Similarity) is the mean of two scores over the units' words: words weighted by inverse
 * document frequency (the mean of their Dice coefficient and of their containment, so that a text that only
 * gained a clause, an enumeration or an indicator stays close to its old self), and a Dice coefficient over
 * pairs of neighbouring words (order counts).
 */
import type { DocumentUnits, Unit, Vocabulary } from './units.js';
import { solveAssignment } from './assignment.js';

/** Minimum score of a candidate at the unit's (shifted or same) number. */
export const NUMBER_THRESHOLD = 0.6;
/** Minimum score of any other candidate. */
export const SIMILARITY_THRESHOLD = 0.65;
/** The score of a standard or module at its number with the same title, for a text similarity of 0 (1 for 1). */
export const SAME_TITLE_SCORE = 0.75;
/** A candidate at the unit's number scoring this much ends the search for others (see matchByAssignment). */
const STRONG_SCORE = 0.85;
/** Weight bonuses and penalty in the assignment (they break near-ties; they never make a pair). */
const SAME_PARENT_BONUS = 0.04;
const AT_NUMBER_BONUS = 0.02;
const DISTANCE_PENALTY = 0.01;
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
  const realModules = (units: Unit[]) => units.filter((m) => !m.implicit);

  matchByContent(from.requirements, to.requirements);
  matchImplicitModules(from.modules, to.modules);
  matchByContent(from.standards, to.standards);
  matchByContent(realModules(from.modules), realModules(to.modules));

  const top = { from: from.modules, to: to.modules };
  const standards = () => matchByAssignment(from.standards, to.standards, stdSim, (f, t, at) => parentIdentity(stdSim, f, t, at), top);
  const modules = () => matchByAssignment(realModules(from.modules), realModules(to.modules), modSim, (f, t, at) => parentIdentity(modSim, f, t, at), top);
  standards();
  modules();
  matchByAssignment(from.requirements, to.requirements, reqSim, (f, t) => reqSim.similarity(f, t), top);
  standards();
  modules();
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

/**
 * The identity score of a standard or module pair: the best of what says they are the same — their own text
 * (title, statement, expected results; title and blocks), the share of their children that went from one to the
 * other (a Dice coefficient: inserted, repealed or reworded children lower it only by their share), and, at
 * the unit's number, the same title (SAME_TITLE_SCORE, up to 1 with the text similarity).
 */
function parentIdentity(sim: Similarity, f: Unit, t: Unit, atNumber: boolean): number {
  const text = sim.similarity(f, t);
  let score = text;
  if (f.children.length > 0 && t.children.length > 0) {
    let shared = 0;
    for (const c of f.children) if (c.partner && c.partner.parent === t) shared++;
    score = Math.max(score, (2 * shared) / (f.children.length + t.children.length));
  }
  if (atNumber && f.parts[0]!.part === 'title' && t.parts[0]!.part === 'title' && f.titleKey !== '' && f.titleKey === t.titleKey) {
    score = Math.max(score, SAME_TITLE_SCORE + (1 - SAME_TITLE_SCORE) * text);
  }
  return score;
}

interface Candidate {
  f: Unit;
  t: Unit;
  score: number;
  atNumber: boolean;
  weight: number;
}

/** Siblings of `unit` on its side: its parent's children, or the top-level units for a module. */
function siblings(unit: Unit, topLevel: Unit[]): Unit[] {
  return unit.parent ? unit.parent.children : topLevel;
}

/**
 * The TO units at `f`'s number as shifted by its neighbours: under the partner of its parent (or among the
 * modules), at the position after the partner of its nearest matched preceding sibling, by the same distance,
 * and before the partner of its nearest matched following sibling; the same position when no sibling is matched.
 */
function shiftedPositions(f: Unit, fromTop: Unit[], toTop: Unit[]): Unit[] {
  let toSiblings: Unit[];
  const toParent = f.parent ? f.parent.partner : null;
  if (f.parent) {
    if (!toParent) return [];
    toSiblings = toParent.children;
  } else {
    toSiblings = toTop;
  }
  const mine = siblings(f, fromTop);
  const out: Unit[] = [];
  let before: Unit | null = null;
  for (let j = f.index - 1; j >= 0; j--) {
    const prev = mine[j]!;
    if (prev.partner && prev.partner.parent === toParent) {
      before = toSiblings[prev.partner.index + (f.index - j)] ?? null;
      break;
    }
    if (f.index - j > NEIGHBOUR_CANDIDATES) break;
  }
  let after: Unit | null = null;
  let found = false;
  for (let j = f.index + 1; j < mine.length && j - f.index <= NEIGHBOUR_CANDIDATES; j++) {
    const next = mine[j]!;
    if (next.partner && next.partner.parent === toParent) {
      after = toSiblings[next.partner.index - (j - f.index)] ?? null;
      found = true;
      break;
    }
  }
  if (before) out.push(before);
  if (after && after !== before) out.push(after);
  if (!before && !found) {
    const same = toSiblings[f.index];
    if (same) out.push(same);
  }
  return out;
}

function matchByAssignment(
  from: Unit[],
  to: Unit[],
  sim: Similarity,
  score: (f: Unit, t: Unit, atNumber: boolean) => number,
  top: { from: Unit[]; to: Unit[] },
): void {
  const openFrom = from.filter((u) => !u.partner && !u.implicit);
  const openTo = to.filter((u) => !u.partner && !u.implicit);
  if (openFrom.length === 0 || openTo.length === 0) return;
  const toByNumber = new Map<string, Unit>();
  for (const t of openTo) if (!toByNumber.has(t.numberKey)) toByNumber.set(t.numberKey, t);
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
    const atNumber = new Set<Unit>();
    for (const t of shiftedPositions(f, top.from, top.to)) if (!t.partner && !t.implicit) atNumber.add(t);
    const same = toByNumber.get(f.numberKey);
    if (same && !f.numberKey.startsWith('?')) atNumber.add(same);
    // A unit that scores STRONG_SCORE at its number looks no further: the wider search is for units that moved
    // or changed beyond that (their candidates at the number still compete in the assignment).
    const scored = new Map<Unit, number>();
    let strong = false;
    for (const t of atNumber) {
      const s = score(f, t, true);
      scored.set(t, s);
      if (s >= STRONG_SCORE) strong = true;
    }
    const options = new Set<Unit>(atNumber);
    if (!strong) {
      const hits = new Map<Unit, number>();
      for (const w of sim.rarest(f, RARE_WORDS)) {
        for (const t of index.get(w) ?? []) hits.set(t, (hits.get(t) ?? 0) + 1);
      }
      for (const [t] of [...hits.entries()].sort((a, b) => b[1] - a[1] || a[0].order - b[0].order).slice(0, INDEX_CANDIDATES)) options.add(t);
      let added = 0;
      for (const t of f.parent?.partner?.children ?? []) {
        if (added >= NEIGHBOUR_CANDIDATES) break;
        if (!t.partner) {
          options.add(t);
          added++;
        }
      }
      // Standards and modules: the units that received their children.
      for (const c of f.children) {
        const holder = c.partner?.parent;
        if (holder && !holder.partner && !holder.implicit) options.add(holder);
      }
    }
    for (const t of options) {
      const at = atNumber.has(t);
      const s = scored.get(t) ?? score(f, t, at);
      if (s < (at ? NUMBER_THRESHOLD : SIMILARITY_THRESHOLD)) continue;
      const sameParent = f.parent !== null && f.parent.partner !== null && f.parent.partner === t.parent;
      const distance = Math.abs(f.order / Math.max(1, from.length) - t.order / Math.max(1, to.length));
      const weight = s + (sameParent ? SAME_PARENT_BONUS : 0) + (at ? AT_NUMBER_BONUS : 0) - DISTANCE_PENALTY * distance;
      candidates.push({ f, t, score: s, atNumber: at, weight });
    }
  }
  for (const c of solveAssignment(candidates)) pair(c.f, c.t, c.atNumber ? 'number' : 'similarity', c.score);
}

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
    // The mean of the Dice coefficient and the containment of the smaller in the larger.
    return shared / (ta + tb) + shared / (2 * Math.min(ta, tb) || 1);
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

/**
 * The assignment step of the matcher: from scored candidate pairs (a sparse similarity matrix), the set of pairs,
 * each unit in at most one, with the largest total weight. The candidate graph is cut into its connected parts
 * (most are a single pair); each part is solved exactly with the Hungarian method, whose cost grows with the
 * cube of the part's size — a part larger than MAX_EXACT units on its smaller side (a heavily rewritten
 * document of stock phrases) is solved greedily instead, highest weight first.
 */

export interface Edge<U> {
  f: U;
  t: U;
  weight: number;
}

/** Above this many units on the smaller side of a connected part, the part is solved greedily. */
export const MAX_EXACT = 120;

interface Ordered {
  order: number;
}

export function solveAssignment<U extends Ordered, E extends Edge<U>>(edges: E[]): E[] {
  if (edges.length === 0) return [];
  // Connected parts (union-find over the units of both sides).
  const id = new Map<U, number>();
  const parent: number[] = [];
  const node = (u: U): number => {
    let i = id.get(u);
    if (i === undefined) {
      i = parent.length;
      id.set(u, i);
      parent.push(i);
    }
    return i;
  };
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const e of edges) {
    const a = find(node(e.f));
    const b = find(node(e.t));
    if (a !== b) parent[a] = b;
  }
  const parts = new Map<number, E[]>();
  for (const e of edges) {
    const root = find(id.get(e.f)!);
    const list = parts.get(root);
    if (list) list.push(e);
    else parts.set(root, [e]);
  }
  const out: E[] = [];
  for (const part of parts.values()) for (const pair of part.length === 1 ? part : solvePart(part)) out.push(pair);
  return out;
}

function byWeight<U extends Ordered>(a: Edge<U>, b: Edge<U>): number {
  return b.weight - a.weight || a.f.order - b.f.order || a.t.order - b.t.order;
}

function solvePart<U extends Ordered, E extends Edge<U>>(edges: E[]): E[] {
  const fs = [...new Set(edges.map((e) => e.f))].sort((a, b) => a.order - b.order);
  const ts = [...new Set(edges.map((e) => e.t))].sort((a, b) => a.order - b.order);
  if (Math.min(fs.length, ts.length) > MAX_EXACT) return greedy(edges);
  const swap = fs.length > ts.length;
  const rows = swap ? ts : fs;
  const cols = swap ? fs : ts;
  const rowOf = new Map(rows.map((u, i) => [u, i]));
  const colOf = new Map(cols.map((u, i) => [u, i]));
  const n = rows.length;
  const m = cols.length;
  // cost[i][j] = -weight of the edge (0: no edge, the pair is left out afterwards).
  const cost = Array.from({ length: n }, () => new Float64Array(m));
  const edgeAt = new Map<number, E>();
  for (const e of edges) {
    const i = rowOf.get(swap ? e.t : e.f)!;
    const j = colOf.get(swap ? e.f : e.t)!;
    const key = i * m + j;
    const old = edgeAt.get(key);
    if (old && old.weight >= e.weight) continue;
    edgeAt.set(key, e);
    cost[i]![j] = -e.weight;
  }
  const assigned = hungarian(cost, n, m);
  const out: E[] = [];
  for (let i = 0; i < n; i++) {
    const e = edgeAt.get(i * m + assigned[i]!);
    if (e) out.push(e);
  }
  return out;
}

/**
 * Minimum-cost assignment of n rows to distinct columns of m ≥ n (the Hungarian method with potentials,
 * O(n² m)): the column of each row.
 */
function hungarian(cost: Float64Array[], n: number, m: number): Int32Array {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: the row (1-based) assigned to column j; 0 none
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Int32Array(n);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) out[p[j]! - 1] = j - 1;
  return out;
}

function greedy<U extends Ordered, E extends Edge<U>>(edges: E[]): E[] {
  const used = new Set<U>();
  const out: E[] = [];
  for (const e of [...edges].sort(byWeight)) {
    if (used.has(e.f) || used.has(e.t)) continue;
    used.add(e.f);
    used.add(e.t);
    out.push(e);
  }
  return out;
}

/** Pairing the annexes of two versions: equal titles (typographically) first, then the rest in order. */
import type { Annex } from '../model/types.js';
import { typographic } from './normalize.js';

/** TO annex → its FROM partner. */
export function pairAnnexes(from: Annex[], to: Annex[]): Map<Annex, Annex> {
  const partner = new Map<Annex, Annex>();
  const free = new Set(from);
  for (const b of to) {
    const a = [...free].find((x) => typographic(x.title) === typographic(b.title));
    if (a) {
      partner.set(b, a);
      free.delete(a);
    }
  }
  const rest = [...free];
  for (const b of to) if (!partner.has(b) && rest.length > 0) partner.set(b, rest.shift()!);
  return partner;
}

/** Counts of a Changeset per kind of unit, for the summaries of the comparison documents. */
import type { ChangeKind, Changeset, UnitKind } from '../diff/types.js';
import type { Lang } from '../model/types.js';
import { compareWords } from './labels.js';

export type KindCounts = Record<ChangeKind, number> & { typographic: number };

export function changeCounts(changeset: Changeset): Record<UnitKind, KindCounts> {
  const empty = (): KindCounts => ({ added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 0, typographic: 0 });
  const out: Record<UnitKind, KindCounts> = { module: empty(), standard: empty(), requirement: empty() };
  for (const u of changeset.units) {
    out[u.kind][u.change]++;
    if (u.typographic) out[u.kind].typographic++;
  }
  return out;
}

export const CHANGE_KINDS: ChangeKind[] = ['added', 'removed', 'modified', 'renumbered', 'unchanged'];

/** `Cerințe — adăugate: 7, eliminate: 3, … Standarde — …` (kinds with no units left out). */
export function summaryLine(changeset: Changeset, lang: Lang): string {
  const words = compareWords(lang);
  const counts = changeCounts(changeset);
  const part = (name: string, c: KindCounts) => {
    const total = CHANGE_KINDS.reduce((n, k) => n + c[k], 0);
    if (total === 0) return null;
    const typographic = c.typographic > 0 ? ` (${words.counts.typographic}: ${c.typographic})` : '';
    return `${name} — ${CHANGE_KINDS.map((k) => `${words.counts[k]}: ${c[k]}`).join(', ')}${typographic}.`;
  };
  return [part(words.requirements, counts.requirement), part(words.standards, counts.standard), part(words.modules, counts.module)].filter(Boolean).join(' ');
}

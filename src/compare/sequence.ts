/**
 * The order of the units in a redline. The Changeset lists the units in TO's order; a redline must read as
 * FROM when its revisions are rejected, so a unit that changed place (moved to another standard, or
 * reordered) is written twice: deleted where FROM had it and inserted where TO has it. Which units keep
 * their place is decided on the units in document order (preorder: a module, its standards, each followed
 * by its requirements) by a longest common subsequence of the Changeset's pairs.
 */
import { diffArrays } from 'diff';
import type { Changeset, UnitChange, UnitNode } from '../diff/types.js';
import type { Module, StandardsDoc } from '../model/types.js';

export interface SequenceEntry {
  entry: UnitChange;
  /** `both`: written once, merged; `from`: FROM's unit, deleted; `to`: TO's unit, inserted. */
  show: 'both' | 'from' | 'to';
}

/** Every module (with a heading), standard and requirement of a document in preorder, with its module. */
export function preorder(doc: StandardsDoc): { node: UnitNode; module: Module }[] {
  const out: { node: UnitNode; module: Module }[] = [];
  for (const module of doc.modules) {
    if (module.heading) out.push({ node: module, module });
    for (const standard of module.standards) {
      out.push({ node: standard, module });
      for (const requirement of standard.requirements) out.push({ node: requirement, module });
    }
  }
  return out;
}

export function redlineSequence(changeset: Changeset): SequenceEntry[] {
  const byFrom = new Map<UnitNode, UnitChange>();
  const byTo = new Map<UnitNode, UnitChange>();
  const index = new Map<UnitChange, number>();
  changeset.units.forEach((u, i) => {
    index.set(u, i);
    if (u.fromNode) byFrom.set(u.fromNode, u);
    if (u.toNode) byTo.set(u.toNode, u);
  });
  const from = preorder(changeset.from.doc).map(({ node }) => byFrom.get(node)).filter((u): u is UnitChange => u !== undefined);
  const to = preorder(changeset.to.doc).map(({ node }) => byTo.get(node)).filter((u): u is UnitChange => u !== undefined);
  const token = (u: UnitChange, side: string) => (u.fromNode && u.toNode ? `p${index.get(u)}` : `${side}${index.get(u)}`);
  const out: SequenceEntry[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(from.map((u) => token(u, 'f')), to.map((u) => token(u, 't')))) {
    const n = change.count ?? change.value.length;
    for (let k = 0; k < n; k++) {
      if (change.removed) out.push({ entry: from[i++]!, show: 'from' });
      else if (change.added) out.push({ entry: to[j++]!, show: 'to' });
      else {
        out.push({ entry: to[j++]!, show: 'both' });
        i++;
      }
    }
  }
  return out;
}

/** The Changeset seen the way the ground truth files list changes (test/fixtures/bundled/expected-changes.yaml). */
import type { Changeset, UnitChange } from '../../src/diff/index.js';

export interface GroundTruth {
  standards: { added: number[]; removed: number[]; renumbered: { from: number; to: number }[]; modified?: { from: number; to: number }[] };
  requirements: {
    added: string[];
    removed: string[];
    modified: { from: string; to: string }[];
    moved: { from: string; to: string }[];
    renumbered: { from: string; to: string }[];
    'typographic-only': string[];
  };
}

const number = (label: string | null) => Number(/(\d+)$/.exec(label ?? '')?.[1]);
/** A part changed in substance (words or markup), as opposed to typography or references that follow renumbering. */
const substance = (u: UnitChange) => u.parts.some((p) => p.difference === 'substance' || p.difference === 'formatting');
const pairOf = (u: UnitChange) => ({ from: u.from!, to: u.to! });

export function groundTruthOf(changeset: Changeset): GroundTruth {
  const standards = changeset.units.filter((u) => u.kind === 'standard');
  const requirements = changeset.units.filter((u) => u.kind === 'requirement');
  return {
    standards: {
      added: standards.filter((u) => u.change === 'added').map((u) => number(u.to)),
      removed: standards.filter((u) => u.change === 'removed').map((u) => number(u.from)),
      renumbered: standards.filter((u) => u.change === 'renumbered').map((u) => ({ from: number(u.from), to: number(u.to) })),
    },
    requirements: {
      added: requirements.filter((u) => u.change === 'added').map((u) => u.to!),
      removed: requirements.filter((u) => u.change === 'removed').map((u) => u.from!),
      modified: requirements.filter((u) => u.change === 'modified' && substance(u)).map(pairOf),
      moved: requirements.filter((u) => u.moved).map(pairOf),
      renumbered: requirements.filter((u) => u.change === 'renumbered').map(pairOf),
      'typographic-only': requirements.filter((u) => u.change === 'unchanged' && u.typographic).map((u) => u.from!),
    },
  };
}

/** The same lists sorted, so that two views compare regardless of order. */
export function sorted(truth: GroundTruth): GroundTruth {
  const sort = <T>(list: T[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    standards: { added: sort(truth.standards.added), removed: sort(truth.standards.removed), renumbered: sort(truth.standards.renumbered) },
    requirements: {
      added: sort(truth.requirements.added),
      removed: sort(truth.requirements.removed),
      modified: sort(truth.requirements.modified),
      moved: sort(truth.requirements.moved),
      renumbered: sort(truth.requirements.renumbered),
      'typographic-only': sort(truth.requirements['typographic-only']),
    },
  };
}

/** Every level at once (what the amendment generator records): modules, standards (modified too) and requirements. */
export interface LevelTruth extends GroundTruth {
  modules: { added: string[]; removed: string[]; modified: string[]; renumbered: string[]; unchanged: number };
  standards: GroundTruth['standards'] & { modified: { from: number; to: number }[] };
}

export function levelTruthOf(changeset: Changeset): LevelTruth {
  const truth = sorted(groundTruthOf(changeset));
  const standards = changeset.units.filter((u) => u.kind === 'standard');
  const modules = changeset.units.filter((u) => u.kind === 'module');
  const sort = <T>(list: T[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    ...truth,
    modules: {
      added: modules.filter((u) => u.change === 'added').map((u) => u.to!),
      removed: modules.filter((u) => u.change === 'removed').map((u) => u.from!),
      modified: modules.filter((u) => u.change === 'modified').map((u) => u.from!),
      renumbered: modules.filter((u) => u.change === 'renumbered').map((u) => u.from!),
      unchanged: modules.filter((u) => u.change === 'unchanged').length,
    },
    standards: {
      ...truth.standards,
      modified: sort(standards.filter((u) => u.change === 'modified').map((u) => ({ from: number(u.from), to: number(u.to) }))),
    },
  };
}

/** The generator's truth in the order levelTruthOf gives. */
export function sortedLevels(truth: LevelTruth): LevelTruth {
  const sort = <T>(list: T[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { ...sorted(truth), modules: truth.modules, standards: { ...sorted(truth).standards, modified: sort(truth.standards.modified) } };
}

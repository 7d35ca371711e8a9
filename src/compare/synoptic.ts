/**
 * The synoptic table as a model, shared by the Word document and the HTML page: one row per unit in TO's
 * order (FROM-only units where they stood), each with both versions of the unit's own text merged by the
 * Changeset (`Out` items: unchanged, deleted, inserted), notes (renumbered S5.1 → S6.1, moved, typographic
 * corrections only) and the observations that target it. Runs of units that did not change in substance
 * (unchanged, or renumbered and otherwise unchanged) and have no observation collapse into one row
 * (`S1.1–S1.4: nemodificate`) unless `full`.
 */
import { hasDifferences } from '../diff/index.js';
import type { Changeset, MetadataChange, UnitChange, UnitKind, UnitNode } from '../diff/types.js';
import type { Lang, StandardsDoc } from '../model/types.js';
import type { DocxContext } from '../render/context.js';
import { ComparedContent } from './content.js';
import { compareWords, displayDate } from './labels.js';
import type { Out } from './merge.js';
import type { LoadedRegister, PlacedObservation } from './observations.js';
import { countDecisions, type DecisionCounts } from './report.js';
import { changeCounts, type KindCounts } from './summary.js';

export interface VersionFacts {
  label: string;
  date: string;
  status: string;
  workshop: string;
  title: string;
}

export type SynopticRow =
  | { kind: 'unit'; entry: UnitChange; outs: Out[]; notes: string[]; observations: PlacedObservation[] }
  | { kind: 'block'; title: string; outs: Out[]; notes: string[]; observations: PlacedObservation[] }
  | { kind: 'collapsed'; entries: UnitChange[]; text: string; observations: PlacedObservation[] }
  | { kind: 'observations'; title: string; observations: PlacedObservation[] };

export interface Synoptic {
  lang: Lang;
  title: string;
  from: VersionFacts;
  to: VersionFacts;
  /** Whether the versions differ at all. */
  changed: boolean;
  rows: SynopticRow[];
  counts: Record<UnitKind, KindCounts>;
  metadata: MetadataChange[];
  registers: { file: string; title: string; count: number }[];
  observations: DecisionCounts;
}

export interface SynopticOptions {
  /** One row per unit, unchanged ones too. */
  full?: boolean;
  registers?: readonly LoadedRegister[];
  observations?: readonly PlacedObservation[];
  /** Write the Word table as its rows are made (default true; false: docx writes it whole). */
  stream?: boolean;
}

export function versionFacts(label: string, doc: StandardsDoc): VersionFacts {
  return { label, date: displayDate(doc.meta.date, doc.lang), status: doc.meta.status ?? '', workshop: doc.meta.workshop ?? '', title: doc.meta.title ?? label };
}

export function buildSynoptic(changeset: Changeset, ctx: DocxContext, options: SynopticOptions = {}): Synoptic {
  const lang = changeset.to.doc.lang;
  const words = compareWords(lang);
  const observations = options.observations ?? [];
  const content = new ComparedContent(changeset, ctx, false);
  const from = changeset.from;
  const to = changeset.to;

  // Observations by the unit they target, in FROM or in TO; the rest (other versions) at the end.
  const byNode = new Map<UnitNode, PlacedObservation[]>();
  const other: PlacedObservation[] = [];
  for (const p of observations) {
    const doc = p.version === from.label ? from.doc : p.version === to.label ? to.doc : null;
    const inDoc = doc === from.doc ? changeset.units.some((u) => u.fromNode === p.unit) : doc === to.doc ? changeset.units.some((u) => u.toNode === p.unit) : false;
    if (!inDoc) {
      other.push(p);
      continue;
    }
    const list = byNode.get(p.unit);
    if (list) list.push(p);
    else byNode.set(p.unit, [p]);
  }
  const observationsOf = (u: UnitChange) => [...(u.fromNode ? (byNode.get(u.fromNode) ?? []) : []), ...(u.toNode && u.toNode !== u.fromNode ? (byNode.get(u.toNode) ?? []) : [])];

  const rows: SynopticRow[] = [];
  const changed = hasDifferences(changeset);
  if (changed) {
    const intro = changeset.blocks.find((b) => b.what === 'introduction');
    if (intro || options.full) {
      const outs = content.introduction();
      if (outs.length > 0) rows.push({ kind: 'block', title: words.introduction, outs, notes: [], observations: [] });
    }

    let run: UnitChange[] = [];
    let runKind: 'unchanged' | 'renumbered' | null = null;
    const flush = () => {
      if (run.length > 0) rows.push({ kind: 'collapsed', entries: run, text: collapsedText(run, runKind!, lang), observations: [] });
      run = [];
      runKind = null;
    };
    // A module or standard collapses only when everything under it does too: "Modulul III: nemodificat" must
    // not sit above changed rows of that module. The ones with a changed unit under them keep their row.
    const isQuiet = (entry: UnitChange) =>
      !options.full && observationsOf(entry).length === 0 && !entry.moved && (entry.change === 'unchanged' || entry.change === 'renumbered');
    const withChangesUnder = new Set<UnitChange>();
    for (const entry of changeset.units) {
      if (isQuiet(entry)) continue;
      for (let p = entry.parent; p && !withChangesUnder.has(p); p = p.parent) withChangesUnder.add(p);
    }
    for (const entry of changeset.units) {
      const obs = observationsOf(entry);
      const quiet = isQuiet(entry) && !withChangesUnder.has(entry);
      if (quiet) {
        const kind = entry.change as 'unchanged' | 'renumbered';
        if (runKind !== kind) flush();
        runKind = kind;
        run.push(entry);
        continue;
      }
      flush();
      rows.push({ kind: 'unit', entry, outs: content.unit(entry), notes: unitNotes(entry, lang), observations: obs });
    }
    flush();

    for (const annex of content.annexes()) {
      if (!annex.change && !options.full) continue;
      const title = `${words.annex}: ${annex.to?.title || annex.from?.title || ''}`.replace(/: $/, '');
      const notes = annex.change?.change === 'added' ? [words.added] : annex.change?.change === 'removed' ? [words.removed] : annex.change?.part.difference === 'typographic' ? [words.typographicNote] : [];
      rows.push({ kind: 'block', title, outs: annex.outs, notes, observations: [] });
    }
    const unplaced = content.unplaced();
    if (unplaced.some((o) => o.state !== 'same')) rows.push({ kind: 'block', title: words.otherContent, outs: unplaced, notes: [], observations: [] });
  }
  if (other.length > 0) rows.push({ kind: 'observations', title: words.otherObservations, observations: other });

  const registers = (options.registers ?? []).map((r) => ({ file: r.file, title: r.register.title, count: r.register.comments.length }));
  return {
    lang,
    title: to.doc.meta.title ?? to.label,
    from: versionFacts(from.label, from.doc),
    to: versionFacts(to.label, to.doc),
    changed,
    rows,
    counts: changeCounts(changeset),
    metadata: changeset.metadata,
    registers,
    observations: countDecisions(observations.map((p) => p.observation.decision)),
  };
}

/** Notes on a unit's row: renumbered or moved (old → new), typographic corrections only, new, removed. */
export function unitNotes(entry: UnitChange, lang: Lang): string[] {
  const words = compareWords(lang);
  const notes: string[] = [];
  if (entry.change === 'added') notes.push(words.added);
  if (entry.change === 'removed') notes.push(words.removed);
  if (entry.from && entry.to) {
    if (entry.moved) notes.push(`${words.moved}: ${entry.from} → ${entry.to}`);
    else if (entry.from !== entry.to) notes.push(`${words.renumbered}: ${entry.from} → ${entry.to}`);
  }
  if (entry.typographic) notes.push(words.typographicNote);
  return notes;
}

/** `S1.1–S1.4: nemodificate`, `Standardul 5; S5.1–S5.6 → Standardul 6; S6.1–S6.6: renumerotate, fără alte modificări`. */
export function collapsedText(run: readonly UnitChange[], kind: 'unchanged' | 'renumbered', lang: Lang): string {
  const words = compareWords(lang);
  // Sub-runs: consecutive units of one kind (and requirements of one standard).
  const groups: UnitChange[][] = [];
  for (const u of run) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (previous && previous.kind === u.kind && (u.kind !== 'requirement' || previous.parent === u.parent)) last!.push(u);
    else groups.push([u]);
  }
  const range = (labels: (string | null)[]) => compactRange(labels[0] ?? '', labels[labels.length - 1] ?? '');
  const typographic = run.filter((u) => u.typographic).map((u) => u.to ?? u.from);
  const typo = typographic.length > 0 ? ` (${words.typographicIn} ${typographic.join(', ')})` : '';
  // One unit takes the singular of its kind: "Standardul 4: nemodificat", "S1.2: nemodificată".
  const one = run.length === 1 ? run[0]!.kind : null;
  if (kind === 'unchanged') return `${groups.map((g) => range(g.map((u) => u.to))).join('; ')}: ${one ? words.unchangedOne[one] : words.unchanged}${typo}`;
  const moves = groups.map((g) => arrow(range(g.map((u) => u.from)), range(g.map((u) => u.to))));
  return `${moves.join('; ')}: ${one ? words.renumberedOnlyOne[one] : words.renumberedOnly}${typo}`;
}

/** `S5.1–S5.6 → S6.1–S6.6`; `Standardul 5 → 6` for labels that share their word. */
function arrow(from: string, to: string): string {
  const a = /^(\D+ )(\S+)$/.exec(from);
  const b = /^(\D+ )(\S+)$/.exec(to);
  return a && b && a[1] === b[1] ? `${from} → ${b[2]}` : `${from} → ${to}`;
}

/** `S1.1–S1.4`; `Standardul 6–8` for labels that share their word. */
function compactRange(first: string, last: string): string {
  if (first === last) return first;
  const a = /^(\D+ )(\S+)$/.exec(first);
  const b = /^(\D+ )(\S+)$/.exec(last);
  if (a && b && a[1] === b[1]) return `${a[1]}${a[2]}–${b[2]}`;
  return `${first}–${last}`;
}

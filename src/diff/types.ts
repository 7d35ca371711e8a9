/**
 * The Changeset: what `diffDocuments(from, to)` returns, and what every diff output (text, CriticMarkup, JSON)
 * and the comparison drafts (synoptic table, redline) are built from.
 *
 * Reading guide:
 * - `units` lists every module, standard and requirement of both versions once, in TO's document order
 *   (preorder: a module, then each of its standards, each followed by its requirements). A unit that only FROM
 *   has (`removed`) is listed where it stood: after the entry of its nearest preceding FROM sibling that has a
 *   partner in the same TO parent, or first in that parent. Unchanged units are listed too, so a synoptic table
 *   can show or collapse them.
 * - Each entry pairs a FROM node with a TO node (either may be null) and says what happened to it.
 * - For units whose text differs in any way, `parts` holds a word-level diff of every part (title, text,
 *   each indicator, statement, expected results…) as jsdiff change objects over plain text.
 * - `summary` counts requirements only (the DESIGN.md JSON contract).
 */
import type { Change } from 'diff';
import type { Annex, Module, Requirement, Standard, StandardsDoc } from '../model/types.js';
import type { TypographicKind } from './normalize.js';

export type UnitKind = 'module' | 'standard' | 'requirement';

/**
 * - `added`: only in TO. `removed`: only in FROM.
 * - `modified`: a part changed in substance (see `PartDifference`), or the unit moved to another parent
 *   (`moved`); the id may have changed too (both ids are given).
 * - `renumbered`: only the number changed (the text may differ typographically or in cross-references that
 *   follow the renumbering, never in substance).
 * - `unchanged`: same number, nothing of substance changed (`typographic` tells whether the text differs
 *   typographically: such a unit is counted as unchanged in the summary).
 */
export type ChangeKind = 'added' | 'removed' | 'modified' | 'renumbered' | 'unchanged';

export type UnitNode = Module | Standard | Requirement;

/**
 * How a part of a matched unit differs, from the least to the most important:
 * - `none`: identical text and markup;
 * - `references`: identical once FROM's cross-references (`S3.2`, `Standardul 4`, `Modulul II`, `#s3-2` links)
 *   are rewritten to the TO numbers of the units they pointed to (a reference that follows a renumbering is
 *   not a change); explicit indicator prefixes (`Im2S3.1:`) are ignored the same way;
 * - `typographic`: identical once both are normalised typographically (cedilla → comma-below, NFC, quotes,
 *   spacing; see normalize.ts);
 * - `formatting`: the plain text is typographically identical, but the Markdown markup differs (emphasis
 *   added or removed, a link target changed): a change of substance with no word difference;
 * - `substance`: the words differ.
 * A part that exists on one side only (an added or removed indicator) is `substance`.
 */
export type PartDifference = 'none' | 'references' | 'typographic' | 'formatting' | 'substance';

export type PartName =
  /** Unit title (the text after `### S1.2`, `## Standardul 3.`, `# Modulul II.`). */
  | 'title'
  /** Requirement text: the blocks between the heading and `**Indicatori:**`. */
  | 'text'
  /** One indicator (bullet) of a requirement; see `PartDiff.indicator`. */
  | 'indicator'
  /** Standard statement: the blocks before `**Rezultate așteptate:**`. */
  | 'statement'
  /** Standard expected results (the paragraph after the label). */
  | 'expectedResults'
  /** Module blocks between the module heading and its first standard. */
  | 'blocks'
  /** Blocks the format does not place (after the indicators, after the expected results). */
  | 'unplaced';

export interface PartDiff {
  part: PartName;
  /** For indicators: 1-based positions in the FROM and TO requirement (null on the side that lacks it). */
  indicator?: { from: number | null; to: number | null };
  difference: PartDifference;
  /** When `difference` is `typographic`: which kinds (cedilla, unicode-normalisation, quotes, spacing). */
  typographicKinds?: TypographicKind[];
  /** Plain text on each side ('' when the side lacks the part). Lists are `- item` lines, table cells ` | `. */
  fromText: string;
  toText: string;
  /**
   * Word-level diff of `fromText` → `toText` (jsdiff `diffWordsWithSpace`, with whitespace-only runs between
   * two changes merged into them): joining the values of the entries that are not `added` gives `fromText`,
   * of those that are not `removed` gives `toText`. One unchanged entry when the plain texts are equal.
   */
  changes: Change[];
}

export interface UnitChange {
  kind: UnitKind;
  change: ChangeKind;
  /**
   * The id on each side, null where the unit is absent: requirements `S3.1` (plain, without a module prefix;
   * the heading text when the id is unreadable), standards `Standardul 3` / `Standard 3`, modules `Modulul II` /
   * `Module II` (the label of that side's language; the same spelling as observation register targets).
   */
  from: string | null;
  to: string | null;
  /** The model nodes on each side (null where the unit is absent). */
  fromNode: UnitNode | null;
  toNode: UnitNode | null;
  /**
   * The requirement now stands under another standard (or the standard under another module) than the
   * partner of its FROM parent. A moved unit is `modified`.
   */
  moved: boolean;
  /** The text differs, and only typographically (cedilla/comma-below, NFC, quotes, spacing): not substance. */
  typographic: boolean;
  /**
   * Every part of the unit, in order, with its word diff — given when the two texts differ in any way
   * (`modified`, typographic, references rewritten); empty for added, removed and identical units.
   */
  parts: PartDiff[];
  /** The entry of the standard (for requirements) or module (for standards) this one is listed under. */
  parent: UnitChange | null;
  /** The id of the unit's standard (requirements) or module (standards) on each side, like `from`/`to`. */
  fromParent: string | null;
  toParent: string | null;
  /** How the match was made (see docs/diff.md): exact content, same number, or best similarity. */
  matchedBy: 'content' | 'number' | 'similarity' | null;
  /** Similarity of the pair in [0, 1] (1 for exact content matches); null when unmatched. */
  similarity: number | null;
}

/** Requirement counts (DESIGN.md): typographic-only requirements are counted in `unchanged`. */
export interface Summary {
  added: number;
  removed: number;
  modified: number;
  renumbered: number;
  unchanged: number;
}

/** A front-matter key whose value changed (values as parsed YAML; null when absent). */
export interface MetadataChange {
  key: string;
  from: unknown;
  to: unknown;
  /**
   * The values differ, and only typographically (text, or lists of texts item by item: cedilla/comma-below,
   * NFC, quotes, spacing), as a unit's text can: a correction, not a change of substance.
   */
  typographic: boolean;
  /** When `typographic`: which kinds. */
  typographicKinds?: TypographicKind[];
}

/** Changes outside modules: the introduction and the annexes (matched by title, then by position). */
export interface BlockChange {
  what: 'introduction' | 'annex';
  change: 'added' | 'removed' | 'modified';
  /** Annex titles on each side (null for the introduction, or where the annex is absent). */
  fromTitle: string | null;
  toTitle: string | null;
  fromNode: Annex | null;
  toNode: Annex | null;
  part: PartDiff;
}

export interface DiffSide {
  doc: StandardsDoc;
  /** What outputs call this version: the version name, or the file label / `REV:path`. */
  label: string;
}

export interface Changeset {
  from: DiffSide;
  to: DiffSide;
  /** Every module, standard and requirement pair in TO document order (see the guide at the top). */
  units: UnitChange[];
  summary: Summary;
  metadata: MetadataChange[];
  /** Introduction and annexes that differ (typographic-only differences included, marked by `part.difference`). */
  blocks: BlockChange[];
}

export interface DiffOptions {
  fromLabel?: string;
  toLabel?: string;
}

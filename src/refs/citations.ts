/**
 * `stdraft refs`: every place in a version that cites a unit — a requirement (`S4.5`), a standard
 * (`Standardul 4`, and its requirements `S4.x`), a module (`Modulul II`, and what it holds) — in running text
 * or as a `#s4-5` link, with the sentence around it, for the drafter about to change or repeal the unit.
 * A unit's own heading is not a citation. Pure: the command reads the file and prints.
 */
import type { Link } from 'mdast';
import { unitLabel, type UnitRef } from '../comments/index.js';
import { fromRoman } from '../model/labels.js';
import { anchorTarget, findReferences, type ReferenceTarget } from '../model/references.js';
import type { StandardsDoc } from '../model/types.js';
import { forEachBlock, textSegments, walkTree, type Place } from '../rules/document-text.js';

export interface Citation {
  line: number;
  column: number;
  /** The citation as written (`S4.5`, `Standardul 4`, a link's text). */
  text: string;
  /** What it names, when it is a unit inside the one asked for (`S4.2` when asked for Standardul 4). */
  names: string;
  /** The unit the citation is in (`S4.1`, `Standardul 4`, `introducere`, an annex's title). */
  in: string;
  /** The sentence around it, on one line (shortened to about 240 characters). */
  sentence: string;
}

/** The unit named by `text` (`S4.5`, `M.IV.-S4.5`, `Standardul 4`, `Standard 4`, `Modulul II`), or null. */
export function parseUnit(text: string): ReferenceTarget | null {
  const trimmed = text.trim();
  const [ref] = findReferences(trimmed);
  return ref && ref.start === 0 && ref.end === trimmed.length ? ref.target : null;
}

/** Whether a cited target is the unit or lies inside it. */
function within(cited: ReferenceTarget, unit: ReferenceTarget, doc: StandardsDoc): boolean {
  switch (unit.kind) {
    case 'requirement':
      return cited.kind === 'requirement' && cited.standard === unit.standard && cited.index === unit.index;
    case 'standard':
      return (cited.kind === 'standard' && cited.number === unit.number) || (cited.kind === 'requirement' && cited.standard === unit.number);
    case 'module': {
      const value = fromRoman(unit.numeral);
      if (cited.kind === 'module') return fromRoman(cited.numeral) === value;
      const module = doc.modules.find((m) => m.heading && m.number === value);
      const standards = new Set(module?.standards.map((s) => s.number) ?? []);
      return cited.kind === 'standard' ? standards.has(cited.number) : standards.has(cited.standard);
    }
  }
}

function sameUnit(a: ReferenceTarget, b: ReferenceTarget): boolean {
  if (a.kind === 'requirement' && b.kind === 'requirement') return a.standard === b.standard && a.index === b.index;
  if (a.kind === 'standard' && b.kind === 'standard') return a.number === b.number;
  if (a.kind === 'module' && b.kind === 'module') return fromRoman(a.numeral) === fromRoman(b.numeral);
  return false;
}

/** Every citation of `unit` in `doc`, in reading order. `text` is the source (exact positions). */
export function findCitations(doc: StandardsDoc, text: string, unit: ReferenceTarget): Citation[] {
  const out: Citation[] = [];
  const label = (t: ReferenceTarget) => unitLabelOf(t, doc.lang);
  for (const segment of textSegments(doc, text)) {
    for (const ref of findReferences(segment.value)) {
      if (segment.headingLabel && ref.start === 0) continue;
      if (!within(ref.target, unit, doc)) continue;
      const at = segment.span(ref.start, ref.end).start;
      out.push({
        line: at.line,
        column: at.column,
        text: ref.text.replace(/\s+/g, ' '),
        names: sameUnit(ref.target, unit) ? '' : label(ref.target),
        in: placeName(segment.place, doc),
        sentence: sentenceAround(segment.value, ref.start, ref.end),
      });
    }
  }
  forEachBlock(doc, (block, place) =>
    walkTree(block, (node) => {
      if (node.type !== 'link') return;
      const link = node as Link;
      const target = link.url.startsWith('#') ? anchorTarget(link.url) : null;
      if (!target || !within(target, unit, doc)) return;
      const inner = findReferences(linkText(link));
      if (inner.some((r) => sameUnit(r.target, target))) return; // the text already cites it
      const start = link.position?.start;
      out.push({
        line: start?.line ?? 1,
        column: start?.column ?? 1,
        text: `[${linkText(link)}](${link.url})`,
        names: sameUnit(target, unit) ? '' : label(target),
        in: placeName(place, doc),
        sentence: linkText(link),
      });
    }),
  );
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function linkText(link: Link): string {
  let s = '';
  walkTree(link, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') s += (n as unknown as { value: string }).value;
  });
  return s;
}

function placeName(place: Place | null, doc: StandardsDoc): string {
  if (!place) return 'front matter';
  if (place.requirement) return place.requirement.idText;
  if (place.standard) return unitLabelOf({ kind: 'standard', number: place.standard.number ?? 0 }, doc.lang);
  if (place.module?.numeral) return unitLabelOf({ kind: 'module', numeral: place.module.numeral }, doc.lang);
  if (place.annex) return place.annex.title;
  return place.role === 'intro' ? (doc.lang === 'en' ? 'introduction' : 'introducere') : place.role;
}

/** The sentence of `value` holding `[start, end)`: from after the previous `.`/`;`/`!`/`?` + space to the next. */
export function sentenceAround(value: string, start: number, end: number): string {
  const boundary = /[.;!?](?=\s)/g;
  let from = 0;
  let to = value.length;
  for (const m of value.matchAll(boundary)) {
    if (m.index < start) from = m.index + 1;
    else if (m.index >= end) {
      to = m.index + 1;
      break;
    }
  }
  let sentence = value.slice(from, to).replace(/\s+/g, ' ').trim();
  if (sentence.length > 240) {
    const at = Math.max(0, sentence.indexOf(value.slice(start, end).replace(/\s+/g, ' ')));
    const head = Math.max(0, at - 110);
    sentence = `${head > 0 ? '…' : ''}${sentence.slice(head, head + 240)}${head + 240 < sentence.length ? '…' : ''}`;
  }
  return sentence;
}

function unitLabelOf(target: ReferenceTarget, lang: 'ro' | 'en'): string {
  return unitLabel(toUnitRef(target), lang);
}

/** A reference target as the registers' unit type (a module with its value). */
export function toUnitRef(target: ReferenceTarget): UnitRef {
  return target.kind === 'module' ? { kind: 'module', numeral: target.numeral.toUpperCase(), number: fromRoman(target.numeral) ?? 0 } : target;
}

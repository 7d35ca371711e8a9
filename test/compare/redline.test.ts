import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Changeset, UnitChange } from '../../src/diff/types.js';
import type { Requirement } from '../../src/model/types.js';
import { redlineSequence, type SequenceEntry } from '../../src/compare/sequence.js';
import { EDIT_KINDS, generateEdits } from '../support/edits.js';
import { bundled, changesetOf, parse, redlineXml, renderedParagraphs, withoutTrailingEmpty } from './helpers.js';
import { acceptAll, countRevisions, rawParagraphs, rejectAll, type Para } from './ooxml.js';

/** Accepting every revision gives TO's rendering, rejecting every one FROM's, after the same title block. */
async function expectExact(changeset: Changeset): Promise<{ xml: string }> {
  const { xml } = await redlineXml(changeset);
  const accepted = withoutTrailingEmpty(acceptAll(xml));
  const rejected = withoutTrailingEmpty(rejectAll(xml));
  const to = await renderedParagraphs(changeset.to.doc);
  const from = await renderedParagraphs(changeset.from.doc);
  const titleA = accepted.length - to.length;
  const titleR = rejected.length - from.length;
  expect(titleA).toBeGreaterThan(2);
  expect(accepted.slice(titleA)).toEqual(to);
  expect(rejected.slice(titleR)).toEqual(from);
  expect(accepted.slice(0, titleA)).toEqual(rejected.slice(0, titleR));
  return { xml };
}

const UNIT_START = new Set(['Heading1', 'Heading2', 'Requirement']);

/** The redline's paragraphs cut where a unit starts (a module, a standard, a requirement), title block and introduction dropped. */
function unitSegments(xml: string): ReturnType<typeof rawParagraphs>[] {
  const segments: ReturnType<typeof rawParagraphs>[] = [];
  for (const p of rawParagraphs(xml)) {
    if (UNIT_START.has(p.style ?? '') || UNIT_START.has(p.styleBefore ?? '')) segments.push([]);
    if (segments.length > 0) segments[segments.length - 1]!.push(p);
  }
  return segments;
}

const TOKEN = /\d+|\p{L}+|[^\p{L}\d]+/gu;

/** Revisions of a number label: a deletion and an insertion per number that changed. */
function labelRevisions(from: string, to: string): number {
  if (from === to) return 0;
  const a = from.match(TOKEN) ?? [];
  const b = to.match(TOKEN) ?? [];
  if (a.length !== b.length) return 2;
  return a.reduce((n, t, i) => n + (t === b[i] ? 0 : 2), 0);
}

function label(node: UnitChange['fromNode']): string {
  if (!node) return '';
  if (node.kind === 'requirement') return node.id ? `S${node.id.standard}.${node.id.index}.` : node.idText;
  if (node.kind === 'standard') return `Standardul ${node.number}.`;
  return `Modulul ${node.numeral}.`;
}

/**
 * What the Changeset says a unit's revisions are: one per inserted or deleted run of words of each part,
 * two per number of a label that changed (the unit's, and its indicators'); one for a unit written whole.
 */
function expectedRevisions({ entry, show }: SequenceEntry): number {
  if (show !== 'both') return 1;
  let n = labelRevisions(label(entry.fromNode), label(entry.toNode));
  const fromReq = entry.fromNode?.kind === 'requirement' ? (entry.fromNode as Requirement) : null;
  const toReq = entry.toNode?.kind === 'requirement' ? (entry.toNode as Requirement) : null;
  const imLabel = (k: number, r: Requirement) => `Im${k}S${r.id!.standard}.${r.id!.index}:`;
  if (entry.parts.length === 0) {
    if (fromReq && toReq) fromReq.indicators.forEach((i) => (n += labelRevisions(imLabel(i.position, fromReq), imLabel(i.position, toReq))));
    return n;
  }
  let run: 'from' | 'to' | null = null;
  for (const part of entry.parts) {
    if (part.part === 'indicator' && (part.indicator!.from === null || part.indicator!.to === null)) {
      // An indicator on one side only: written whole; next to another such one, one revision.
      const side = part.indicator!.from === null ? 'to' : 'from';
      if (run !== side) n++;
      run = side;
      continue;
    }
    run = null;
    if (part.part === 'indicator' && fromReq && toReq) n += labelRevisions(imLabel(part.indicator!.from!, fromReq), imLabel(part.indicator!.to!, toReq));
    n += part.changes.filter((c) => c.added || c.removed).length;
  }
  return n;
}

function markedUpperBound({ entry, show }: SequenceEntry): number {
  if (show !== 'both') return Infinity;
  let n = 0;
  for (const part of entry.parts) {
    for (const c of part.changes) if (c.added || c.removed) n += c.value.length + 2;
    // An indicator on one side only is written whole, with its `Im1S1.1: ` label.
    if (part.indicator && (part.indicator.from === null || part.indicator.to === null)) n += 12;
  }
  // The `Indicatori:` label, when one side has no indicators.
  const indicators = (node: UnitChange['fromNode']) => (node?.kind === 'requirement' ? node.indicators.length : 0);
  if ((indicators(entry.fromNode) === 0) !== (indicators(entry.toNode) === 0)) n += 11;
  // Labels: at most the numbers of the unit's label and of each indicator's, on both sides.
  const digits = (s: string) => (s.match(/\d/g) ?? []).length;
  n += digits(label(entry.fromNode)) + digits(label(entry.toNode));
  for (const node of [entry.fromNode, entry.toNode]) if (node?.kind === 'requirement') n += node.indicators.length * (digits(label(node)) + 2);
  return n;
}

/**
 * Per unit of the redline: its revisions against the Changeset's (equal when the renderings of the two
 * versions differ only where their texts do; at most that when a list became an `a)` enumeration, whose
 * bullets are not text), and its marked characters against a bound.
 */
function expectRevisionsMatchTheDiff(changeset: Changeset, xml: string, exact = true): { revisions: number; characters: number } {
  const sequence = redlineSequence(changeset);
  const segments = unitSegments(xml);
  expect(segments.length).toBeGreaterThanOrEqual(sequence.length);
  let revisions = 0;
  let characters = 0;
  sequence.forEach((s, i) => {
    const count = countRevisions(segments[i]!);
    const where = `${s.show} ${s.entry.kind} ${s.entry.from ?? ''}→${s.entry.to ?? ''} (${s.entry.change})`;
    if (exact) expect(count.revisions, where).toBe(expectedRevisions(s));
    else expect(count.revisions, where).toBeLessThanOrEqual(expectedRevisions(s));
    // A unit is marked when the diff reports a change, or when its text differs at all (a cross-reference
    // that follows a renumbering is no change of substance, but accepting must give TO's text).
    const changed = s.show !== 'both' || s.entry.change !== 'unchanged' || s.entry.parts.some((p) => p.difference !== 'none');
    expect(count.revisions > 0, where).toBe(changed);
    expect(count.characters, where).toBeLessThanOrEqual(markedUpperBound(s));
    revisions += count.revisions;
    characters += count.characters;
  });
  return { revisions, characters };
}

describe('redline: accepting every revision gives TO, rejecting every one gives FROM', () => {
  it('on generated version pairs with known edits (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 12 }), fc.subarray(EDIT_KINDS, { minLength: 1 }), async (seed, standards, kinds) => {
        const g = generateEdits(seed, { standards, kinds });
        const changeset = changesetOf(parse(g.from, 'from.md'), parse(g.to, 'to.md'));
        const { xml } = await expectExact(changeset);
        // Amending, splitting and merging requirements move sentences across lines, which Word writes as
        // paragraphs of the requirement's style: a deleted one reads like the start of another unit, so units
        // are no longer told apart by paragraph style, and revisions are counted per unit only without such
        // edits (accepting and rejecting are checked above either way).
        const restructured = (g.edits as { kind: string }[]).some((e) => ['amend', 'split', 'merge'].includes(e.kind));
        if (!restructured) expectRevisionsMatchTheDiff(changeset, xml);
      }),
      { numRuns: 40 },
    );
  });

  for (const [from, to] of [
    ['2015-09', '2016-02'],
    ['2016-02', '2016-04'],
  ] as const) {
    it(`on the bundled versions ${from} → ${to}`, async () => {
      const changeset = changesetOf(bundled(from), bundled(to), [from, to]);
      const { xml } = await expectExact(changeset);
      const { revisions } = expectRevisionsMatchTheDiff(changeset, xml, false);
      expect(revisions).toBeGreaterThan(0);
    });
  }
});

describe('redline: what is marked', () => {
  it('marks a renumbering as a revision of the number only (2015-09 → 2016-02: 20 standards renumbered)', async () => {
    const changeset = changesetOf(bundled('2015-09'), bundled('2016-02'));
    const { xml } = await redlineXml(changeset);
    const sequence = redlineSequence(changeset);
    const segments = unitSegments(xml);
    const renumbered = sequence.map((s, i) => ({ s, count: countRevisions(segments[i]!) })).filter(({ s }) => s.show === 'both' && s.entry.change === 'renumbered');
    expect(renumbered.filter(({ s }) => s.entry.kind === 'standard')).toHaveLength(20);
    for (const { s, count } of renumbered) {
      // S5.1 → S6.1: "5" deleted and "6" inserted in the id and in each Im…S5.1 label; nothing else.
      const digits = (text: string | null) => (text?.match(/\d/g) ?? []).length;
      const labels = s.entry.kind === 'requirement' ? 1 + (s.entry.toNode as Requirement).indicators.length : 1;
      expect(count.characters, `${s.entry.from} → ${s.entry.to}`).toBeLessThanOrEqual(labels * (digits(s.entry.from) + digits(s.entry.to)));
      expect(count.characters).toBeGreaterThan(0);
    }
  });

  it('gives revisions the author and TO’s date; typographic corrections an author of their own', async () => {
    const changeset = changesetOf(bundled('2015-09'), bundled('2016-02'));
    const { xml } = await redlineXml(changeset, 'Atelierul de lucru, februarie 2016');
    const dates = new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:date="([^"]+)"/g)].map((m) => m[1]));
    expect([...dates]).toEqual(['2016-02-16T00:00:00Z']);
    const authors = countRevisions(rawParagraphs(xml)).authors;
    expect([...authors].sort()).toEqual(['Atelierul de lucru, februarie 2016', 'Atelierul de lucru, februarie 2016 (tipografie)']);
    // Each typographic revision is a cedilla letter and its comma-below form.
    const typographic = [...xml.matchAll(/<w:(ins|del) [^>]*w:author="[^"]*\(tipografie\)"[^>]*>([\s\S]*?)<\/w:\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, ''));
    const typographicChanges = changeset.units.filter((u) => u.typographic).flatMap((u) => u.parts.flatMap((p) => p.changes.filter((c) => c.added || c.removed)));
    expect(typographicChanges.length).toBeGreaterThanOrEqual(8);
    expect(typographic).toHaveLength(typographicChanges.length);
    for (const text of typographic) expect(text).toMatch(/^[şţŞŢșțȘȚ]$/);
  });

  it('marks nothing when the versions are the same, and says so', async () => {
    const doc = bundled('2016-04');
    const { xml, stats } = await redlineXml(changesetOf(doc, bundled('2016-04'), ['2016-04', '2016-04']));
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
    expect(stats.revisions).toBe(0);
    expect(acceptAll(xml).map((p) => p.text)).toContain('Versiunile 2016-04 și 2016-04 nu diferă: nu există modificări de marcat.');
    const rendered = await renderedParagraphs(doc);
    const accepted: Para[] = acceptAll(xml);
    expect(accepted.slice(accepted.length - rendered.length)).toEqual(rendered);
  });

  it('writes a moved requirement deleted where it stood and inserted where it stands now', async () => {
    const changeset = changesetOf(bundled('2015-09'), bundled('2016-02'));
    const moved = changeset.units.find((u) => u.moved)!;
    expect(`${moved.from} → ${moved.to}`).toBe('S11.4 → S14.7');
    const shows = redlineSequence(changeset).filter((s) => s.entry === moved).map((s) => s.show);
    expect(shows).toEqual(['from', 'to']);
  });
});

/** A version using every kind of block the renderer writes, inside units and around them. */
const RICH = (edit: (text: string) => string = (t) => t) =>
  edit(`---
title: Standarde de test
version: '2015-09'
date: '2015-09-22'
status: draft
lang: ro
---

Prevederi generale, cu o notă[^1] și un [link](https://example.org/ghid).

> Un citat din lege, *în italice*.

[^1]: Nota de subsol.

# Modulul I. Accesarea serviciului

O notă a modulului.

## Standardul 1. Informarea

Centrul informează beneficiarii.

**Rezultate așteptate:** Beneficiarii cunosc serviciile.

### S1.1 Ghidul

Centrul dispune de un ghid, conform [S1.2](#s1-2).

#### Conținutul ghidului

Ghidul cuprinde:
a) serviciile oferite;
b) drepturile beneficiarilor.

- o listă cu liniuțe
  - cu un nivel în plus
- [x] o casetă bifată

1. o listă numerotată
2. al doilea element

\`\`\`
cod păstrat ca atare
\`\`\`

<!-- center -->
Un paragraf centrat.

***

| Coloana A | Coloana B |
| :-- | --: |
| **1** | 2 |

**Indicatori:**

- Ghidul beneficiarului, cu \`cod\`.
- Im2S1.1: Registrul de informare.

### S1.2

Centrul afișează programul.

**Indicatori:**

- Programul afișat.

# Anexa 1. Modele

Modelul de ghid.
`);

describe('redline: every kind of block', () => {
  const variants: [string, (t: string) => string][] = [
    ['identical', (t) => t],
    ['a word changed in an enumeration, a list item and a table cell', (t) => t.replace('serviciile oferite', 'serviciile oferite gratuit').replace('cu un nivel în plus', 'cu două niveluri în plus').replace('| **1** | 2 |', '| **1** | 3 |')],
    ['a list that became an enumeration and a paragraph dropped', (t) => t.replace('- o listă cu liniuțe\n  - cu un nivel în plus\n- [x] o casetă bifată', 'Lista:\na) o listă cu liniuțe;\nb) o casetă bifată.').replace('<!-- center -->\nUn paragraf centrat.\n\n', '')],
    ['a quote, the code and the annex changed', (t) => t.replace('*în italice*', '**în aldine**').replace('cod păstrat ca atare', 'cod schimbat').replace('Modelul de ghid.', 'Modelul de ghid și modelul de registru.')],
  ];
  for (const [name, edit] of variants) {
    it(`accepting gives TO and rejecting FROM: ${name}`, async () => {
      const from = parse(RICH(), 'from.md');
      const to = parse(RICH(edit).replace("version: '2015-09'", "version: '2016-02'"), 'to.md');
      const changeset = changesetOf(from, to);
      const { xml } = await expectExact(changeset);
      if (name === 'identical') expect(xml).not.toMatch(/<w:(ins|del) /);
      else expect(xml).toMatch(/<w:(ins|del) /);
    });
  }
});

/**
 * Index numbering (Legea nr. 24/2000, art. 63–64): a requirement an amendment inserts between two others without
 * renumbering them takes the number of the one before with an index, `### S1.1^1` (printed S1.1¹).
 */
import { describe, expect, it } from 'vitest';
import { parseTarget, resolveUnit, unitLabel } from '../../src/comments/index.js';
import { diffDocuments, formatText } from '../../src/diff/index.js';
import { lintParsed } from '../../src/lint/index.js';
import { parseText } from '../../src/parse/index.js';
import { formatDocument, formatVerified } from '../../src/print/index.js';
import { planRenumber } from '../../src/print/renumber.js';
import { plainParagraphs } from '../compare/ooxml.js';
import { changesetOf, redlineXml, renderedParagraphs } from '../compare/helpers.js';
import { acceptAll } from '../compare/ooxml.js';

const requirement = (id: string, text: string, indicator: string) => `### ${id}\n\n${text}\n\n**Indicatori:**\n\n- ${indicator}\n`;

function document(requirements: string[], version = '2016-04'): string {
  return `---
title: Standarde de test
version: '${version}'
date: '2016-04-14'
status: draft
lang: ro
---

# Modulul I. Accesarea serviciului

## Standardul 1. Informarea

Centrul informează beneficiarii despre serviciile oferite.

**Rezultate așteptate:** Beneficiarii cunosc serviciile.

${requirements.join('\n')}`;
}

const S11 = requirement('S1.1', 'Centrul dispune de un ghid al beneficiarului, actualizat anual.', 'Ghidul beneficiarului.');
const S12 = requirement('S1.2', 'Centrul dispune de un număr de telefon permanent, conform S1.1^1.', 'Numărul de telefon permanent.');
const S12_BEFORE = requirement('S1.2', 'Centrul dispune de un număr de telefon permanent, conform S1.1.', 'Numărul de telefon permanent.');
const inserted = (id: string) => requirement(id, 'Centrul desemnează o persoană responsabilă cu informarea publicului.', 'Decizia de desemnare a persoanei responsabile.');

const original = document([S11, S12_BEFORE], '2016-02');
const amended = document([S11, inserted('S1.1^1'), S12]);
const errors = (text: string) => lintParsed(parseText(text, 'x.md')).filter((d) => d.ruleId === 'numbering' || d.ruleId === 'references').map((d) => d.message);

describe('index numbering', () => {
  it('is read from `### S1.1^1` and from `### S1.1¹`, with a title after it', () => {
    for (const heading of ['S1.1^1', 'S1.1¹', 'S1.1^1 Persoana responsabilă']) {
      const doc = parseText(document([S11, inserted(heading), S12]), 'x.md').doc;
      expect(doc.problems).toEqual([]);
      const req = doc.modules[0]!.standards[0]!.requirements[1]!;
      expect(req.id).toEqual({ standard: 1, index: 1, modulePrefix: null, indexed: 1 });
      expect(req.title).toBe(heading.includes(' ') ? 'Persoana responsabilă' : '');
    }
    expect(parseText(document([S11, inserted('S1.1^12'), S12]), 'x.md').doc.modules[0]!.standards[0]!.requirements[1]!.id!.indexed).toBe(12);
  });

  it('is in order for the numbering rule after the unit it is numbered from; its references resolve', () => {
    expect(errors(amended)).toEqual([]);
    expect(errors(document([S11, inserted('S1.1^1'), inserted('S1.1^2'), S12]))).toEqual([]);
    expect(errors(document([S11, inserted('S1.1^2'), S12_BEFORE]))).toEqual(['Expected S1.1^1, found S1.1^2']);
    expect(errors(document([inserted('S1.1^1'), S12_BEFORE]))[0]).toBe('Expected S1.1, found S1.1^1');
    expect(errors(document([S11, inserted('S1.1^1'), S12.replace('S1.1^1', 'S1.1^3')]))[0]).toMatch(/^Expected "S1\.1\^3" to refer to a requirement of this document, found none/);
  });

  it('fmt keeps it; fmt --renumber turns it into a plain number and follows its references', () => {
    expect(formatVerified(parseText(amended, 'x.md'))).toBe(amended);
    // The superscript spelling is written canonically with ^.
    expect(formatVerified(parseText(document([S11, inserted('S1.1¹'), S12]), 'x.md'))).toBe(amended);
    const parsed = parseText(amended, 'x.md');
    const renumbered = formatDocument(parsed, { renumber: planRenumber(parsed.doc) });
    expect(renumbered.match(/^### .*$/gm)).toEqual(['### S1.1', '### S1.2', '### S1.3']);
    expect(renumbered).toContain('Centrul dispune de un număr de telefon permanent, conform S1.2.');
    expect(errors(renumbered)).toEqual([]);
  });

  it('diff: an inserted indexed unit is one `added`, the rest unchanged', () => {
    const from = parseText(document([S11, S12]), 'a.md').doc;
    const to = parseText(amended.replace("version: '2016-04'", "version: '2016-02'"), 'b.md').doc;
    const c = diffDocuments(from, to);
    expect(c.units.filter((u) => u.change !== 'unchanged').map((u) => `${u.kind} ${u.change} ${u.from}→${u.to}`)).toEqual(['requirement added null→S1.1^1']);
    expect(c.summary).toEqual({ added: 1, removed: 0, modified: 0, renumbered: 0, unchanged: 2 });
    expect(formatText(c, { color: false })).toContain('added       S1.1^1');
  });

  it('render and redline print the index in superscript: S1.1¹', async () => {
    const paragraphs = await renderedParagraphs(parseText(amended, 'x.md').doc);
    expect(paragraphs.map((p) => p.text)).toContainEqual(expect.stringMatching(/^S1\.1¹\. Centrul desemnează/));
    expect(paragraphs.map((p) => p.text)).toContain('Im1S1.1¹: Decizia de desemnare a persoanei responsabile.');
    const { xml } = await redlineXml(changesetOf(parseText(original, 'a.md').doc, parseText(amended, 'b.md').doc, ['2016-02', '2016-04']));
    expect(acceptAll(xml).map((p) => p.text)).toContainEqual(expect.stringMatching(/^S1\.1¹\. Centrul desemnează/));
    expect(plainParagraphs(xml).length).toBeGreaterThan(0);
  });

  it('observation registers may target it: S1.1^1 and Im1S1.1^1', () => {
    const doc = parseText(amended, 'x.md').doc;
    const requirement = parseTarget('S1.1^1')!;
    expect(unitLabel(requirement.unit)).toBe('S1.1^1');
    const resolved = resolveUnit(doc, requirement.unit);
    expect(resolved?.kind === 'requirement' && resolved.node.heading.text).toBe('S1.1^1');
    expect(resolveUnit(doc, parseTarget('S1.1')!.unit)?.kind === 'requirement' && (resolveUnit(doc, parseTarget('S1.1')!.unit) as { node: { heading: { text: string } } }).node.heading.text).toBe('S1.1');
    const indicator = resolveUnit(doc, parseTarget('Im1S1.1^1')!.unit);
    expect(indicator?.kind === 'indicator' && indicator.node.text).toBe('Decizia de desemnare a persoanei responsabile.');
    expect(resolveUnit(doc, parseTarget('S1.1^2')!.unit)).toBeNull();
  });
});

/**
 * The parser reads the unambiguous published variants in Markdown, so that a file imported once and edited by
 * hand in its published spelling keeps working: module-prefixed standard headings and indicator ids, and the
 * singular "Rezultat așteptat".
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import { planRenumber } from '../../src/print/renumber.js';
import { lintDocument } from '../../src/lint/engine.js';
import { countUnits } from '../../src/model/walk.js';

const PUBLISHED = `---
title: Standarde
version: '2019-01'
date: '2019-01-10'
status: draft
lang: ro
---

# MODULUL I - ACCESAREA SERVICIULUI (Standardele 1-1)

## M.I.-STANDARD 1 INFORMARE

Centrul informează potențialii beneficiari.

**Rezultat așteptat:** Beneficiarii cunosc serviciile.

### M.I.-S1.1

Centrul dispune de un ghid.

**Indicatori:**

- M.I.-Im1S1.1: Ghidul beneficiarului.
- M.I. - Im2S1.1: Registrul de informare.
`;

describe('parse: published variants in Markdown', () => {
  it('reads module-prefixed standard headings and indicator ids and the singular label without findings', () => {
    const { doc } = parseText(PUBLISHED, 'published.md');
    expect(lintDocument(doc).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    expect(countUnits(doc)).toEqual({ modules: 1, standards: 1, requirements: 1, indicators: 2 });
    const standard = doc.modules[0]!.standards[0]!;
    expect(standard).toMatchObject({ number: 1, title: 'INFORMARE' });
    expect(standard.expectedResults.map((e) => e.text)).toEqual(['Beneficiarii cunosc serviciile.']);
    expect(standard.requirements[0]!.indicators.map((i) => [i.explicit?.k, i.text])).toEqual([
      [1, 'Ghidul beneficiarului.'],
      [2, 'Registrul de informare.'],
    ]);
  });

  it('formats them canonically without changing what they say, and renumbers prefixed indicator ids', () => {
    const parsed = parseText(PUBLISHED, 'published.md');
    const formatted = formatDocument(parsed);
    expect(formatted).toContain('## Standardul 1. INFORMARE\n');
    expect(formatted).toContain('**Rezultate așteptate:** Beneficiarii cunosc serviciile.\n');
    expect(formatDocument(parseText(formatted, 'again.md'))).toBe(formatted);
    const shifted = PUBLISHED.replace('### M.I.-S1.1', '### M.I.-S1.2').replace(/Im(\d)S1\.1/g, 'Im$1S1.2');
    const reparsed = parseText(shifted, 'x.md');
    const renumbered = formatDocument(reparsed, { renumber: planRenumber(reparsed.doc) });
    expect(renumbered).toContain('- Im1S1.1: Ghidul beneficiarului.\n- Im2S1.1: Registrul de informare.\n');
  });
});

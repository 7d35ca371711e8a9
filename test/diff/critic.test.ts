import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptAll, containsMarks, rejectAll } from '../../src/diff/critic.js';
import { formatCriticMarkup } from '../../src/diff/format-markdown.js';
import { diffDocuments } from '../../src/diff/index.js';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import { ROOT } from '../support/cli.js';
import { generateEdits } from '../support/edits.js';
import { VALID } from '../support/tmp.js';

function markup(from: string, to: string): string {
  const changeset = diffDocuments(parseText(from, 'from.md').doc, parseText(to, 'to.md').doc);
  return formatCriticMarkup(changeset, { from, to });
}

function expectRoundTrip(from: string, to: string, what: string): string {
  const marked = markup(from, to);
  expect(acceptAll(marked), `${what}: accepting every mark gives TO`).toBe(to);
  expect(rejectAll(marked), `${what}: rejecting every mark gives FROM`).toBe(from);
  return marked;
}

describe('acceptAll / rejectAll', () => {
  it('apply each kind of mark', () => {
    const text = 'a {++b ++}c {--d --}e {~~f~>g~~} h{>>note<<} {==i==}';
    expect(acceptAll(text)).toBe('a b c e g h i');
    expect(rejectAll(text)).toBe('a c d e f h i');
  });
  it('work across lines', () => {
    expect(acceptAll('x{++\n\n### S1.2\n\ny++}\n')).toBe('x\n\n### S1.2\n\ny\n');
    expect(rejectAll('x{--\n\n- a\n- b--}\n')).toBe('x\n\n- a\n- b\n');
  });
  it('recognise text that contains CriticMarkup delimiters', () => {
    expect(containsMarks('a {++b++}')).toBe(true);
    expect(containsMarks('S3.1 ~ 4 -- 5 {x}')).toBe(false);
  });
});

describe('diff --format markdown: accepting every mark gives TO, rejecting every mark gives FROM', () => {
  const SET = path.join(ROOT, 'standards', 'vtp');
  const canonical = (version: string) => formatDocument(parseText(fs.readFileSync(path.join(SET, `${version}.md`), 'utf8'), version));

  it('on the bundled versions (canonical text), both ways round', () => {
    const versions = ['2015-09', '2016-02', '2016-04'].map(canonical);
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [0, 2],
      [2, 0],
    ] as const) {
      expectRoundTrip(versions[a]!, versions[b]!, `${a}→${b}`);
    }
  });

  it('marks the bundled changes where they are: renumbering in headings, whole units, typography, moves', () => {
    const marked = expectRoundTrip(canonical('2015-09'), canonical('2016-02'), 'bundled');
    expect(marked).toContain("version: '{~~2015-09~>2016-02~~}'");
    expect(marked).toContain('## Standardul {~~5~>6~~}. Planul individualizat de asistență');
    expect(marked).toMatch(/\{\+\+\n\n## Standardul 5\. Evaluarea riscurilor\n[^]*?### S5\.4\n[^]*?\+\+\}/);
    expect(marked).toContain('{~~fişa~>fișa~~}{>>typographic<<}');
    expect(marked).toMatch(/\{--\n\n### S11\.4\n[^]*?--\}\{>>moved to S14\.7<<\}/);
    expect(marked).toMatch(/\{\+\+\n\n### S14\.7\n[^]*?\+\+\}\{>>moved from S11\.4<<\}/);
    // A heading inside a whole-unit mark still starts its line.
    for (const m of marked.matchAll(/\{\+\+([^]*?)\+\+\}/g)) for (const h of m[1]!.matchAll(/#{1,3} /g)) expect(m[1]![h.index! - 1] ?? '\n').toBe('\n');
  });

  it('gives TO unmarked when FROM equals TO', () => {
    const text = canonical('2016-04');
    expect(markup(text, text)).toBe(text);
  });

  it('as a property over generated versions and edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 12 }), (seed, standards, edits) => {
        const g = generateEdits(seed, { standards, edits });
        expectRoundTrip(g.from, g.to, `seed ${seed}`);
        expectRoundTrip(g.to, g.from, `seed ${seed}, reversed`);
      }),
      { numRuns: 60 },
    );
  });

  it('as a property over arbitrary edits of the words, headings and blank lines of a document', () => {
    const base = `${VALID}\n### S1.2 Titlul\n\nAlt text, cu „ghilimele” şi diacritice.\n\n**Indicatori:**\n\n- Un indicator.\n- Al doilea.\n`;
    const lines = base.split('\n');
    const words = ['Centrul', 'asigură', 'ş', 'ț', '“', ' ', '', '\n', '### S1.3', '## Standardul 2. Nou', '- bullet', 'S1.1', '**tare**', '—'];
    const edit = fc.record({ line: fc.nat(lines.length - 1), at: fc.nat(80), remove: fc.nat(12), insert: fc.constantFrom(...words) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), (editsA, editsB) => {
        const apply = (edits: typeof editsA) => {
          const copy = [...lines];
          for (const e of edits) {
            const l = copy[e.line]!;
            const at = Math.min(e.at, l.length);
            copy[e.line] = l.slice(0, at) + e.insert + l.slice(at + Math.min(e.remove, l.length - at));
          }
          return copy.join('\n');
        };
        const a = apply(editsA);
        const b = apply(editsB);
        fc.pre(!containsMarks(a) && !containsMarks(b));
        expectRoundTrip(a, b, 'edited');
      }),
      { numRuns: 300 },
    );
  });
});

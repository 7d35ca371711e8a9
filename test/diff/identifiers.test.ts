import { describe, expect, it } from 'vitest';
import { itemText } from '../../src/compare/ir.js';
import { tableText, type Out } from '../../src/compare/merge.js';
import { summaryNotes } from '../../src/compare/synoptic-docx.js';
import { buildSynoptic } from '../../src/compare/synoptic.js';
import { diffDocuments, formatJson, formatText, hasDifferences, wordDiff } from '../../src/diff/index.js';
import { parseText } from '../../src/parse/index.js';
import { DocxContext } from '../../src/render/context.js';
import { printStructure } from '../support/generator.js';

const marked = (from: string, to: string) =>
  wordDiff(from, to)
    .map((c) => (c.added ? `{+${c.value}+}` : c.removed ? `[-${c.value}-]` : c.value))
    .join('');

describe('identifiers are tokens of the word diff', () => {
  it('a changed identifier in running text is replaced whole', () => {
    expect(marked('conform S2.3.', 'conform S2.9.')).toBe('conform [-S2.3-]{+S2.9+}.');
    expect(marked('prevăzut la S1.6 și la Im2S3.1', 'prevăzut la S2.8 și la Im3S3.1')).toBe('prevăzut la [-S1.6-]{+S2.8+} și la [-Im2S3.1-]{+Im3S3.1+}');
    expect(marked('conform Standardul 4 din Modulul II', 'conform Standardul 5 din Modulul III')).toBe('conform [-Standardul 4-]{+Standardul 5+} din [-Modulul II-]{+Modulul III+}');
    expect(marked('potrivit art. 7 alin. (2) din HG nr. 1.238/2007', 'potrivit art. 7 alin. (3) din HG nr. 1.239/2007')).toBe(
      'potrivit [-art. 7 alin. (2)-]{+art. 7 alin. (3)+} din HG [-nr. 1.238/2007-]{+nr. 1.239/2007+}',
    );
    expect(marked('după S1.1, apoi S1.2', 'după S1.1^1, apoi S1.2')).toBe('după [-S1.1-]{+S1.1^1+}, apoi S1.2');
    // Words and numbers that are not identifiers keep the word diff they had.
    expect(marked('în cel mult 72 de ore', 'în cel mult 48 de ore')).toBe('în cel mult [-72-]{+48+} de ore');
  });

  it('a heading line keeps marking just the number of a renumbered label', () => {
    expect(marked('### S5.1 Titlu\n\nText', '### S6.1 Titlu\n\nText')).toBe('### [-S5-]{+S6+}.1 Titlu\n\nText');
  });

  const structure = (reference: string, title: string, basis: string[]) => ({
    meta: { title, version: '1', date: '2016-04-14', status: 'draft', lang: 'ro', legalBasis: basis },
    intro: 'Introducere.',
    modules: [
      {
        title: 'Accesarea serviciului',
        standards: [1, 2].map((n) => ({
          title: `Standardul de test ${n}`,
          statement: `Enunțul standardului ${n}.`,
          expected: `Rezultatele standardului ${n}.`,
          requirements: [1, 2, 3].map((k) => ({
            title: '',
            blocks: [n === 1 && k === 1 ? `Centrul aplică procedura, conform ${reference}.` : `Cerința ${n}.${k} a centrului, cu text propriu.`],
            indicators: [`Indicatorul cerinței ${n}.${k}.`],
          })),
        })),
      },
    ],
  });
  const basis = ['Legea nr. 678/2001 privind prevenirea şi combaterea traficului de persoane'];
  const from = parseText(printStructure(structure('S2.3', 'Standarde minime de calitate pentru centrele de asistenţă', basis)), 'a.md').doc;
  const to = parseText(
    printStructure(structure('S2.1', 'Standarde minime de calitate pentru centrele de asistență', basis.map((b) => b.replace('ş', 'ș')))).replace("version: '1'", "version: '2'"),
    'b.md',
  ).doc;
  const changeset = diffDocuments(from, to, { fromLabel: 'a', toLabel: 'b' });

  it('in diff text and JSON', () => {
    const text = formatText(changeset, { color: false });
    expect(text).toContain('Centrul aplică procedura, conform [-S2.3-]{+S2.1+}.');
    const json = JSON.parse(formatJson(changeset)) as { changes: { parts?: { changes: { value: string; added?: boolean; removed?: boolean }[] }[] }[] };
    const changes = json.changes.flatMap((c) => c.parts ?? []).flatMap((p) => p.changes);
    expect(changes.filter((c) => c.removed).map((c) => c.value)).toEqual(['S2.3']);
    expect(changes.filter((c) => c.added).map((c) => c.value)).toEqual(['S2.1']);
  });

  it('in the synoptic table', () => {
    const rows = buildSynoptic(changeset, new DocxContext({ textWidth: 9000 })).rows;
    const row = rows.find((r) => r.kind === 'unit' && r.entry.from === 'S1.1')! as { outs: Out[] };
    const text = (state: string) => row.outs.filter((o) => o.state === state).map((o) => itemText(o.item, tableText)).join('');
    expect(text('del')).toBe('S2.3');
    expect(text('ins')).toBe('S2.1');
  });

  it('typographic corrections in the front matter are typographic, as in the body', () => {
    expect(changeset.metadata.find((m) => m.key === 'title')).toMatchObject({ typographic: true, typographicKinds: ['cedilla'] });
    expect(changeset.metadata.find((m) => m.key === 'legal-basis')).toMatchObject({ typographic: true, typographicKinds: ['cedilla'] });
    expect(changeset.metadata.find((m) => m.key === 'version')).toMatchObject({ typographic: false });
    expect(hasDifferences(changeset)).toBe(true);
    const text = formatText(changeset, { color: false });
    expect(text).toContain('~ title: typographic changes only (cedilla → comma-below)');
    expect(text).toContain('Standarde minime de calitate pentru centrele de [-asistenţă-]{+asistență+}');
    expect(text).toContain('~ legal-basis: typographic changes only (cedilla → comma-below)');
    const json = JSON.parse(formatJson(changeset)) as { document: { metadata: { key: string; typographic: boolean }[] } };
    expect(json.document.metadata.filter((m) => m.typographic).map((m) => m.key).sort()).toEqual(['legal-basis', 'title']);
    const notes = summaryNotes(buildSynoptic(changeset, new DocxContext({ textWidth: 9000 })));
    expect(notes.join(' ')).toContain('Date de identificare modificate: titlul (doar corecturi tipografice), versiunea, temeiul legal (doar corecturi tipografice).');
  });
});

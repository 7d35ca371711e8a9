/**
 * The amendment of issue "Diffs that survive real amendments": Standardul 1 of the bundled 2016-04 version with a
 * requirement inserted as S1.1, the old S1.1 restated (a sentence repealed, a lettered enumeration, a clause, an
 * indicator, a reference) and the statement reworded. One modified standard, one added requirement, one
 * modified-and-renumbered requirement — in `diff`, in the synoptic table and in the redline.
 */
import { describe, expect, it } from 'vitest';
import { buildSynoptic } from '../../src/compare/synoptic.js';
import { diffDocuments, formatJson, formatText } from '../../src/diff/index.js';
import { parseText } from '../../src/parse/index.js';
import { DocxContext } from '../../src/render/context.js';
import { rawParagraphs, acceptAll, rejectAll } from '../compare/ooxml.js';
import { redlineXml } from '../compare/helpers.js';
import { AMENDMENT_FROM, amendedText } from '../support/amendment.js';
import { printStructure } from '../support/generator.js';

const from = parseText(AMENDMENT_FROM, '2016-04.md').doc;
const to = parseText(amendedText(), '2016-04-amended.md').doc;
const changeset = diffDocuments(from, to, { fromLabel: '2016-04', toLabel: 'amended' });
const inStandard1 = changeset.units.filter((u) => u.kind === 'requirement' && u.toParent === 'Standardul 1');

describe('a realistic amendment of a standard', () => {
  it('diff: one modified standard, one added requirement, one modified and renumbered, the rest renumbered', () => {
    expect(to.problems).toEqual([]);
    const standard = changeset.units.find((u) => u.kind === 'standard' && u.to === 'Standardul 1')!;
    expect(standard).toMatchObject({ change: 'modified', from: 'Standardul 1' });
    expect(standard.parts.filter((p) => p.difference === 'substance').map((p) => p.part)).toEqual(['statement']);
    expect(inStandard1.map((u) => `${u.change} ${u.from}→${u.to}`)).toEqual([
      'added null→S1.1',
      'modified S1.1→S1.2',
      'renumbered S1.2→S1.3',
      'renumbered S1.3→S1.4',
      'renumbered S1.4→S1.5',
      'renumbered S1.5→S1.6',
      'renumbered S1.6→S1.7',
    ]);
    expect(changeset.summary).toEqual({ added: 1, removed: 0, modified: 1, renumbered: 5, unchanged: 139 });
    // Nothing else in the document changed in substance (S2.5's reference follows S1.4 → S1.5).
    expect(changeset.units.filter((u) => u.change === 'modified' || u.change === 'added' || u.change === 'removed')).toHaveLength(3);
    const text = formatText(changeset, { color: false });
    expect(text).toContain('modified    Standardul 1. Informarea');
    expect(text).toContain('added       S1.1');
    expect(text).toContain('modified    S1.1 → S1.2');
    expect(text).not.toMatch(/^\s*removed /m);
    const json = JSON.parse(formatJson(changeset)) as { changes: { kind: string; change: string; from: string | null; to: string | null }[] };
    expect(json.changes.filter((c) => c.kind !== 'requirement' || c.change !== 'renumbered').map((c) => `${c.kind} ${c.change} ${c.from}→${c.to}`)).toEqual([
      'standard modified Standardul 1→Standardul 1',
      'requirement added null→S1.1',
      'requirement modified S1.1→S1.2',
    ]);
  });

  it('synoptic table: the standard and S1.1 → S1.2 are rows with both texts, S1.1 is new, nothing is "Eliminat"', () => {
    const rows = buildSynoptic(changeset, new DocxContext({ textWidth: 9000 })).rows;
    const units = rows.flatMap((r) => (r.kind === 'unit' ? [r] : []));
    const standard = units.find((r) => r.entry.kind === 'standard' && r.entry.to === 'Standardul 1')!;
    expect(standard.notes).toEqual([]);
    expect(standard.outs.some((o) => o.state === 'same')).toBe(true);
    const amended = units.find((r) => r.entry.from === 'S1.1' && r.entry.kind === 'requirement')!;
    expect(amended.entry.to).toBe('S1.2');
    expect(amended.notes).toEqual(['Renumerotat: S1.1 → S1.2']);
    expect(amended.outs.some((o) => o.state === 'same')).toBe(true);
    expect(units.find((r) => r.entry.from === null && r.entry.to === 'S1.1')!.notes).toEqual(['Nou']);
    expect(rows.flatMap((r) => (r.kind === 'unit' ? r.notes : [])).filter((n) => n === 'Eliminat')).toEqual([]);
  });

  it('redline: the standard and the restated requirement are revised in place, not deleted and inserted again', async () => {
    const { xml } = await redlineXml(changeset);
    const paras = rawParagraphs(xml);
    const deleted = paras.filter((p) => p.mark === 'del' || (p.accept === '' && p.reject !== ''));
    // No paragraph of FROM's Standardul 1 is deleted whole but the repealed text: the heading and statement stay.
    expect(deleted.map((p) => p.reject)).not.toContainEqual(expect.stringContaining('Informarea'));
    const heading = paras.find((p) => p.accept.includes('Standardul 1') && p.accept.includes('Informarea'))!;
    expect(heading.reject).toBe(heading.accept);
    const guide = paras.filter((p) => p.reject.includes('Centrul dispune de un ghid al beneficiarului'));
    expect(guide).toHaveLength(1);
    // Its label keeps marking just the number (S1.1 → S1.2), its text is revised word by word.
    expect(guide[0]!.accept).toMatch(/^S1\.2\. Centrul dispune de un ghid al beneficiarului care prezintă:/);
    expect(guide[0]!.reject).toMatch(/^S1\.1\. Centrul dispune de un ghid al beneficiarului care prezintă/);
    // Accepting gives the amended text, rejecting the original.
    const accepted = acceptAll(xml).map((p) => p.text).join('\n');
    const rejected = rejectAll(xml).map((p) => p.text).join('\n');
    expect(accepted).toContain('Lista beneficiarilor consultați la revizuirea ghidului.');
    expect(accepted).not.toContain('Un exemplar al ghidului se înmânează fiecărui beneficiar la admitere.');
    expect(rejected).toContain('Centrul dispune de un ghid al beneficiarului care prezintă serviciile oferite, criteriile de admitere');
    expect(rejected).toContain('Un exemplar al ghidului se înmânează fiecărui beneficiar la admitere.');
  });

  it('a requirement that gains one indicator and one cross-reference, with no repeal, is modified; its standard too', () => {
    const requirement = (text: string, indicators: string[]) => ({ title: '', blocks: [text], indicators });
    const structure = (amended: boolean) => ({
      meta: { title: 'Standarde', version: amended ? '2' : '1', date: '2016-04-14', status: 'draft', lang: 'ro' },
      intro: 'Introducere.',
      modules: [
        {
          title: 'Accesarea serviciului',
          standards: [
            {
              title: 'Informarea',
              statement: 'Centrul informează potențialii beneficiari despre serviciile oferite.',
              expected: 'Beneficiarii cunosc serviciile centrului.',
              requirements: [
                requirement(
                  `Centrul dispune de un număr de telefon la care poate fi contactat permanent, 24 de ore din 24${amended ? ', conform S2.1' : ''}.`,
                  ['Numărul de telefon permanent, publicat în materialele de informare.', ...(amended ? ['Registrul apelurilor primite, completat zilnic.'] : [])],
                ),
              ],
            },
            {
              title: 'Admiterea',
              statement: 'Centrul admite beneficiarii pe baza unei proceduri scrise.',
              expected: 'Admiterea se face în condiții de siguranță.',
              requirements: [requirement('Admiterea se face în baza unei cereri scrise a beneficiarului.', ['Cererea de admitere, semnată de beneficiar.'])],
            },
          ],
        },
      ],
    });
    const a = parseText(printStructure(structure(false)), 'a.md').doc;
    const b = parseText(printStructure(structure(true)), 'b.md').doc;
    const c = diffDocuments(a, b);
    expect(c.units.filter((u) => u.change !== 'unchanged').map((u) => `${u.kind} ${u.change} ${u.from}→${u.to}`)).toEqual(['requirement modified S1.1→S1.1']);
  });
});

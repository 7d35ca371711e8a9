import { describe, expect, it } from 'vitest';
import { diffDocuments, hasDifferences, type Changeset, type UnitChange } from '../../src/diff/index.js';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import { generateDocument, messUp, printStructure } from '../support/generator.js';

interface Req {
  title?: string;
  text: string;
  indicators?: string[];
}
interface Std {
  title: string;
  statement?: string;
  expected?: string;
  reqs: Req[];
}

/** A document from a compact description (numbers follow the order, as printStructure writes them). */
function doc(modules: { title: string; standards: Std[] }[], meta: Record<string, string> = {}): string {
  return printStructure({
    meta: { title: 'Standarde de test', version: '2015-09', date: '2015-09-22', status: 'draft', lang: 'ro', ...meta },
    intro: 'Introducere.',
    modules: modules.map((m) => ({
      title: m.title,
      standards: m.standards.map((s) => ({
        title: s.title,
        statement: s.statement ?? `Enunțul standardului ${s.title.toLowerCase()}.`,
        expected: s.expected ?? `Rezultatele standardului ${s.title.toLowerCase()}.`,
        requirements: s.reqs.map((r) => ({ title: r.title ?? '', blocks: [r.text], indicators: r.indicators ?? [`Registrul pentru ${r.text.slice(0, 20).toLowerCase()}.`] })),
      })),
    })),
  });
}

const R = {
  ghid: { text: 'Centrul dispune de un ghid al beneficiarului, actualizat anual și aprobat de coordonator.' },
  limba: { text: 'Informațiile se furnizează într-o limbă pe care beneficiarul o înțelege, cu ajutorul unui interpret.' },
  pliante: { text: 'Centrul elaborează pliante și afișe care nu dezvăluie adresa centrului.' },
  dosar: { text: 'Managerul de caz deschide dosarul personal al beneficiarului în ziua admiterii.' },
  contract: { text: 'Contractul de furnizare a serviciilor se încheie în cel mult 5 zile lucrătoare de la admitere.' },
  plan: { text: 'Planul individualizat de asistență se elaborează împreună cu beneficiarul în cel mult 10 zile.' },
} satisfies Record<string, Req>;

function diff(a: string, b: string): Changeset {
  const from = parseText(a, 'from.md');
  const to = parseText(b, 'to.md');
  expect(from.doc.problems).toEqual([]);
  expect(to.doc.problems).toEqual([]);
  return diffDocuments(from.doc, to.doc);
}

const requirement = (c: Changeset, from: string | null, to?: string | null) =>
  c.units.find((u) => u.kind === 'requirement' && (from === null ? u.from === null && u.to === to : u.from === from))!;
const changes = (c: Changeset) => c.units.filter((u) => u.change !== 'unchanged' || u.typographic).map((u) => `${u.kind} ${u.change}${u.moved ? ' moved' : ''}${u.typographic ? ' typographic' : ''} ${u.from ?? '∅'}→${u.to ?? '∅'}`);

describe('matching units across versions', () => {
  const base = [{ title: 'Accesarea serviciului', standards: [{ title: 'Informarea', reqs: [R.ghid, R.limba, R.pliante] }, { title: 'Admiterea', reqs: [R.dosar, R.contract] }] }];

  it('finds nothing between a document and itself, or its untidy spelling (fmt does not change meaning)', () => {
    const text = doc(base);
    const same = diff(text, text);
    expect(changes(same)).toEqual([]);
    expect(hasDifferences(same)).toBe(false);
    expect(same.summary).toEqual({ added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 5 });
    const generated = generateDocument(4, { standards: 6 });
    const untidy = diff(messUp(generated, 4), formatDocument(parseText(messUp(generated, 4), 'x.md')));
    expect(hasDifferences(untidy)).toBe(false);
    expect(hasDifferences(diff(messUp(generated, 9), generated))).toBe(false);
  });

  it('a standard inserted earlier renumbers the later ones: renumbered, not removed and added', () => {
    const to = [{ title: 'Accesarea serviciului', standards: [{ title: 'Nou', reqs: [R.plan] }, ...base[0]!.standards] }];
    const c = diff(doc(base), doc(to));
    expect(changes(c)).toEqual([
      'standard added ∅→Standardul 1',
      'requirement added ∅→S1.1',
      'standard renumbered Standardul 1→Standardul 2',
      'requirement renumbered S1.1→S2.1',
      'requirement renumbered S1.2→S2.2',
      'requirement renumbered S1.3→S2.3',
      'standard renumbered Standardul 2→Standardul 3',
      'requirement renumbered S2.1→S3.1',
      'requirement renumbered S2.2→S3.2',
    ]);
    expect(c.summary).toEqual({ added: 1, removed: 0, modified: 0, renumbered: 5, unchanged: 0 });
  });

  it('changed text and changed number: modified with both ids; same number and similar text: matched by number', () => {
    const reworded = { text: R.limba.text.replace('cu ajutorul unui interpret', 'la nevoie cu ajutorul unui interpret autorizat') };
    const to = [{ title: 'Accesarea serviciului', standards: [{ title: 'Informarea', reqs: [R.ghid, reworded, R.pliante] }, { title: 'Admiterea', reqs: [{ text: 'Un text cu totul nou despre admitere.' }, R.dosar, R.contract] }] }];
    const c = diff(doc(base), doc(to));
    expect(requirement(c, 'S1.2')).toMatchObject({ change: 'modified', to: 'S1.2', matchedBy: 'number', moved: false });
    expect(requirement(c, 'S2.1')).toMatchObject({ change: 'renumbered', to: 'S2.2', matchedBy: 'content' });
    expect(requirement(c, null, 'S2.1')).toMatchObject({ change: 'added' });
    const text = requirement(c, 'S1.2').parts.find((p) => p.part === 'text')!;
    expect(text.difference).toBe('substance');
    expect(text.changes.filter((x) => x.removed)).toEqual([]);
    expect(text.changes.filter((x) => x.added).map((x) => x.value.trim())).toEqual(['la nevoie', 'autorizat']);
    expect(text.changes.filter((x) => !x.added).map((x) => x.value).join('')).toBe(text.fromText);
    expect(text.changes.filter((x) => !x.removed).map((x) => x.value).join('')).toBe(text.toText);
  });

  it('a text rewritten beyond recognition is removed and added, not modified', () => {
    const to = [{ title: 'Accesarea serviciului', standards: [{ title: 'Informarea', reqs: [R.ghid, { text: 'Beneficiarii primesc zilnic trei mese calde, adaptate nevoilor lor.' }, R.pliante] }, base[0]!.standards[1]!] }];
    expect(changes(diff(doc(base), doc(to)))).toEqual(['requirement removed S1.2→∅', 'requirement added ∅→S1.2']);
  });

  it('moved to another standard: modified and moved, with both ids and both standards', () => {
    const to = [{ title: 'Accesarea serviciului', standards: [{ title: 'Informarea', reqs: [R.ghid, R.pliante] }, { title: 'Admiterea', reqs: [R.dosar, R.limba, R.contract] }] }];
    const c = diff(doc(base), doc(to));
    expect(changes(c)).toEqual(['requirement renumbered S1.3→S1.2', 'requirement modified moved S1.2→S2.2', 'requirement renumbered S2.2→S2.3']);
    expect(requirement(c, 'S1.2')).toMatchObject({ fromParent: 'Standardul 1', toParent: 'Standardul 2', parts: [] });
    expect(c.summary.modified).toBe(1);
  });

  it('two requirements that change places in their standard are renumbered, not moved', () => {
    const to = [{ title: 'Accesarea serviciului', standards: [{ title: 'Informarea', reqs: [R.limba, R.ghid, R.pliante] }, base[0]!.standards[1]!] }];
    expect(changes(diff(doc(base), doc(to)))).toEqual(['requirement renumbered S1.2→S1.1', 'requirement renumbered S1.1→S1.2']);
  });

  it('identical requirements pair by number first', () => {
    const twice = [{ title: 'M', standards: [{ title: 'A', reqs: [R.ghid, R.ghid] }, { title: 'B', reqs: [R.ghid] }] }];
    const c = diff(doc(twice), doc(twice));
    expect(c.units.filter((u) => u.kind === 'requirement').map((u) => `${u.from}→${u.to}`)).toEqual(['S1.1→S1.1', 'S1.2→S1.2', 'S2.1→S2.1']);
  });

  it('cross-references that follow a renumbering are not a change; a reference that does not is', () => {
    const cites = (ref: string) => ({ text: `Centrul aplică procedura prevăzută la ${ref}, cu acordul beneficiarului.` });
    const from = [{ title: 'M', standards: [{ title: 'A', reqs: [R.ghid] }, { title: 'B', reqs: [cites('S1.1'), cites('Standardul 1')] }] }];
    const inserted = { title: 'Nou', reqs: [R.plan] };
    const follows = [{ title: 'M', standards: [inserted, { title: 'A', reqs: [R.ghid] }, { title: 'B', reqs: [cites('S2.1'), cites('Standardul 2')] }] }];
    const c = diff(doc(from), doc(follows));
    for (const id of ['S2.1', 'S2.2']) {
      const u = requirement(c, id);
      expect(u.change, id).toBe('renumbered');
      expect(u.parts.find((p) => p.part === 'text')?.difference).toBe('references');
    }
    const other = [{ title: 'M', standards: [inserted, { title: 'A', reqs: [R.ghid] }, { title: 'B', reqs: [cites('S1.1'), cites('Standardul 3')] }] }];
    const c2 = diff(doc(from), doc(other));
    expect(requirement(c2, 'S2.2')).toMatchObject({ change: 'modified', to: 'S3.2' });
    expect(requirement(c2, 'S2.2').parts.find((p) => p.part === 'text')?.difference).toBe('substance');
    // A text left byte-identical is not a change, even when its reference now names another unit (S1.1 is now the
    // inserted standard's requirement): that is for the drafter to catch with `fmt --renumber`.
    expect(requirement(c2, 'S2.1')).toMatchObject({ change: 'renumbered', to: 'S3.1', parts: [] });
  });

  it('typography (cedilla, quotes, spacing, NFC) is reported as typographic, not as a change of substance', () => {
    const variants: [string, string, string[]][] = [
      ['Centrul asigură și informează.', 'Centrul asigură şi informează.', ['cedilla']],
      ['Ghidul „beneficiarului” actualizat.', 'Ghidul "beneficiarului" actualizat.', ['quotes']],
      ['Centrul asigură  informarea.', 'Centrul asigură informarea.', ['spacing']],
      ['Centrul asigură informarea.', 'Centrul asigura\u0306 informarea.', ['unicode-normalisation']],
    ];
    for (const [a, b, kinds] of variants) {
      const one = (text: string) => [{ title: 'M', standards: [{ title: 'A', reqs: [{ text, indicators: ['Registrul de informare.'] }] }] }];
      const c = diff(doc(one(a)), doc(one(b)));
      const u = requirement(c, 'S1.1');
      expect(u, a).toMatchObject({ change: 'unchanged', typographic: true });
      expect(u.parts.find((p) => p.part === 'text')).toMatchObject({ difference: 'typographic', typographicKinds: kinds });
      expect(c.summary).toEqual({ added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 1 });
      expect(hasDifferences(c)).toBe(true);
    }
  });

  it('emphasis or a link target changed: modified, with a formatting difference and no word difference', () => {
    const one = (text: string) => [{ title: 'M', standards: [{ title: 'A', reqs: [{ text, indicators: ['Registrul de informare.'] }] }] }];
    const c = diff(doc(one('Centrul asigură informarea beneficiarului.')), doc(one('Centrul asigură **informarea** beneficiarului.')));
    const text = requirement(c, 'S1.1').parts.find((p) => p.part === 'text')!;
    expect(requirement(c, 'S1.1').change).toBe('modified');
    expect(text.difference).toBe('formatting');
    expect(text.changes).toEqual([{ value: 'Centrul asigură informarea beneficiarului.', added: false, removed: false, count: 1 }]);
  });

  it('compares indicators inside the requirement: added, removed and reworded ones, explicit prefixes ignored', () => {
    const one = (indicators: string[], before = 0) => [
      { title: 'M', standards: [...Array.from({ length: before }, (_, i) => ({ title: `X${i}`, reqs: [{ text: `Cerința de umplutură numărul ${i}.` }] })), { title: 'A', reqs: [{ text: R.ghid.text, indicators }] }] },
    ];
    const c = diff(
      doc(one(['Im1S1.1: Ghidul beneficiarului, aprobat.', 'Im2S1.1: Registrul de informare.', 'Im3S1.1: Lista partenerilor.'])),
      doc(one(['Im1S2.1: Ghidul beneficiarului, aprobat și semnat.', 'Im2S2.1: Lista partenerilor.', 'Im3S2.1: Pliantul centrului.'], 1)),
    );
    const u = requirement(c, 'S1.1');
    expect(u).toMatchObject({ change: 'modified', to: 'S2.1' });
    expect(u.parts.filter((p) => p.part === 'indicator').map((p) => [p.indicator, p.difference])).toEqual([
      [{ from: 1, to: 1 }, 'substance'],
      [{ from: 2, to: null }, 'substance'],
      [{ from: 3, to: 2 }, 'none'],
      [{ from: null, to: 3 }, 'substance'],
    ]);
    // Only the prefixes changed: renumbered.
    const prefixes = diff(doc(one(['Im1S1.1: Ghidul.'])), doc(one(['Im1S2.1: Ghidul.'], 1)));
    expect(requirement(prefixes, 'S1.1')).toMatchObject({ change: 'renumbered', to: 'S2.1' });
  });

  it('standards and modules: statement, expected results and title changes; a module inserted renumbers the later ones', () => {
    const from = [
      { title: 'Accesarea serviciului', standards: [{ title: 'Informarea', reqs: [R.ghid] }] },
      { title: 'Evaluare', standards: [{ title: 'Evaluarea', reqs: [R.plan] }] },
    ];
    const to = [
      { title: 'Accesarea serviciului', standards: [{ title: 'Informarea', statement: 'Centrul informează potențialii beneficiari despre servicii.', reqs: [R.ghid] }] },
      { title: 'Modul nou', standards: [{ title: 'Noul standard', reqs: [R.dosar] }] },
      { title: 'Evaluare și planificare', standards: [{ title: 'Evaluarea', reqs: [R.plan] }] },
    ];
    const c = diff(doc(from), doc(to));
    expect(changes(c)).toEqual([
      'standard modified Standardul 1→Standardul 1',
      'module added ∅→Modulul II',
      'standard added ∅→Standardul 2',
      'requirement added ∅→S2.1',
      'module modified Modulul II→Modulul III',
      'standard renumbered Standardul 2→Standardul 3',
      'requirement renumbered S2.1→S3.1',
    ]);
    const std = c.units.find((u) => u.kind === 'standard' && u.change === 'modified')!;
    expect(std.parts.map((p) => [p.part, p.difference])).toEqual([
      ['title', 'none'],
      ['statement', 'substance'],
      ['expectedResults', 'none'],
    ]);
  });

  it('front matter, introduction and annexes', () => {
    const a = `${doc(base)}\n# Anexa 1. Formular\n\nConținutul anexei.\n`;
    const b = `${doc(base, { status: 'consultation' }).replace('Introducere.', 'Introducere revizuită.')}\n# Anexa 1. Formular\n\nConținutul anexei, revizuit.\n\n# Anexa 2. Model\n\nUn model.\n`;
    const c = diff(a, b);
    expect(c.metadata).toEqual([{ key: 'status', from: 'draft', to: 'consultation', typographic: false }]);
    expect(c.blocks.map((x) => `${x.what} ${x.change} ${x.toTitle ?? ''}`)).toEqual(['introduction modified ', 'annex modified Anexa 1. Formular', 'annex added Anexa 2. Model']);
    expect(changes(c)).toEqual([]);
    expect(hasDifferences(c)).toBe(true);
  });

  it('English documents are labelled in English', () => {
    const en = (text: string) => text.replace('lang: ro', 'lang: en').replace(/# Modulul/g, '# Module').replace(/## Standardul/g, '## Standard').replace(/Rezultate așteptate/g, 'Expected results').replace(/Indicatori:/g, 'Indicators:');
    const to = [{ title: 'Accesarea serviciului', standards: [{ title: 'Nou', reqs: [R.plan] }, ...base[0]!.standards] }];
    const c = diff(en(doc(base)), en(doc(to)));
    expect(c.units.filter((u: UnitChange) => u.kind !== 'requirement').map((u) => `${u.from}→${u.to}`)).toEqual([
      'Module I→Module I',
      'null→Standard 1',
      'Standard 1→Standard 2',
      'Standard 2→Standard 3',
    ]);
  });
});

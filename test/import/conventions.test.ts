/**
 * Every published convention `stdraft import` recognises, each from a fragment written the way the Official
 * Gazette and the legislation portals print the annexes of the orders (Ordinul nr. 29/2019, nr. 1.335/2020).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { importBytes, importText, publishedModule, units } from './helpers.js';

const fixture = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/import', name));

describe('import: module headings', () => {
  it.each([
    ['MODUL I ACCESAREA SERVICIULUI (Standarde 1-1)', undefined],
    ['MODULUL I - ACCESAREA SERVICIULUI (Standardele 1 - 1)', undefined],
    ['MODULUL I – ACCESAREA SERVICIULUI', 'STANDARDELE 1-1'],
    ['MODULUL I ACCESAREA SERVICIULUI', '(Standardul 1)'],
    ['MODULUL I ACCESAREA SERVICIULUI (Standardul 1)', undefined],
    ['Modulul I. Accesarea serviciului', undefined],
  ])('%s %s', (module, range) => {
    const r = importText(publishedModule({ module, ...(range ? { range } : {}) }));
    expect(r.structure).toEqual([]);
    expect(r.counts).toEqual({ modules: 1, standards: 1, requirements: 1, indicators: 1 });
    expect(r.doc.modules[0]).toMatchObject({ numeral: 'I', title: 'Accesarea serviciului' });
    expect(r.markdown).toContain('# Modulul I. Accesarea serviciului\n');
  });

  it('keeps a range over several standards, so validate checks it', () => {
    const text = [
      'MODULUL I - ACCESAREA SERVICIULUI (Standardele 1 - 2)',
      'M.I.-STANDARD 1 INFORMARE',
      'Centrul informează.',
      'Rezultate așteptate: Beneficiarii sunt informați.',
      'M.I.-S1.1. Centrul are un ghid.',
      'M.I.-Im1S1.1: Ghidul.',
      'M.I.-STANDARD 2 ADMITERE',
      'Centrul admite beneficiari.',
      'Rezultate așteptate: Beneficiarii sunt admiși.',
      'M.I.-S2.1. Centrul are o procedură.',
      'M.I.-Im1S2.1: Procedura.',
    ].join('\n');
    const r = importText(text);
    expect(r.structure).toEqual([]);
    expect(r.doc.modules[0]!.range).toEqual({ from: 1, to: 2 });
    expect(r.markdown).toContain('# Modulul I. Accesarea serviciului (standardele 1-2)\n');
  });

  it('joins a title printed on the line after a bare module or standard number', () => {
    const r = importText(['MODULUL I', 'ACCESAREA SERVICIULUI', '(Standardul 1)', 'STANDARDUL 1', 'INFORMARE', 'Centrul informează.', 'Rezultate așteptate: Beneficiarii știu.', 'S1.1. Centrul are un ghid.', 'Im1S1.1: Ghidul.'].join('\n'));
    expect(r.structure).toEqual([]);
    expect(r.markdown).toContain('# Modulul I. Accesarea serviciului\n');
    expect(r.markdown).toContain('## Standardul 1. Informare\n');
  });
});

describe('import: standard headings', () => {
  it.each(['M.I.-STANDARD 1 INFORMARE', 'M.I. - STANDARD 1 - INFORMARE', 'M.I.- STANDARD 1 INFORMARE', 'STANDARD 1 INFORMARE', 'STANDARDUL 1 – INFORMARE', 'Standardul 1. Informare'])('%s', (standard) => {
    const r = importText(publishedModule({ standard }));
    expect(r.structure).toEqual([]);
    expect(r.counts.standards).toBe(1);
    expect(r.markdown).toContain('## Standardul 1. Informare\n\nCentrul informează potențialii beneficiari despre serviciile oferite.\n');
  });

  it('keeps abbreviations the text uses when it writes a title in capitals in sentence case, and --keep-case keeps capitals', () => {
    const text = publishedModule({ standard: 'STANDARD 1 COLABORAREA CU ANITP', requirement: 'S1.1. Centrul colaborează cu ANITP.' });
    expect(importText(text).markdown).toContain('## Standardul 1. Colaborarea cu ANITP\n');
    expect(importText(text, { keepCase: true }).markdown).toContain('## Standardul 1. COLABORAREA CU ANITP\n');
  });

  it('does not take a sentence that starts with "Standardul 4" for a heading', () => {
    const r = importText(publishedModule({ requirement: 'S1.1. Centrul aplică procedura.\nStandardul 4 se aplică și centrelor de zi.' }));
    expect(r.counts.standards).toBe(1);
    expect(units(r.doc)['S1.1']!.text).toContain('Standardul 4 se aplică');
  });
});

describe('import: requirement ids', () => {
  it.each([
    ['M.I.-S1.1 Centrul dispune de un ghid.', 'M.I.-S1.1'],
    ['M.I.-S1.1. Centrul dispune de un ghid.', 'M.I.-S1.1'],
    ['S1.1. Centrul dispune de un ghid.', 'S1.1'],
    ['S1.1 Centrul dispune de un ghid.', 'S1.1'],
    ['S1.1Centrul dispune de un ghid.', 'S1.1'],
    ['M.I.-S1.1Centrul dispune de un ghid.', 'M.I.-S1.1'],
    ['S1.1.\nCentrul dispune de un ghid.', 'S1.1'],
  ])('%j', (requirement, heading) => {
    const r = importText(publishedModule({ requirement }));
    expect(r.structure).toEqual([]);
    expect(r.markdown).toContain(`### ${heading}\n\nCentrul dispune de un ghid.\n`);
    expect(units(r.doc)['S1.1']).toEqual({ text: 'Centrul dispune de un ghid.', indicators: ['Ghidul beneficiarului, cu data ultimei revizuiri.'] });
  });

  it('keeps numbered paragraphs, lettered enumerations and a copied table inside a requirement', () => {
    const requirement = [
      'S1.1. Centrul asigură informarea după cum urmează:',
      '1.1. la admitere, verbal și în scris;',
      '1.2. în cursul furnizării serviciilor, ori de câte ori este necesar.',
      'Ghidul beneficiarului cuprinde:',
      'a) serviciile oferite;',
      'b) drepturile și obligațiile beneficiarilor;',
      'c) regulile de funcționare.',
      'Număr de beneficiari\tPersonal de specialitate',
      'până la 10\t2',
      'peste 10\t3',
    ].join('\n');
    const r = importText(publishedModule({ requirement }));
    expect(r.structure).toEqual([]);
    expect(r.report.counts.tables).toBe(1);
    expect(r.markdown).toContain('1.1. la admitere, verbal și în scris;\n\n1.2. în cursul');
    expect(r.markdown).toContain('Ghidul beneficiarului cuprinde:\na) serviciile oferite;\nb) drepturile și obligațiile beneficiarilor;\nc) regulile de funcționare.\n');
    expect(r.markdown).toContain('| Număr de beneficiari | Personal de specialitate |\n| --- | --- |\n| până la 10 | 2 |\n| peste 10 | 3 |\n');
  });

  it('leaves a requirement id of another standard as text, with its line in the report', () => {
    const r = importText(publishedModule({ requirement: 'S1.1. Centrul are un ghid.\nS4.2 din anexa nr. 1 la Ordinul nr. 29/2019 se aplică.' }));
    expect(r.counts.requirements).toBe(1);
    expect(r.report.left).toEqual([{ line: 6, text: 'S4.2 din anexa nr. 1 la Ordinul nr. 29/2019 se aplică.', why: 'a requirement id of standard 4 inside Standard 1' }]);
  });
});

describe('import: expected results', () => {
  it.each([
    'Rezultate așteptate: Beneficiarii cunosc serviciile.',
    'Rezultat așteptat: Beneficiarii cunosc serviciile.',
    'REZULTATE AȘTEPTATE: Beneficiarii cunosc serviciile.',
    'Rezultate aşteptate: Beneficiarii cunosc serviciile.',
    'Rezultat aşteptat: Beneficiarii cunosc serviciile.',
    'Rezultate așteptate:\nBeneficiarii cunosc serviciile.',
  ])('%j', (expected) => {
    const r = importText(publishedModule({ expected }));
    expect(r.structure).toEqual([]);
    expect(r.markdown).toContain('**Rezultate așteptate:** Beneficiarii cunosc serviciile.\n');
  });

  it('reads the label bold, in a Markdown draft, singular and with cedilla', () => {
    const md = publishedModule({ expected: '**Rezultat aşteptat:** Beneficiarii cunosc serviciile.' }).replace(/\n(?=.)/g, '\n\n');
    const r = importText(md, { file: 'draft.md' });
    expect(r.structure).toEqual([]);
    expect(r.markdown).toContain('**Rezultate așteptate:** Beneficiarii cunosc serviciile.\n');
  });
});

describe('import: indicators as paragraphs', () => {
  it.each([
    ['M.I.-Im1S1.1: Ghidul beneficiarului.', 'M.I.-Im2S1.1: Registrul de informare.'],
    ['Im1S1.1 - Ghidul beneficiarului.', 'Im2S1.1 - Registrul de informare.'],
    ['Im1S1.1. Ghidul beneficiarului.', 'Im2S1.1. Registrul de informare.'],
    ['Im: Ghidul beneficiarului.', 'Im: Registrul de informare.'],
    ['Indicatori:\nGhidul beneficiarului.', 'Registrul de informare.'],
    ['Indicatori:\n- Ghidul beneficiarului.', '- Registrul de informare.'],
  ])('%j', (first, second) => {
    const r = importText(publishedModule({ indicator: `${first}\n${second}` }));
    expect(r.structure).toEqual([]);
    expect(r.counts.indicators).toBe(2);
    expect(r.markdown).toContain('**Indicatori:**\n\n- Ghidul beneficiarului.\n- Registrul de informare.\n');
  });

  it('keeps an id that does not match its position, and says so', () => {
    const r = importText(publishedModule({ indicator: 'Im1S1.1: Ghidul.\nIm3S1.1: Registrul.' }));
    expect(r.markdown).toContain('- Im3S1.1: Registrul.\n');
    expect(r.report.notes.join('\n')).toContain('indicator Im3S1.1 is indicator 2 of S1.1');
    expect(r.structure.join('\n')).toContain('Im3S1.1');
  });
});

describe('import: sections, annex headings and the order around the standards', () => {
  it('reads the order published with its annex: front matter from the text, the order dropped, sections kept', () => {
    const r = importBytes(fixture('portal.txt'));
    expect(r.structure).toEqual([]);
    expect(r.counts).toEqual({ modules: 2, standards: 3, requirements: 4, indicators: 7 });
    expect(r.doc.meta).toMatchObject({
      title: 'Standarde minime de calitate pentru centrele rezidențiale pentru victimele adulte ale traficului de persoane',
      date: '2019-01-10',
      issuer: 'Ministerul Muncii și Justiției Sociale',
      // The acts the preamble lists after "Având în vedere:", whole; not the approval memo, nor the order's own
      // grounds ("în temeiul …", the issuer's).
      legalBasis: [
        'art. 9 alin. (5) din Legea nr. 197/2012 privind asigurarea calității în domeniul serviciilor sociale, cu modificările și completările ulterioare',
        'Legea nr. 678/2001 privind prevenirea și combaterea traficului de persoane, republicată',
      ],
    });
    expect(r.doc.meta.status).toBeUndefined();
    expect(r.report.missing).toEqual(['version', 'status']);
    expect(r.report.order).toEqual({ from: 2, to: 16, paragraphs: 15 });
    expect(r.report.dropped).toEqual([{ line: 1, text: expect.stringContaining('Forma sintetică la data'), why: 'portal banner' }]);
    expect(r.markdown).toContain('## SECȚIUNEA 1\n\nDefiniție, funcții și activități\n');
    expect(r.markdown).toContain('## SECȚIUNEA a 2-a\n');
    expect(r.markdown).not.toContain('Art. 1.');
    // The singular "Rezultat așteptat:", the glued "S1.2Centrul", "Im:" and an "Indicatori:" label.
    expect(units(r.doc)).toEqual({
      'S1.1': { text: 'Centrul dispune de un ghid al beneficiarului, actualizat anual.', indicators: ['Ghidul beneficiarului.', 'Registrul de informare, semnat de beneficiar.'] },
      'S1.2': { text: 'Centrul elaborează materiale informative (pliante, afișe) privind serviciile oferite.', indicators: ['Materialele informative.'] },
      'S2.1': {
        text: 'Centrul are o procedură de admitere care precizează:\na) criteriile de eligibilitate;\nb) documentele necesare;\nc) termenele de soluționare.',
        indicators: ['Procedura de admitere.', 'Registrul solicitărilor de admitere.'],
      },
      'S3.1': { text: 'Evaluarea se realizează în cel mult 72 de ore de la admitere, de către managerul de caz și ANITP.', indicators: ['Fișa de evaluare inițială.', 'Registrul de evidență a beneficiarilor.'] },
    });
  });

  it('reads SECȚIUNEA I before the modules and writes a section after them, and ANEXA nr. 2, as annexes', () => {
    const text = [
      'ANEXA nr. 1',
      'SECȚIUNEA I',
      'Dispoziții generale',
      publishedModule(),
      'SECȚIUNEA a III-a',
      'Fișa de autoevaluare',
      'Furnizorul completează anual fișa de autoevaluare.',
      'ANEXA nr. 2',
      'Modelul fișei de evaluare inițială.',
    ].join('\n');
    const r = importText(text);
    expect(r.structure).toEqual([]);
    expect(r.doc.intro.length).toBe(2);
    expect(r.doc.annexes.map((a) => a.title)).toEqual(['Anexa – SECȚIUNEA a III-a', 'ANEXA nr. 2']);
    expect(r.report.notes.join('\n')).toContain('"SECȚIUNEA a III-a" after the last module is written as an annex');
  });
});

describe('import: text extracted from a PDF', () => {
  it('joins hard line breaks, mends hyphenation, drops page numbers and the Gazette header, keeps cedilla letters', () => {
    const text = [
      'MODULUL I ACCESAREA SERVICIULUI',
      '(Standardul 1)',
      'M.I.-STANDARD 1 INFORMARE',
      'Centrul informează potențialii beneficiari, instituțiile și orga-',
      'nizațiile partenere despre serviciile oferite şi despre',
      'condițiile de acordare a acestora.',
      'Rezultate așteptate: Potențialii beneficiari cunosc serviciile',
      'centrului.',
      '',
      'Pagina 3 din 12',
      'MONITORUL OFICIAL AL ROMÂNIEI, PARTEA I, Nr. 61/25.I.2019',
      '',
      'M.I.-S1.1. Centrul întocmește un proces-',
      'verbal de predare într-',
      'o limbă pe care beneficiarul o înțelege.',
      'M.I.-Im1S1.1: Procesul-verbal de predare, semnat de',
      'beneficiar.',
    ].join('\n');
    const r = importText(text);
    expect(r.structure).toEqual([]);
    expect(r.doc.modules[0]!.standards[0]!.statement.map((b) => (b as { children: { value: string }[] }).children[0]!.value)).toEqual([
      'Centrul informează potențialii beneficiari, instituțiile și organizațiile partenere despre serviciile oferite şi despre condițiile de acordare a acestora.',
    ]);
    expect(r.doc.modules[0]!.standards[0]!.expectedResults[0]!.text).toBe('Potențialii beneficiari cunosc serviciile centrului.');
    expect(units(r.doc)['S1.1']).toEqual({ text: 'Centrul întocmește un proces-verbal de predare într-o limbă pe care beneficiarul o înțelege.', indicators: ['Procesul-verbal de predare, semnat de beneficiar.'] });
    expect(r.report.dropped.map((d) => [d.line, d.why])).toEqual([
      [10, 'page number'],
      [11, 'page header of the Official Gazette'],
    ]);
    expect(r.report.notes.join('\n')).toMatch(/line breaks inside paragraphs joined \(1 word hyphenated at a line end mended\)/);
  });

  it('drops a running header repeated on every page', () => {
    const page = (n: number, body: string) => `ORDIN nr. 29/2019 - ANEXA 7\n${body}\n${n}\n`;
    const text = page(1, 'MODULUL I ACCESAREA SERVICIULUI\nSTANDARD 1 INFORMARE\nCentrul informează.') + page(2, 'Rezultate așteptate: Beneficiarii știu.\nS1.1. Centrul are un ghid.') + page(3, 'Im1S1.1: Ghidul.');
    const r = importText(text);
    expect(r.structure).toEqual([]);
    expect(r.report.dropped.filter((d) => d.why === 'running header').map((d) => d.line)).toEqual([1, 6, 10]);
    expect(r.report.dropped.filter((d) => d.why === 'page number').length).toBe(3);
  });
});

describe('import: legacy encodings', () => {
  const CP1250: Record<string, number> = { ă: 0xe3, â: 0xe2, î: 0xee, ş: 0xba, ţ: 0xfe, Ă: 0xc3, Â: 0xc2, Î: 0xce, Ş: 0xaa, Ţ: 0xde, '„': 0x84, '”': 0x94, '–': 0x96 };
  const ISO_8859_2: Record<string, number> = { ă: 0xe3, â: 0xe2, î: 0xee, ş: 0xba, ţ: 0xfe, Ă: 0xc3, Â: 0xc2, Î: 0xce, Ş: 0xaa, Ţ: 0xde };
  const encode = (text: string, table: Record<string, number>) =>
    Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table[c] ?? 0x3f)));
  const legacy = (requirement?: string) =>
    publishedModule({ expected: 'Rezultate aşteptate: Beneficiarii îşi cunosc drepturile.', ...(requirement ? { requirement } : {}) }).replace('potențialii', 'potenţialii');

  it.each([
    ['Windows-1250 (cp1250)', encode(legacy('M.I.-S1.1. Ghidul „beneficiarului” – ediţia 2019.'), CP1250)],
    ['Windows-1250 (cp1250), which reads it as ISO-8859-2 (Latin-2) does', encode(legacy(), ISO_8859_2)],
  ])('decodes %s and says so, keeping cedilla letters for validate --fix', (name, bytes) => {
    const r = importBytes(bytes);
    expect(r.structure).toEqual([]);
    expect(r.report.notes[0]).toBe(`not UTF-8: decoded as ${name}; its ş/ţ with cedilla are kept (stdraft validate --fix replaces them)`);
    expect(r.markdown).toContain('Centrul informează potenţialii beneficiari');
    expect(r.markdown).toContain('**Rezultate așteptate:** Beneficiarii îşi cunosc drepturile.');
  });
});

describe('import: Markdown with published labels', () => {
  it('reads module-prefixed headings and indicator ids, the singular label and published ranges', () => {
    const md = [
      '# MODULUL I - ACCESAREA SERVICIULUI (Standardele 1 - 1)',
      '',
      '## M.I.-STANDARD 1 INFORMARE',
      '',
      'Centrul informează potențialii beneficiari.',
      '',
      '**Rezultat așteptat:** Beneficiarii cunosc serviciile.',
      '',
      '### M.I.-S1.1',
      '',
      'Centrul dispune de un *ghid* al beneficiarului.',
      '',
      'M.I.-Im1S1.1: Ghidul beneficiarului.',
      'M.I.-Im2S1.1: Registrul de informare.',
      '',
    ].join('\n');
    const r = importText(md, { file: 'published.md' });
    expect(r.structure).toEqual([]);
    expect(r.counts).toEqual({ modules: 1, standards: 1, requirements: 1, indicators: 2 });
    expect(r.markdown).toContain('### M.I.-S1.1\n\nCentrul dispune de un *ghid* al beneficiarului.\n\n**Indicatori:**\n\n- Ghidul beneficiarului.\n- Registrul de informare.\n');
  });

  it('keeps the front matter of a stdraft file and takes options over it', () => {
    const md = `---\ntitle: Standarde\nversion: '2016-02'\ndate: '2016-02-17'\nstatus: consultation\nlang: ro\nworkshop: Atelierul din februarie 2016\n---\n\n${publishedModule()}`;
    const r = importText(md, { file: 'x.md', status: 'draft' });
    expect(r.doc.meta).toMatchObject({ title: 'Standarde', version: '2016-02', date: '2016-02-17', status: 'draft', workshop: 'Atelierul din februarie 2016' });
    expect(r.report.frontMatter).toMatchObject({ title: 'front matter', status: 'option' });
  });
});

describe('import: an HTML page saved from a legislation portal', () => {
  it('reads the page text, its bold labels and table, skipping the portal navigation and banners', () => {
    const r = importBytes(fixture('portal.html'), { file: 'ordin.html' });
    expect(r.structure).toEqual([]);
    expect(r.counts).toEqual({ modules: 1, standards: 2, requirements: 3, indicators: 5 });
    expect(r.report.counts.tables).toBe(1);
    expect(r.markdown).not.toMatch(/Caută|Autentificare|Portal Legislativ/);
    expect(r.report.dropped.map((d) => d.why)).toContain('portal banner');
    expect(r.markdown).toContain('| Număr de beneficiari | Manageri de caz |\n| --- | --- |\n| până la 10 | 1 |\n');
  });

  it('ends lines at the elements the page\'s style sheet displays as blocks (a portal\'s styled spans)', () => {
    const spans = (texts: string[]) => texts.map((t) => `<span class="S_PAR">${t}</span>`).join('');
    const html = `<html><head><style>.S_PAR, span.S_ALN { display: block; margin: 0 }\n.S_INL { color: red }</style></head><body><div>${spans([
      'MODULUL I - ACCESAREA SERVICIULUI',
      'M.I.-STANDARD 1 INFORMARE',
      'Centrul informează <span class="S_INL">potențialii</span> beneficiari.',
      '<b>Rezultate așteptate:</b> Beneficiarii cunosc serviciile.',
      'M.I.-S1.1. Centrul are un ghid.',
      'M.I.-Im1S1.1: Ghidul.',
    ])}</div></body></html>`;
    const r = importText(html, { file: 'pagina.html' });
    expect(r.structure).toEqual([]);
    expect(r.counts).toEqual({ modules: 1, standards: 1, requirements: 1, indicators: 1 });
    expect(r.markdown).toContain('Centrul informează potențialii beneficiari.\n');
  });
});

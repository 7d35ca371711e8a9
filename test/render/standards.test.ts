import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/parse/index.js';
import { allRequirements, allStandards, countUnits } from '../../src/model/walk.js';
import { readBytes } from '../../src/workspace/index.js';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { paragraphs, readDocx } from './docx.js';
import { DEMO_CONFIG, produce, versionFile } from './helpers.js';

const BUNDLED = ['2015-09', '2016-02', '2016-04'];

describe('the bundled standards in Word', () => {
  it.each(BUNDLED)('%s: headings, requirements with bold ids, indicators numbered by position', async (version) => {
    const { doc } = parseBytes(readBytes(path.join(ROOT, 'standards/vtp', `${version}.md`)), version);
    const result = await produce('render', [version], ROOT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const docx = await readDocx(result.bytes!);
    const ps = paragraphs(docx.document);

    // Modules and standards are Word headings (navigation pane, table of contents).
    const counts = countUnits(doc);
    expect(ps.filter((p) => p.style === 'Heading1')).toHaveLength(counts.modules + doc.annexes.length);
    const standardHeadings = ps.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(standardHeadings).toEqual(allStandards(doc).map((s) => `STANDARDUL ${s.number}. ${s.title.toLocaleUpperCase('ro-RO')}`));
    expect(ps.find((p) => p.style === 'Heading1')!.text).toMatch(/^MODULUL I\. ACCESAREA SERVICIULUI \(standardele 1-\d+\)$/);

    // "Rezultate așteptate:" in bold, once per standard.
    const expected = ps.filter((p) => p.runs[0]?.text === 'Rezultate așteptate:');
    expect(expected).toHaveLength(counts.standards);
    expect(expected.every((p) => p.runs[0]!.bold)).toBe(true);

    // Every requirement: a Requirement paragraph whose first run is its id in bold, in document order.
    const requirementParagraphs = ps.filter((p) => p.style === 'Requirement');
    const requirements = allRequirements(doc);
    expect(requirementParagraphs.map((p) => p.runs[0]!.text)).toEqual(requirements.map((r) => `S${r.id!.standard}.${r.id!.index}.`));
    expect(requirementParagraphs.every((p) => p.runs[0]!.bold)).toBe(true);
    // The requirement text follows its id in the same paragraph.
    requirements.forEach((r, i) => {
      const first = r.text[0];
      if (first?.type === 'paragraph') expect(requirementParagraphs[i]!.text.replace(/\s+/g, ' ')).toContain((first.children[0] as { value: string }).value.split('\n')[0]!.trim().slice(0, 30));
    });

    // Indicators: "Im<k>S<n>.<m>:" in bold by position, followed by the indicator's text.
    const indicatorParagraphs = ps.filter((p) => p.style === 'Indicator');
    const indicators = requirements.flatMap((r) => r.indicators.map((ind) => ({ id: `Im${ind.position}S${r.id!.standard}.${r.id!.index}`, text: ind.text })));
    expect(indicatorParagraphs.map((p) => p.runs[0]!.text)).toEqual(indicators.map((i) => `${i.id}:`));
    expect(indicatorParagraphs.every((p) => p.runs[0]!.bold)).toBe(true);
    indicatorParagraphs.forEach((p, i) => expect(p.text.replace(/\s+/g, ' ')).toBe(`${indicators[i]!.id}: ${indicators[i]!.text.replace(/\s+/g, ' ')}`));
    expect(counts.indicators).toBe(indicators.length);

    // The a)/b) enumeration of the introduction: one Enumeration paragraph per item.
    const items = ps.filter((p) => p.style === 'Enumeration' && /^[a-e]\) /.test(p.text));
    expect(items.length).toBeGreaterThanOrEqual(5);
  });

  it('2016-02: the staffing table is a Word table with a repeated, bold header row', async () => {
    const docx = await readDocx((await produce('render', ['2016-02'], ROOT)).bytes!);
    const tables = [...docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(1);
    const rows = [...tables[0]!.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    const header = paragraphs(rows[0]!);
    expect(header.map((p) => p.text)).toEqual(['Număr de beneficiari', 'Manageri de caz', 'Psihologi', 'Asistenți sociali']);
    expect(header.every((p) => p.runs.every((r) => r.bold))).toBe(true);
    expect(paragraphs(rows[1]!).map((p) => p.text)).toEqual(['până la 8', '1', '1', '1']);
  });
});

describe('Markdown in Word', () => {
  const body = `
Introducere cu **aldine**, *cursive*, ~~tăiat~~, \`cod\`, [o legătură](https://example.org/x) și o trimitere la [S1.1](#s1-1).[^1]

[^1]: Nota de subsol.

# Modulul I. Primul modul

## Standardul 1. Primul

Enunțul standardului.

**Rezultate așteptate:** Rezultatul.

### S1.1 Titlu scurt

Centrul asigură:
a) primul lucru;
b) al doilea lucru.

- o listă cu liniuță
- al doilea element

1. unu
2. doi

> un citat

**Indicatori:**

- Im1S1.1: Primul indicator, cu prefix explicit.
- Al doilea *indicator*.
`;

  it('renders inline formatting, links, footnotes, enumerations, lists and explicit indicator prefixes', async () => {
    const cwd = tempDir({ 'standards/t/2015-09.md': versionFile(body), 'stdraft.config.yaml': DEMO_CONFIG });
    const result = await produce('render', ['2015-09'], cwd);
    expect(result.stderr).toBe('');
    const docx = await readDocx(result.bytes!);
    const ps = paragraphs(docx.document);
    const intro = ps.find((p) => p.text.startsWith('Introducere'))!;
    expect(intro.xml).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">aldine</);
    expect(intro.xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">cursive</);
    expect(intro.xml).toMatch(/<w:strike\/><\/w:rPr><w:t xml:space="preserve">tăiat</);
    expect(intro.xml).toMatch(/<w:hyperlink w:history="1" r:id="[^"]+">/);
    expect(intro.xml).toContain('w:anchor="s1_1"');
    expect(intro.xml).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(docx.footnotes).toContain('Nota de subsol.');
    expect(docx.document).toMatch(/<w:bookmarkStart w:name="s1_1" w:id="\d+"\/>/);

    const requirement = ps.find((p) => p.style === 'Requirement')!;
    expect(requirement.runs.map((r) => [r.text, r.bold])).toEqual([
      ['S1.1.', true],
      [' ', false],
      ['Titlu scurt.', true],
      [' ', false], // the id and title are the target of links to #s1-1 (a bookmark); the text follows
      ['Centrul asigură:', false],
    ]);
    expect(ps.filter((p) => p.style === 'Enumeration' && p.text.includes('lucru')).map((p) => p.text)).toEqual(['a) primul lucru;', 'b) al doilea lucru.']);
    const listItems = ps.filter((p) => p.style === 'ListParagraph');
    expect(listItems.map((p) => p.text)).toEqual(['o listă cu liniuță', 'al doilea element', 'unu', 'doi']);
    expect(listItems.every((p) => /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/.test(p.xml))).toBe(true);
    expect(ps.find((p) => p.style === 'Quote')!.text).toBe('un citat');
    expect(ps.filter((p) => p.style === 'Indicator').map((p) => p.text)).toEqual(['Im1S1.1: Primul indicator, cu prefix explicit.', 'Im2S1.1: Al doilea indicator.']);
  });

  it('writes English labels for lang: en and the published orders\' M.I.- prefix when the template asks', async () => {
    const en = versionFile(
      `# Module I. Access\n\n## Standard 1. Information\n\nThe centre informs.\n\n**Expected results:** People know.\n\n### S1.1\n\nThe centre has a guide.\n\n**Indicators:**\n\n- The guide.\n`,
      { lang: 'en' },
    );
    const template = fs.readFileSync(path.join(ROOT, 'templates/final/template.yaml'), 'utf8').replace('requirement-ids: plain', 'requirement-ids: module-prefixed');
    const cwd = tempDir({
      'standards/t/2015-09.md': en,
      'stdraft.config.yaml': DEMO_CONFIG,
      'templates/final/template.yaml': template,
      ...Object.fromEntries(['ordin.md.hbs', 'preambul.md.hbs', 'anexa.md.hbs', 'semnatura.md.hbs'].map((f) => [`templates/final/${f}`, fs.readFileSync(path.join(ROOT, 'templates/final', f), 'utf8')])),
    });
    const result = await produce('render', ['2015-09', '--template', 'final'], cwd);
    expect(result.stderr).toBe('');
    const ps = paragraphs((await readDocx(result.bytes!)).document);
    expect(ps.find((p) => p.style === 'Heading1')!.text).toBe('MODULE I. ACCESS (standard 1)');
    expect(ps.find((p) => p.style === 'Heading2')!.text).toBe('STANDARD 1. INFORMATION');
    expect(ps.find((p) => p.runs[0]?.text === 'Expected results:')?.runs[0]!.bold).toBe(true);
    expect(ps.find((p) => p.style === 'IndicatorsLabel')!.text).toBe('Indicators:');
    expect(ps.find((p) => p.style === 'Requirement')!.runs[0]!.text).toBe('M.I.-S1.1.');
    expect(ps.find((p) => p.style === 'Indicator')!.text).toBe('Im1S1.1: The guide.');
  });
});

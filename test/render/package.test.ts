// The streamed body (src/render/package.ts) against docx's own writing of the whole document: the same parts,
// byte for byte, on real and on tricky content; and a package that readers open.
import fs from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import path from 'node:path';
import { Paragraph, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/parse/index.js';
import { DocxContext } from '../../src/render/context.js';
import { buildDocument, packDocument, textWidth } from '../../src/render/document.js';
import { crc32Combine, Deflated, StreamedTable, withSectionProperties } from '../../src/render/package.js';
import { stringifyXml } from '../../src/render/xml.js';
import { renderDocx } from '../../src/render/render.js';
import { STYLE } from '../../src/render/styles.js';
import { loadTemplate, templateData } from '../../src/render/template.js';
import { a4, font, markdownToDocx } from '../../src/compare/document.js';
import { ROOT } from '../support/cli.js';
import { readRegisters, resolveObservations } from '../../src/compare/observations.js';
import { redlineDocx } from '../../src/compare/redline.js';
import { synopticDocx } from '../../src/compare/synoptic-docx.js';
import { bundled, changesetOf } from '../compare/helpers.js';

/**
 * Every part of a package as text; the core properties without their creation and modification times; the
 * ids docx gives hyperlinks and the watermark (random) and bookmarks (counted across the process) numbered in order of
 * appearance; `w:suppressLineNumbers` first in paragraph properties (docx's own paragraph, which the whole
 * writing uses for a section's last one, writes it after `w:jc`; light paragraphs keep the schema's order).
 */
async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  // checkCRC32: the CRC of the streamed document.xml is combined from its pieces'.
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    let text = await zip.file(name)!.async('string');
    if (name === 'docProps/core.xml') text = text.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '');
    text = text.replace(/"rId[\w-]{12,}"/g, (id) => {
      if (!ids.has(id)) ids.set(id, `"link${ids.size + 1}"`);
      return ids.get(id)!;
    });
    text = text.replace(/PowerPlusWaterMarkObject[\w-]+/g, 'PowerPlusWaterMarkObject');
    const bookmarks = new Map<string, number>();
    text = text.replace(/(<w:bookmark(?:Start|End)\b[^>]*? w:id=)"(\d+)"/g, (_, head: string, id: string) => {
      if (!bookmarks.has(id)) bookmarks.set(id, bookmarks.size + 1);
      return `${head}"${bookmarks.get(id)}"`;
    });
    text = text.replace(/<w:pPr>((?:(?!<\/w:pPr>).)*?)<w:suppressLineNumbers\/>/g, '<w:pPr><w:suppressLineNumbers/>$1');
    out.set(name, text);
  }
  return out;
}

function expectSameParts(streamed: Map<string, string>, whole: Map<string, string>): void {
  expect([...streamed.keys()]).toEqual([...whole.keys()]);
  for (const [name, text] of whole) expect(streamed.get(name), name).toBe(text);
}

const RICH_ANNEX = `
# Anexa 1. Conținut de toate felurile

Un paragraf cu *accent*, **îngroșat**, ~~tăiat~~, \`cod\`, o [legătură externă](https://www.anitp.mai.gov.ro/),
o trimitere internă la [S1.1](#s1-1) și o notă de subsol[^nota].

- un element de listă
  - un element mai adânc, cu [o legătură](https://example.org/a?b=1&c=2)
- al doilea element

1. primul
2. al doilea

> Un citat cu „ghilimele” românești & caractere <speciale>.

| Coloana A | Coloana B |
| :-- | --: |
| unu | doi |
| trei | patru |

\`\`\`
bloc de cod
pe două rânduri
\`\`\`

[^nota]: Textul notei, cu o [legătură](https://example.org/nota).
`;

async function render(stream: boolean, extra = ''): Promise<Uint8Array> {
  const text = fs.readFileSync(path.join(ROOT, 'standards', 'vtp', '2016-02.md'), 'utf8') + extra;
  const { doc } = parseBytes(new TextEncoder().encode(text), '2016-02.md');
  const dir = path.join(ROOT, 'templates', 'consultation');
  const files = new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.hbs')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  const template = loadTemplate({ label: 'consultation', config: fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'), files }, { documentFile: '2016-02.md', configFile: null });
  const config = parseYaml(fs.readFileSync(path.join(ROOT, 'stdraft.config.yaml'), 'utf8')) as Record<string, unknown>;
  const data = templateData({ doc, config, template: template.config, set: 'vtp' });
  return renderDocx({ doc, template, data, referenceStyles: null, stream });
}

describe('the streamed body', () => {
  it('renders the bundled consultation draft (three sections, line numbers) exactly as docx writes it whole', async () => {
    expectSameParts(await partsOf(await render(true)), await partsOf(await render(false)));
  });

  it('gives the same parts with lists, tables, footnotes, external and internal links, quotes and code', async () => {
    const streamed = await partsOf(await render(true, RICH_ANNEX));
    expectSameParts(streamed, await partsOf(await render(false, RICH_ANNEX)));
    // The content is really there: the footnote, the hyperlink relationships and the list numbering.
    expect(streamed.get('word/footnotes.xml')).toContain('Textul notei, cu o');
    expect(streamed.get('word/_rels/document.xml.rels')).toContain('https://example.org/a?b=1&amp;c=2');
    expect(streamed.get('word/document.xml')).toMatch(/<w:numId w:val="\d+"\/>/);
    expect(streamed.get('word/document.xml')).not.toMatch(/\{[a-z-]+-\d+\}/);
  });

  it('streams generated sections and tables whose rows are made while written, as docx writes them whole', async () => {
    const build = (stream: boolean) => {
      const page = a4('landscape');
      const ctx = new DocxContext({ definitions: [], textWidth: textWidth(page) });
      const widths = [3000, 3000, 2000];
      const row = (i: number) =>
        new TableRow({
          children: widths.map((w, c) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun(`rândul ${i}, coloana ${c}`)] })] })),
        });
      const header = new TableRow({ tableHeader: true, children: widths.map((w, c) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph(`titlul ${c}`)] })) });
      function* rows() {
        for (let i = 0; i < 40; i++) yield row(i);
      }
      function* first(): Generator<FileChild | StreamedTable> {
        yield* markdownToDocx('# Titlu\n\nUn paragraf și o listă:\n\n- a\n- b', ctx);
        // The section ends with a table: an empty paragraph holds its properties.
        yield new StreamedTable({ header, rows: rows(), width: 8000, columnWidths: widths });
      }
      return packDocument(
        buildDocument(
          {
            sections: [
              { children: first(), lineNumbers: false },
              { children: [], lineNumbers: true },
              { children: markdownToDocx('Ultimul paragraf.', ctx), lineNumbers: true },
            ],
            page,
            font: font(10),
            lang: 'ro',
            header: null,
            footer: null,
            watermark: null,
            properties: { title: 'Test' },
            referenceStyles: null,
            stream,
          },
          ctx,
        ),
      );
    };
    const streamed = await partsOf(await build(true));
    expectSameParts(streamed, await partsOf(await build(false)));
    const document = streamed.get('word/document.xml')!;
    expect(document.match(/<w:tr>/g)).toHaveLength(41);
    expect(document.match(/<w:sectPr/g)).toHaveLength(3);
    expect(document).toContain('<w:pStyle w:val="' + STYLE.normal);
  });
});

describe('the comparison documents streamed', () => {
  const from = bundled('2015-09');
  const to = bundled('2016-02');
  const changeset = () => changesetOf(from, to);

  it('redline: the same parts as docx writes the whole document, and the same counts', async () => {
    const streamed = await redlineDocx(changeset(), { author: 'Atelierul de lucru' });
    const whole = await redlineDocx(changeset(), { author: 'Atelierul de lucru', stream: false });
    expect(streamed.stats).toEqual(whole.stats);
    expect(streamed.stats.revisions).toBeGreaterThan(10);
    expectSameParts(await partsOf(streamed.bytes), await partsOf(whole.bytes));
  });

  it('synoptic table with the workshop’s observations: the same parts, the table written row by row', async () => {
    const file = path.join(ROOT, 'standards', 'vtp', 'comments', '2015-09-workshop.yaml');
    const registers = readRegisters([{ file: 'comments/2015-09-workshop.yaml', text: fs.readFileSync(file, 'utf8') }]);
    // The evaluation's observations target the standards evaluated (2007-11): they are placed after the units.
    const previous = bundled('2007-11');
    const observations = resolveObservations(registers, (name) => ({ '2007-11': previous, '2015-09': from, '2016-02': to })[name] ?? null);
    const streamed = await synopticDocx(changeset(), { registers, observations });
    const whole = await synopticDocx(changeset(), { registers, observations, stream: false });
    const parts = await partsOf(streamed.bytes);
    expectSameParts(parts, await partsOf(whole.bytes));
    // Every row is there (and the tables some units hold have rows of their own).
    expect(parts.get('word/document.xml')!.match(/<w:tr>/g)!.length).toBeGreaterThan(streamed.synoptic.rows.length);
    expect(observations.length).toBeGreaterThan(5);
    for (const placed of observations) expect(parts.get('word/document.xml')).toContain(`Obs. ${placed.observation.id} `);
  });
});

describe('writing XML objects', () => {
  it('writes them as docx does, quirks included', () => {
    expect(stringifyXml({ 'w:b': {} })).toBe('<w:b/>');
    expect(stringifyXml({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'a < b & "c"'] })).toBe('<w:t xml:space="preserve">a &lt; b &amp; &quot;c&quot;</w:t>');
    expect(stringifyXml({ 'w:sz': { _attr: { 'w:val': 24 } } })).toBe('<w:sz w:val="24"/>');
    expect(stringifyXml({ 'w:p': [{ 'w:r': [] }] })).toBe('<w:p><w:r></w:r></w:p>');
    expect(stringifyXml({ 'w:t': 'x\u0001y' })).toBe('<w:t>xy</w:t>');
    // A string after an element replaces it (as the xml package did).
    expect(stringifyXml({ a: [{ b: {} }, 'text'] })).toBe('<a>text</a>');
  });

  it('puts section properties at the end of a paragraph’s properties, or gives it some', () => {
    const sect = '<w:sectPr><w:pgSz/></w:sectPr>';
    expect(withSectionProperties('<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r/></w:p>', sect)).toBe(`<w:p><w:pPr><w:pStyle w:val="A"/>${sect}</w:pPr><w:r/></w:p>`);
    expect(withSectionProperties('<w:p><w:r/></w:p>', sect)).toBe(`<w:p><w:pPr>${sect}</w:pPr><w:r/></w:p>`);
    expect(withSectionProperties('<w:p/>', sect)).toBe(`<w:p><w:pPr>${sect}</w:pPr></w:p>`);
    expect(withSectionProperties('<w:tbl></w:tbl>', sect)).toBeNull();
  });
});

describe('deflating in pieces', () => {
  const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => `w${(i * seed) % 97} `).join('').slice(0, n));

  it('combines CRC-32s as zlib computes them over the whole', () => {
    for (const [a, b] of [[0, 0], [0, 5], [5, 0], [1, 1], [3, 1000], [70_000, 3], [1 << 20, (1 << 20) + 17]] as const) {
      const x = bytes(a, 7);
      const y = bytes(b, 13);
      expect(crc32Combine(crc32(x), crc32(y), y.length), `${a}+${b}`).toBe(crc32(Buffer.concat([x, y])));
    }
  });

  it('joins deflated data into one stream that inflates to the joined input, with its size and CRC', () => {
    const parts = [bytes(10, 3), bytes(3_000_000, 5), bytes(0, 1), bytes(777, 11)];
    const first = new Deflated();
    first.push(parts[0]!);
    first.push(parts[1]!);
    const joined = Deflated.concat([first, Deflated.of(parts[2]!), Deflated.of(parts[3]!)]);
    const whole = Buffer.concat(parts);
    expect(joined.size).toBe(whole.length);
    expect(joined.crc >>> 0).toBe(crc32(whole));
    expect(inflateRawSync(Buffer.concat([...joined.compressed, Uint8Array.of(0x03, 0x00)])).equals(whole)).toBe(true);
  });
});

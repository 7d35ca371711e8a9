import { Document, Packer, Paragraph, TextRun, AlignmentType, Bookmark, type IContext, type IParagraphOptions, type IRunOptions, type IXmlableObject } from 'docx';
import { describe, expect, it } from 'vitest';
import { LightParagraph, LightRun, makeParagraph, makeRun, stringifyXml } from '../../src/render/xml.js';
import { deletedRun, insertedRun } from '../../src/compare/revision-runs.js';
import { readDocx } from './docx.js';

async function body(children: Paragraph[]): Promise<string> {
  const { document } = await readDocx(new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] }))));
  return document.slice(document.indexOf('<w:body>') + 8, document.indexOf('<w:sectPr>'));
}

function sortProperties(xml: string): string {
  return xml.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (_, inner: string) => `<w:pPr>${(inner.match(/<w:[^>]*\/>/g) ?? []).sort().join('')}</w:pPr>`);
}

describe('light paragraphs and runs', () => {
  const runs: IRunOptions[] = [
    { text: 'plain' },
    { text: 'S1.1.', bold: true },
    { text: 'it', italics: true, strike: true },
    { text: 'cod', font: 'Courier New' },
    { text: 'leg', style: 'Hyperlink', bold: true },
    { text: 'x', superScript: true },
    { break: 1 },
    { text: 'after a break', break: 1, italics: true },
    { text: '<&> "quotes"' },
  ];
  const paragraphs: IParagraphOptions[] = [
    { style: 'Requirement' },
    { style: 'Enumeration', spacing: { after: 120 }, alignment: AlignmentType.CENTER },
    { style: 'ListParagraph', indent: { left: 737 }, suppressLineNumbers: true },
    { indent: { left: 567, hanging: 283 }, alignment: AlignmentType.JUSTIFIED },
    {},
  ];

  it('write the same XML as docx Paragraph and TextRun for the options they take', async () => {
    for (const p of paragraphs) {
      const light = new LightParagraph({ ...p, children: runs.map((r) => new LightRun(r) as unknown as TextRun) }) as unknown as Paragraph;
      const docx = new Paragraph({ ...p, children: runs.map((r) => new TextRun(r)) });
      // Same elements; the order inside w:pPr may differ: light paragraphs follow the schema's sequence
      // (pStyle, suppressLineNumbers, spacing, ind, jc), where docx writes ind before suppressLineNumbers.
      expect(sortProperties(await body([light]))).toBe(sortProperties(await body([docx])));
    }
    const light = await body([new LightParagraph({ ...paragraphs[2]!, spacing: { after: 0 }, alignment: AlignmentType.RIGHT }) as unknown as Paragraph]);
    expect(light).toMatch(/<w:pPr><w:pStyle [^>]*\/><w:suppressLineNumbers\/><w:spacing [^>]*\/><w:ind [^>]*\/><w:jc [^>]*\/><\/w:pPr>/);
  });

  it('keep bookmarks around their runs', async () => {
    const light = makeParagraph({ style: 'Requirement', children: [new Bookmark({ id: 's1_1', children: [makeRun({ text: 'S1.1.', bold: true }) as TextRun] }), makeRun({ text: ' text' }) as TextRun] });
    expect(light).toBeInstanceOf(LightParagraph);
    expect(await body([light])).toMatch(/^<w:p><w:pPr><w:pStyle w:val="Requirement"\/><\/w:pPr><w:bookmarkStart w:name="s1_1" w:id="\d+"\/><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">S1\.1\.<\/w:t><\/w:r><w:bookmarkEnd w:id="\d+"\/><w:r><w:t xml:space="preserve"> text<\/w:t><\/w:r><\/w:p>$/);
  });

  it('write the same text directly as through their XML objects (the streamed body writes them directly)', () => {
    const context = { stack: [] } as unknown as IContext;
    for (const r of [...runs, { text: "l'apostrophe \u0001 & <tag>", style: 'A"B', font: 'Times & Co' }]) {
      const run = new LightRun(r);
      expect(run.toXml(), JSON.stringify(r)).toBe(stringifyXml(run.prepForXml()));
      for (const make of [insertedRun, deletedRun]) {
        const revision = make(r, { id: 7, author: 'Atelierul "ANITP" & co', date: '2016-02-16T00:00:00Z' }) as unknown as { toXml(): string; prepForXml(): IXmlableObject };
        expect(revision.toXml()).toBe(stringifyXml(revision.prepForXml()));
      }
    }
    for (const p of [...paragraphs, { spacing: { before: 0 }, indent: { hanging: 283 } }]) {
      const children = [...runs.map((r) => new LightRun(r) as unknown as TextRun), new Bookmark({ id: 'b', children: [new LightRun({ text: 'x' }) as unknown as TextRun] }), new TextRun({ text: 'docx', color: 'FF0000' })];
      const light = new LightParagraph({ ...p, children });
      expect(light.toXml(context)).toBe(stringifyXml(light.prepForXml(context)));
    }
    expect(new LightParagraph({}).toXml(context)).toBe('<w:p/>');
  });

  it('leave options they do not write to docx', () => {
    expect(makeRun({ text: 'x', color: 'FF0000' })).toBeInstanceOf(TextRun);
    expect(makeRun({ text: 'x', bold: true })).toBeInstanceOf(LightRun);
    expect(makeParagraph({ numbering: { reference: 'r', level: 0 }, children: [] })).toBeInstanceOf(Paragraph);
    expect(makeParagraph({ indent: { right: 10 } })).toBeInstanceOf(Paragraph);
    expect(makeParagraph({ style: 'Normal' })).toBeInstanceOf(LightParagraph);
  });
});

/** Versions, their Changeset, the renderer's paragraphs of a version, and the redline's XML. */
import fs from 'node:fs';
import path from 'node:path';
import { diffDocuments } from '../../src/diff/index.js';
import type { Changeset } from '../../src/diff/types.js';
import type { StandardsDoc } from '../../src/model/types.js';
import { parseText } from '../../src/parse/index.js';
import { DocxContext } from '../../src/render/context.js';
import { buildDocument, packDocument, textWidth } from '../../src/render/document.js';
import { standardsBookmarks, standardsStyle, standardsToDocx } from '../../src/render/standards.js';
import { a4, font } from '../../src/compare/document.js';
import { redlineDocx } from '../../src/compare/redline.js';
import { ROOT } from '../support/cli.js';
import { readDocx } from '../render/docx.js';
import { plainParagraphs, type Para } from './ooxml.js';

export const SET = path.join(ROOT, 'standards', 'vtp');

export function bundled(version: string): StandardsDoc {
  return parseText(fs.readFileSync(path.join(SET, `${version}.md`), 'utf8'), `${version}.md`).doc;
}

export function parse(text: string, label: string): StandardsDoc {
  return parseText(text, label).doc;
}

export function changesetOf(from: StandardsDoc, to: StandardsDoc, labels: [string, string] = ['2015-09', '2016-02']): Changeset {
  return diffDocuments(from, to, { fromLabel: labels[0], toLabel: labels[1] });
}

/** The paragraphs `stdraft render` writes for the standards of a version (text and style). */
export async function renderedParagraphs(doc: StandardsDoc): Promise<Para[]> {
  const page = a4('portrait');
  const ctx = new DocxContext({ definitions: doc.definitions, bookmarks: standardsBookmarks(doc), textWidth: textWidth(page) });
  const children = standardsToDocx(doc, ctx, standardsStyle(doc.lang));
  const bytes = await packDocument(
    buildDocument(
      { sections: [{ children, lineNumbers: false }], page, font: font(12), lang: doc.lang, header: null, footer: null, watermark: null, properties: {}, referenceStyles: null },
      ctx,
    ),
  );
  return plainParagraphs((await readDocx(bytes)).document);
}

export async function redlineXml(changeset: Changeset, author = 'Atelierul de lucru'): Promise<{ xml: string; stats: Awaited<ReturnType<typeof redlineDocx>>['stats']; bytes: Uint8Array }> {
  const { bytes, stats } = await redlineDocx(changeset, { author });
  return { xml: (await readDocx(bytes)).document, stats, bytes };
}

/** Drops a trailing empty paragraph (the body's last mark, which Word keeps when its paragraph was deleted). */
export function withoutTrailingEmpty(paras: Para[]): Para[] {
  return paras.length > 0 && paras[paras.length - 1]!.text === '' ? paras.slice(0, -1) : paras;
}

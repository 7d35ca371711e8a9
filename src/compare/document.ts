/**
 * The Word documents of this area (synoptic table, redline, report) are assembled with the renderer's own
 * pieces — `buildDocument` (styles, numbering, page, header/footer with page fields, footnotes) and
 * `packDocument` — so that they look like the documents `stdraft render` makes. This file holds what they
 * share: page setups, the font, and Markdown text (title blocks, summaries) → paragraphs and tables.
 */
import { AlignmentType, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import type { Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Lang } from '../model/types.js';
import { parseMarkdown } from '../parse/markdown.js';
import { blocksToDocx } from '../render/blocks.js';
import type { DocxContext } from '../render/context.js';
import { buildDocument, packDocument, type DocumentProperties } from '../render/document.js';
import type { StreamedTable } from '../render/package.js';
import { phrasingToPieces, piecesToRuns, textPiece, withPageFields } from '../render/inline.js';
import { STYLE, type FontSetup } from '../render/styles.js';
import type { PageSetup } from '../render/template-config.js';
import { PAGE_SIZES } from '../render/units.js';
import { compareWords } from './labels.js';

/** Margins of the consultation draft (2 cm; 2.5 cm on the left; header and footer at 1 cm), in twips. */
const MARGINS = { top: 1134, right: 1134, bottom: 1134, left: 1418, header: 567, footer: 567 };

export function a4(orientation: 'portrait' | 'landscape'): PageSetup {
  const { width, height } = PAGE_SIZES['A4']!;
  return orientation === 'landscape'
    ? { width: height, height: width, orientation, margins: { ...MARGINS, left: 1134 } }
    : { width, height, orientation, margins: { ...MARGINS } };
}

export function font(size: number): FontSetup {
  return { name: 'Times New Roman', size, headings: 'Times New Roman' };
}

/** Template-like Markdown headings: `#` Title, `##` Subtitle, `###` Heading1, deeper Heading3. */
const headingStyle = (depth: number): string => (depth === 1 ? STYLE.title : depth === 2 ? STYLE.subtitle : depth === 3 ? STYLE.heading1 : STYLE.heading3);

/**
 * Markdown written by this area (user text escaped with `escapeMarkdown`) → paragraphs and tables; tables
 * get columns as wide as their text needs (names of organisations beside counts), up to the text width.
 */
export function markdownToDocx(markdown: string, ctx: DocxContext): FileChild[] {
  return parseMarkdown(markdown).children.flatMap((block) => (block.type === 'table' ? [fittedTable(block, ctx)] : blocksToDocx([block], ctx, { headingStyle })));
}

/** About the width of a character of table text (roomy, and at the least), and the padding of a cell, in twips. */
const CHAR = 140;
const CHAR_LEAST = 125;
const PADDING = 260;

function fittedTable(node: MdTable, ctx: DocxContext): Table {
  const columns = node.children.reduce((most, row) => Math.max(most, row.children.length), 1);
  const texts = (c: number) => node.children.map((row) => (row.children[c] ? toString(row.children[c]!) : ''));
  // Each column as wide as its longest cell, and never narrower than its longest word; when that is too
  // wide, the columns with long text give up width, down to their longest word.
  const want = Array.from({ length: columns }, (_, c) => Math.min(45, texts(c).reduce((most, t) => Math.max(most, t.length), 4)) * CHAR + PADDING);
  const least = Array.from({ length: columns }, (_, c) => texts(c).reduce((most, t) => t.split(/\s+/).reduce((m, w) => Math.max(m, w.length), most), 3) * CHAR_LEAST + PADDING);
  const total = want.reduce((a, b) => a + b, 0);
  let widths = want;
  if (total > ctx.textWidth) {
    const floor = least.map((l, c) => Math.min(l, want[c]!));
    const spare = Math.max(0, ctx.textWidth - floor.reduce((a, b) => a + b, 0));
    const extra = want.map((w, c) => w - floor[c]!);
    const sum = extra.reduce((a, b) => a + b, 0) || 1;
    widths = floor.map((f, c) => Math.floor(f + (spare * extra[c]!) / sum));
  }
  const align = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
  const rows = node.children.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        cantSplit: true,
        children: widths.map((width, c) => {
          const cell = row.children[c];
          const a = node.align?.[c];
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            children: [
              ctx.paragraph({
                style: STYLE.tableText,
                ...(a ? { alignment: align[a] } : {}),
                children: cell ? piecesToRuns(phrasingToPieces(cell.children, ctx, r === 0 ? { bold: true } : {}), ctx) : [],
              }),
            ],
          });
        }),
      }),
  );
  return new Table({ rows, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths });
}

export interface CompareDocumentSpec {
  /** Made as the document is written when it is a generator (see render/package.ts). */
  children: Iterable<FileChild | StreamedTable>;
  page: PageSetup;
  font: FontSetup;
  lang: Lang;
  header: string | null;
  properties: DocumentProperties;
  /** Write the body as it is made (default true; see render/package.ts). */
  stream?: boolean;
}

/** One section, a text header and a `Pagina N din M` footer → .docx bytes. */
export async function compareDocument(spec: CompareDocumentSpec, ctx: DocxContext): Promise<Uint8Array> {
  const words = compareWords(spec.lang);
  const document = buildDocument(
    {
      sections: [{ children: spec.children, lineNumbers: false }],
      page: spec.page,
      font: spec.font,
      lang: spec.lang,
      header: spec.header ? [textPiece(spec.header)] : null,
      footer: withPageFields([textPiece(`${words.page} {PAGE} ${words.of} {NUMPAGES}`)]),
      watermark: null,
      properties: spec.properties,
      referenceStyles: null,
      ...(spec.stream === false ? { stream: false } : {}),
    },
    ctx,
  );
  return packDocument(document);
}

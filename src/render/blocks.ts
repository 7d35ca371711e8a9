/**
 * Markdown blocks (mdast) → docx paragraphs and tables: paragraphs (with `a)`/`b)` enumerations written as
 * lines of one paragraph), headings, bullet and numbered lists, GFM tables (with a repeated header row),
 * block quotes, code, thematic breaks, and the directives templates write as HTML comments:
 *
 *   <!-- page-break -->                         a page break
 *   <!-- center --> / <!-- right --> / <!-- left --> / <!-- justify -->   alignment of the next block
 *   <!-- style: NAME -->                        the paragraph style of the next block (e.g. Signature)
 *   <!-- bookmark: NAME -->                     a bookmark on the next heading: `[text](#NAME)` links to it
 *   <!-- stdraft:NAME -->                       a marker replaced by `options.markers[NAME]()` (e.g. the standards)
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  PageBreak,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type Paragraph,
} from 'docx';
import type { Heading, List, Paragraph as MdParagraph, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { DocxContext } from './context.js';
import { phrasingToPieces, piecesText, piecesToRuns, splitLines, textPiece, type InlinePiece } from './inline.js';
import { STYLE, BULLET_LIST, ORDERED_LIST } from './styles.js';
import { TWIPS_PER_CM } from './units.js';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface BlockOptions {
  /** The paragraph style of plain paragraphs (default Normal). */
  style?: string;
  /** The style of a Markdown heading of a depth (default: Heading3 and below). */
  headingStyle?: (depth: number) => string;
  /** Content for `<!-- stdraft:NAME -->` markers. */
  markers?: Record<string, () => FileChild[]>;
  /** Called for a marker written inside a paragraph instead of on a line of its own. */
  onInlineMarker?: (name: string) => void;
}

export interface ParagraphOptions {
  style?: string;
  alignment?: Alignment;
  /** Pieces put before the paragraph's own text (e.g. the bold `S1.1.`). */
  lead?: InlinePiece[];
  numbering?: IParagraphOptions['numbering'];
  indentLeft?: number;
  /** A bookmark around the lead (the target of internal links such as `#s3-2`). */
  bookmark?: string | null;
}

const ALIGN: Record<string, Alignment> = {
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  left: AlignmentType.LEFT,
  justify: AlignmentType.JUSTIFIED,
};

/** The directives templates write as HTML comments (shared with the comparison's item streams, compare/ir.ts). */
export const MARKER = /^<!--\s*stdraft:([a-z][\w-]*)\s*-->$/;
export const DIRECTIVE = /^<!--\s*(page-break|center|right|left|justify)\s*-->$/;
export const STYLE_DIRECTIVE = /^<!--\s*style:\s*([A-Za-z][\w-]*)\s*-->$/;
export const BOOKMARK_DIRECTIVE = /^<!--\s*bookmark:\s*([A-Za-z][\w-]*)\s*-->$/;
/** An item line of an enumeration: `a) `, `(1) `, `1. `. */
export const ENUM_ITEM = /^(?:[a-zăâîșț]{1,2}\)|\(\d+\)|\d+[.)])\s/u;

export const defaultHeadingStyle = (depth: number): string => (depth <= 3 ? STYLE.heading3 : STYLE.heading4);

/** Blocks → paragraphs and tables. */
export function blocksToDocx(blocks: readonly RootContent[], ctx: DocxContext, options: BlockOptions = {}): FileChild[] {
  const out: FileChild[] = [];
  let alignment: Alignment | undefined;
  let styleOverride: string | undefined;
  let pendingBookmark: string | undefined;
  for (const block of blocks) {
    const align = alignment;
    const named = styleOverride;
    const bookmark = pendingBookmark;
    alignment = undefined;
    styleOverride = undefined;
    pendingBookmark = undefined;
    switch (block.type) {
      case 'paragraph': {
        const marker = inlineMarker(block);
        if (marker && options.onInlineMarker) options.onInlineMarker(marker);
        for (const item of paragraphToDocx(block, ctx, { style: named ?? options.style, alignment: align })) out.push(item);
        break;
      }
      case 'heading':
        out.push(headingToDocx(block, ctx, named ?? (options.headingStyle ?? defaultHeadingStyle)(block.depth), align, bookmark ? ctx.bookmark(bookmark) : null));
        break;
      case 'list':
        for (const item of listToDocx(block, ctx, 0, options)) out.push(item);
        break;
      case 'table':
        out.push(tableToDocx(block, ctx));
        break;
      case 'blockquote':
        for (const item of blocksToDocx(block.children, ctx, { ...options, style: STYLE.quote })) out.push(item);
        break;
      case 'code':
        out.push(
          ctx.paragraph({
            style: STYLE.code,
            children: piecesToRuns(
              block.value.split(/\r?\n/).flatMap((line, i): InlinePiece[] => (i === 0 ? [textPiece(line)] : [{ kind: 'break', format: {} }, textPiece(line)])),
              ctx,
            ),
          }),
        );
        break;
      case 'thematicBreak':
        out.push(ctx.paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } }));
        break;
      case 'html': {
        const value = block.value.trim();
        const marker = MARKER.exec(value);
        if (marker) {
          const make = options.markers?.[marker[1]!];
          if (make) for (const item of make()) out.push(item);
          break;
        }
        const bookmarkDirective = BOOKMARK_DIRECTIVE.exec(value);
        if (bookmarkDirective) {
          pendingBookmark = bookmarkDirective[1]!;
          alignment = align;
          styleOverride = named;
          break;
        }
        const styleDirective = STYLE_DIRECTIVE.exec(value);
        if (styleDirective) {
          styleOverride = styleDirective[1]!;
          alignment = align;
          break;
        }
        const directive = DIRECTIVE.exec(value);
        if (directive) {
          if (directive[1] === 'page-break') out.push(ctx.paragraph({ children: [new PageBreak()] }));
          else {
            alignment = ALIGN[directive[1]!];
            styleOverride = named;
          }
          break;
        }
        if (/^<!--[\s\S]*-->$/.test(value)) break; // a comment (e.g. stdraft-disable): not content
        out.push(ctx.paragraph({ style: options.style ?? STYLE.normal, children: piecesToRuns([textPiece(value)], ctx) }));
        break;
      }
      case 'definition':
      case 'footnoteDefinition':
      case 'yaml':
        break;
      default: {
        const children = (block as { children?: RootContent[] }).children;
        const value = (block as { value?: unknown }).value;
        if (children) for (const item of blocksToDocx(children, ctx, options)) out.push(item);
        else if (typeof value === 'string') out.push(ctx.paragraph({ style: options.style ?? STYLE.normal, children: piecesToRuns([textPiece(value)], ctx) }));
      }
    }
  }
  return out;
}

/**
 * A paragraph → one docx paragraph, or several when it is an `a)`/`b)` enumeration (a lead-in line and one
 * line per item): the items get the Enumeration style.
 */
export function paragraphToDocx(node: MdParagraph, ctx: DocxContext, options: ParagraphOptions = {}): Paragraph[] {
  const style = options.style ?? STYLE.normal;
  const lead = options.lead ?? [];
  const make = (pieces: InlinePiece[], paragraphStyle: string, first: boolean, last = false): Paragraph =>
    ctx.paragraph({
      style: paragraphStyle,
      // The last item of an enumeration is spaced from what follows like a paragraph.
      ...(last ? { spacing: { after: 120 } } : {}),
      ...(options.alignment ? { alignment: options.alignment } : {}),
      ...(first && options.numbering ? { numbering: options.numbering } : {}),
      ...(options.indentLeft !== undefined ? { indent: { left: options.indentLeft } } : {}),
      children:
        first && options.bookmark
          ? [new Bookmark({ id: options.bookmark, children: piecesToRuns(lead, ctx) }), ...piecesToRuns(pieces, ctx)]
          : piecesToRuns(first ? [...lead, ...pieces] : pieces, ctx),
    });
  if (hasSoftBreak(node.children)) {
    const lines = splitLines(node.children, ctx);
    const items = lines.slice(1);
    if (items.length > 0 && items.every((line) => ENUM_ITEM.test(piecesText(line)))) {
      const firstIsItem = ENUM_ITEM.test(piecesText(lines[0]!));
      return lines.map((line, i) => make(line, i === 0 && !firstIsItem ? style : STYLE.enumeration, i === 0, i === lines.length - 1));
    }
  }
  return [make(phrasingToPieces(node.children, ctx), style, true)];
}

export function headingToDocx(node: Heading, ctx: DocxContext, style: string, alignment?: Alignment, bookmark: string | null = null): Paragraph {
  const runs = piecesToRuns(phrasingToPieces(node.children, ctx), ctx);
  return ctx.paragraph({ style, ...(alignment ? { alignment } : {}), children: bookmark ? [new Bookmark({ id: bookmark, children: runs })] : runs });
}

/** A bullet or numbered list; nested lists go one level deeper. */
export function listToDocx(list: List, ctx: DocxContext, level: number, options: BlockOptions = {}): FileChild[] {
  const reference = list.ordered ? ORDERED_LIST : BULLET_LIST;
  const instance = ctx.nextListInstance();
  const depth = Math.min(level, 8);
  const indentLeft = Math.round((0.63 * (depth + 1) + 0.37) * TWIPS_PER_CM);
  const out: FileChild[] = [];
  for (const item of list.children) {
    let first = true;
    const check: InlinePiece[] = item.checked === true ? [textPiece('☒ ')] : item.checked === false ? [textPiece('☐ ')] : [];
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        const paragraphs = paragraphToDocx(child, ctx, {
          style: STYLE.listParagraph,
          ...(first ? { numbering: { reference, level: depth, instance }, lead: check } : { indentLeft }),
        });
        for (const paragraph of paragraphs) out.push(paragraph);
      } else if (child.type === 'list') {
        for (const item of listToDocx(child, ctx, level + 1, options)) out.push(item);
      } else {
        for (const item of blocksToDocx([child], ctx, options)) out.push(item);
      }
      first = false;
    }
  }
  return out;
}

/** A GFM table: equal columns over the text width, the first row repeated on every page. */
export function tableToDocx(node: MdTable, ctx: DocxContext): Table {
  const columns = node.children.reduce((most, row) => Math.max(most, row.children.length), 1);
  const width = Math.floor(ctx.textWidth / columns);
  const rows = node.children.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        cantSplit: true,
        children: Array.from({ length: columns }, (_, c) => {
          const cell = row.children[c];
          const align = node.align?.[c];
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            children: [
              ctx.paragraph({
                style: STYLE.tableText,
                ...(align ? { alignment: ALIGN[align === 'center' ? 'center' : align === 'right' ? 'right' : 'left'] } : {}),
                children: cell ? piecesToRuns(phrasingToPieces(cell.children, ctx, r === 0 ? { bold: true } : {}), ctx) : [],
              }),
            ],
          });
        }),
      }),
  );
  return new Table({ rows, width: { size: width * columns, type: WidthType.DXA }, columnWidths: Array.from({ length: columns }, () => width) });
}

function hasSoftBreak(nodes: readonly PhrasingContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'text' && node.value.includes('\n')) return true;
    const children = (node as { children?: PhrasingContent[] }).children;
    if (children && hasSoftBreak(children)) return true;
  }
  return false;
}

function inlineMarker(node: MdParagraph): string | null {
  for (const child of node.children) {
    if (child.type === 'html') {
      const m = MARKER.exec(child.value.trim());
      if (m) return m[1]!;
    }
  }
  return null;
}

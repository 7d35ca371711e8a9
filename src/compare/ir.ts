/**
 * Content blocks (mdast) → a flat stream of inline pieces, paragraph marks and tables: the same paragraphs,
 * styles and pieces `src/render/blocks.ts` makes (paragraphs and `a)`/`b)` enumerations, headings, lists,
 * tables, quotes, code, thematic breaks, directives), kept open so that two versions of a text can be merged
 * piece by piece before any Word run is made.
 *
 * A paragraph is its pieces followed by its mark; the mark carries the paragraph's properties, as in Word
 * (where deleting a paragraph mark joins the paragraph to the next one). Tests render the same content with
 * `blocksToDocx` and compare paragraph by paragraph, so that this stays in step with the renderer.
 */
import type { Heading, List, Paragraph as MdParagraph, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { phrasingToPieces, piecesText, splitLines, textPiece, type InlineContext, type InlinePiece } from '../render/inline.js';
import { DIRECTIVE, ENUM_ITEM, MARKER, STYLE_DIRECTIVE } from '../render/blocks.js';
import { STYLE } from '../render/styles.js';
import { TWIPS_PER_CM } from '../render/units.js';

export type Alignment = 'center' | 'right' | 'left' | 'justify';

/** What a paragraph mark carries. */
export interface ParagraphProps {
  /** The paragraph style; undefined for a paragraph without one (a thematic break). */
  style?: string;
  alignment?: Alignment;
  /** A list paragraph: `list` identifies the list (one numbering instance per list). */
  numbering?: { ordered: boolean; level: number; list: string };
  indentLeft?: number;
  spacingAfter?: number;
  /** A thematic break: a bottom border. */
  border?: boolean;
  /** A `<!-- page-break -->` directive. */
  pageBreak?: boolean;
}

export type Item =
  | { kind: 'piece'; piece: InlinePiece; bookmark?: string }
  | { kind: 'mark'; props: ParagraphProps }
  /** A table; `from`: FROM's table of the same shape, when the two are written as one, compared cell by cell. */
  | { kind: 'table'; node: MdTable; from?: MdTable };

export interface BlockStyle {
  /** Style of plain paragraphs (default Normal). */
  style?: string;
  /** Style of a Markdown heading of a depth. */
  headingStyle?: (depth: number) => string;
}

/** Headings inside unit content sit below the standards' levels (as in standards.ts). */
export const CONTENT_HEADINGS: BlockStyle = { headingStyle: (depth) => (depth <= 2 ? STYLE.heading3 : STYLE.heading4) };

export const piece = (p: InlinePiece, bookmark?: string): Item => (bookmark ? { kind: 'piece', piece: p, bookmark } : { kind: 'piece', piece: p });
export const mark = (props: ParagraphProps): Item => ({ kind: 'mark', props });
export const pieces = (list: readonly InlinePiece[]): Item[] => list.map((p) => piece(p));

/** Builds item streams for one side of a comparison; list ids are unique to the builder. */
export class StreamBuilder {
  private lists = 0;

  constructor(
    readonly ctx: InlineContext,
    /** Prefix of this builder's list ids (`from`, `to`). */
    readonly side: string,
  ) {}

  blocks(blocks: readonly RootContent[], options: BlockStyle = {}): Item[] {
    const out: Item[] = [];
    let alignment: Alignment | undefined;
    let styleOverride: string | undefined;
    for (const block of blocks) {
      const align = alignment;
      const named = styleOverride;
      alignment = undefined;
      styleOverride = undefined;
      switch (block.type) {
        case 'paragraph':
          for (const item of this.paragraph(block, { style: named ?? options.style, ...(align ? { alignment: align } : {}) })) out.push(item);
          break;
        case 'heading':
          for (const item of this.heading(block, named ?? (options.headingStyle ?? defaultHeadingStyle)(block.depth), align)) out.push(item);
          break;
        case 'list':
          for (const item of this.list(block, 0, options)) out.push(item);
          break;
        case 'table':
          out.push({ kind: 'table', node: block });
          break;
        case 'blockquote':
          for (const item of this.blocks(block.children, { ...options, style: STYLE.quote })) out.push(item);
          break;
        case 'code':
          for (const item of pieces(block.value.split(/\r?\n/).flatMap((line, i): InlinePiece[] => (i === 0 ? [textPiece(line)] : [{ kind: 'break', format: {} }, textPiece(line)])))) out.push(item);
          out.push(mark({ style: STYLE.code }));
          break;
        case 'thematicBreak':
          out.push(mark({ border: true }));
          break;
        case 'html': {
          const value = block.value.trim();
          if (MARKER.test(value)) break;
          const styleDirective = STYLE_DIRECTIVE.exec(value);
          if (styleDirective) {
            styleOverride = styleDirective[1]!;
            alignment = align;
            break;
          }
          const directive = DIRECTIVE.exec(value);
          if (directive) {
            if (directive[1] === 'page-break') out.push(mark({ pageBreak: true }));
            else {
              alignment = directive[1] as Alignment;
              styleOverride = named;
            }
            break;
          }
          if (/^<!--[\s\S]*-->$/.test(value)) break;
          out.push(piece(textPiece(value)), mark({ style: options.style ?? STYLE.normal }));
          break;
        }
        case 'definition':
        case 'footnoteDefinition':
        case 'yaml':
          break;
        default: {
          const children = (block as { children?: RootContent[] }).children;
          const value = (block as { value?: unknown }).value;
          if (children) for (const item of this.blocks(children, options)) out.push(item);
          else if (typeof value === 'string') out.push(piece(textPiece(value)), mark({ style: options.style ?? STYLE.normal }));
        }
      }
    }
    return out;
  }

  /**
   * A paragraph, or an `a)`/`b)` enumeration (one paragraph per line, the items in the Enumeration style).
   * `lead` pieces start the first line (a list item's check box).
   */
  paragraph(node: MdParagraph, options: { style?: string | undefined; alignment?: Alignment; numbering?: ParagraphProps['numbering']; indentLeft?: number; lead?: InlinePiece[] } = {}): Item[] {
    const style = options.style ?? STYLE.normal;
    const lead = options.lead ?? [];
    const props = (paragraphStyle: string, first: boolean, last: boolean): ParagraphProps => ({
      style: paragraphStyle,
      ...(last ? { spacingAfter: 120 } : {}),
      ...(options.alignment ? { alignment: options.alignment } : {}),
      ...(first && options.numbering ? { numbering: options.numbering } : {}),
      ...(options.indentLeft !== undefined ? { indentLeft: options.indentLeft } : {}),
    });
    if (hasSoftBreak(node.children)) {
      const lines = splitLines(node.children, this.ctx);
      const items = lines.slice(1);
      if (items.length > 0 && items.every((line) => ENUM_ITEM.test(piecesText(line)))) {
        const firstIsItem = ENUM_ITEM.test(piecesText(lines[0]!));
        return lines.flatMap((line, i) => [
          ...pieces(i === 0 ? [...lead, ...line] : line),
          mark(props(i === 0 && !firstIsItem ? style : STYLE.enumeration, i === 0, i === lines.length - 1)),
        ]);
      }
    }
    return [...pieces([...lead, ...phrasingToPieces(node.children, this.ctx)]), mark(props(style, true, false))];
  }

  heading(node: Heading, style: string, alignment?: Alignment): Item[] {
    return [...pieces(phrasingToPieces(node.children, this.ctx)), mark({ style, ...(alignment ? { alignment } : {}) })];
  }

  list(list: List, level: number, options: BlockStyle): Item[] {
    const id = `${this.side}:${++this.lists}`;
    const depth = Math.min(level, 8);
    const indentLeft = Math.round((0.63 * (depth + 1) + 0.37) * TWIPS_PER_CM);
    const out: Item[] = [];
    for (const item of list.children) {
      let first = true;
      const check: InlinePiece[] = item.checked === true ? [textPiece('☒ ')] : item.checked === false ? [textPiece('☐ ')] : [];
      for (const child of item.children) {
        if (child.type === 'paragraph') {
          const paragraphs = this.paragraph(child, {
            style: STYLE.listParagraph,
            ...(first ? { numbering: { ordered: Boolean(list.ordered), level: depth, list: id }, lead: check } : { indentLeft }),
          });
          for (const paragraph of paragraphs) out.push(paragraph);
        } else if (child.type === 'list') {
          for (const item of this.list(child, level + 1, options)) out.push(item);
        } else {
          for (const item of this.blocks([child], options)) out.push(item);
        }
        first = false;
      }
    }
    return out;
  }
}

const defaultHeadingStyle = (depth: number): string => (depth <= 3 ? STYLE.heading3 : STYLE.heading4);

function hasSoftBreak(nodes: readonly PhrasingContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'text' && node.value.includes('\n')) return true;
    const children = (node as { children?: PhrasingContent[] }).children;
    if (children && hasSoftBreak(children)) return true;
  }
  return false;
}

/** The text of an item as the merge aligns it: pieces as written, a mark as a line break, a table as its cells. */
export function itemText(item: Item, tableText: (node: MdTable) => string): string {
  switch (item.kind) {
    case 'piece':
      return item.piece.kind === 'text' ? item.piece.text : item.piece.kind === 'break' ? '\n' : '';
    case 'mark':
      return '\n';
    case 'table':
      return tableText(item.node);
  }
}

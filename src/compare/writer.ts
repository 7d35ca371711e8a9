/**
 * Merged items → Word paragraphs and tables, made with the renderer's pieces (`piecesToRuns`, `tableToDocx`,
 * the `DocxContext`), so that they look like `stdraft render`'s. Two ways of marking what changed:
 *
 * - `revisions` (the redline): real tracked changes. Inserted and deleted runs are `w:ins` / `w:del` with
 *   author and date; an inserted or deleted paragraph mark is a revision of the mark (`w:pPr/w:rPr/w:ins`),
 *   so accepting or rejecting joins paragraphs as it should; table rows are inserted or deleted whole
 *   (`w:trPr/w:ins`); a paragraph whose properties changed keeps FROM's in `w:pPrChange`. Typographic-only
 *   changes have an author of their own, so that Word can show, accept or reject them apart.
 * - `formatting` (the synoptic table): one side's text, deletions struck through, insertions underlined,
 *   typographic corrections in grey with a dotted underline.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  PageBreak,
  Table,
  TableCell,
  TableRow,
  UnderlineType,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocxContext } from '../render/context.js';
import { defaultRun, phrasingToPieces, piecesToRuns, type InlinePiece, type RunFactory } from '../render/inline.js';
import { deletedRun, insertedRun } from './revision-runs.js';
import { mergeTableCells } from './tables.js';
import { tableToDocx } from '../render/blocks.js';
import { BULLET_LIST, ORDERED_LIST, STYLE } from '../render/styles.js';
import type { Item, ParagraphProps } from './ir.js';
import type { Out, RevState } from './merge.js';

export type Marking =
  | { kind: 'revisions'; author: string; typographicAuthor: string; date: string }
  | { kind: 'formatting'; side: 'from' | 'to' };

export interface MarkingStats {
  /** Revisions as a reader counts them: runs of inserted (or deleted) text and marks, unbroken by unchanged text. */
  revisions: number;
  /** Of which typographic. */
  typographic: number;
  /** Characters of inserted and deleted text. */
  characters: number;
}

export const DELETED_COLOR = 'C00000';
export const INSERTED_COLOR = '1F4E9D';
export const TYPOGRAPHIC_COLOR = '7F7F7F';

const ALIGN = { center: AlignmentType.CENTER, right: AlignmentType.RIGHT, left: AlignmentType.LEFT, justify: AlignmentType.JUSTIFIED } as const;
const HEADINGS = new Set<string>([STYLE.title, STYLE.subtitle, STYLE.heading1, STYLE.heading2, STYLE.heading3, STYLE.heading4]);
/** Revision ids start high, away from the bookmark ids docx gives. */
const FIRST_REVISION_ID = 1_000_000;

export class DocxWriter {
  private children: FileChild[] = [];
  readonly stats: MarkingStats = { revisions: 0, typographic: 0, characters: 0 };
  private buffer: Out[] = [];
  private readonly instances = new Map<string, number>();
  private last: string = 'same';
  private nextId = FIRST_REVISION_ID;
  private readonly contexts = new Map<string, DocxContext>();

  constructor(
    private readonly ctx: DocxContext,
    private readonly marking: Marking,
    /** Inside a table cell: headings become bold table text. */
    private readonly cell = false,
  ) {}

  push(outs: readonly Out[]): void {
    for (const out of outs) {
      this.count(out);
      const item = out.item;
      if (item.kind === 'mark') this.paragraph(out, item.props);
      else if (item.kind === 'table') {
        if (this.buffer.length > 0) this.paragraph({ item: { kind: 'mark', props: { style: STYLE.normal } }, state: 'same' }, { style: STYLE.normal });
        this.children.push(this.table(item.node, out));
      } else this.buffer.push(out);
    }
  }

  /** The paragraphs and tables made since the last call (text waiting for its paragraph mark stays). */
  take(): FileChild[] {
    const made = this.children;
    this.children = [];
    return made;
  }

  /** The paragraphs and tables not yet taken; text left without a mark ends in a Normal paragraph. */
  finish(): FileChild[] {
    if (this.buffer.length > 0) this.paragraph({ item: { kind: 'mark', props: { style: STYLE.normal } }, state: 'same' }, { style: STYLE.normal });
    return this.take();
  }

  private count(out: Out): void {
    const item = out.item;
    const size = item.kind === 'piece' ? (item.piece.kind === 'text' ? item.piece.text.length : item.piece.kind === 'break' ? 1 : 0) : 1;
    if (size === 0) return;
    if (out.state === 'same') {
      this.last = 'same';
      return;
    }
    const kind = `${out.state}${out.typographic ? ':t' : ''}`;
    if (kind !== this.last) {
      this.stats.revisions++;
      if (out.typographic) this.stats.typographic++;
    }
    this.last = kind;
    if (item.kind === 'piece' && item.piece.kind === 'text') this.stats.characters += item.piece.text.length;
    // A table inserted or deleted whole: the text of its cells.
    if (item.kind === 'table') for (const row of item.node.children) for (const cell of row.children) this.stats.characters += toString(cell).length;
  }

  private paragraph(markOut: Out, ownProps: ParagraphProps): void {
    const fromSide = this.marking.kind === 'formatting' && this.marking.side === 'from';
    let props = fromSide && markOut.fromProps ? markOut.fromProps : ownProps;
    let bold = false;
    if (this.cell && props.style && HEADINGS.has(props.style)) {
      props = { ...props, style: STYLE.tableText };
      bold = true;
    }
    // Narrow table cells read better ragged than justified.
    if (this.cell && !props.alignment) props = { ...props, alignment: 'left' };
    const runs = this.runs(this.buffer, bold);
    this.buffer = [];
    const options: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = {
      ...this.paragraphOptions(props),
      // A page break directive keeps its page break, but not inside a table cell.
      children: props.pageBreak && !this.cell ? [new PageBreak(), ...runs] : runs,
    };
    if (this.marking.kind === 'revisions') {
      if (markOut.state === 'ins') options.run = { insertion: this.revision(markOut.typographic) };
      else if (markOut.state === 'del') options.run = { deletion: this.revision(markOut.typographic) };
      else if (markOut.fromProps) {
        const before = this.paragraphOptions(markOut.fromProps);
        options.revision = {
          ...this.revision(false),
          ...(before.style ? { style: before.style } : {}),
          ...(before.alignment ? { alignment: before.alignment } : {}),
          ...(before.indent ? { indent: before.indent } : {}),
          ...(before.spacing ? { spacing: before.spacing } : {}),
          ...(before.numbering ? { numbering: before.numbering } : {}),
        };
      }
    }
    this.children.push(this.ctx.paragraph(options));
  }

  private paragraphOptions(props: ParagraphProps): { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } {
    const options: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = {};
    if (props.style) options.style = props.style;
    if (props.alignment) options.alignment = ALIGN[props.alignment];
    if (props.numbering) {
      let instance = this.instances.get(props.numbering.list);
      if (instance === undefined) {
        instance = this.ctx.nextListInstance();
        this.instances.set(props.numbering.list, instance);
      }
      options.numbering = { reference: props.numbering.ordered ? ORDERED_LIST : BULLET_LIST, level: props.numbering.level, instance };
    }
    if (props.indentLeft !== undefined) options.indent = { left: props.indentLeft };
    if (props.spacingAfter !== undefined) options.spacing = { after: props.spacingAfter };
    if (props.border) options.border = { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } };
    return options;
  }

  /** The runs of a paragraph: pieces grouped by how they are marked; a bookmark around its labelled pieces. */
  private runs(outs: readonly Out[], bold: boolean): ParagraphChild[] {
    const first = outs.findIndex((o) => o.item.kind === 'piece' && o.item.bookmark);
    if (first < 0) return this.plainRuns(outs, bold);
    const name = (outs[first]!.item as { bookmark: string }).bookmark;
    let last = first;
    outs.forEach((o, i) => {
      if (o.item.kind === 'piece' && o.item.bookmark === name) last = i;
    });
    return [
      ...this.plainRuns(outs.slice(0, first), bold),
      new Bookmark({ id: name, children: this.plainRuns(outs.slice(first, last + 1), bold) }),
      ...this.plainRuns(outs.slice(last + 1), bold),
    ];
  }

  private plainRuns(outs: readonly Out[], bold: boolean): ParagraphChild[] {
    const runs: ParagraphChild[] = [];
    let i = 0;
    while (i < outs.length) {
      const { state, typographic } = outs[i]!;
      const group: InlinePiece[] = [];
      while (i < outs.length && outs[i]!.state === state && Boolean(outs[i]!.typographic) === Boolean(typographic)) {
        const item = outs[i]!.item as Extract<Item, { kind: 'piece' }>;
        const p = bold && item.piece.kind !== 'footnote' ? { ...item.piece, format: { ...item.piece.format, bold: true } } : item.piece;
        const previous = group[group.length - 1];
        // Pieces cut apart by the merge, with the same look, make one run.
        if (p.kind === 'text' && previous?.kind === 'text' && sameLook(previous, p)) group[group.length - 1] = { ...previous, text: previous.text + p.text };
        else group.push(p);
        i++;
      }
      for (const item of piecesToRuns(group, this.inline(state, Boolean(typographic)))) runs.push(item);
    }
    return runs;
  }

  /** The context with the run factory of a marking (runs are all made through `makeRun`). */
  private inline(state: RevState, typographic: boolean): DocxContext {
    const key = `${state}${typographic ? ':t' : ''}`;
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = Object.create(this.ctx, { makeRun: { value: this.runFactory(state, typographic) } }) as DocxContext;
      this.contexts.set(key, ctx);
    }
    return ctx;
  }

  private runFactory(state: RevState, typographic: boolean): RunFactory {
    if (state === 'same') return defaultRun;
    if (this.marking.kind === 'revisions') {
      return state === 'ins' ? (options) => insertedRun(options, this.revision(typographic)) : (options) => deletedRun(options, this.revision(typographic));
    }
    const color = typographic ? TYPOGRAPHIC_COLOR : state === 'ins' ? INSERTED_COLOR : DELETED_COLOR;
    const look: IRunOptions =
      state === 'ins' ? { underline: { type: typographic ? UnderlineType.DOTTED : UnderlineType.SINGLE }, color } : { strike: true, color };
    return (options) => defaultRun({ ...options, ...look });
  }

  private revision(typographic = false): { id: number; author: string; date: string } {
    if (this.marking.kind !== 'revisions') throw new Error('revision outside a redline');
    return { id: this.nextId++, author: typographic ? this.marking.typographicAuthor : this.marking.author, date: this.marking.date };
  }

  private table(node: MdTable, out: Out): Table {
    const from = out.item.kind === 'table' ? out.item.from : undefined;
    if (out.state === 'same' && from) return this.mergedTable(from, node);
    if (out.state === 'same' || this.marking.kind === 'formatting') return tableToDocx(node, this.inline(out.state, Boolean(out.typographic)));
    // A table inserted or deleted whole: its rows too, so that accepting or rejecting removes them.
    const ctx = this.inline(out.state, Boolean(out.typographic));
    const columns = node.children.reduce((most, row) => Math.max(most, row.children.length), 1);
    const width = Math.floor(this.ctx.textWidth / columns);
    const change = out.state === 'ins' ? { insertion: this.revision(out.typographic) } : { deletion: this.revision(out.typographic) };
    const rows = node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          ...change,
          children: Array.from({ length: columns }, (_, c) => {
            const cell = row.children[c];
            const align = node.align?.[c];
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [
                this.ctx.paragraph({
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

  /** Two tables of one shape as one: TO's, each cell compared with FROM's (tables.ts). */
  private mergedTable(from: MdTable, to: MdTable): Table {
    const { rows: cells, align, columns } = mergeTableCells(from, to, this.ctx);
    const width = Math.floor(this.ctx.textWidth / columns);
    const rows = cells.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.map((merged, c) => {
            const outs = merged.filter((o) => this.shows(o));
            for (const o of outs) this.count(o);
            const a = align[c];
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [this.ctx.paragraph({ style: STYLE.tableText, ...(a ? { alignment: ALIGN[a] } : {}), children: this.plainRuns(outs, false) })],
            });
          }),
        }),
    );
    this.last = 'same';
    return new Table({ rows, width: { size: width * columns, type: WidthType.DXA }, columnWidths: Array.from({ length: columns }, () => width) });
  }

  /** Whether this writer writes an item: a redline writes all; one side of a synoptic row, that side's. */
  private shows(out: Out): boolean {
    if (this.marking.kind === 'revisions') return true;
    return this.marking.side === 'from' ? out.state !== 'ins' : out.state !== 'del';
  }
}

function sameLook(a: Extract<InlinePiece, { kind: 'text' }>, b: Extract<InlinePiece, { kind: 'text' }>): boolean {
  const fa = a.format;
  const fb = b.format;
  if (Boolean(fa.bold) !== Boolean(fb.bold) || Boolean(fa.italics) !== Boolean(fb.italics) || Boolean(fa.strike) !== Boolean(fb.strike)) return false;
  if (Boolean(fa.code) !== Boolean(fb.code) || Boolean(fa.superScript) !== Boolean(fb.superScript)) return false;
  if (!a.link || !b.link) return !a.link && !b.link;
  return 'url' in a.link ? 'url' in b.link && a.link.url === b.link.url : 'bookmark' in b.link && a.link.bookmark === b.link.bookmark;
}

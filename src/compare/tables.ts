/**
 * Two tables of one shape written as one (see `sameItems` in merge.ts): each cell of TO's table merged with
 * the same cell of FROM's by the word diff the Changeset uses (`wordDiff`), so that a changed number in a
 * staffing table is marked alone rather than the whole table.
 */
import type { Table as MdTable } from 'mdast';
import { wordDiff } from '../diff/parts.js';
import { phrasingToPieces, piecesText, type InlineContext } from '../render/inline.js';
import { pieces } from './ir.js';
import { mergeItems, type Out } from './merge.js';

export type CellAlign = 'left' | 'right' | 'center' | null;

/** Rows of cells, each cell's merged pieces (the header row in bold), and each column's alignment (TO's). */
export function mergeTableCells(from: MdTable, to: MdTable, ctx: InlineContext): { rows: Out[][][]; align: CellAlign[]; columns: number } {
  const columns = to.children.reduce((most, row) => Math.max(most, row.children.length), 1);
  const rows = to.children.map((row, r) =>
    Array.from({ length: columns }, (_, c) => {
      const format = r === 0 ? { bold: true } : {};
      const a = from.children[r]?.children[c];
      const b = row.children[c];
      const fromPieces = a ? phrasingToPieces(a.children, ctx, format) : [];
      const toPieces = b ? phrasingToPieces(b.children, ctx, format) : [];
      const fromText = piecesText(fromPieces);
      const toText = piecesText(toPieces);
      return mergeItems(pieces(fromPieces), pieces(toPieces), { changes: wordDiff(fromText, toText), fromText, toText });
    }),
  );
  const align = Array.from({ length: columns }, (_, c) => (to.align?.[c] ?? null) as CellAlign);
  return { rows, align, columns };
}

/** Offsets ↔ line/column for a text, and spans of mdast nodes. */
import type { Node } from 'unist';
import type { Point, Span } from '../model/types.js';

/** Offsets ↔ 1-based line and column in a text; lines end at LF, CRLF or a lone CR (as in CommonMark and mdast). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    const eol = /\r\n?|\n/g;
    for (let m = eol.exec(text); m !== null; m = eol.exec(text)) this.starts.push(m.index + m[0].length);
  }

  point(offset: number): Point {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.starts[lo]! + 1, offset: at };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
  }

  /** The offset where a 1-based line starts, or null when there is no such line. */
  lineStart(line: number): number | null {
    return line >= 1 && line <= this.starts.length ? this.starts[line - 1]! : null;
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string | null {
    const start = this.lineStart(line);
    if (start === null) return null;
    const next = this.lineStart(line + 1);
    return this.text.slice(start, next === null ? this.text.length : next).replace(/(?:\r\n?|\n)$/, '');
  }
}

export const ORIGIN: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export function spanOf(node: Node | undefined): Span {
  const p = node?.position;
  if (!p) return ORIGIN;
  return {
    start: { line: p.start.line, column: p.start.column, offset: p.start.offset ?? 0 },
    end: { line: p.end.line, column: p.end.column, offset: p.end.offset ?? 0 },
  };
}

export function joinSpans(first: Span, last: Span): Span {
  return { start: first.start, end: last.end };
}

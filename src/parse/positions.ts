/** Offsets ↔ line/column for a text, and spans of mdast nodes. */
import type { Node } from 'unist';
import type { Point, Span } from '../model/types.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  point(offset: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1, offset };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
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

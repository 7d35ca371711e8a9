/**
 * legal-technique (Legea nr. 24/2000, applied to the requirement text): enumerations are lettered a), b), …
 * in order, one item per line, not lists with dashes (or numbers); and there is no list inside a lettered item.
 * Lettered items are lines of a paragraph (docs/format.md); an enumeration may continue in the next paragraph.
 */
import type { List, Paragraph } from 'mdast';
import type { Node } from 'unist';
import type { Span } from '../model/types.js';
import { spanOf } from '../parse/positions.js';
import { lineIndex, walkTree } from './document-text.js';
import type { DocumentRule, RuleContext } from './types.js';

const LETTERED = /^([a-z])\)(?:\s|$)/;
const DASHED = /^[-–—•·*]\s+\S/;

export const legalTechnique: DocumentRule = {
  kind: 'document',
  id: 'legal-technique',
  description: 'Legislative technique in requirement text: enumerations with a), b), … in order, no dashes, no list inside a lettered item',
  severity: 'warning',
  messages: {
    'dash-enumeration': 'Expected an enumeration with letters a), b), … (one item per line), found {{found}}',
    'letter-order': 'Expected {{expected}}) in the enumeration, found {{found}})',
    'nested-list': 'Expected no list inside the lettered item {{letter}}), found {{found}}',
  },
  check(doc, ctx) {
    for (const module of doc.modules) {
      for (const standard of module.standards) {
        for (const req of standard.requirements) checkText(req.text, ctx);
      }
    }
  },
};

interface Enumeration {
  /** The letter of the last item, or null when no enumeration is open. */
  last: string | null;
}

function checkText(blocks: Node[], ctx: RuleContext): void {
  const state: Enumeration = { last: null };
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      checkParagraph(block as Paragraph, state, ctx);
    } else if (block.type === 'list') {
      const list = block as List;
      const found = list.ordered ? 'a numbered list' : 'a list with dashes';
      if (state.last !== null) ctx.report({ messageId: 'nested-list', node: list, data: { letter: state.last, found } });
      else ctx.report({ messageId: 'dash-enumeration', node: list, data: { found } });
      state.last = null;
    } else {
      state.last = null;
    }
  }
}

function checkParagraph(paragraph: Paragraph, state: Enumeration, ctx: RuleContext): void {
  const lines = linesOf(paragraph);
  const start = spanOf(paragraph).start;
  let dashRun: { first: number; last: number; nested: string | null } | null = null;
  const flushDashes = () => {
    if (!dashRun) return;
    const span = joinLines(lineSpan(start, dashRun.first, lines[dashRun.first]!, ctx), lineSpan(start, dashRun.last, lines[dashRun.last]!, ctx));
    if (dashRun.nested !== null) ctx.report({ messageId: 'nested-list', span, data: { letter: dashRun.nested, found: 'lines starting with dashes' } });
    else ctx.report({ messageId: 'dash-enumeration', span, data: { found: 'lines starting with dashes' } });
    dashRun = null;
  };
  lines.forEach((raw, k) => {
    const line = raw.trim();
    const lettered = LETTERED.exec(line);
    if (lettered) {
      flushDashes();
      const letter = lettered[1]!;
      const expected = state.last === null ? 'a' : String.fromCharCode(state.last.charCodeAt(0) + 1);
      if (letter !== expected) {
        ctx.report({ messageId: 'letter-order', span: lineSpan(start, k, raw, ctx, 2), data: { expected, found: letter } });
      }
      state.last = letter;
      return;
    }
    if (DASHED.test(line)) {
      if (dashRun) dashRun.last = k;
      else dashRun = { first: k, last: k, nested: state.last };
      return;
    }
    flushDashes();
    // A line that is neither an item nor a dash continues the open item (a wrapped line), unless the
    // paragraph starts with it: then it is a new sentence and any enumeration before has ended.
    if (k === 0) state.last = null;
  });
  flushDashes();
}

/** The paragraph's text, line by line (hard and soft breaks end a line). */
function linesOf(paragraph: Paragraph): string[] {
  let text = '';
  walkTree(paragraph, (node) => {
    if (node.type === 'break') text += '\n';
    else if (node !== paragraph && 'value' in node && typeof node.value === 'string') text += node.value;
  });
  return text.split(/\r\n?|\n/);
}

/** The span of line `k` of a paragraph starting at `start`, without indentation (exact when the source is known). */
function lineSpan(start: Span['start'], k: number, text: string, ctx: RuleContext, length?: number): Span {
  const line = start.line + k;
  if (ctx.text !== undefined) {
    const index = lineIndex(ctx.text);
    const lineStart = index.lineStart(line);
    const source = index.lineText(line);
    if (lineStart !== null && source !== null) {
      const from = lineStart + (source.length - source.trimStart().length);
      const end = lineStart + source.trimEnd().length;
      return index.span(from, Math.max(from, length !== undefined ? Math.min(from + length, end) : end));
    }
  }
  const column = k === 0 ? start.column : 1;
  const width = length ?? text.trimEnd().length;
  return { start: { line, column, offset: start.offset }, end: { line, column: column + width, offset: start.offset } };
}

function joinLines(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}

/**
 * legal-technique (Legea nr. 24/2000, applied to the requirement text): enumerations are lettered a), b), …
 * in order, one item per line, not lists with dashes (or numbers); and there is no list inside a lettered item.
 * Lettered items are lines of a paragraph (docs/format.md); an enumeration may continue in the next paragraph.
 * Also: an enumeration has two items or more; paragraphs (1), (2) only when there are two or more; annexes
 * are cited in the order of their numbers (a first mention of anexa nr. 3 before anexa nr. 2 is out of order);
 * "se modifică corespunzător" is not a way to amend (the unit is restated: "se modifică și va avea următorul
 * cuprins:"); act numbers of four or more digits take a point, `nr. 1.238/2007` (text and front matter).
 */
import type { List, Paragraph } from 'mdast';
import type { Node } from 'unist';
import type { Span } from '../model/types.js';
import { spanOf } from '../parse/positions.js';
import { isCitation } from '../model/references.js';
import { lineIndex, textSegments, walkTree } from './document-text.js';
import type { DocumentRule, RuleContext } from './types.js';

const LETTERED = /^([a-z])\)(?:\s|$)/;
const DASHED = /^[-–—•·*]\s+\S/;

export const legalTechnique: DocumentRule = {
  kind: 'document',
  id: 'legal-technique',
  description: 'Legislative technique: enumerations of two items or more with a), b), … in order, no dashes, no list inside a lettered item; (1) only with (2); annexes cited in order; no "se modifică corespunzător"',
  severity: 'warning',
  messages: {
    'dash-enumeration': 'Expected an enumeration with letters a), b), … (one item per line), found {{found}}',
    'letter-order': 'Expected {{expected}}) in the enumeration, found {{found}})',
    'nested-list': 'Expected no list inside the lettered item {{letter}}), found {{found}}',
    'single-item': 'Expected an enumeration of two items or more, found only a) (write the item as a sentence)',
    'lone-paragraph': 'Expected paragraph (2) after (1), found a single numbered paragraph (number paragraphs only when there are two or more)',
    'annex-order': 'Expected anexa nr. {{expected}} to be cited before anexa nr. {{found}} (annexes are numbered in the order of their first mention)',
    'amend-accordingly': 'Expected the amended unit restated ("se modifică și va avea următorul cuprins:"), found "{{found}}"',
    'act-number': 'Expected "{{expected}}" (act numbers of four or more digits take a point), found "{{found}}"',
  },
  check(doc, ctx) {
    for (const module of doc.modules) {
      for (const standard of module.standards) {
        for (const req of standard.requirements) checkText(req.text, ctx);
      }
    }
    checkRunningText(doc, ctx);
  },
};

interface Enumeration {
  /** The letter of the last item, or null when no enumeration is open. */
  last: string | null;
  /** The span of the a) line of the open enumeration. */
  first: Span | null;
}

function checkText(blocks: readonly Node[], ctx: RuleContext): void {
  const state: Enumeration = { last: null, first: null };
  const paragraphNumbers: { n: number; span: Span }[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      checkParagraph(block as Paragraph, state, ctx, paragraphNumbers);
    } else if (block.type === 'list') {
      const list = block as List;
      const found = list.ordered ? 'a numbered list' : 'a list with dashes';
      if (state.last !== null) ctx.report({ messageId: 'nested-list', node: list, data: { letter: state.last, found } });
      else ctx.report({ messageId: 'dash-enumeration', node: list, data: { found } });
      endEnumeration(state, ctx);
    } else {
      endEnumeration(state, ctx);
    }
  }
  endEnumeration(state, ctx);
  const one = paragraphNumbers.find((p) => p.n === 1);
  if (one && !paragraphNumbers.some((p) => p.n === 2)) ctx.report({ messageId: 'lone-paragraph', span: one.span });
}

/** Closes the open enumeration: one with only a) is reported. */
function endEnumeration(state: Enumeration, ctx: RuleContext): void {
  if (state.last === 'a' && state.first) ctx.report({ messageId: 'single-item', span: state.first });
  state.last = null;
  state.first = null;
}

const ACT_NUMBER = /(?<![\p{L}])nr\.\s*(\d{4,})(?=\/\d|(?![\d.]))/gu;
const ANNEX_CITE = /(?<![\p{L}])anex(?:a|ei|ele|elor)\s+(?:nr\.\s*)?(\d+)(?![\p{N}])/giu;
const AMEND_ACCORDINGLY = /(?<![\p{L}])se\s+modific[ăa]\s+(?:în\s+mod\s+)?corespunz[ăa]tor(?![\p{L}])/giu;

/** Annex citations in order, and "se modifică corespunzător", in the running text of the whole document. */
function checkRunningText(doc: Parameters<typeof legalTechnique.check>[0], ctx: RuleContext): void {
  // Act numbers, in the front matter (legal-basis is printed in the order's preamble) and the text.
  for (const segment of textSegments(doc, ctx.text, { frontMatter: true })) {
    for (const m of segment.value.matchAll(ACT_NUMBER)) {
      const expected = `nr. ${m[1]!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
      ctx.report({ messageId: 'act-number', span: segment.span(m.index, m.index + m[0].length), data: { expected, found: m[0] } });
    }
  }
  const cited = new Set<number>();
  let highest = 0;
  for (const segment of textSegments(doc, ctx.text)) {
    if (segment.place?.role === 'annex-heading') continue;
    for (const m of segment.value.matchAll(AMEND_ACCORDINGLY)) {
      ctx.report({ messageId: 'amend-accordingly', span: segment.span(m.index, m.index + m[0].length), data: { found: m[0].replace(/\s+/g, ' ') } });
    }
    for (const m of segment.value.matchAll(ANNEX_CITE)) {
      if (isCitation(segment.value, m.index + m[0].length)) continue; // an annex of another act
      const n = Number(m[1]);
      if (cited.has(n)) continue;
      cited.add(n);
      if (n > highest + 1) {
        ctx.report({ messageId: 'annex-order', span: segment.span(m.index, m.index + m[0].length), data: { expected: highest + 1, found: n } });
      }
      highest = Math.max(highest, n);
    }
  }
}

function checkParagraph(paragraph: Paragraph, state: Enumeration, ctx: RuleContext, paragraphNumbers: { n: number; span: Span }[]): void {
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
    const numbered = /^\((\d+)\)\s/.exec(line);
    if (numbered) paragraphNumbers.push({ n: Number(numbered[1]), span: lineSpan(start, k, raw, ctx, numbered[1]!.length + 2) });
    const lettered = LETTERED.exec(line);
    if (lettered) {
      flushDashes();
      const letter = lettered[1]!;
      if (state.last === null) state.first = lineSpan(start, k, raw, ctx, 2);
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
    if (k === 0) endEnumeration(state, ctx);
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

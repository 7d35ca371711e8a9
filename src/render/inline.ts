/**
 * Inline Markdown (mdast phrasing content) → docx runs, in two steps so that callers can change the runs
 * before they are made:
 *
 *   phrasingToPieces(nodes, ctx)  → InlinePiece[]   text with its formatting and link, breaks, footnotes, fields
 *   piecesToRuns(pieces, ctx)     → ParagraphChild[] TextRun / ExternalHyperlink / InternalHyperlink / footnote runs
 *
 * `ctx.makeRun` makes every text run; a redline passes one that makes `InsertedTextRun` / `DeletedTextRun`
 * (tracked changes `w:ins` / `w:del`) from the same options, and `splitPieces` cuts pieces at character
 * offsets so that a word diff can mark parts of a text.
 */
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  InternalHyperlink,
  PageNumber,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Definition, FootnoteDefinition, PhrasingContent } from 'mdast';
import { makeRun } from './xml.js';

export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  superScript?: boolean;
}

export type LinkTarget = { url: string } | { bookmark: string };

export type InlinePiece =
  | { kind: 'text'; text: string; format: RunFormat; link?: LinkTarget }
  | { kind: 'break'; format: RunFormat; link?: LinkTarget }
  /** A footnote reference: the number the document gives it. */
  | { kind: 'footnote'; id: number }
  /** A page field: the current page, or the number of pages. */
  | { kind: 'field'; field: 'PAGE' | 'NUMPAGES'; format: RunFormat };

/** Makes one run from its options: `new TextRun(options)` unless a caller wants tracked changes. */
export type RunFactory = (options: IRunOptions) => ParagraphChild;

export interface InlineContext {
  /** Link and footnote definitions by their normalised identifier. */
  definitions: ReadonlyMap<string, Definition | FootnoteDefinition>;
  /** Gives a footnote definition its number (the first reference numbers it); null when there is none. */
  footnote(identifier: string): number | null;
  /** The bookmark a Markdown anchor (`#s3-2`) points to, when the document has it. */
  bookmark(anchor: string): string | null;
  /** The monospace font for inline code. */
  codeFont: string;
  makeRun?: RunFactory;
}

/** The default run factory: light runs (see xml.ts), docx TextRuns for what they do not write. */
export const defaultRun: RunFactory = (options) => makeRun(options);

/** Phrasing content → pieces. Soft line breaks become spaces (use `splitLines` first to keep them). */
export function phrasingToPieces(nodes: readonly PhrasingContent[], ctx: InlineContext, format: RunFormat = {}, link?: LinkTarget): InlinePiece[] {
  const out: InlinePiece[] = [];
  const text = (value: string, f: RunFormat = format) => {
    if (value) out.push(link ? { kind: 'text', text: value, format: f, link } : { kind: 'text', text: value, format: f });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text(node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '));
        break;
      case 'strong':
        for (const item of phrasingToPieces(node.children, ctx, { ...format, bold: true }, link)) out.push(item);
        break;
      case 'emphasis':
        for (const item of phrasingToPieces(node.children, ctx, { ...format, italics: true }, link)) out.push(item);
        break;
      case 'delete':
        for (const item of phrasingToPieces(node.children, ctx, { ...format, strike: true }, link)) out.push(item);
        break;
      case 'inlineCode':
        text(node.value, { ...format, code: true });
        break;
      case 'break':
        out.push(link ? { kind: 'break', format, link } : { kind: 'break', format });
        break;
      case 'link':
        for (const item of phrasingToPieces(node.children, ctx, format, linkTarget(node.url, ctx) ?? link)) out.push(item);
        break;
      case 'linkReference': {
        const def = ctx.definitions.get(normalizeIdentifier(node.identifier));
        const target = def && def.type === 'definition' ? linkTarget(def.url, ctx) : null;
        for (const item of phrasingToPieces(node.children, ctx, format, target ?? link)) out.push(item);
        break;
      }
      case 'image':
        text(node.alt ? `[${node.alt}]` : '[image]', { ...format, italics: true });
        break;
      case 'imageReference':
        text(node.alt ? `[${node.alt}]` : '[image]', { ...format, italics: true });
        break;
      case 'footnoteReference': {
        const id = ctx.footnote(normalizeIdentifier(node.identifier));
        if (id === null) text(`[^${node.label ?? node.identifier}]`);
        else out.push({ kind: 'footnote', id });
        break;
      }
      case 'html':
        // Inline HTML: comments are dropped, <br> is a line break, anything else is kept as text.
        if (/^<!--[\s\S]*-->$/.test(node.value)) break;
        if (/^<br\s*\/?>$/i.test(node.value)) out.push({ kind: 'break', format });
        else text(node.value);
        break;
      default: {
        const value = (node as { value?: unknown }).value;
        if (typeof value === 'string') text(value);
        const children = (node as { children?: PhrasingContent[] }).children;
        if (children) for (const item of phrasingToPieces(children, ctx, format, link)) out.push(item);
      }
    }
  }
  return out;
}

/** The run options of a piece's format. */
export function runOptions(format: RunFormat, ctx: Pick<InlineContext, 'codeFont'>): IRunOptions {
  const options: { -readonly [K in keyof IRunOptions]: IRunOptions[K] } = {};
  if (format.bold) options.bold = true;
  if (format.italics) options.italics = true;
  if (format.strike) options.strike = true;
  if (format.superScript) options.superScript = true;
  if (format.code) options.font = ctx.codeFont;
  return options;
}

/** Pieces → runs; consecutive pieces with the same link become one hyperlink. */
export function piecesToRuns(input: readonly InlinePiece[], ctx: InlineContext): ParagraphChild[] {
  const make = ctx.makeRun ?? defaultRun;
  const pieces = mergePieces(input);
  const out: ParagraphChild[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i]!;
    const link = 'link' in piece ? piece.link : undefined;
    if (!link) {
      out.push(pieceRun(piece, ctx, make));
      i++;
      continue;
    }
    const runs: ParagraphChild[] = [];
    while (i < pieces.length && sameLink((pieces[i] as { link?: LinkTarget }).link, link)) {
      runs.push(pieceRun(pieces[i]!, ctx, make, true));
      i++;
    }
    out.push(
      'url' in link
        ? new ExternalHyperlink({ link: link.url, children: runs })
        : new InternalHyperlink({ anchor: link.bookmark, children: runs }),
    );
  }
  return out;
}

/** Joins neighbouring text pieces of the same format and link (fewer runs, same text). */
export function mergePieces(pieces: readonly InlinePiece[]): InlinePiece[] {
  const out: InlinePiece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (piece.kind === 'text' && last?.kind === 'text' && sameFormat(last.format, piece.format) && sameOptionalLink(last.link, piece.link)) {
      out[out.length - 1] = { ...last, text: last.text + piece.text };
    } else {
      out.push(piece);
    }
  }
  return out;
}

function sameFormat(a: RunFormat, b: RunFormat): boolean {
  return !a.bold === !b.bold && !a.italics === !b.italics && !a.strike === !b.strike && !a.code === !b.code && !a.superScript === !b.superScript;
}

function sameOptionalLink(a: LinkTarget | undefined, b: LinkTarget | undefined): boolean {
  return a === undefined ? b === undefined : sameLink(b, a);
}

/** Phrasing content → runs in one step. */
export function phrasingToRuns(nodes: readonly PhrasingContent[], ctx: InlineContext, format: RunFormat = {}): ParagraphChild[] {
  return piecesToRuns(phrasingToPieces(nodes, ctx, format), ctx);
}

/** A text piece (for labels such as `S1.1.`). */
export function textPiece(text: string, format: RunFormat = {}): InlinePiece {
  return { kind: 'text', text, format };
}

/** The plain text of pieces (breaks as newlines, fields and footnotes left out). */
export function piecesText(pieces: readonly InlinePiece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'break' ? '\n' : '')).join('');
}

/**
 * Phrasing content cut at its soft line breaks: one list of pieces per source line (for `a)`/`b)`
 * enumerations, which the format writes as lines of one paragraph).
 */
export function splitLines(nodes: readonly PhrasingContent[], ctx: InlineContext): InlinePiece[][] {
  const marked = mapText(nodes, (value) => value.replace(/[ \t]*\r?\n[ \t]*/g, '\u0000'));
  const pieces = phrasingToPieces(marked, ctx);
  const lines: InlinePiece[][] = [[]];
  for (const piece of pieces) {
    if (piece.kind !== 'text' || !piece.text.includes('\u0000')) {
      lines[lines.length - 1]!.push(piece);
      continue;
    }
    piece.text.split('\u0000').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...piece, text: part });
    });
  }
  return lines;
}

/** Drops the first `count` characters of text from pieces (e.g. an explicit `Im1S1.1:` prefix). */
export function dropLeadingText(pieces: readonly InlinePiece[], count: number): InlinePiece[] {
  let left = count;
  const out: InlinePiece[] = [];
  for (const piece of pieces) {
    if (left > 0 && piece.kind === 'text') {
      if (piece.text.length <= left) {
        left -= piece.text.length;
        continue;
      }
      out.push({ ...piece, text: piece.text.slice(left) });
      left = 0;
      continue;
    }
    out.push(piece);
  }
  return trimLeading(out);
}

/** Removes leading whitespace of the first text piece. */
export function trimLeading(pieces: readonly InlinePiece[]): InlinePiece[] {
  const out = [...pieces];
  while (out.length > 0 && out[0]!.kind === 'text') {
    const first = out[0] as Extract<InlinePiece, { kind: 'text' }>;
    const text = first.text.replace(/^\s+/, '');
    if (text) {
      out[0] = { ...first, text };
      break;
    }
    out.shift();
  }
  return out;
}

/**
 * Cuts text pieces at the given character offsets (of `piecesText`), so that each returned piece lies wholly
 * inside one range: a word diff marks ranges, then each side's pieces are wrapped as insertions or deletions.
 */
export function splitPieces(pieces: readonly InlinePiece[], offsets: readonly number[]): InlinePiece[] {
  const cuts = [...new Set(offsets)].sort((a, b) => a - b);
  const out: InlinePiece[] = [];
  let at = 0;
  for (const piece of pieces) {
    const length = piece.kind === 'text' ? piece.text.length : piece.kind === 'break' ? 1 : 0;
    if (piece.kind !== 'text') {
      out.push(piece);
      at += length;
      continue;
    }
    let start = 0;
    for (const cut of cuts) {
      if (cut <= at + start || cut >= at + length) continue;
      out.push({ ...piece, text: piece.text.slice(start, cut - at) });
      start = cut - at;
    }
    out.push({ ...piece, text: piece.text.slice(start) });
    at += length;
  }
  return out;
}

/** Replaces `{PAGE}` and `{NUMPAGES}` in text pieces by page fields (headers and footers). */
export function withPageFields(pieces: readonly InlinePiece[]): InlinePiece[] {
  const out: InlinePiece[] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'text' || !/\{(?:PAGE|NUMPAGES)\}/.test(piece.text)) {
      out.push(piece);
      continue;
    }
    for (const part of piece.text.split(/(\{(?:PAGE|NUMPAGES)\})/)) {
      if (part === '{PAGE}' || part === '{NUMPAGES}') out.push({ kind: 'field', field: part === '{PAGE}' ? 'PAGE' : 'NUMPAGES', format: piece.format });
      else if (part) out.push({ ...piece, text: part });
    }
  }
  return out;
}

/** mdast identifiers compare case-insensitively with collapsed whitespace (CommonMark label matching). */
export function normalizeIdentifier(identifier: string): string {
  return identifier.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A Word bookmark name for a Markdown anchor: letters, digits and `_`, starting with a letter, at most 40 characters. */
export function bookmarkName(anchor: string): string {
  const name = anchor.replace(/^#/, '').replace(/[^A-Za-z0-9_]/g, '_');
  return (/^[A-Za-z]/.test(name) ? name : `_${name}`).slice(0, 40);
}

function linkTarget(url: string, ctx: InlineContext): LinkTarget | null {
  if (url.startsWith('#')) {
    const bookmark = ctx.bookmark(url.slice(1));
    return bookmark ? { bookmark } : null;
  }
  if (/^(?:https?|mailto|ftp):/i.test(url)) return { url };
  return null;
}

function sameLink(a: LinkTarget | undefined, b: LinkTarget): boolean {
  if (!a) return false;
  return 'url' in a ? 'url' in b && a.url === b.url : 'bookmark' in b && a.bookmark === b.bookmark;
}

function pieceRun(piece: InlinePiece, ctx: InlineContext, make: RunFactory, hyperlink = false): ParagraphChild {
  switch (piece.kind) {
    case 'text':
      return make({ ...runOptions(piece.format, ctx), text: piece.text, ...(hyperlink ? { style: 'Hyperlink' } : {}) });
    case 'break':
      return make({ ...runOptions(piece.format, ctx), break: 1 });
    case 'footnote':
      return new FootnoteReferenceRun(piece.id);
    case 'field':
      return make({ ...runOptions(piece.format, ctx), children: [piece.field === 'PAGE' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES] });
  }
}

function mapText(nodes: readonly PhrasingContent[], fn: (value: string) => string): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'text') return { ...node, value: fn(node.value) };
    const children = (node as { children?: PhrasingContent[] }).children;
    return children ? ({ ...node, children: mapText(children, fn) } as PhrasingContent) : node;
  });
}

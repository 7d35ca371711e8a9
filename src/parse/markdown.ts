/** Markdown → mdast with remark-parse, remark-frontmatter and remark-gfm, in linear time (see split.ts). */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Definition, FootnoteDefinition, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import type { Node } from 'unist';
import { splitAtHeadings, type Part } from './split.js';
import { fastParse } from './fast.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const serializer = unified().use(remarkStringify).use(remarkGfm);

/**
 * `partSize`: slow parts (those the fast path does not take) are grouped up to this size before remark-parse
 * sees them; `fast: false` sends every part to remark-parse (tests compare both ways).
 */
export function parseMarkdown(text: string, partSize = 16384, options: { fast?: boolean } = {}): Root {
  const useFast = options.fast ?? true;
  const pieces = splitAtHeadings(text, useFast ? 0 : partSize);
  // Plain parts are built directly (fast.ts); consecutive other parts are grouped for remark-parse.
  // The first part (front matter) and a part nesting too deep to parse stay on their own, so that a part
  // kept unread never takes the front matter or other parts with it.
  const parts: { part: Part; root: Root | null }[] = [];
  for (const [index, piece] of pieces.entries()) {
    const fast = useFast ? fastParse(piece.text) : null;
    const previous = parts[parts.length - 1];
    if (!fast && nestsTooDeep(piece.text)) {
      parts.push({ part: piece, root: unreadRoot(piece.text) });
    } else if (!fast && index > 1 && previous && !previous.root && previous.part.text.length < partSize) {
      previous.part = { ...previous.part, text: previous.part.text + piece.text };
    } else {
      parts.push({ part: piece, root: fast });
    }
  }
  let roots = parts.map(({ part, root }) => root ?? safeParse(part.text));
  const slow = parts.map(({ root }) => root === null || isUnread(root));

  // Link reference and footnote definitions apply to the whole document. When a document has any and was
  // parsed in several parts, each part is parsed again with the definitions of the others put before it
  // (after a blank line they cannot join its content), or after it for the first part, which may start with
  // front matter. The first definition of a label in document order wins, as in CommonMark. (Parts taken by
  // the fast path hold neither definitions nor references.)
  const found = roots.map((root, index) => (slow[index] && !isUnread(root) ? definitionsIn(root) : []));
  if (parts.length > 1 && found.some((d) => d.length > 0)) {
    roots = parts.map(({ part }, index) => {
      if (!slow[index]) return roots[index]!;
      const own = new Set(found[index]!.map((d) => key(d)));
      const seen = new Set<string>();
      const others: Definitions[] = [];
      found.forEach((defs, i) => {
        for (const d of defs) {
          const k = key(d);
          if (seen.has(k)) continue;
          seen.add(k);
          if (i < index || (i > index && !own.has(k))) others.push(d);
        }
      });
      if (others.length === 0) return roots[index]!;
      const extra = `${stringifyDefinitions(others)}\n\n`;
      return offsetParse(part.text, index === 0 ? '' : extra, index === 0 ? `\n\n${extra}` : '');
    });
  }

  const children: RootContent[] = [];
  const unread: UnreadPart[] = [];
  roots.forEach((root, index) => {
    const { part } = parts[index]!;
    const before = (root as Root & { before?: number }).before ?? 0;
    const beforeLines = (root as Root & { beforeLines?: number }).beforeLines ?? 0;
    const kept: RootContent[] = [];
    try {
      for (const node of root.children) {
        const start = node.position?.start.offset;
        if (start === undefined || start < before || start >= before + part.text.length) continue;
        shift(node, part.line - 1 - beforeLines, part.offset - before);
        kept.push(node);
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      kept.length = 0;
      root = unreadRoot(part.text);
      kept.push(...root.children);
      shift(root.children[0]!, part.line - 1, part.offset);
    }
    if (isUnread(root)) unread.push({ line: part.line, offset: part.offset, length: part.text.length });
    children.push(...kept);
  });
  const lines = text.split('\n');
  return {
    type: 'root',
    children,
    ...(unread.length > 0 ? { data: { unread } } : {}),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length },
    },
  };
}

type Definitions = Definition | FootnoteDefinition;

/** A part remark-parse could not read (nesting too deep for the call stack): kept verbatim, reported by the model builder. */
export interface UnreadPart {
  line: number;
  offset: number;
  length: number;
}

declare module 'mdast' {
  interface RootData {
    /** Parts kept as raw text because they could not be parsed. */
    unread?: UnreadPart[];
  }
}

/** remark-parse, or — when the text nests deeper than the call stack allows — the text kept as one raw block. */
function safeParse(text: string): Root {
  if (nestsTooDeep(text)) return unreadRoot(text);
  try {
    return processor.parse(text) as Root;
  } catch (error) {
    if (error instanceof RangeError) return unreadRoot(text);
    throw error;
  }
}

/**
 * Text remark-parse cannot read in reasonable time: thousands of containers (block quotes, list items) opened
 * on one line, or thousands of emphasis and link delimiters in one block — both take it quadratic time (a
 * 80 KB paragraph of `_a* ` took 40 s). No standards text comes near these bounds.
 */
const MAX_LINE_NESTING = 1000;
const MAX_BLOCK_DELIMITERS = 2000;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;

function nestsTooDeep(text: string): boolean {
  let delimiters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */ || c === 93 /* ] */ || c === 126 /* ~ */) {
      if (++delimiters > MAX_BLOCK_DELIMITERS) return true;
    } else if (c === 10 && (text.charCodeAt(i + 1) === 10 || (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10))) {
      delimiters = 0; // a blank line ends the block
    }
  }
  for (let start = 0; start < text.length; ) {
    let depth = 0;
    CONTAINER_MARKER.lastIndex = start;
    while (CONTAINER_MARKER.exec(text)) {
      if (++depth > MAX_LINE_NESTING) return true;
    }
    const nl = text.indexOf('\n', start);
    if (nl === -1) break;
    start = nl + 1;
  }
  return false;
}

function unreadRoot(text: string): Root {
  const body = text.replace(/\n+$/, '');
  const lines = body.split('\n');
  const node: RootContent = {
    type: 'html',
    value: body,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: body.length } },
  };
  return { type: 'root', children: [node], data: { unread: [] } };
}

function isUnread(root: Root): boolean {
  return root.data?.unread !== undefined;
}

function key(d: Definitions): string {
  return `${d.type}:${d.identifier}`;
}

function definitionsIn(node: Node, out: Definitions[] = []): Definitions[] {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') out.push(node as Definitions);
  const kids = (node as { children?: Node[] }).children;
  if (kids) for (const k of kids) definitionsIn(k, out);
  return out;
}

function stringifyDefinitions(defs: Definitions[]): string {
  return serializer.stringify({ type: 'root', children: defs } as Root).trimEnd();
}

function offsetParse(text: string, before: string, after: string): Root {
  const root = safeParse(before + text + after) as Root & { before?: number; beforeLines?: number };
  if (isUnread(root)) return unreadRoot(text);
  root.before = before.length;
  root.beforeLines = (before.match(/\n/g) ?? []).length;
  return root;
}

function shift(node: Node, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const p = node.position;
  if (p) {
    p.start.line += lines;
    p.end.line += lines;
    if (p.start.offset !== undefined) p.start.offset += offset;
    if (p.end.offset !== undefined) p.end.offset += offset;
  }
  const kids = (node as { children?: Node[] }).children;
  if (kids) for (const k of kids) shift(k, lines, offset);
}

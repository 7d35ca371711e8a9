/** Markdown → mdast with remark-parse, remark-frontmatter and remark-gfm, in linear time (see split.ts). */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Definition, FootnoteDefinition, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import type { Node } from 'unist';
import { splitAtBlankLines, splitAtHeadings, type Part } from './split.js';
import { LIMITS, measureCost, nestingBudget, type CostReason } from './cost.js';
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
  // Plain parts are built directly (fast.ts). The others are split further at blank lines where that cannot
  // change the tree (split.ts), and consecutive pieces are grouped for remark-parse up to `partSize` (and the
  // setext headings it reads quadratically, cost.ts). A piece remark-parse cannot read cheaply is kept unread
  // on its own; so is the front matter, so that a part kept unread never takes the front matter or other parts
  // with it.
  const frontMatter = /^---[ \t]*\r?\n/.test(text);
  const parts: { part: Part; root: Root | null; setext: number }[] = [];
  let open: { part: Part; root: Root | null; setext: number } | null = null;
  let nesting = nestingBudget(text.length);
  for (const [index, piece] of pieces.entries()) {
    const fast = useFast ? fastParse(piece.text) : null;
    if (fast) {
      parts.push({ part: piece, root: fast, setext: 0 });
      open = null;
      continue;
    }
    const alone = index === 0 && frontMatter && pieces.length > 1;
    for (const sub of alone ? [piece] : splitAtBlankLines(piece)) {
      const cost = measureCost(sub.text);
      nesting -= cost.nesting;
      const reason = cost.reason ?? (nesting < 0 && cost.nesting > 0 ? 'nesting' : null);
      if (reason) {
        nesting += cost.nesting; // not read: nothing spent
        parts.push({ part: sub, root: unreadRoot(sub.text, reason), setext: 0 });
        open = null;
      } else if (open && open.part.text.length + sub.text.length <= partSize && open.setext + cost.setext <= LIMITS.setextUnderlines) {
        open.part = { ...open.part, text: open.part.text + sub.text };
        open.setext += cost.setext;
      } else {
        open = { part: sub, root: null, setext: cost.setext };
        parts.push(open);
      }
    }
    if (alone) open = null;
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
      root = unreadRoot(part.text, 'stack');
      kept.push(root.children[0]!);
      shift(root.children[0]!, part.line - 1, part.offset);
    }
    if (isUnread(root)) unread.push({ line: part.line, offset: part.offset, length: part.text.length, reason: root.data?.unreadReason ?? 'stack' });
    for (const node of kept) children.push(node);
  });
  let lineCount = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCount++;
  const lastLine = text.length - text.lastIndexOf('\n') - 1;
  return {
    type: 'root',
    children,
    ...(unread.length > 0 ? { data: { unread } } : {}),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lineCount, column: lastLine + 1, offset: text.length },
    },
  };
}

type Definitions = Definition | FootnoteDefinition;

/** A part remark-parse could not read (nesting too deep for the call stack): kept verbatim, reported by the model builder. */
export interface UnreadPart {
  line: number;
  offset: number;
  length: number;
  /** Why it was not read (cost.ts); `stack`: remark-parse ran out of call stack on it. */
  reason: CostReason | 'stack';
}

declare module 'mdast' {
  interface RootData {
    /** Parts kept as raw text because they could not be parsed. */
    unread?: UnreadPart[];
    /** In the tree of one part kept unread: why. */
    unreadReason?: UnreadPart['reason'];
  }
}

/** remark-parse, or — when the text would cost it too much or overflows the call stack — the text kept as one raw block. */
function safeParse(text: string): Root {
  const cost = measureCost(text);
  if (cost.reason) return unreadRoot(text, cost.reason);
  try {
    return processor.parse(text) as Root;
  } catch (error) {
    if (error instanceof RangeError) return unreadRoot(text, 'stack');
    throw error;
  }
}

function unreadRoot(text: string, reason: UnreadPart['reason']): Root {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 10) length--;
  const body = text.slice(0, length);
  let lines = 1;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lines++;
  const node: RootContent = {
    type: 'html',
    value: body,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines, column: body.length - body.lastIndexOf('\n'), offset: body.length } },
  };
  return { type: 'root', children: [node], data: { unread: [], unreadReason: reason } };
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
  if (isUnread(root)) return unreadRoot(text, root.data?.unreadReason ?? 'stack');
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

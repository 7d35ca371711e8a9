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
  const parts: { part: Part; root: Root | null }[] = [];
  for (const piece of pieces) {
    const fast = useFast ? fastParse(piece.text) : null;
    const previous = parts[parts.length - 1];
    if (!fast && previous && !previous.root && previous.part.text.length < partSize) {
      previous.part = { ...previous.part, text: previous.part.text + piece.text };
    } else {
      parts.push({ part: piece, root: fast });
    }
  }
  let roots = parts.map(({ part, root }) => root ?? (processor.parse(part.text) as Root));
  const slow = parts.map(({ root }) => root === null);

  // Link reference and footnote definitions apply to the whole document. When a document has any and was
  // parsed in several parts, each part is parsed again with the definitions of the others put before it
  // (after a blank line they cannot join its content), or after it for the first part, which may start with
  // front matter. The first definition of a label in document order wins, as in CommonMark. (Parts taken by
  // the fast path hold neither definitions nor references.)
  const found = roots.map((root, index) => (slow[index] ? definitionsIn(root) : []));
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
  roots.forEach((root, index) => {
    const { part } = parts[index]!;
    const before = (root as Root & { before?: number }).before ?? 0;
    const beforeLines = (root as Root & { beforeLines?: number }).beforeLines ?? 0;
    for (const node of root.children) {
      const start = node.position?.start.offset;
      if (start === undefined || start < before || start >= before + part.text.length) continue;
      shift(node, part.line - 1 - beforeLines, part.offset - before);
      children.push(node);
    }
  });
  const lines = text.split('\n');
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length },
    },
  };
}

type Definitions = Definition | FootnoteDefinition;

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
  const root = processor.parse(before + text + after) as Root & { before?: number; beforeLines?: number };
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

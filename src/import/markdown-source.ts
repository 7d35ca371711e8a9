/**
 * Markdown written with published labels (or stdraft Markdown itself) → lines. Headings keep their level,
 * bold and italics their marks, a paragraph's lines stay lines (a lead-in and its lettered items), lists
 * and tables stay what they are. A YAML front matter is read and kept.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../parse/markdown.js';
import { readFrontMatter } from '../parse/front-matter.js';
import type { Line, Piece, Run, SourceDoc } from './types.js';

export function readMarkdown(text: string, notes: string[] = []): SourceDoc {
  const tree: Root = parseMarkdown(text);
  const pieces: Piece[] = [];
  let frontMatter: Record<string, unknown> | undefined;
  let frontMatterText: string | undefined;
  const visit = (node: RootContent, listItem?: 'bullet' | 'ordered') => {
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'yaml':
        if (frontMatter === undefined) {
          frontMatter = readFrontMatter(node, text, []).data;
          frontMatterText = node.value;
        }
        return;
      case 'heading':
        pieces.push({ kind: 'line', runs: runsOf(node.children).map((r) => ({ ...r, text: r.text.replace(/\n/g, ' ') })), line, join: 'never', heading: node.depth });
        return;
      case 'paragraph': {
        const lines = splitLines(runsOf(node.children));
        lines.forEach((runs, k) => {
          const piece: Line = { kind: 'line', runs, line: line + k, join: k === 0 ? 'never' : 'soft' };
          if (k === 0 && listItem) piece.listItem = listItem;
          pieces.push(piece);
        });
        return;
      }
      case 'list':
        for (const item of node.children) {
          item.children.forEach((child, k) => visit(child, k === 0 ? (node.ordered ? 'ordered' : 'bullet') : undefined));
        }
        return;
      case 'table':
        pieces.push({ kind: 'table', line, rows: node.children.map((row) => row.children.map((cell) => runsOf(cell.children))) });
        return;
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      case 'code':
        node.value.split('\n').forEach((value, k) => pieces.push({ kind: 'line', runs: [{ text: value }], line: line + 1 + k, join: 'never' }));
        return;
      case 'html':
        if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return;
        pieces.push({ kind: 'line', runs: [{ text: node.value }], line, join: 'never' });
        return;
      default:
        return;
    }
  };
  for (const node of tree.children) visit(node);
  const doc: SourceDoc = { pieces, notes, dropped: [], unit: 'line' };
  if (frontMatter) doc.frontMatter = frontMatter;
  if (frontMatterText !== undefined) doc.frontMatterText = frontMatterText;
  return doc;
}

function runsOf(nodes: PhrasingContent[], marks: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const runs: Run[] = [];
  const push = (text: string) => runs.push({ text, ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) });
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(node.value);
        break;
      case 'strong':
        for (const r of runsOf(node.children, { ...marks, bold: true })) runs.push(r);
        break;
      case 'emphasis':
        for (const r of runsOf(node.children, { ...marks, italic: true })) runs.push(r);
        break;
      case 'break':
        push('\n');
        break;
      case 'inlineCode':
        push(node.value);
        break;
      case 'image':
        push(node.alt ?? '');
        break;
      case 'html':
        if (!/^<!--/.test(node.value)) push(node.value);
        break;
      default:
        if ('children' in node) for (const r of runsOf(node.children as PhrasingContent[], marks)) runs.push(r);
        else if ('value' in node) push(String(node.value));
    }
  }
  return runs;
}

/** Runs split at line breaks. */
function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const r of runs) {
    const parts = r.text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...r, text: part });
    });
  }
  return lines.filter((l) => l.length > 0);
}

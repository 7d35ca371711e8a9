/**
 * Plain text of content blocks, for word diffs: what a reader sees, without Markdown markup. Paragraph line
 * breaks are kept; list items are `- item` lines (`1. item` when ordered); table rows are lines with cells
 * joined by ` | `; blocks are separated by a blank line.
 */
import type { Node } from 'unist';

interface AnyNode extends Node {
  value?: string;
  alt?: string;
  children?: AnyNode[];
  ordered?: boolean;
  start?: number | null;
  identifier?: string;
  label?: string;
}

export function plainText(node: Node): string {
  const n = node as AnyNode;
  switch (n.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html':
    case 'yaml':
      return n.value ?? '';
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return n.alt ?? '';
    case 'footnoteReference':
      return `[^${n.label ?? n.identifier ?? ''}]`;
    case 'thematicBreak':
      return '---';
    case 'list': {
      const start = n.start ?? 1;
      return (n.children ?? [])
        .map((item, i) => `${n.ordered ? `${start + i}.` : '-'} ${blocksText(item.children ?? [], '\n').replace(/\n/g, '\n  ')}`)
        .join('\n');
    }
    case 'table':
      return (n.children ?? []).map((row) => (row.children ?? []).map((cell) => inline(cell)).join(' | ')).join('\n');
    case 'blockquote':
    case 'listItem':
    case 'footnoteDefinition':
    case 'root':
      return blocksText(n.children ?? [], '\n');
    case 'definition':
      return '';
    default:
      return n.children ? inline(n) : (n.value ?? '');
  }
}

function inline(node: AnyNode): string {
  return (node.children ?? []).map((c) => plainText(c)).join('');
}

/** Plain text of a sequence of blocks, separated by `separator` (a blank line by default). */
export function blocksText(blocks: Node[], separator = '\n\n'): string {
  return blocks.map((b) => plainText(b)).join(separator);
}

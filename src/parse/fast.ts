/**
 * A fast path for the plain blocks that make up most of a standards document: an ATX heading, paragraphs of
 * plain text, a paragraph that starts with a bold label (`**Indicatori:**`, `**Rezultate așteptate:** …`), and
 * tight `-` lists of plain text. For a part made only of these, the mdast is built directly, exactly as
 * remark-parse (micromark) builds it; any other part returns null and is parsed by remark-parse.
 *
 * "Plain text" is deliberately narrow: no character that can start inline syntax in CommonMark or GFM
 * (backslash, backtick, `*`, `_`, `[`, `]`, `<`, `&`, `~`, `|`, `@`, `www.`, `://`), no leading or trailing
 * white space, no tab, and a first character that cannot start a block (`#`, `>`, `-`, `+`, `*`, `=`, `|`, a
 * digit list marker, a fence, HTML). Tests check the result equals remark-parse on the bundled standards,
 * generated documents, the CommonMark examples and random mixes of tricky lines.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';

type Pos = { line: number; column: number; offset: number };

const INLINE_SPECIAL = /[\\`*_[\]<&~|@\t\r]|www\.|:\/\//i;
const BLOCK_START = /^(?:[#>+=|`~<\s-]|\*|\d{1,9}[.)](?:\s|$))/;
const HEADING = /^(#{1,6}) (.*)$/;
const BULLET = /^- (.*)$/;
const LABEL = /^\*\*([^*]+)\*\*(?=$| )(.*)$/;

function plainLine(line: string): boolean {
  return line.length > 0 && !INLINE_SPECIAL.test(line) && !BLOCK_START.test(line) && !/\s$/.test(line);
}

function plainInline(text: string): boolean {
  return text.length > 0 && !INLINE_SPECIAL.test(text) && !/^\s|\s$/.test(text);
}

/** The mdast of `text` (lines of one part, starting at 1:1 offset 0), or null when it is not all plain blocks. */
export function fastParse(text: string): Root | null {
  if (text.charCodeAt(0) !== 35 /* # */) return null;
  const lines = text.split('\n');
  // Offsets of line starts.
  const starts: number[] = new Array(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += lines[i]!.length + 1;
  }
  const at = (i: number, column: number): Pos => ({ line: i + 1, column, offset: starts[i]! + column - 1 });
  const end = (i: number): Pos => at(i, lines[i]!.length + 1);

  const children: RootContent[] = [];
  const h = HEADING.exec(lines[0]!);
  if (!h || !plainInline(h[2]!) || /#$/.test(h[2]!)) return null;
  const depth = h[1]!.length as Heading['depth'];
  children.push({
    type: 'heading',
    depth,
    children: [{ type: 'text', value: h[2]!, position: { start: at(0, depth + 2), end: end(0) } }],
    position: { start: at(0, 1), end: end(0) },
  });

  let i = 1;
  const last = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  while (i < last) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    if (BULLET.test(line)) {
      const first = i;
      const items: ListItem[] = [];
      while (i < last && lines[i] !== '') {
        const m = BULLET.exec(lines[i]!);
        if (!m || !plainLine(m[1]!)) return null; // lazy continuation, nested syntax, or not plain
        const value = m[1]!;
        const text: Text = { type: 'text', value, position: { start: at(i, 3), end: end(i) } };
        const paragraph: Paragraph = { type: 'paragraph', children: [text], position: { start: at(i, 3), end: end(i) } };
        items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: at(i, 1), end: end(i) } });
        i++;
      }
      // After a blank line, another `-` item would make this a loose list, and indented text would continue an item.
      let next = i;
      while (next < last && lines[next] === '') next++;
      if (next < last && next > i && (/^[-\s]/.test(lines[next]!))) return null;
      const list: List = { type: 'list', ordered: false, start: null, spread: false, children: items, position: { start: at(first, 1), end: end(i - 1) } };
      children.push(list);
      continue;
    }
    // A paragraph: a plain first line or a bold label, then plain lines until a blank line or a list item.
    const first = i;
    const label = LABEL.exec(line);
    if (label) {
      if (!plainInline(label[1]!) || (label[2]! !== '' && !plainLine(`x${label[2]!}`))) return null;
    } else if (!plainLine(line)) {
      return null;
    }
    i++;
    while (i < last && lines[i] !== '' && !BULLET.test(lines[i]!)) {
      if (!plainLine(lines[i]!)) return null;
      i++;
    }
    const value = lines.slice(first, i).join('\n');
    // Every node gets its own position objects: positions are shifted in place later.
    const position = () => ({ start: at(first, 1), end: end(i - 1) });
    let content: PhrasingContent[];
    if (label) {
      const inner = label[1]!;
      const strong: Strong = {
        type: 'strong',
        children: [{ type: 'text', value: inner, position: { start: at(first, 3), end: at(first, inner.length + 3) } }],
        position: { start: at(first, 1), end: at(first, inner.length + 5) },
      };
      content = [strong];
      const rest = value.slice(inner.length + 4);
      if (rest !== '') content.push({ type: 'text', value: rest, position: { start: at(first, inner.length + 5), end: end(i - 1) } });
    } else {
      content = [{ type: 'text', value, position: position() }];
    }
    children.push({ type: 'paragraph', children: content, position: position() });
  }
  return {
    type: 'root',
    children,
    position: { start: at(0, 1), end: lines[lines.length - 1] === '' ? at(lines.length - 1, 1) : end(lines.length - 1) },
  };
}

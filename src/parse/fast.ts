/**
 * A fast path for the plain blocks that make up most of a standards document: an ATX heading, paragraphs,
 * a paragraph that starts with a bold label (`**Indicatori:**`, `**Rezultate așteptate:** …`), tight `-`
 * lists of one-line items, and fenced code at the margin (whose lines are taken as they are, so that a huge or
 * unclosed fence never goes through remark-parse). For a part made only of these, the mdast is built directly, exactly as
 * remark-parse (micromark) builds it; any other part returns null and is parsed by remark-parse.
 *
 * Text is plain, or holds the simplest inline syntax: `*emphasis*` and `**strong**` of plain words after a
 * space, and `[links](https://…)` with plain text and a plain URL. "Plain" is deliberately narrow: no
 * character that can start other inline syntax in CommonMark or GFM (backslash, backtick, `*`, `_`, `[`, `]`,
 * `<`, `&`, `~`, `|`, `@`, `www.`, `://`), no leading or trailing white space, no tab, and a first character
 * that cannot start a block (`#`, `>`, `-`, `+`, `*`, `=`, `|`, a digit list marker, a fence, HTML). Tests check
 * the result equals remark-parse on the bundled standards, generated documents, the CommonMark examples and
 * random mixes of tricky lines.
 */
import type { AlignType, Code, Emphasis, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Table, TableCell, TableRow, Text } from 'mdast';

type Pos = { line: number; column: number; offset: number };

const INLINE_SPECIAL = /[\\`*_[\]<&~|@\t\r]|www\.|:\/\//i;
const BLOCK_START = /^(?:[#>+=|`~<\s-]|\*|\d{1,9}[.)](?:\s|$))/;
const HEADING = /^(#{1,6}) (.*)$/;
const BULLET = /^- (.*)$/;
const LABEL = /^\*\*([^*]+)\*\*(?=$| )(.*)$/;

function plainInline(text: string): boolean {
  return text.length > 0 && !INLINE_SPECIAL.test(text) && !/^\s|\s$/.test(text);
}

/** A line (from `from`) of a paragraph or list item: not empty, no block syntax at its start, simple inline syntax. */
function inlineLine(line: string, from: number): Span[] | null {
  if (line.length <= from || BLOCK_START.test(line.slice(from, from + 12))) return null;
  return inlineSpans(line, from);
}

/** An emphasis, strong or link in a line: where it starts and ends, and where its text does (0-based, end exclusive). */
interface Span {
  type: 'emphasis' | 'strong' | 'link';
  from: number;
  to: number;
  textFrom: number;
  textTo: number;
  url?: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What may follow a closing `*`/`**` after a letter or digit (after punctuation: only a space or the end). */
const AFTER_CLOSE = new Set([undefined, ' ', '.', ',', ';', ':', '!', '?', ')']);
const END_PUNCTUATION = /[.,;:!?]/;
const PLAIN_URL = /^[A-Za-z0-9\-._~:/?#@!$+,;=]+$/;

/** The spans of a line from `from`, or null when any other inline syntax is there. */
function inlineSpans(line: string, from: number): Span[] | null {
  const spans: Span[] = [];
  let textFrom = from;
  for (let i = from; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c !== 42 /* * */ && c !== 91 /* [ */) {
      i++;
      continue;
    }
    const span = c === 42 ? emphasisAt(line, i) : linkAt(line, i);
    if (!span || INLINE_SPECIAL.test(line.slice(textFrom, i))) return null;
    spans.push(span);
    i = span.to;
    textFrom = i;
  }
  return INLINE_SPECIAL.test(line.slice(textFrom)) ? null : spans;
}

/** `*words*` or `**words**` after a space: plain words, starting with a letter or digit, closed before a space, punctuation or the end. */
function emphasisAt(line: string, i: number): Span | null {
  if (i === 0 || line[i - 1] !== ' ') return null;
  const n = line.charCodeAt(i + 1) === 42 ? 2 : 1;
  const close = line.indexOf(n === 2 ? '**' : '*', i + n);
  if (close < 0 || line[close + n] === '*') return null;
  const inner = line.slice(i + n, close);
  if (!plainInline(inner) || !WORD_CHAR.test(inner[0]!)) return null;
  const lastChar = inner[inner.length - 1]!;
  const after = line[close + n];
  if (WORD_CHAR.test(lastChar)) {
    if (!AFTER_CLOSE.has(after)) return null;
  } else if (!END_PUNCTUATION.test(lastChar) || (after !== undefined && after !== ' ')) return null;
  return { type: n === 2 ? 'strong' : 'emphasis', from: i, to: close + n, textFrom: i + n, textTo: close };
}

interface Cell {
  /** From its opening pipe to the next one (the last cell: to the end of the line), 0-based, end exclusive. */
  from: number;
  to: number;
  text: string;
  textFrom: number;
}

const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

/**
 * A table from line `i`: a header row, a delimiter row and body rows, every line `| … |` with the same number
 * of cells, each cell plain text or empty; null for anything else.
 */
function tableAt(lines: string[], i: number, last: number): { align: AlignType[]; rows: Cell[][] } | null {
  const header = cellsOf(lines[i]!);
  const delimiter = i + 1 < last ? lines[i + 1]!.split('|') : null;
  if (!header || header.length === 0 || !delimiter || delimiter.length !== header.length + 2 || delimiter[0] !== '' || delimiter[delimiter.length - 1] !== '') return null;
  const align: AlignType[] = [];
  for (const part of delimiter.slice(1, -1)) {
    const m = DELIMITER_CELL.exec(part);
    if (!m) return null;
    align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
  }
  const rows = [header];
  for (let r = i + 2; r < last && lines[r] !== ''; r++) {
    const cells = cellsOf(lines[r]!);
    if (!cells || cells.length !== header.length) return null;
    rows.push(cells);
  }
  return { align, rows };
}

/** The cells of a `| a | b |` line, or null when it is not one of plain cells. */
function cellsOf(line: string): Cell[] | null {
  if (line.length < 2 || line[0] !== '|' || line[line.length - 1] !== '|') return null;
  const cells: Cell[] = [];
  let from = 0;
  while (from < line.length - 1) {
    const next = line.indexOf('|', from + 1);
    const inner = line.slice(from + 1, next);
    const lead = /^ */.exec(inner)![0].length;
    const text = inner.slice(lead).replace(/ +$/, '');
    if (text !== '' && !plainInline(text)) return null;
    const last = next === line.length - 1;
    cells.push({ from, to: last ? line.length : next, text, textFrom: from + 1 + lead });
    from = next;
  }
  return cells;
}

const FENCE = /^(`{3,}|~{3,})([A-Za-z0-9_+-]*)$/;

/**
 * A fenced code block opening at line `i` (at the margin): its language, its text and the line of its closing
 * fence (`last` when it runs to the end of the part, which happens only at the end of the document: the
 * splitter never splits inside a fence). Null when any line could be read another way: a closing fence that
 * is indented or followed by a tab, a carriage return, or an unclosed block ending in blank lines.
 */
function fencedCodeAt(lines: string[], i: number, last: number): { lang: string | null; value: string; close: number } | null {
  const open = FENCE.exec(lines[i]!);
  if (!open) return null;
  const marker = open[1]!;
  const char = marker[0]!;
  let k = i + 1;
  for (; k < last; k++) {
    const line = lines[k]!;
    let lead = 0;
    while (lead < 4 && line.charCodeAt(lead) === 32) lead++;
    let n = 0;
    while (line[lead + n] === char) n++;
    if (n >= marker.length) {
      const rest = line.slice(lead + n);
      if (lead === 0 && /^ *$/.test(rest)) break;
      if (lead < 4 && /^[ \t]*\r?$/.test(rest)) return null;
    }
    if (line.includes('\r')) return null;
  }
  if (k >= last && k > i + 1 && lines[k - 1] === '') return null;
  return { lang: open[2] === '' ? null : open[2]!, value: lines.slice(i + 1, k).join('\n'), close: k };
}

/** `[plain text](plain-url)`, not an image. */
function linkAt(line: string, i: number): Span | null {
  if (i > 0 && line[i - 1] === '!') return null;
  const middle = line.indexOf('](', i + 1);
  if (middle < 0) return null;
  const text = line.slice(i + 1, middle);
  if (!plainInline(text) || text[0] === '^') return null;
  const close = line.indexOf(')', middle + 2);
  if (close < 0) return null;
  const url = line.slice(middle + 2, close);
  if (!PLAIN_URL.test(url)) return null;
  return { type: 'link', from: i, to: close + 1, textFrom: i + 1, textTo: middle, url };
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

  /**
   * The phrasing content of lines `rows` (the first from index `from`): text, with the lines joined by
   * newlines, around the spans of `inlineSpans`; null when a line holds anything else.
   */
  const phrasing = (rows: number[], from: number, paragraph = false): PhrasingContent[] | null => {
    const out: PhrasingContent[] = [];
    let text: { value: string; start: Pos } | null = null;
    const add = (value: string, start: Pos) => {
      if (value === '') return;
      if (text) text.value += value;
      else text = { value, start };
    };
    const close = (endPos: Pos) => {
      if (text) out.push({ type: 'text', value: text.value, position: { start: text.start, end: endPos } });
      text = null;
    };
    let textEnd = end(rows[rows.length - 1]!);
    for (const [k, row] of rows.entries()) {
      let line = lines[row]!;
      // Spaces at the end of a paragraph are not its text (elsewhere they may make a hard break: not taken here).
      if (paragraph && k === rows.length - 1 && line.charCodeAt(line.length - 1) === 32) {
        let length = line.length;
        while (length > 0 && line.charCodeAt(length - 1) === 32) length--;
        line = line.slice(0, length);
        textEnd = at(row, length + 1);
      }
      const start = k === 0 ? from : 0;
      if (k > 0) add('\n', end(row - 1));
      // The rest of a label's line may be empty (and follows the label, not a block start); any other line holds a block's text.
      const spans = k === 0 && from > 0 ? inlineSpans(line, start) : inlineLine(line, start);
      if (!spans || /\s$/.test(line)) return null;
      let p = start;
      for (const span of spans) {
        add(line.slice(p, span.from), at(row, p + 1));
        close(at(row, span.from + 1));
        const inner: Text = { type: 'text', value: line.slice(span.textFrom, span.textTo), position: { start: at(row, span.textFrom + 1), end: at(row, span.textTo + 1) } };
        const position = { start: at(row, span.from + 1), end: at(row, span.to + 1) };
        if (span.type === 'link') out.push({ type: 'link', title: null, url: span.url!, children: [inner], position } as Link);
        else out.push({ type: span.type, children: [inner], position } as Emphasis | Strong);
        p = span.to;
      }
      add(line.slice(p), at(row, p + 1));
    }
    close(textEnd);
    return out;
  };

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
    if (line.charCodeAt(0) === 124 /* | */) {
      // A GFM table of plain cells, with a blank line (or the end) after it.
      const first = i;
      const table = tableAt(lines, i, last);
      if (!table) return null;
      i += table.rows.length + 1;
      if (i < last && lines[i] !== '') return null;
      const rows = table.rows.map((cells, r): TableRow => {
        const row = r === 0 ? first : first + r + 1;
        return {
          type: 'tableRow',
          children: cells.map((cell): TableCell => ({
            type: 'tableCell',
            children: cell.text === '' ? [] : [{ type: 'text', value: cell.text, position: { start: at(row, cell.textFrom + 1), end: at(row, cell.textFrom + cell.text.length + 1) } }],
            position: { start: at(row, cell.from + 1), end: at(row, cell.to + 1) },
          })),
          position: { start: at(row, 1), end: end(row) },
        };
      });
      children.push({ type: 'table', align: table.align, children: rows, position: { start: at(first, 1), end: end(i - 1) } } as Table);
      continue;
    }
    if (line.charCodeAt(0) === 96 /* ` */ || line.charCodeAt(0) === 126 /* ~ */) {
      // Fenced code at the margin, with no info string or one plain word: its lines are taken as they are.
      const code = fencedCodeAt(lines, i, last);
      if (!code) return null;
      const closed = code.close < last;
      const position = { start: at(i, 1), end: closed ? end(code.close) : lines[lines.length - 1] === '' ? at(lines.length - 1, 1) : end(lines.length - 1) };
      children.push({ type: 'code', lang: code.lang, meta: null, value: code.value, position } as Code);
      i = closed ? code.close + 1 : last;
      continue;
    }
    if (BULLET.test(line)) {
      const first = i;
      const items: ListItem[] = [];
      while (i < last && lines[i] !== '') {
        const m = BULLET.exec(lines[i]!);
        const content = m && m[1] !== '' && !BLOCK_START.test(m[1]!) ? phrasing([i], 2) : null;
        if (!content) return null; // lazy continuation, nested syntax, or not plain
        const paragraph: Paragraph = { type: 'paragraph', children: content, position: { start: at(i, 3), end: end(i) } };
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
    // A paragraph: a first line (or a bold label and the rest of the line), then lines until a blank line or a list item.
    const first = i;
    const label = LABEL.exec(line);
    if (label && !plainInline(label[1]!)) return null;
    i++;
    while (i < last && lines[i] !== '' && !BULLET.test(lines[i]!)) i++;
    const rows = Array.from({ length: i - first }, (_, k) => first + k);
    // Every node gets its own position objects: positions are shifted in place later.
    const position = () => ({ start: at(first, 1), end: end(i - 1) });
    let content: PhrasingContent[] | null;
    if (label) {
      const inner = label[1]!;
      const strong: Strong = {
        type: 'strong',
        children: [{ type: 'text', value: inner, position: { start: at(first, 3), end: at(first, inner.length + 3) } }],
        position: { start: at(first, 1), end: at(first, inner.length + 5) },
      };
      const rest = label[2] === '' && rows.length === 1 ? [] : phrasing(rows, inner.length + 4, true);
      content = rest ? [strong, ...rest] : null;
    } else {
      content = phrasing(rows, 0, true);
    }
    if (!content) return null;
    children.push({ type: 'paragraph', children: content, position: position() });
  }
  return {
    type: 'root',
    children,
    position: { start: at(0, 1), end: lines[lines.length - 1] === '' ? at(lines.length - 1, 1) : end(lines.length - 1) },
  };
}

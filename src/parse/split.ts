/**
 * Splits a Markdown document into parts at ATX heading lines, so each part can be parsed on its own and
 * parsing cost stays linear in the document size (remark-parse alone grows faster than linearly).
 *
 * A heading line at the start of a line always closes every open block in CommonMark, except inside a
 * fenced code block or an HTML block, which this scanner tracks (conservatively: when unsure, it does not
 * split). Link reference and footnote definitions can be used across parts: markdown.ts handles them.
 */

export interface Part {
  /** The text of the part (whole lines). */
  text: string;
  /** Offset of the part's first character in the document. */
  offset: number;
  /** 1-based line of the part's first line in the document. */
  line: number;
}


const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|\r?$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^\r]*)\r?$/;
const BLANK = /^[ \t]*\r?$/;

interface HtmlBlockStart {
  start: RegExp;
  end: RegExp | null; // null: ends at a blank line
}

const HTML_BLOCKS: HtmlBlockStart[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
  { start: /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)/, end: null },
];

/** Parts of about `target` characters (a part grows until a heading line follows it and it is long enough). */
export function splitAtHeadings(text: string, target = 16384): Part[] {
  const parts: Part[] = [];
  let partStart = 0;
  let partLine = 1;
  let pos = 0;
  let line = 1;
  let fence: { char: string; length: number } | null = null;
  let html: RegExp | 'blank' | null = null;

  // Front matter: the scanner starts after its closing fence.
  const fm = /^---[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
    const rest = text.slice(fm[0].length);
    const m = close.exec(rest);
    if (m) {
      const endOfClose = fm[0].length + m.index + m[0].length;
      const before = text.slice(0, endOfClose);
      line += (before.match(/\n/g) ?? []).length;
      pos = endOfClose;
      if (text[pos] === '\n') {
        pos++;
        line++;
      }
      // The front matter is a part of its own: what follows it is parsed (or kept unread) apart from it.
      if (m[0].startsWith('---') && pos < text.length && target === 0) {
        parts.push({ text: text.slice(0, pos), offset: 0, line: 1 });
        partStart = pos;
        partLine = line;
      }
    }
  }

  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const content = text.slice(pos, nl === -1 ? text.length : nl);

    if (fence) {
      if (fenceCloses(content, fence)) fence = null;
    } else if (html) {
      if (html === 'blank' ? BLANK.test(content) : html.test(content)) html = null;
    } else {
      if (ATX_HEADING.test(content)) {
        if (pos > partStart && pos - partStart >= target) {
          parts.push({ text: text.slice(partStart, pos), offset: partStart, line: partLine });
          partStart = pos;
          partLine = line;
        }
      } else {
        const f = FENCE_OPEN.exec(content);
        if (f && !(f[1]!.startsWith('`') && f[2]!.includes('`'))) {
          fence = { char: f[1]![0]!, length: f[1]!.length };
        } else {
          for (const block of HTML_BLOCKS) {
            const m = block.start.exec(content);
            if (!m) continue;
            if (block.end === null) html = 'blank';
            else if (!block.end.test(content.slice(m[0].length))) html = block.end;
            break;
          }
        }
      }
    }
    pos = end;
    line++;
  }
  if (partStart < text.length || parts.length === 0) {
    parts.push({ text: text.slice(partStart), offset: partStart, line: partLine });
  }
  return parts;
}

// Lines before which a part is not split: indented, a block quote, a list item, or `---` (at the start of a
// part, remark-frontmatter would try it as front matter).
const NO_SPLIT_BEFORE = /^(?:[ \t>]|---|[-+*](?:[ \t]|\r?$)|\d{1,9}[.)](?:[ \t]|\r?$))/;

/**
 * Splits a part further, before each line that follows a blank line and starts at the margin with neither a
 * block quote nor a list marker (nor `---`, which remark-frontmatter reads as front matter at a part's start). After a blank line no paragraph is open, so such a line cannot continue one
 * lazily; being at the margin, it closes every open list item, block quote and footnote definition; and a
 * table ends at a blank line. Fenced code and HTML blocks are tracked as in `splitAtHeadings`; after a fence or
 * an HTML block that starts indented (it may lie inside a list item, where the scanner cannot follow it), the
 * rest of the part is not split. Used for the parts remark-parse has to read, so that it reads them in small
 * pieces.
 */
export function splitAtBlankLines(part: Part): Part[] {
  const { text } = part;
  const out: Part[] = [];
  let start = 0;
  let startLine = part.line;
  let pos = 0;
  let line = part.line;
  let fence: { char: string; length: number } | null = null;
  let html: RegExp | 'blank' | null = null;
  let blankBefore = false;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const content = text.slice(pos, nl === -1 ? text.length : nl);
    const blank = BLANK.test(content);
    if (fence) {
      if (fenceCloses(content, fence)) fence = null;
    } else if (html) {
      if (html === 'blank' ? blank : html.test(content)) html = null;
    } else if (!blank) {
      if (blankBefore && pos > start && !NO_SPLIT_BEFORE.test(content)) {
        out.push({ text: text.slice(start, pos), offset: part.offset + start, line: startLine });
        start = pos;
        startLine = line;
      }
      const f = FENCE_OPEN.exec(content);
      if (f && !(f[1]!.startsWith('`') && f[2]!.includes('`'))) {
        if (content[0] === ' ') break;
        fence = { char: f[1]![0]!, length: f[1]!.length };
      } else {
        const opened = htmlBlockAt(content);
        if (opened && content[0] === ' ') break;
        if (opened) html = opened === true ? null : opened;
      }
    }
    blankBefore = blank;
    pos = end;
    line++;
  }
  out.push({ text: text.slice(start), offset: part.offset + start, line: startLine });
  return out;
}

function fenceCloses(content: string, fence: { char: string; length: number }): boolean {
  let i = 0;
  while (i < 3 && content.charCodeAt(i) === 32) i++;
  let n = 0;
  while (content[i + n] === fence.char) n++;
  return n >= fence.length && /^[ \t]*\r?$/.test(content.slice(i + n));
}

/** The end of the HTML block `content` opens (true: it ends on this line), or null when it opens none. */
function htmlBlockAt(content: string): RegExp | 'blank' | true | null {
  for (const block of HTML_BLOCKS) {
    const m = block.start.exec(content);
    if (!m) continue;
    if (block.end === null) return 'blank';
    return block.end.test(content.slice(m[0].length)) ? true : block.end;
  }
  return null;
}

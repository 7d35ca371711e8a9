/**
 * What remark-parse cannot read in reasonable time or memory. Each check is one linear pass over the text of a
 * part remark-parse would read; a part that fails one is kept unread, with a finding that says why (build.ts).
 * No standards text comes near these bounds: they are the shapes of hostile or broken files.
 *
 * - `nesting`: more than 1,000 block quotes or list items opened on one line (remark-parse overflows the call
 *   stack near 6,000), or more than 2,000 emphasis or link marks in one block (quadratic: 80 KB of `_a* ` took
 *   40 s).
 * - `indentation`: a list item or block quote opened more than 256 columns in (lists nested by indentation take
 *   remark-parse cubic time: 1,000 levels took 38 s).
 * - `setext`: more than 256 setext heading underlines (`===`, `---`) in a part remark-parse reads at once
 *   (quadratic: 4,000 took 12 s).
 * - `backticks`: code spans whose openers find no closer, so that remark-parse would scan more than 4 M
 *   characters looking for them (backtick runs of growing length: 500 KB took 10 s).
 * - `size`: a part of more than 128 KB that remark-parse would read at once (a single block: nothing in it
 *   can be split off; remark-parse holds several hundred bytes per byte read, 1,500 for a table).
 */

export type CostReason = 'nesting' | 'indentation' | 'setext' | 'backticks' | 'size';

export const LIMITS = {
  lineNesting: 1000,
  blockDelimiters: 2000,
  indentation: 256,
  setextUnderlines: 256,
  codeSpanScan: 4 * 1024 * 1024,
  partBytes: 128 * 1024,
} as const;

const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;
const INDENTED_MARKER = /[ \t]*(?:>|[-+*](?=[ \t\r\n]|$)|\d{1,9}[.)](?=[ \t\r\n]|$))/y;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/;

export interface Cost {
  /** Why remark-parse should not read the text, or null when it can. */
  reason: CostReason | null;
  /** Setext underlines in the text: parts read together must not hold more than the limit between them. */
  setext: number;
  /**
   * The sum of the squares of the containers opened on each line, for lines that open more than 8: what
   * remark-parse spends on them grows with that square. A document has a budget for it (`nestingBudget`).
   */
  nesting: number;
}

/** Nesting (see `Cost`) a document of `length` characters may spend: four lines nested a thousand deep, and more for longer documents. */
export function nestingBudget(length: number): number {
  return 4_000_000 + 16 * length;
}

/** Why remark-parse should not read `text` on its own (null when it can), and what adds up when parts are read together. */
export function measureCost(text: string): Cost {
  const counts = { setext: 0, nesting: 0 };
  const reason = costlyReason(text, counts);
  return { reason, ...counts };
}

function costlyReason(text: string, counts: { setext: number; nesting: number }): CostReason | null {
  if (text.length > LIMITS.partBytes) return 'size';
  if (tooManyDelimiters(text)) return 'nesting';
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    // Containers opened on this line.
    let depth = 0;
    CONTAINER_MARKER.lastIndex = start;
    while (CONTAINER_MARKER.exec(text)) {
      if (++depth > LIMITS.lineNesting) return 'nesting';
    }
    if (depth > 8) counts.nesting += depth * depth;
    // A container opened far in.
    let columns = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4 - (columns % 4);
      else break;
    }
    if (columns > LIMITS.indentation) {
      INDENTED_MARKER.lastIndex = i;
      if (INDENTED_MARKER.exec(text)) return 'indentation';
    }
    if (end - start < 80 && SETEXT_UNDERLINE.test(text.slice(start, end)) && ++counts.setext > LIMITS.setextUnderlines) return 'setext';
    if (nl === -1) break;
    start = nl + 1;
  }
  if (codeSpanScan(text) > LIMITS.codeSpanScan) return 'backticks';
  return null;
}

function tooManyDelimiters(text: string): boolean {
  let delimiters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */ || c === 93 /* ] */ || c === 126 /* ~ */) {
      if (++delimiters > LIMITS.blockDelimiters) return true;
    } else if (c === 10 && (text.charCodeAt(i + 1) === 10 || (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10))) {
      delimiters = 0; // a blank line ends the block
    }
  }
  return false;
}

/**
 * How many characters remark-parse scans for the closers of code spans: a run of n backticks is closed by the
 * next run of exactly n; an opener without one is scanned to the end of its block (a blank line), then read as
 * text. Runs are found in one pass, each run's next run of the same length in one more (from the end).
 */
function codeSpanScan(text: string): number {
  const starts: number[] = [];
  const lengths: number[] = [];
  const blockEnds: number[] = [];
  let blockEnd = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    // Walk backwards once for block ends; collect runs in reverse order.
    const c = text.charCodeAt(i);
    if (blockEnd === -1) blockEnd = text.length;
    if (c === 10 && i + 1 < text.length && (text.charCodeAt(i + 1) === 10 || (text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10))) blockEnd = i;
    if (c === 96 /* ` */ && (i === 0 || text.charCodeAt(i - 1) !== 96)) {
      let n = 1;
      while (text.charCodeAt(i + n) === 96) n++;
      starts.push(i);
      lengths.push(n);
      blockEnds.push(blockEnd);
    }
  }
  if (starts.length < 2) return 0;
  starts.reverse();
  lengths.reverse();
  blockEnds.reverse();
  const next = new Int32Array(starts.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    const j = lastOfLength.get(lengths[k]!);
    if (j !== undefined && blockEnds[j] === blockEnds[k]) next[k] = j;
    lastOfLength.set(lengths[k]!, k);
  }
  let scanned = 0;
  for (let k = 0; k < starts.length; ) {
    const j = next[k]!;
    if (j >= 0) {
      scanned += starts[j]! - starts[k]!;
      k = j + 1;
    } else {
      scanned += blockEnds[k]! - starts[k]!;
      if (scanned > LIMITS.codeSpanScan) return scanned;
      k++;
    }
  }
  return scanned;
}

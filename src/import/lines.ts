/**
 * Lines → paragraphs. Word and HTML paragraphs are kept as they are; the lines of a Markdown paragraph stay
 * lines of one paragraph unless one starts a unit; lines of plain text are joined back into the paragraphs a
 * PDF or a narrow window broke them from, and words hyphenated at a line end are mended.
 */
import {
  ANNEX_LINE,
  EXPECTED_RESULTS_LINE,
  INDICATORS_LABEL_LINE,
  MODULE_LINE,
  RANGE,
  SECTION_LINE,
  STANDARD_LINE,
  isAllCaps,
  normalize,
  startsItem,
} from './patterns.js';
import type { Line, Piece, Run, TableBlock } from './types.js';

export interface Para {
  kind: 'para';
  runs: Run[];
  line: number;
  heading?: number;
  title?: boolean;
  listItem?: 'bullet' | 'ordered';
}

export type Block = Para | TableBlock;

export interface JoinStats {
  joined: number;
  dehyphenated: number;
}

/** Words that end with a hyphen before a clitic or start a compound: the hyphen is part of the word. */
const HYPHEN_HEADS = new Set(['într', 'dintr', 'printr', 'despr', 's', 'n', 'l', 'c', 'm', 'v', 'ți', 'mi', 'și', 'ne', 'nu', 'să', 'de', 'până', 'după']);
const HYPHEN_TAILS = /^(?:o|un|ul|ului|urile|urilor|l|i|a|au|ai|am|ar|le|lea|lor|mi|ți|și|s|n|ne|va|vă|verbal\p{L}*|verbale)(?!\p{L})/u;
const ABBREVIATION_END = /(?:^|\s)(?:nr|art|alin|lit|pct|cap|sec|ș\.a|etc|str|bd|tel|p|pag|ex|n\.r|cf|al|M|S)\.$/u;

export function joinLines(pieces: Piece[], stats: JoinStats = { joined: 0, dehyphenated: 0 }): Block[] {
  const out: Block[] = [];
  let prev: Para | null = null;
  // The paragraph being built: its first line (is it a heading?), its last line (does it end a sentence, a
  // word with a hyphen?), whether every line is in capitals. Kept apart so that joining stays linear.
  let first = '';
  let last = '';
  let caps = false;
  for (const piece of pieces) {
    if (piece.kind === 'table') {
      out.push(piece);
      prev = null;
      continue;
    }
    const text = normalize(plain(piece.runs));
    if (prev && piece.join === 'soft' && !startsItem(text)) {
      prev.runs.push({ text: '\n' });
      for (const r of piece.runs) prev.runs.push(r);
      last = text;
      caps = caps && isAllCaps(text);
      continue;
    }
    if (prev && piece.join === 'guess' && continues(first, last, caps, text)) {
      const hyphen = /\p{L}-$/u.test(last) && /^\p{Ll}/u.test(text);
      if (hyphen && !keepsHyphen(last, text)) {
        dropLastChar(prev.runs);
        for (const r of piece.runs) prev.runs.push(r);
        stats.dehyphenated++;
      } else {
        if (!hyphen) prev.runs.push({ text: ' ' });
        for (const r of piece.runs) prev.runs.push(r);
      }
      stats.joined++;
      last = text;
      caps = caps && isAllCaps(text);
      continue;
    }
    prev = paraOf(piece);
    first = text;
    last = text;
    caps = isAllCaps(text);
    out.push(prev);
  }
  return out;
}

function paraOf(line: Line): Para {
  const para: Para = { kind: 'para', runs: [...line.runs], line: line.line };
  if (line.heading !== undefined) para.heading = line.heading;
  if (line.title) para.title = true;
  if (line.listItem) para.listItem = line.listItem;
  return para;
}

/** Whether a line of wrapped text continues the paragraph before it (its first and last lines, all in capitals). */
function continues(first: string, last: string, caps: boolean, next: string): boolean {
  if (startsItem(next)) return false;
  const headingLike =
    MODULE_LINE.test(first) || STANDARD_LINE.test(first) || SECTION_LINE.test(first) || ANNEX_LINE.test(first) || RANGE.test(first) ||
    INDICATORS_LABEL_LINE.test(first) || (EXPECTED_RESULTS_LINE.test(first) && !EXPECTED_RESULTS_LINE.exec(first)![1]);
  if (headingLike || caps) return caps && isAllCaps(next);
  if (/[.;:!?]["”)»]?$/u.test(last) && /^["„«(]?[\p{Lu}]/u.test(next) && !ABBREVIATION_END.test(last)) return false;
  return true;
}

function keepsHyphen(prev: string, next: string): boolean {
  const head = /(\p{L}+)-$/u.exec(prev)?.[1]?.toLowerCase() ?? '';
  return HYPHEN_HEADS.has(head) || HYPHEN_TAILS.test(next);
}

export function plain(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Removes the last character of the runs (a hyphen at a line end), in place. */
function dropLastChar(runs: Run[]): void {
  while (runs.length > 0) {
    const r = runs[runs.length - 1]!;
    if (r.text.length > 0) {
      const text = r.text.slice(0, -1);
      if (text === '') runs.pop();
      else runs[runs.length - 1] = { ...r, text };
      return;
    }
    runs.pop();
  }
}

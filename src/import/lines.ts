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
  let prevText = '';
  for (const piece of pieces) {
    if (piece.kind === 'table') {
      out.push(piece);
      prev = null;
      continue;
    }
    const text = normalize(plain(piece.runs));
    if (prev && piece.join === 'soft' && !startsItem(text)) {
      prev.runs = [...prev.runs, { text: '\n' }, ...piece.runs];
      prevText = text;
      continue;
    }
    if (prev && piece.join === 'guess' && continues(prevText, text)) {
      const hyphen = /\p{L}-$/u.test(prevText) && /^\p{Ll}/u.test(text);
      if (hyphen && !keepsHyphen(prevText, text)) {
        prev.runs = [...trimEnd(prev.runs, 1), ...piece.runs];
        stats.dehyphenated++;
      } else {
        prev.runs = [...prev.runs, ...(hyphen ? [] : [{ text: ' ' }]), ...piece.runs];
      }
      stats.joined++;
      prevText = normalize(plain(prev.runs));
      continue;
    }
    prev = paraOf(piece);
    prevText = text;
    out.push(prev);
  }
  return out;
}

function paraOf(line: Line): Para {
  const para: Para = { kind: 'para', runs: line.runs, line: line.line };
  if (line.heading !== undefined) para.heading = line.heading;
  if (line.title) para.title = true;
  if (line.listItem) para.listItem = line.listItem;
  return para;
}

/** Whether a line of wrapped text continues the one before it. */
function continues(prev: string, next: string): boolean {
  if (startsItem(next)) return false;
  const headingLike =
    MODULE_LINE.test(prev) || STANDARD_LINE.test(prev) || SECTION_LINE.test(prev) || ANNEX_LINE.test(prev) || RANGE.test(prev) ||
    INDICATORS_LABEL_LINE.test(prev) || (EXPECTED_RESULTS_LINE.test(prev) && !EXPECTED_RESULTS_LINE.exec(prev)![1]);
  if (headingLike || isAllCaps(prev)) return isAllCaps(prev) && isAllCaps(next);
  if (/[.;:!?]["”)»]?$/u.test(prev) && /^["„«(]?[\p{Lu}]/u.test(next) && !ABBREVIATION_END.test(prev)) return false;
  return true;
}

function keepsHyphen(prev: string, next: string): boolean {
  const head = /(\p{L}+)-$/u.exec(prev)?.[1]?.toLowerCase() ?? '';
  return HYPHEN_HEADS.has(head) || HYPHEN_TAILS.test(next);
}

export function plain(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Runs without their last `n` characters. */
function trimEnd(runs: Run[], n: number): Run[] {
  const out = runs.map((r) => ({ ...r }));
  let left = n;
  while (left > 0 && out.length > 0) {
    const last = out[out.length - 1]!;
    const cut = Math.min(left, last.text.length);
    last.text = last.text.slice(0, last.text.length - cut);
    left -= cut;
    if (last.text === '') out.pop();
  }
  return out;
}

/**
 * The tokens of the word diffs (text, CriticMarkup and JSON outputs, the synoptic table): words, runs of spaces,
 * line breaks and single punctuation marks, as jsdiff's `diffWordsWithSpace` makes them — except that an
 * identifier is one token, so that a changed one is replaced whole (`[-S2.3-]{+S2.9+}`, not `S2.[-3-]{+9+}`):
 * requirement and indicator ids (`S1.6`, `M.I.-S1.6`, `Im2S3.1`, `S1.1^1`), `Standardul 4` (`Standard 4^1`),
 * `Modulul II`, article references (`art. 7 alin. (2) lit. b)`, `alin. (2)`, `lit. b)`) and act numbers
 * (`nr. 1.238/2007`, `nr. 2.432/DPCVF`). Heading lines (`### S5.1`) keep ordinary tokens: a renumbered
 * heading is marked at its number only, as the redline marks the label of a renumbered unit.
 */
import { Diff, type Change } from 'diff';

const IDENTIFIER = [
  String.raw`Im\d+\s?S\d+\.\d+(?:\^\d+)?`,
  String.raw`(?:M\.[IVXLCDM]+\.-)?S\d+\.\d+(?:\^\d+)?`,
  String.raw`(?:Standard(?:ul)?|standard(?:ul)?|STANDARD(?:UL)?)\s+\d+(?:\^\d+)?`,
  String.raw`(?:Modul(?:ul)?|Module|modul(?:ul)?|MODUL(?:UL)?)\s+[IVXLCDM]+`,
  String.raw`[Aa]rt\.\s?\d+(?:\^\d+)?(?:\s+alin\.\s?\(\d+\))?(?:\s+lit\.\s?\p{Ll}\))?`,
  String.raw`alin\.\s?\(\d+\)(?:\s+lit\.\s?\p{Ll}\))?`,
  String.raw`lit\.\s?\p{Ll}\)`,
  String.raw`nr\.\s?\d+(?:\.\d{3})*(?:\/[\p{L}\d]+)?`,
].join('|');

/** Running text: identifiers first, then what `diffWordsWithSpace` makes tokens of. */
const RUNNING = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${IDENTIFIER})(?![\p{L}\p{N}_])|\r?\n|[\p{L}\p{N}_\u00ad]+|[^\S\r\n]+|[^\p{L}\p{N}_\s]`, 'gu');
/** Heading lines: ordinary tokens only. */
const PLAIN = /\r?\n|[\p{L}\p{N}_\u00ad]+|[^\S\r\n]+|[^\p{L}\p{N}_\s]/gu;
const HEADING_LINE = /^#{1,6}[ \t]/;

class IdentifierDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    if (!value.includes('#')) return value.match(RUNNING) ?? [];
    const out: string[] = [];
    for (const line of value.split(/(?<=\n)/)) {
      const tokens = line.match(HEADING_LINE.test(line) ? PLAIN : RUNNING);
      if (tokens) for (const t of tokens) out.push(t);
    }
    return out;
  }
}

const differ = new IdentifierDiff();

/** jsdiff change objects between two texts, over the tokens above. */
export function diffTokens(from: string, to: string): Change[] {
  return differ.diff(from, to) as Change[];
}

/**
 * Typographic normalisation and tokens for comparing two versions.
 *
 * Two texts are "typographically equal" when they are equal after `typographic()`: NFC, cedilla ş ţ Ş Ţ →
 * comma-below ș ț Ș Ț (DOMAIN.md: the cedilla forms are legacy encodings of the same letters), curly and
 * angle quotes → straight quotes, and runs of whitespace (spaces, no-break spaces, line breaks) → one space,
 * trimmed. Nothing else (dashes, case, punctuation) is typographic: those are changes of substance.
 */

const CEDILLA: Record<string, string> = { 'ş': 'ș', 'ţ': 'ț', 'Ş': 'Ș', 'Ţ': 'Ț' };
const DOUBLE_QUOTES = /[„“”«»″‟]/g;
const SINGLE_QUOTES = /[‘’‚‹›′‛]/g;

const STEPS = {
  'unicode-normalisation': (t: string) => t.normalize('NFC'),
  cedilla: (t: string) => t.replace(/[şţŞŢ]/g, (c) => CEDILLA[c]!),
  quotes: (t: string) => t.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'"),
  spacing: (t: string) => t.replace(/\s+/gu, ' ').trim(),
} as const;

export type TypographicKind = keyof typeof STEPS;
const KINDS = Object.keys(STEPS) as TypographicKind[];

function normaliseExcept(text: string, skip: TypographicKind | null): string {
  let out = text;
  for (const kind of KINDS) if (kind !== skip) out = STEPS[kind](out);
  return out;
}

/**
 * Strings with none of this are already in comparison form: characters below U+0300 are unchanged by NFC,
 * and neither cedillas, «», other quotes, nor whitespace other than single inner spaces occur.
 */
const NEEDS_WORK = /[^\u0000-\u02ff]|[şţŞŢ«»]|\s\s|[^\S ]|^\s|\s$/;

/** The comparison form of a text (see the module comment). */
export function typographic(text: string): string {
  return NEEDS_WORK.test(text) ? normaliseExcept(text, null) : text;
}

/**
 * The kinds of typographic difference between two texts that are typographically equal (for messages): a kind
 * is present when the texts still differ with every other normalisation applied. Empty for identical texts.
 */
export function typographicKinds(from: string, to: string): TypographicKind[] {
  if (from === to) return [];
  return KINDS.filter((kind) => normaliseExcept(from, kind) !== normaliseExcept(to, kind));
}

/** Words for similarity: lower-cased runs of letters and digits (NFC, comma-below). */
export function tokens(text: string): string[] {
  let t = text;
  if (/[^\u0000-\u02ff]/.test(t)) t = t.normalize('NFC');
  if (/[şţŞŢ]/.test(t)) t = STEPS.cedilla(t);
  return t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

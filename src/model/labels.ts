/** The structural labels of the format, per language (FORMAT.md), and the patterns that read them. */
import type { Lang } from './types.js';

export interface Labels {
  module: string;
  standard: string;
  expectedResults: string;
  indicators: string;
  annex: string;
  /** The word for a standard range after a module title: `(standardele 1-2)`. */
  standardRange: string;
  /** The same for a module of one standard: `(standardul 1)`. */
  standardRangeOne: string;
}

export const LABELS: Record<Lang, Labels> = {
  ro: {
    module: 'Modulul',
    standard: 'Standardul',
    expectedResults: 'Rezultate așteptate:',
    indicators: 'Indicatori:',
    annex: 'Anexa',
    standardRange: 'standardele',
    standardRangeOne: 'standardul',
  },
  en: {
    module: 'Module',
    standard: 'Standard',
    expectedResults: 'Expected results:',
    indicators: 'Indicators:',
    annex: 'Annex',
    standardRange: 'standards',
    standardRangeOne: 'standard',
  },
};

export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}

const SEP = String.raw`\s*(?:[.:\-–—]\s*)?`;

/** `Modulul I. Title`, `MODULUL I Title`, `Modul I —`, `Module II.` */
export const MODULE_HEADING = new RegExp(String.raw`^(?:modulul|modul|module)\s+([IVXLCDM]+|[0-9]+)\b${SEP}(.*)$`, 'iu');
/** `(standardele 1-2)`, `(Standarde 1-3)`, `(standards 4–6)`, `(standardul 1)` at the end of a module title. */
export const MODULE_RANGE = /\s*\((?:standardele|standarde|standardul|standard|standards)\s+(\d+)(?:\s*[-–—]\s*(\d+))?\)[.:]?\s*$/iu;

/** `standardele 1-3`, or `standardul 1` for a module of one standard. */
export function standardRangeText(labels: Pick<Labels, 'standardRange' | 'standardRangeOne'>, from: number, to: number): string {
  return from === to ? `${labels.standardRangeOne} ${from}` : `${labels.standardRange} ${from}-${to}`;
}
/** The module prefix published orders write before standard headings and indicator ids: `M.I.-`, `M.I. - `. */
const PUBLISHED_PREFIX = String.raw`(?:M\.\s?[IVXLCDM]+\.?\s?[-–]\s?)?`;
/** `Standardul 1. Title`, `STANDARD 1 Title`, and as published `M.I.-STANDARD 1 TITLE`. */
export const STANDARD_HEADING = new RegExp(String.raw`^${PUBLISHED_PREFIX}(?:standardul|standard)\s+(\d+)\b${SEP}(.*)$`, 'iu');
/**
 * `S1.1`, `S1.1 Title`, `M.I.-S1.1 Title`, `S1.1.`, and the index of a requirement an amendment inserted
 * without renumbering (Legea nr. 24/2000, art. 63–64): `S1.1^1`, also typed `S1.1¹`. Groups: module prefix,
 * standard, index, inserted index, title.
 */
export const REQUIREMENT_HEADING = /^(?:M\.?\s?([IVXLCDM]+)\.?\s?[-–]\s?)?S\s?(\d+)\.(\d+)(?:\^(\d+)|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))?\.?(?:\s+(.*))?$/u;
/** `Anexa`, `ANEXA nr. 1`, `Anexă`, `Annex 2`. */
export const ANNEX_HEADING = /^(?:anexa|anexă|annex)(?![\p{L}\p{N}])\s*(.*)$/iu;
/** `Rezultate așteptate:` (also the singular `Rezultat așteptat:`) in any case, with either diacritic form, colon optional. */
export const EXPECTED_RESULTS_LABEL = /^(?:rezultate(?:le)?\s+a[șşs]teptate|rezultat(?:ul)?\s+a[șşs]teptat|expected\s+results)\s*:?\s*$/iu;
/** `Indicatori:` */
export const INDICATORS_LABEL = /^(?:indicatori(?:i)?|indicators)\s*:?\s*$/iu;
/** An explicit indicator prefix `Im2S3.1:` at the start of a bullet (also as published, `M.I.-Im2S3.1:`; `Im2S3.1^1:` in a requirement inserted with an index). */
export const INDICATOR_PREFIX = new RegExp(String.raw`^${PUBLISHED_PREFIX}Im(\d+)\s?S(\d+)\.(\d+)(?:\^\d+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?\s*[:.–-]\s*`, 'u');

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [n, s] of ROMAN) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/** The value of a canonical Roman numeral, or null when the string is not one (e.g. `IIII`, `IC`). */
export function fromRoman(numeral: string): number | null {
  const upper = numeral.toUpperCase();
  if (!/^[IVXLCDM]+$/.test(upper)) return null;
  let value = 0;
  let i = 0;
  for (const [n, s] of ROMAN) {
    while (upper.startsWith(s, i)) {
      value += n;
      i += s.length;
    }
  }
  if (i !== upper.length || value === 0 || toRoman(value) !== upper) return null;
  return value;
}

/** `S3.2`, or `S3.2^1` for a requirement inserted with an index. */
export function requirementId(standard: number, index: number, indexed?: number | null): string {
  return indexed ? `S${standard}.${index}^${indexed}` : `S${standard}.${index}`;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number in superscript digits (`12` → `¹²`): how an index is printed (`S1.1¹`). */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}

/** The value of superscript digits (`¹²` → 12). */
export function fromSuperscript(text: string): number {
  return Number([...text].map((c) => SUPERSCRIPT.indexOf(c)).join(''));
}

/** `S3.2`, or `S3.2¹` for a requirement inserted with an index: the printed form (DOCX). */
export function requirementIdPrinted(standard: number, index: number, indexed?: number | null): string {
  return indexed ? `S${standard}.${index}${superscript(indexed)}` : `S${standard}.${index}`;
}

/** `Im2S3.2` */
export function indicatorId(k: number, standard: number, index: number): string {
  return `Im${k}S${standard}.${index}`;
}

/** The anchor of a requirement, `#s3-2` (`#s3-2-1` for `S3.2^1`). */
export function requirementAnchor(standard: number, index: number, indexed?: number | null): string {
  return indexed ? `s${standard}-${index}-${indexed}` : `s${standard}-${index}`;
}

/** The anchor of a standard, `#standardul-3` (ro) or `#standard-3` (en). */
export function standardAnchor(lang: Lang, n: number): string {
  return `${LABELS[lang].standard.toLowerCase()}-${n}`;
}

/** The anchor of a module, `#modulul-ii` (ro) or `#module-ii` (en). */
export function moduleAnchor(lang: Lang, numeral: string): string {
  return `${LABELS[lang].module.toLowerCase()}-${numeral.toLowerCase()}`;
}

/**
 * The ways published orders and Word drafts spell the structure of minimum quality standards. Patterns work
 * on `normalize(text)`: cedilla letters as comma-below, dashes as `-`, no-break spaces as spaces.
 */

/** Text for matching, of the same length (offsets carry over): cedilla → comma-below, dashes → `-`, odd spaces → ` `. */
export function fold(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/ş/g, 'ș')
    .replace(/ţ/g, 'ț')
    .replace(/Ş/g, 'Ș')
    .replace(/Ţ/g, 'Ț')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Text for matching only (never for output): `fold`, spaces collapsed, trimmed. */
export function normalize(text: string): string {
  return fold(text).replace(/ {2,}/g, ' ').trim();
}

const ROMAN = '[IVXLC]+';
const SEP = String.raw`\s*(?:[-.:]\s*)*`;
/** `M.I.-`, `M.I. - `, `M.I.- `, `M. I.-` before a standard, requirement or indicator id. */
const MODULE_PREFIX = String.raw`M\.\s?(${ROMAN})\.?\s?-\s?`;

/** `MODUL I ACCESAREA SERVICIULUI (Standarde 1-3)`, `MODULUL I - … (Standardele 1 - 3)`, `Modulul II. Title`. */
export const MODULE_LINE = new RegExp(String.raw`^MODUL(?:UL)?\s+(${ROMAN}|\d+)(?![\p{L}\p{N}])${SEP}(.*)$`, 'ius');
/** A standard range: `(Standarde 1-3)`, `(Standardele 1 - 3)`, `(Standardul 1)`, `STANDARDELE 1-4`. */
export const RANGE = /^\(?\s*standard(?:e|ele|ul)\s+(\d+)(?:\s*-\s*(\d+))?\s*\)?\s*[.:]?$/iu;
/** A range at the end of a module title. */
export const TRAILING_RANGE = /\s*\(\s*standard(?:e|ele|ul)\s+(\d+)(?:\s*-\s*(\d+))?\s*\)\s*[.:]?$/iu;
/** `M.I.-STANDARD 1 INFORMARE`, `STANDARD 1 - INFORMARE`, `Standardul 1. Informarea`. */
export const STANDARD_LINE = new RegExp(String.raw`^(?:${MODULE_PREFIX})?STANDARD(?:UL)?\s+(\d+)(?![\p{L}\p{N}])${SEP}(.*)$`, 'ius');
/** `M.I.-S1.1`, `S1.1.`, `S1.1 text`, `S1.2Centrul …` (glued, as published). */
export const REQUIREMENT_LINE = new RegExp(String.raw`^(?:${MODULE_PREFIX})?S\s?(\d+)\.(\d+)(?!\d)\.?\s*(.*)$`, 'us');
/** `M.I.-Im1S1.1: …`, `Im1S1.1 - …`, `Im1S1.1.`, and the numberless `Im: …`. */
export const INDICATOR_LINE = new RegExp(
  String.raw`^(?:${MODULE_PREFIX})?Im\s?(?:(\d+)\s?S\s?(\d+)\.(\d+)(?!\d)\s*(?:[:.-]\s*)?|\s*:\s*)(.*)$`,
  'us',
);
/** `Rezultate așteptate:`, `Rezultat așteptat:`, `Rezultatele așteptate:`, `Expected results:` (+ the text). */
export const EXPECTED_RESULTS_LINE = /^(?:rezultat(?:e|ele|ul)?\s+a[sș]teptat(?:e)?|expected\s+results?)\s*(?::\s*(.*)|)$/isu;
/** `Indicatori:` alone (also `Indicatorii:`, `Indicator:`, `Indicators:`). */
export const INDICATORS_LABEL_LINE = /^(?:indicatori(?:i)?|indicator|indicators)\s*:?$/iu;
/** `Secțiunea 1`, `SECȚIUNEA I`, `SECȚIUNEA a 2-a Standarde minime de calitate`, `CAPITOLUL I`. */
export const SECTION_LINE = new RegExp(String.raw`^(?:SEC[TȚ]IUNEA|CAPITOLUL)\s+(?:a\s+)?(${ROMAN}|\d+)(?:-a)?(?![\p{L}\p{N}])${SEP}(.*)$`, 'ius');
/** `ANEXA nr. 1`, `ANEXĂ`, `Anexa nr. 7 la Ordinul nr. 29/2019`, `Annex 2`. */
export const ANNEX_LINE = /^(?:ANEX[AĂ]|ANNEX)(?:\s+(?:nr\.\s*)?(\d+))?(?:\s+(?:la|to)\s+(.{1,160}))?\s*[.:]?$/iu;
/** `a) …` lettered item. */
export const LETTERED = /^[a-zăâîșț]\)\s*/u;
/** `1. …`, `1.1. …`, `(1) …` numbered paragraph. */
export const NUMBERED = /^(?:\d+(?:\.\d+)*\.|\(\d+\))\s+/u;
/** `- …`, `• …`, `– …` bullet. */
export const BULLET = /^[-•·▪◦●]\s+/u;

/** Lines a portal or a PDF adds to every page: page numbers, running headers, banners. */
const FURNITURE: { pattern: RegExp; why: string }[] = [
  { pattern: /^pagina\s+\d+\s*(?:din|\/)\s*\d+$/iu, why: 'page number' },
  { pattern: /^page\s+\d+\s*(?:of|\/)\s*\d+$/iu, why: 'page number' },
  { pattern: /^-?\s*\d{1,4}\s*-?$/u, why: 'page number' },
  { pattern: /^(?:\d+\s+)?MONITORUL OFICIAL AL ROM[AÂ]NIEI,?\s+PARTEA\s+I\b.*$/iu, why: 'page header of the Official Gazette' },
  { pattern: /^(?:document\s+(?:desc[aă]rcat|generat|preluat)|desc[aă]rcat\s+de\s+pe|tip[aă]rit\s+de|printat\s+de)\b.*$/iu, why: 'portal banner' },
  { pattern: /^forma\s+(?:sintetic[aă]|consolidat[aă]|aplicabil[aă])\s+la\s+data\b.*$/iu, why: 'portal banner' },
  { pattern: /^.*\b(?:copyright|sintact|lege5|legis(?:plus)?|indaco|ctce)\b.*(?:®|©|\bS\.?C\.?\b|\bS\.?R\.?L\.?\b|\bS\.?A\.?\b).*$/iu, why: 'portal banner' },
  { pattern: /^(?:https?:\/\/|www\.)\S+$/iu, why: 'portal address' },
  { pattern: /^(?:portal\s+legislativ|legislatie\.just\.ro|monitorul\s+oficial\s+online)\b.*$/iu, why: 'portal banner' },
];

/** Why a line is page furniture, or null. */
export function furniture(normalized: string): string | null {
  if (normalized.length > 220) return null;
  for (const f of FURNITURE) if (f.pattern.test(normalized)) return f.why;
  return null;
}

/** Whether a (normalized) line starts a unit or an item: it never continues the line before it. */
export function startsItem(t: string): boolean {
  return (
    MODULE_LINE.test(t) ||
    STANDARD_LINE.test(t) ||
    REQUIREMENT_LINE.test(t) ||
    INDICATOR_LINE.test(t) ||
    EXPECTED_RESULTS_LINE.test(t) ||
    INDICATORS_LABEL_LINE.test(t) ||
    SECTION_LINE.test(t) ||
    ANNEX_LINE.test(t) ||
    RANGE.test(t) ||
    LETTERED.test(t) ||
    NUMBERED.test(t) ||
    BULLET.test(t)
  );
}

/** Letters all capitals (at least three letters, no lower-case letter). */
export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length >= 3 && !/\p{Ll}/u.test(text);
}

const MONTHS = ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'];

/** `10 ianuarie 2019`, `10.01.2019` → `2019-01-10`; null when there is no date. */
export function isoDate(text: string): string | null {
  const t = normalize(text).toLowerCase();
  const named = /(\d{1,2})\s+(ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie)\s+(\d{4})/u.exec(t);
  if (named) return `${named[3]}-${String(MONTHS.indexOf(named[2]!) + 1).padStart(2, '0')}-${named[1]!.padStart(2, '0')}`;
  const dotted = /(\d{1,2})\.(\d{1,2})\.(\d{4})/u.exec(t);
  if (dotted) return `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
  return null;
}

/** Acts named in a text: `Legea nr. 197/2012 privind …`, `Hotărârea Guvernului nr. 1.238/2007 …`. */
export function actsIn(text: string): string[] {
  const acts: string[] = [];
  const pattern =
    /((?:Legea|Legii|Hotărârea Guvernului|Hotărârii Guvernului|Ordonanța(?: de urgență)? a Guvernului|Ordonanței(?: de urgență)? a Guvernului|Ordinul[\p{L}\s]{0,80}?)\s+nr\.\s*[\d.]+\/\d{4}(?:[^,;]*?)?)(?=,|;|\.$|$| cu modificările| republicat)/gu;
  for (const m of normalize(text).matchAll(pattern)) {
    const act = m[1]!
      .replace(/^Legii\b/u, 'Legea')
      .replace(/^Hotărârii\b/u, 'Hotărârea')
      .replace(/^Ordonanței\b/u, 'Ordonanța')
      .trim();
    if (!acts.includes(act)) acts.push(act);
  }
  return acts;
}

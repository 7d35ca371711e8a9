/** `S3.2` or `S3.2^1`: the key of a requirement target or id (an inserted index is part of it). */
export function requirementKey(id: { standard: number; index: number; indexed?: number | null | undefined }): string {
  return id.indexed ? `S${id.standard}.${id.index}^${id.indexed}` : `S${id.standard}.${id.index}`;
}

/**
 * Cross-references in running text (FORMAT.md): `S3.2` (also `M.II.-S3.2`, and `S3.2^1` for a requirement inserted with an index), `Standardul 4` / `standardul 4` /
 * `Standard 4`, `Modulul II` / `Module II`, and links to `#s3-2`, `#standardul-4`, `#modulul-ii` anchors.
 */

export type ReferenceTarget =
  | { kind: 'requirement'; standard: number; index: number; indexed?: number }
  | { kind: 'standard'; number: number }
  | { kind: 'module'; numeral: string };

export interface TextReference {
  target: ReferenceTarget;
  /** Offsets in the searched string. */
  start: number;
  end: number;
  /** The matched text. */
  text: string;
}

// One pass, so that a rewrite never applies to its own output.
const REFERENCE =
  /(?<![\p{L}\p{N}])(?:(?:M\.[IVXLCDM]+\.-)?S(\d+)\.(\d+)(?:\^(\d+))?(?![\p{L}]|\.\d)|(Standard(?:ul)?|standard(?:ul)?|STANDARD(?:UL)?)\s+(\d+)(?![\p{L}\p{N}])|(Modul(?:ul)?|Module|modul(?:ul)?|MODUL(?:UL)?)\s+([IVXLCDM]+)(?![\p{L}\p{N}]))/gu;

/**
 * What follows a citation of another act's unit: "Standardul 12 din anexa la HG nr. 1.238/2007", "S4.2 din
 * anexa nr. 1 la Ordinul nr. 29/2019", "modulul II al cursului de formare". After `din`, `de la`, `la`, `prevăzut
 * în` …: an act or a part of one within a few words; after `al`, `a`, `ale`: a genitive noun (`cursului`,
 * `anexei`, `Legii`) other than this document's (`prezentului`, `acestui`, `standardului`, `modulului`).
 */
const ACT = String.raw`(?:anex[aăei]\p{L}*|legi?\p{L}*|hotărâr\p{L}*|hotarar\p{L}*|ordin\p{L}*|ordonanț\p{L}*|ordonant\p{L}*|HG|H\.G\.|OUG|O\.U\.G\.|OG|O\.G\.|decizi\p{L}*|decret\p{L}*|regulament\p{L}*|cod\p{L}*|directiv\p{L}*|convenți\p{L}*|conventi\p{L}*|metodologi\p{L}*|normel?\p{L}*|ghid\p{L}*|curs\p{L}*|program\p{L}*|proiect\p{L}*|manual\p{L}*|strategi\p{L}*|standardel\p{L}* (?:naționale|nationale|specifice))`;
const CITATION = new RegExp(
  String.raw`^\s*,?\s*(?:(?:din|de\s+la|la|prevăzut[aăe]?\s+(?:în|in|de)|cuprins[aăe]?\s+în)\s+(?:[\p{L}.]+\s+){0,3}?${ACT}(?![\p{L}])|(?:al|a|ale)\s+(?!prezent|acest|standard|modul|cerinț|cerint|indicator)(?:\p{L}+(?:ului|ei|elor|ilor|ii)|${ACT})(?![\p{L}]))`,
  'iu',
);

/** Whether the reference that ends at `end` is a citation of another act (what follows it says so). */
export function isCitation(text: string, end: number): boolean {
  return CITATION.test(text.slice(end, end + 120));
}

/** The references of a text to units of this document (citations of other acts are left out: `isCitation`). */
export function findReferences(text: string): TextReference[] {
  const out: TextReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const start = m.index!;
    if (isCitation(text, start + m[0].length)) continue;
    const target: ReferenceTarget =
      m[1] !== undefined
        ? m[3] !== undefined
          ? { kind: 'requirement', standard: Number(m[1]), index: Number(m[2]), indexed: Number(m[3]) }
          : { kind: 'requirement', standard: Number(m[1]), index: Number(m[2]) }
        : m[4] !== undefined
          ? { kind: 'standard', number: Number(m[5]) }
          : { kind: 'module', numeral: m[7]! };
    out.push({ target, start, end: start + m[0].length, text: m[0] });
  }
  return out;
}

const ANCHOR = /^#(?:s(\d+)-(\d+)(?:-(\d+))?|(?:standardul|standard)-(\d+)|(?:modulul|module)-([ivxlcdm]+))$/i;

/** The target of a `#anchor` link, or null when the anchor is not one of the format's (`#s3-2`, `#standardul-4`, `#modulul-ii`). */
export function anchorTarget(url: string): ReferenceTarget | null {
  const m = ANCHOR.exec(url);
  if (!m) return null;
  if (m[1] !== undefined) {
    return m[3] !== undefined
      ? { kind: 'requirement', standard: Number(m[1]), index: Number(m[2]), indexed: Number(m[3]) }
      : { kind: 'requirement', standard: Number(m[1]), index: Number(m[2]) };
  }
  if (m[4] !== undefined) return { kind: 'standard', number: Number(m[4]) };
  return { kind: 'module', numeral: m[5]!.toUpperCase() };
}

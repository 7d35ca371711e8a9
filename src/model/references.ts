/**
 * Cross-references in running text (FORMAT.md): `S3.2` (also `M.II.-S3.2`), `Standardul 4` / `standardul 4` /
 * `Standard 4`, `Modulul II` / `Module II`, and links to `#s3-2`, `#standardul-4`, `#modulul-ii` anchors.
 */

export type ReferenceTarget =
  | { kind: 'requirement'; standard: number; index: number }
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
  /(?<![\p{L}\p{N}])(?:(?:M\.[IVXLCDM]+\.-)?S(\d+)\.(\d+)(?![\p{L}]|\.\d)|(Standard(?:ul)?|standard(?:ul)?|STANDARD(?:UL)?)\s+(\d+)(?![\p{L}\p{N}])|(Modul(?:ul)?|Module|modul(?:ul)?|MODUL(?:UL)?)\s+([IVXLCDM]+)(?![\p{L}\p{N}]))/gu;

export function findReferences(text: string): TextReference[] {
  const out: TextReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const start = m.index!;
    const target: ReferenceTarget =
      m[1] !== undefined
        ? { kind: 'requirement', standard: Number(m[1]), index: Number(m[2]) }
        : m[3] !== undefined
          ? { kind: 'standard', number: Number(m[4]) }
          : { kind: 'module', numeral: m[6]! };
    out.push({ target, start, end: start + m[0].length, text: m[0] });
  }
  return out;
}

const ANCHOR = /^#(?:s(\d+)-(\d+)|(?:standardul|standard)-(\d+)|(?:modulul|module)-([ivxlcdm]+))$/i;

/** The target of a `#anchor` link, or null when the anchor is not one of the format's (`#s3-2`, `#standardul-4`, `#modulul-ii`). */
export function anchorTarget(url: string): ReferenceTarget | null {
  const m = ANCHOR.exec(url);
  if (!m) return null;
  if (m[1] !== undefined) return { kind: 'requirement', standard: Number(m[1]), index: Number(m[2]) };
  if (m[3] !== undefined) return { kind: 'standard', number: Number(m[3]) };
  return { kind: 'module', numeral: m[4]!.toUpperCase() };
}

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

export function findReferences(text: string): TextReference[] {
  const out: TextReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const start = m.index!;
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

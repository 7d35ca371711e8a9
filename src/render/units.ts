/** Lengths and page sizes as Word measures them: twentieths of a point (twips) and half-points. */

export const TWIPS_PER_CM = 566.929;
const TWIPS: Record<string, number> = { cm: TWIPS_PER_CM, mm: TWIPS_PER_CM / 10, in: 1440, pt: 20 };

/** `2.5cm`, `25mm`, `1in`, `72pt` → twips (rounded); null when the text is not such a length. */
export function parseLength(text: string): number | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(cm|mm|in|pt)\s*$/i.exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]!.replace(',', '.')) * TWIPS[m[2]!.toLowerCase()]!);
}

/** Portrait page sizes in twips. */
export const PAGE_SIZES: Record<string, { width: number; height: number }> = {
  A3: { width: 16838, height: 23811 },
  A4: { width: 11906, height: 16838 },
  A5: { width: 8391, height: 11906 },
  Letter: { width: 12240, height: 15840 },
  Legal: { width: 12240, height: 20160 },
};

/** Points → half-points (Word's unit for font sizes). */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

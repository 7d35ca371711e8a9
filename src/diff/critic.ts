/**
 * CriticMarkup (https://criticmarkup.com): `{++added++}`, `{--deleted--}`, `{~~old~>new~~}`, `{>>comment<<}`,
 * `{==highlight==}`. Accepting every mark gives the new text, rejecting every mark the old one; comments are
 * dropped and highlights keep their text either way. Marks do not nest, and their delimiters cannot be escaped:
 * a text that itself contains one (`{++`, `++}`, `~>`, …) cannot be marked up faithfully (see `containsMarks`).
 */

const MARK = /\{\+\+([\s\S]*?)\+\+\}|\{--([\s\S]*?)--\}|\{~~([\s\S]*?)~>([\s\S]*?)~~\}|\{>>[\s\S]*?<<\}|\{==([\s\S]*?)==\}/g;

/** The text with every mark accepted: additions kept, deletions dropped, substitutions take the new text. */
export function acceptAll(text: string): string {
  return text.replace(MARK, (_m, added?: string, _deleted?: string, _old?: string, next?: string, highlighted?: string) =>
    added ?? next ?? highlighted ?? '',
  );
}

/** The text with every mark rejected: additions dropped, deletions kept, substitutions keep the old text. */
export function rejectAll(text: string): string {
  return text.replace(MARK, (_m, _added?: string, deleted?: string, old?: string, _next?: string, highlighted?: string) =>
    deleted ?? old ?? highlighted ?? '',
  );
}

/** Whether a text contains CriticMarkup delimiters (it then cannot be marked up so that accept/reject restore it). */
export function containsMarks(text: string): boolean {
  return /\{\+\+|\+\+\}|\{--|--\}|\{~~|~>|~~\}|\{>>|<<\}|\{==|==\}/.test(text);
}

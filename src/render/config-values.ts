/**
 * The final gate's check of the values the order takes from outside the version: `order.*`, `consultation.*`
 * and `short-title` of the workspace config, and every value a template prints. A final order must not carry a
 * placeholder (`…`, `...`, `___`), an empty value, cedilla letters, symptoms of a legacy encoding, decomposed
 * letters, doubled spaces, straight quotes, words without their diacritics, or an act number of four or more
 * digits without its point (`nr. 1238/2007` → `nr. 1.238/2007`).
 */
import { findMissingDiacritics } from '../rules/typography-diacritics.js';
import type { PrintedValue } from './handlebars.js';

/** The config keys whose values the order and the consultation package print. */
export const CHECKED_CONFIG_KEYS = ['short-title', 'order', 'consultation'];

const COMMA_BELOW: Record<string, string> = { ş: 'ș', ţ: 'ț', Ş: 'Ș', Ţ: 'Ț' };
const LINK_LIKE = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/;

/** What is wrong with one value, each as "Expected …, found …"; empty when it can go into a final order. */
export function valueProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.trim() === '') return ['Expected a value, found an empty one'];
  const placeholder = /…|\.\.\.|_{2,}/.exec(text);
  if (placeholder) problems.push(`Expected the real text, found the placeholder "${placeholder[0]}"`);
  if (LINK_LIKE.test(text.trim())) return problems;
  for (const m of text.matchAll(/[\p{L}\p{M}]*[şţŞŢ][\p{L}\p{M}]*/gu)) {
    problems.push(`Expected "${m[0].replace(/[şţŞŢ]/g, (c) => COMMA_BELOW[c]!)}" with comma-below ș/ț, found "${m[0]}" with cedilla`);
  }
  const encoding = /[ãºþ]|È™|Äƒ|Ã®|Ã¢/.exec(text);
  if (encoding) problems.push(`Expected Romanian letters, found "${encoding[0]}" (a legacy-encoding symptom)`);
  if (text !== text.normalize('NFC')) problems.push('Expected composed letters (Unicode NFC), found decomposed ones');
  if (/\S {2,}\S/.test(text)) problems.push('Expected one space between words, found several');
  if (/"/.test(text)) problems.push('Expected Romanian quotation marks „…”, found straight quotes "…"');
  for (const hit of findMissingDiacritics(text)) problems.push(`Expected "${hit.expected}" with diacritics, found "${hit.found}"`);
  for (const m of text.matchAll(/\bnr\.\s*(\d{4,})(?=\/|\b)/g)) {
    problems.push(`Expected "nr. ${m[1]!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}" (act numbers of four or more digits take a point), found "${m[0]}"`);
  }
  return problems;
}

/**
 * The reasons the config values refuse the export, one line each (`file: key: what is wrong (what to do)`):
 * the checked keys of the config, then the values templates printed that were not already checked.
 */
export function configValueReasons(
  config: Record<string, unknown>,
  configFile: string | null,
  printed: readonly PrintedValue[] = [],
  frontMatterKeys: readonly string[] = [],
  frontMatter: { file: string; data: Record<string, unknown> } | null = null,
): string[] {
  const reasons: string[] = [];
  const file = configFile ?? 'stdraft.config.yaml';
  const seen = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (value === null || value === undefined) {
      reasons.push(`${file}: ${key}: Expected a value, found an empty one (set it, or remove the key)`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${key}[${i}]`));
      return;
    }
    if (value instanceof Date) return;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, `${key}.${k}`);
      return;
    }
    if (typeof value !== 'string') return;
    seen.add(value);
    for (const problem of valueProblems(value)) reasons.push(`${file}: ${key}: ${problem} (the final order prints it: correct it in ${file})`);
  };
  for (const key of CHECKED_CONFIG_KEYS) if (key in config) visit(config[key], key);

  for (const value of printed) {
    if (seen.has(value.text)) continue;
    seen.add(value.text);
    const head = value.path.replace(/^(?:\.\.\/)+|^@root\./, '').split('.')[0]!;
    // Front-matter text is validated with the version (typography rules are errors there); here what validate
    // only warns about but an order must not print: placeholders and act numbers without their point.
    const fromFrontMatter = frontMatterKeys.includes(head) || head === 'this';
    const problems = valueProblems(value.text).filter((p) => !fromFrontMatter || /placeholder|empty|act numbers/.test(p));
    // Where the value is set: a front matter key holding it (or a list holding it), else "where it is set".
    const key = frontMatter
      ? Object.entries(frontMatter.data).find(([, v]) => v === value.text || (Array.isArray(v) && v.includes(value.text)))?.[0]
      : undefined;
    const where = key ? `correct ${key} in the front matter of ${frontMatter!.file}` : 'correct the value where it is set';
    for (const problem of problems) {
      reasons.push(`${value.file}:${value.line}: {{${value.path}}} prints "${shorten(value.text)}": ${problem} (${where})`);
    }
  }
  return reasons;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * front-matter: the YAML front matter has the required keys with the right types and values (FORMAT.md),
 * `version` equals the file name, and `supersedes` names an earlier version of the same set.
 * The parser's front-matter problems (missing, invalid YAML, a second block) are reported here too.
 */
import type { Span, StandardsDoc } from '../model/types.js';
import type { DocumentRule, RuleContext } from './types.js';

const TEXT_KEYS = ['title', 'version', 'date', 'status', 'lang', 'supersedes', 'workshop', 'issuer', 'note'] as const;
const LIST_KEYS = ['legal-basis', 'authors'] as const;
const REQUIRED = ['title', 'version', 'date', 'status', 'lang'] as const;

export const frontMatter: DocumentRule = {
  kind: 'document',
  id: 'front-matter',
  description: 'Front matter: required keys and types, status, lang and date values, version equal to the file name, supersedes naming an earlier version of the set',
  severity: 'error',
  messages: {
    missing: '{{message}}',
    yaml: '{{message}}',
    misplaced: '{{message}}',
    unclosed: 'Expected a closing --- line for the front matter that starts on line 1, found none',
    'missing-key': 'Expected the key "{{key}}" in the front matter, found none',
    'wrong-type': 'Expected "{{key}}" to be {{expected}}, found {{found}}',
    empty: 'Expected a value for "{{key}}", found an empty one',
    status: 'Expected status draft, consultation or final, found "{{found}}"',
    lang: 'Expected lang ro or en, found "{{found}}"',
    date: 'Expected date as YYYY-MM-DD (a real date, quoted), found "{{found}}"',
    version: 'Expected version "{{expected}}" (the file name), found "{{found}}"',
    supersedes: 'Expected supersedes to name a version of the set ({{versions}}), found "{{found}}"',
    'supersedes-order': 'Expected supersedes to name a version earlier than "{{version}}", found "{{found}}"',
  },
  check(doc, ctx) {
    for (const p of doc.problems) {
      if (p.ruleId !== 'front-matter') continue;
      if (p.messageId === 'missing' && startsUnclosed(doc, ctx)) ctx.report({ messageId: 'unclosed', span: p.span });
      else ctx.report({ messageId: p.messageId, span: p.span, data: { message: p.message } });
    }
    const fm = doc.frontMatter;
    if (!fm || doc.problems.some((p) => p.ruleId === 'front-matter' && p.fatal)) return;
    const data = fm.data;
    const at = (key: string): Span => fm.keySpans[key] ?? firstLine(fm.span);

    for (const key of REQUIRED) {
      if (!(key in data)) ctx.report({ messageId: 'missing-key', span: firstLine(fm.span), data: { key } });
    }
    for (const key of TEXT_KEYS) {
      if (!(key in data)) continue;
      const value = data[key];
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
        ctx.report({ messageId: 'empty', span: at(key), data: { key } });
      } else if (typeof value !== 'string') {
        ctx.report({ messageId: 'wrong-type', span: at(key), data: { key, expected: 'text (quote it)', found: describe(value) } });
      }
    }
    for (const key of LIST_KEYS) {
      if (!(key in data)) continue;
      const value = data[key];
      if (value === null || value === undefined) ctx.report({ messageId: 'empty', span: at(key), data: { key } });
      else if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
        ctx.report({ messageId: 'wrong-type', span: at(key), data: { key, expected: 'a list of text items (one "- item" per line)', found: describe(value) } });
      }
    }

    const text = (key: string) => (typeof data[key] === 'string' && (data[key] as string).trim() !== '' ? (data[key] as string) : null);
    const status = text('status');
    if (status !== null && !['draft', 'consultation', 'final'].includes(status)) ctx.report({ messageId: 'status', span: at('status'), data: { found: status } });
    const lang = text('lang');
    if (lang !== null && !['ro', 'en'].includes(lang)) ctx.report({ messageId: 'lang', span: at('lang'), data: { found: lang } });
    const date = text('date');
    if (date !== null && !isDate(date)) ctx.report({ messageId: 'date', span: at('date'), data: { found: date } });
    const version = text('version');
    if (version !== null && ctx.expectedVersion !== undefined && version !== ctx.expectedVersion) {
      ctx.report({ messageId: 'version', span: at('version'), data: { expected: ctx.expectedVersion, found: version } });
    }
    const supersedes = text('supersedes');
    if (supersedes !== null && ctx.versions !== undefined) {
      const own = ctx.expectedVersion ?? version;
      if (!ctx.versions.includes(supersedes)) {
        const others = ctx.versions.filter((v) => v !== own);
        ctx.report({ messageId: 'supersedes', span: at('supersedes'), data: { versions: others.length ? others.join(', ') : 'none other', found: supersedes } });
      } else if (own !== null && own !== undefined && supersedes.localeCompare(own) >= 0) {
        ctx.report({ messageId: 'supersedes-order', span: at('supersedes'), data: { version: own, found: supersedes } });
      }
    }
  },
};

/** A file that starts with `---` but has no closing fence: remark reads a thematic break, not front matter. */
function startsUnclosed(doc: StandardsDoc, ctx: RuleContext): boolean {
  if (ctx.text !== undefined) return /^---[ \t]*\r?\n/.test(ctx.text);
  const first = doc.intro[0];
  return first?.type === 'thematicBreak' && first.position?.start.line === 1;
}

function firstLine(span: Span): Span {
  return { start: span.start, end: { line: span.start.line, column: span.start.column + 3, offset: span.start.offset + 3 } };
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return 'a mapping';
}

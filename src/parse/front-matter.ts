/** The YAML front matter: parsed with `yaml`, errors as problems with positions, typed metadata. */
import { isMap, isScalar } from 'yaml';
import { readYaml, yamlMeaning } from '../yaml/reader.js';
import type { Yaml } from 'mdast';
import type { FrontMatter, Meta, ParseProblem, Span } from '../model/types.js';
import { LineIndex, spanOf } from './positions.js';

export function readFrontMatter(node: Yaml, text: string, problems: ParseProblem[]): FrontMatter {
  const span = spanOf(node);
  const contentStart = text.indexOf('\n', span.start.offset) + 1;
  const raw = node.value;
  // The YAML text starts on the line after the opening `---`.
  const index = new LineIndex(raw);
  const toDoc = (offset: number): Span['start'] => {
    const p = index.point(Math.min(offset, raw.length));
    return { line: span.start.line + p.line, column: p.column, offset: contentStart + offset };
  };
  const spanFor = (range: [number, number] | undefined | null): Span =>
    range ? { start: toDoc(range[0]), end: toDoc(range[1]) } : span;

  const read = readYaml(raw);
  const doc = read.doc;
  const fail = (message: string, at: Span) =>
    problems.push({ ruleId: 'front-matter', messageId: 'yaml', message, span: at, fatal: true });
  const keySpans: Record<string, Span> = {};
  let data: Record<string, unknown> = {};
  let meaning: unknown = null;
  if (read.problem) {
    const p = read.problem;
    fail(`Invalid YAML in front matter: ${p.message}`, p.whole ? span : spanFor([p.offset, p.end ?? p.offset]));
  } else if (!isMap(doc.contents)) {
    fail('Expected the front matter to be a mapping of keys (title: …), found ' + describe(doc.contents), span);
  } else {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key)) keySpans[String(pair.key.value)] = spanFor(pair.key.range ? [pair.key.range[0], pair.key.range[1]] : null);
    }
    const value = read.data;
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
    meaning = yamlMeaning(read);
  }
  return { raw, data, meaning, span, keySpans };
}

function describe(contents: unknown): string {
  if (contents === null || contents === undefined) return 'nothing';
  if (isScalar(contents)) return `a single value (${JSON.stringify(contents.value)})`;
  return 'a list';
}

/** Typed view of the front matter; wrong types are left out here and reported by the front-matter rule. */
export function metaFrom(data: Record<string, unknown>): Meta {
  const str = (key: string): string | undefined => {
    const v = data[key];
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return undefined;
  };
  const list = (key: string): string[] | undefined => {
    const v = data[key];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    if (typeof v === 'string') return [v];
    return undefined;
  };
  const meta: Meta = {};
  const put = <K extends keyof Meta>(key: K, value: Meta[K] | undefined) => {
    if (value !== undefined) meta[key] = value;
  };
  put('title', str('title'));
  put('version', str('version'));
  put('date', str('date'));
  put('status', str('status'));
  put('lang', str('lang'));
  put('supersedes', str('supersedes'));
  put('workshop', str('workshop'));
  put('issuer', str('issuer'));
  put('legalBasis', list('legal-basis'));
  put('authors', list('authors'));
  put('note', str('note'));
  return meta;
}

/**
 * The one way stdraft reads YAML (front matter, observation registers, stdraft.config.yaml, template.yaml):
 * the `yaml` library's Document, with the checks a hostile file needs done here, in linear time, and every
 * problem as one line with its position (never a library warning printed):
 *
 * - duplicate keys (the library's own check is quadratic: 40,000 keys took 45 s; it is turned off);
 * - keys that are lists, mappings or aliases ("complex keys");
 * - tags other than the plain YAML types (`!!binary`, `!custom`);
 * - an alias inside the value it names (`a: &a [*a]`, a circular value), and alias bombs (at most 50 aliases
 *   are expanded);
 * - lone CR line endings (classic Mac), which YAML would read as one long line.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

/** Aliases expanded per document at most: a billion-laughs file is refused, not expanded. */
export const MAX_ALIAS_COUNT = 50;

/** Aliases written at most (each one costs the library a pass over the anchors when it is expanded). */
const MAX_ALIASES = 1000;

/** Lists and mappings nested deeper than this are refused. */
export const MAX_DEPTH = 500;

/** The tags a file may write explicitly: the plain types of YAML's core schema. */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

export interface YamlProblem {
  /** One line: what is wrong. */
  message: string;
  /** Offset in the text, and its 1-based line and column. */
  offset: number;
  /** Where the problem ends (an offset), when known. */
  end?: number;
  line: number;
  column: number;
  /** The problem is about the document as a whole (an alias bomb), not one place in it. */
  whole?: boolean;
}

/** The problem of a file that holds a second YAML document (a Markdown file with front matter, read as YAML). */
export const MULTIPLE_DOCUMENTS = 'a second YAML document starts at this "---" line; one document is expected';

export interface YamlRead {
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain values (null when there is a problem). */
  data: unknown;
  /** The first problem found, or null. */
  problem: YamlProblem | null;
}

/** Reads YAML text; never throws on user input (the first problem is returned with its position). */
export function readYaml(text: string): YamlRead {
  const lines = new LineCounter();
  const at = (offset: number, message: string): YamlProblem => {
    const p = lines.linePos(offset);
    return { message, offset, line: p.line, column: p.col };
  };
  let doc: Document.Parsed;
  try {
    // logLevel 'error': the library prints nothing, and still reports a second document as an error.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' });
  } catch {
    // The library recurses on nesting: a value nested tens of thousands of levels deep overflows its stack.
    doc = parseDocument('');
    return { doc, lines, data: null, problem: { message: `nested more than ${MAX_DEPTH} levels deep`, offset: 0, line: 1, column: 1, whole: true } };
  }
  const result = (problem: YamlProblem | null, data: unknown = null): YamlRead => ({ doc, lines, data, problem });

  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    const line = (text.slice(0, loneCr.index).match(/\r\n|\r|\n/g) ?? []).length + 1;
    return result({ message: 'uses lone CR line endings (an old Mac format); convert them to LF or CRLF (e.g. tr "\\r" "\\n")', offset: loneCr.index, line, column: 1 });
  }
  const error = doc.errors[0];
  if (error) {
    // The library recurses on nesting and reports its own stack overflow as an error.
    const message = /call stack/i.test(error.message)
      ? `nested more than ${MAX_DEPTH} levels deep`
      : error.code === 'MULTIPLE_DOCS'
        ? MULTIPLE_DOCUMENTS
        : firstLine(error.message);
    return result({ ...at(error.pos[0], message), end: error.pos[1] });
  }

  const problem = checkNodes(doc, at);
  if (problem) return result(problem);
  try {
    return result(null, doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (e) {
    return result({ ...at(0, firstLine((e as Error).message)), whole: true });
  }
}

/** The checks, over every node once (an explicit stack: no recursion on deep nesting). */
function checkNodes(doc: Document.Parsed, at: (offset: number, message: string) => YamlProblem): YamlProblem | null {
  const anchors = new Map<string, YamlNode>();
  const start = (node: { range?: [number, number, number] | null } | null | undefined) => node?.range?.[0] ?? 0;
  const stack: unknown[] = doc.contents ? [doc.contents] : [];
  const depths: number[] = doc.contents ? [1] : [];
  let aliases = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (depth > MAX_DEPTH) return at(start(node as YamlNode), `nested more than ${MAX_DEPTH} levels deep`);
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) return at(node.range?.[0] ?? 0, `more than ${MAX_ALIASES} aliases (a resource exhaustion attack?)`);
      const target = anchors.get(node.source);
      const range = node.range;
      if (target?.range && range && target.range[0] <= range[0] && range[1] <= target.range[1]) {
        return at(range[0], `alias *${node.source} is inside the value it names (a circular value)`);
      }
      continue;
    }
    const n = node as YamlNode;
    if (n.anchor) anchors.set(n.anchor, n);
    if (n.tag && !ALLOWED_TAGS.has(n.tag)) {
      return at(start(n), `the tag ${shortTag(n.tag)} is not supported (write plain text, numbers, lists and mappings)`);
    }
    if (isScalar(n)) continue;
    if (isSeq(n)) {
      // Pushed in reverse: popped in document order, so that anchors are seen before their aliases.
      for (let i = n.items.length - 1; i >= 0; i--) {
        stack.push(n.items[i]);
        depths.push(depth + 1);
      }
      continue;
    }
    if (isMap(n)) {
      const seen = new Set<string>();
      for (const pair of n.items) {
        const key = pair.key as YamlNode | null;
        if (!isScalar(key)) {
          const where = key && !isAlias(key) ? start(key) : key ? (key.range?.[0] ?? start(n)) : start(pair.value as YamlNode | null) || start(n);
          return at(where, key ? 'a key that is a list, mapping or alias is not supported (write a plain key: value)' : 'a value without a key');
        }
        if (key.tag && !ALLOWED_TAGS.has(key.tag)) return at(start(key), `the tag ${shortTag(key.tag)} is not supported`);
        const id = `${typeof key.value}\u0000${String(key.value)}`;
        if (seen.has(id)) return at(start(key), `the key "${String(key.value)}" appears twice in the same mapping (keys must be unique)`);
        seen.add(id);
        if (key.anchor) anchors.set(key.anchor, key);
      }
      for (let i = n.items.length - 1; i >= 0; i--) {
        stack.push(n.items[i]!.value);
        depths.push(depth + 1);
      }
      continue;
    }
    if (isPair(n)) {
      stack.push(n.value);
      depths.push(depth + 1);
    }
  }
  return null;
}

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** A 1-based line of an offset of a read document. */
export function lineAt(read: YamlRead, offset: number): number {
  return read.lines.linePos(offset).line;
}

/**
 * What a read document says, as a plain value that does not depend on how it is written: mappings with
 * their keys sorted (key order is not meaning), lists, and every scalar as text — a string as its value, any
 * other scalar as its source text with its type (`007` stays `{number: "007"}`, not 7), aliases expanded.
 * Comments, quoting style and list style are not part of it. For a document `readYaml` found no problem in.
 */
export function yamlMeaning(read: YamlRead): unknown {
  const anchors = new Map<string, YamlNode>();
  const meaning = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH * 2) throw new RangeError('nested too deeply');
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      return target ? meaning(target, depth + 1) : null;
    }
    const n = node as YamlNode;
    if (n.anchor) anchors.set(n.anchor, n);
    if (isScalar(n)) {
      if (typeof n.value === 'string') return n.value;
      return { [n.value === null ? 'null' : typeof n.value]: n.source ?? String(n.value) };
    }
    if (isSeq(n)) return n.items.map((item) => meaning(item, depth + 1));
    if (isMap(n)) {
      const entries = n.items.map((pair) => [String(isScalar(pair.key) ? pair.key.value : pair.key), pair.value] as const);
      const out = Object.create(null) as Record<string, unknown>;
      // Values in document order (anchors before their aliases), keys then sorted.
      const values = new Map<string, unknown>(entries.map(([key, value]) => [key, meaning(value, depth + 1)]));
      for (const key of [...values.keys()].sort()) out[key] = values.get(key);
      return out;
    }
    return null;
  };
  return meaning(read.doc.contents, 0);
}

/**
 * The top-level entries of a block mapping as pieces of the source text, so that they can be reordered or
 * replaced without printing YAML again: every value, comment, quote and list keeps its exact text (a printer
 * would turn `cod: 007` into `cod: 7`).
 */
import { isMap, isScalar, visit, type Document } from 'yaml';
import { readYaml } from './reader.js';

export interface TopLevelEntry {
  key: string;
  /** The entry's lines: the comment lines right above its key, the key line and its value's lines. */
  text: string;
}

export interface TopLevelText {
  /** Lines before the first entry (comments, blank lines). */
  head: string;
  entries: TopLevelEntry[];
}

/**
 * `text` (LF line endings) cut into its top-level entries, or null when it is not a block mapping whose keys
 * each start a line (a flow mapping `{…}`, invalid YAML, aliases — which reordering could put before their
 * anchors): such text is left as written.
 */
export function splitTopLevel(text: string): TopLevelText | null {
  const read = readYaml(text);
  const map = read.doc.contents;
  if (read.problem || !isMap(map) || map.flow || /(^|\n)(%|---|\.\.\.)/.test(text) || hasAlias(read.doc)) return null;
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const starts: { key: string; line: number }[] = [];
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range) return null;
    const line = read.lines.linePos(pair.key.range[0]).line - 1;
    if (lineStarts[line] !== pair.key.range[0]) return null;
    if (starts.length > 0 && starts[starts.length - 1]!.line >= line) return null;
    starts.push({ key: String(pair.key.value), line });
  }
  if (starts.length === 0) return null;
  // Comment lines directly above a key go with it.
  const begin = starts.map(({ line }, i) => {
    let b = line;
    const floor = i === 0 ? 0 : starts[i - 1]!.line + 1;
    while (b > floor && /^\s*#/.test(lines[b - 1]!)) b--;
    return b;
  });
  const slice = (from: number, to: number) => lines.slice(from, to).join('\n');
  const end = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  return {
    head: begin[0]! > 0 ? `${slice(0, begin[0]!)}\n` : '',
    entries: starts.map(({ key }, i) => ({ key, text: `${slice(begin[i]!, i + 1 < starts.length ? begin[i + 1]! : end)}\n` })),
  };
}

function hasAlias(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

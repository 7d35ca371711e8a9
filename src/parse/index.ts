/** Parsing: bytes or text → StandardsDoc (+ the mdast it was built from, for the printer). */
import type { Root } from 'mdast';
import type { StandardsDoc } from '../model/types.js';
import { buildModel } from './build.js';
import { parseMarkdown } from './markdown.js';
import { decodeSource, type SourceText } from './source.js';

export interface Parsed {
  doc: StandardsDoc;
  tree: Root;
  source: SourceText;
}

/** Parses a document's text (BOM already removed). Never throws on user input. */
export function parseText(text: string, file: string, facts: { bom?: boolean } = {}): Parsed {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const source: SourceText = { text, bom: facts.bom ?? false, eol: crlf > lf ? '\r\n' : '\n' };
  const tree = parseMarkdown(text);
  const doc = buildModel(tree, { file, text, eol: source.eol, bom: source.bom });
  return { doc, tree, source };
}

/** Decodes bytes (throws a StdraftError for empty, binary or non-UTF-8 input) and parses them. */
export function parseBytes(bytes: Uint8Array, file: string): Parsed {
  const source = decodeSource(bytes, file);
  return parseText(source.text, file, { bom: source.bom });
}

export function parseStandards(text: string, file = 'input.md'): StandardsDoc {
  return parseText(text, file).doc;
}

export { decodeSource, MAX_INPUT_BYTES } from './source.js';
export { splitAtHeadings } from './split.js';
export { parseMarkdown } from './markdown.js';

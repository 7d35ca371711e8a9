/**
 * Canonical Markdown: the printer behind `stdraft fmt`.
 *
 * It works on the mdast the document was parsed from (so nothing the model does not type — comments,
 * definitions, raw HTML — is lost), rewrites the structural labels canonically, orders the front-matter
 * keys, and serialises with remark-stringify: ATX headings, `-` bullets, one blank line between blocks,
 * no trailing spaces, a final newline. Line endings and a BOM are kept. With a renumbering plan, numbers
 * in headings and references in the text follow it (see renumber.ts).
 */
import { unified } from 'unified';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readYaml, yamlMeaning } from '../yaml/reader.js';
import { splitTopLevel } from '../yaml/top-level.js';
import type { Node } from 'unist';
import { parseText, type Parsed } from '../parse/index.js';
import { inputError } from '../errors.js';
import { snapshot, stripPositions } from '../model/walk.js';
import type { Module, Requirement, StandardsDoc } from '../model/types.js';
import { labelsFor, standardRangeText, toRoman } from '../model/labels.js';
import { requirementKey } from '../model/references.js';
import { applyReferenceMap, type RenumberPlan } from './renumber.js';

export const FRONT_MATTER_KEY_ORDER = [
  'title',
  'version',
  'date',
  'status',
  'lang',
  'supersedes',
  'workshop',
  'issuer',
  'legal-basis',
  'authors',
  'note',
];

const compactTable = gfmTableToMarkdown({ tablePipeAlign: false }).handlers!.table!;

export const STRINGIFY_OPTIONS: StringifyOptions = {
  handlers: {
    // Tables unpadded (a changed cell changes one line in git), with a `---` delimiter row.
    table(node, parent, state, info) {
      const text = compactTable.call(this, node, parent, state, info) as string;
      const lines = text.split('\n');
      if (lines[1]) lines[1] = lines[1].replace(/(?<=\| ?:?)-(?=:? ?\|)/g, '---');
      return lines.join('\n');
    },
  },
  bullet: '-',
  bulletOther: '*',
  listItemIndent: 'one',
  fences: true,
  fence: '`',
  rule: '-',
  emphasis: '*',
  strong: '*',
  incrementListMarker: true,
  setext: false,
  resourceLink: false,
};

const stringifier = unified()
  .use(remarkStringify, STRINGIFY_OPTIONS)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, { tablePipeAlign: false });

export interface PrintOptions {
  /** Renumber modules, standards, requirements and indicator prefixes, and rewrite references. */
  renumber?: RenumberPlan | null;
}

/** The canonical text of a parsed document. Callers must not print documents with fatal parse problems. */
export function formatDocument(parsed: Parsed, options: PrintOptions = {}): string {
  const { doc, tree } = parsed;
  const plan = options.renumber ?? null;
  const rewrite = new Map<RootContent, RootContent>();
  collectRewrites(doc, rewrite, plan);

  const children: RootContent[] = [];
  let yamlText: string | null = null;
  for (const node of tree.children) {
    if (node.type === 'yaml' && doc.frontMatter && yamlText === null && children.length === 0) {
      yamlText = canonicalYaml(doc.frontMatter.raw);
      continue;
    }
    if (rewrite.get(node) === JOINED) continue;
    let out = rewrite.get(node) ?? node;
    if (plan) out = applyReferenceMap(out, plan, doc.lang);
    children.push(out);
  }

  const pieces: string[] = [];
  if (yamlText !== null) pieces.push(`---\n${yamlText}---`);
  // Serialise in groups that end before a heading: cost stays linear, and nothing joins across a heading.
  let group: RootContent[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const text = stringifyGroup(group, doc.file);
    pieces.push(text.replace(/\n+$/, ''));
    group = [];
  };
  for (const node of children) {
    if (node.type === 'heading' || group.length >= 200) flush();
    group.push(node);
  }
  flush();
  const text0 = `${pieces.join('\n\n')}\n`;
  const text = doc.source.eol === '\r\n' ? text0.replace(/\n/g, '\r\n') : text0;
  return (doc.source.bom ? '\uFEFF' : '') + text;
}

/**
 * remark-stringify of a group of blocks. It recurses once per level of nesting, so a block nested some
 * hundreds of levels deep (lists or quotes opened on one line) can exhaust the call stack: that is a one-line
 * error naming the block's line, and the file is left as it is.
 */
function stringifyGroup(group: RootContent[], file: string): string {
  try {
    return stringifier.stringify({ type: 'root', children: group } as Root).replace(/\r\n?/g, '\n');
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const line = deepestLine(group);
    throw inputError(file, 'cannot be formatted: a block is nested too deeply for the Markdown printer', {
      ...(line === undefined ? {} : { line }),
      hint: 'the file is left unchanged; nest lists and quotes less deeply',
    });
  }
}

/** The line where the most deeply nested node of `nodes` starts (walked without recursion). */
function deepestLine(nodes: RootContent[]): number | undefined {
  let best: { depth: number; line: number | undefined } = { depth: -1, line: undefined };
  const stack: Array<{ node: Node; depth: number }> = nodes.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > best.depth) best = { depth, line: node.position?.start.line };
    for (const child of (node as { children?: Node[] }).children ?? []) stack.push({ node: child, depth: depth + 1 });
  }
  return best.line;
}

/**
 * Front matter with the known keys in the contract's order (unknown keys after them, in their order), each
 * entry moved as its source text: values, quoting, comments and list styles are kept byte for byte (a YAML
 * printer would turn `cod: 007` into `cod: 7`). Trailing spaces are removed where they mean nothing. Text
 * that is not a plain block mapping (a flow mapping, aliases) keeps its order.
 */
export function canonicalYaml(raw: string): string {
  const text = withoutTrailingSpaces(raw.replace(/\r\n?/g, '\n'));
  const split = splitTopLevel(text);
  const done = (t: string) => (t === '' || t.endsWith('\n') ? t : `${t}\n`);
  if (!split) return done(text);
  const rank = (key: string) => {
    const i = FRONT_MATTER_KEY_ORDER.indexOf(key);
    return i === -1 ? FRONT_MATTER_KEY_ORDER.length : i;
  };
  const ordered = split.entries.map((entry, i) => ({ entry, i })).sort((a, b) => rank(a.entry.key) - rank(b.entry.key) || a.i - b.i);
  if (ordered.every((x, i) => x.i === i)) return done(text);
  // Moved entries lose the blank lines that separated them where they were.
  return split.head + ordered.map((x) => x.entry.text.replace(/\n+$/, '\n')).join('');
}

/** Trailing spaces removed from every line, unless that would change a value (in a `|` block scalar). */
function withoutTrailingSpaces(text: string): string {
  const stripped = text.replace(/[ \t]+$/gm, '');
  if (stripped === text) return text;
  const before = readYaml(text);
  const after = readYaml(stripped);
  if (before.problem || after.problem) return text;
  return JSON.stringify(yamlMeaning(before)) === JSON.stringify(yamlMeaning(after)) ? stripped : text;
}

function collectRewrites(doc: StandardsDoc, rewrite: Map<RootContent, RootContent>, plan: RenumberPlan | null): void {
  const labels = labelsFor(doc.lang);
  for (const module of doc.modules) {
    const numeral = moduleNumeral(module, plan);
    if (module.heading && numeral !== null) {
      let range = '';
      if (module.range) {
        const r = plan?.moduleRanges.get(module) ?? module.range;
        range = ` (${standardRangeText(labels, r.from, r.to)})`;
      }
      const title = module.title ? ` ${module.title}` : '';
      rewrite.set(module.heading.node, relabel(module.heading.node, `${labels.module} ${numeral}.${title}${range}`, range ? null : module.title));
    }
    for (const standard of module.standards) {
      const n = plan?.standards.get(standard) ?? standard.number;
      const title = standard.title ? ` ${standard.title}` : '';
      rewrite.set(standard.heading.node, relabel(standard.heading.node, `${labels.standard} ${n}.${title}`, standard.title));
      for (const er of standard.expectedResults) {
        const children: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: labels.expectedResults }] }];
        if (er.content.children.length > 0) {
          children.push({ type: 'text', value: ' ' });
          for (const item of er.content.children) children.push(item);
        }
        rewrite.set(er.node, { ...er.node, children });
      }
      for (const req of standard.requirements) {
        const id = requirementHeadingId(doc, module, req, plan);
        if (id !== null) {
          const title = req.title ? ` ${req.title}` : '';
          rewrite.set(req.heading.node, relabel(req.heading.node, `${id}${title}`, req.title));
        }
        if (plan && req.indicatorsList && req.indicators.some((i) => i.explicit)) {
          const next = plan.requirements.get(req)!;
          const items = req.indicatorsList.children.map((item, k) =>
            req.indicators[k]?.explicit ? renumberIndicator(item, `Im${k + 1}S${next.standard}.${next.index}`) : item,
          );
          rewrite.set(req.indicatorsList, { ...req.indicatorsList, children: items });
        }
        if (req.indicatorsList && req.moreIndicatorLists?.length) joinIndicatorLists(req, rewrite, plan);
        if (req.indicatorsLabel) {
          const label: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: labels.indicators }] }] };
          rewrite.set(req.indicatorsLabel, label);
        }
      }
    }
  }
}

/** Marks a block printed as part of the one before it (and so not printed on its own). */
const JOINED: RootContent = { type: 'thematicBreak' };

/** The indicators written as several lists (`*` among `-` bullets) printed as one `-` list. */
function joinIndicatorLists(req: Requirement, rewrite: Map<RootContent, RootContent>, plan: RenumberPlan | null): void {
  const first = (rewrite.get(req.indicatorsList!) ?? req.indicatorsList!) as List;
  const next = plan?.requirements.get(req);
  const items = [...first.children];
  for (const list of req.moreIndicatorLists ?? []) {
    for (const item of list.children) {
      const k = items.length;
      items.push(next && req.indicators[k]?.explicit ? renumberIndicator(item, `Im${k + 1}S${next.standard}.${next.index}`) : item);
    }
    rewrite.set(list, JOINED);
  }
  rewrite.set(req.indicatorsList!, { ...first, spread: false, children: items });
}

/** A bullet whose explicit `Im<k>S<n>.<m>` prefix is replaced by `id`. */
function renumberIndicator(item: ListItem, id: string): ListItem {
  const [para, ...rest] = item.children;
  if (!para || para.type !== 'paragraph') return item;
  const [first, ...others] = para.children;
  if (!first || first.type !== 'text') return item;
  const value = first.value.replace(/^(?:M\.\s?[IVXLCDM]+\.?\s?[-–]\s?)?Im\d+\s?S\d+\.\d+(?:\^\d+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?/u, id);
  return { ...item, children: [{ ...para, children: [{ ...first, value }, ...others] }, ...rest] };
}

function moduleNumeral(module: Module, plan: RenumberPlan | null): string | null {
  const planned = plan?.modules.get(module);
  if (planned !== undefined) return toRoman(planned);
  if (module.numeral === null) return null;
  return /^\d+$/.test(module.numeral) ? module.numeral : module.numeral.toUpperCase();
}

function requirementHeadingId(doc: StandardsDoc, module: Module, req: Requirement, plan: RenumberPlan | null): string | null {
  if (!req.id) return null;
  const planned = plan?.requirements.get(req);
  const standard = planned?.standard ?? req.id.standard;
  const index = planned?.index ?? req.id.index;
  // Renumbering makes every requirement plainly numbered; fmt alone keeps an inserted one's index (`S1.1^1`).
  const plain = planned ? `S${standard}.${index}` : requirementKey(req.id);
  if (doc.idStyle === 'plain') return plain;
  const prefix = plan ? moduleNumeral(module, plan) : req.id.modulePrefix?.toUpperCase() ?? moduleNumeral(module, null);
  return prefix ? `M.${prefix}.-${plain}` : plain;
}

/**
 * A heading with its label rewritten. A heading of plain text becomes one text node; one with inline
 * formatting keeps its nodes and has only the label, when it lies in its first text node, replaced.
 * `title` is the written text kept verbatim at the end of the heading.
 */
function relabel(node: Heading, canonical: string, title: string | null): Heading {
  if (node.children.every((c) => c.type === 'text')) {
    return { ...node, children: [{ type: 'text', value: canonical }] };
  }
  const first = node.children[0];
  if (title === null || !first || first.type !== 'text') return node;
  const labelLength = toString(node).trimEnd().length - title.length;
  if (labelLength < 0 || labelLength > first.value.length) return node;
  const label = canonical.slice(0, canonical.length - title.length);
  return { ...node, children: [{ ...first, value: label + first.value.slice(labelLength) }, ...node.children.slice(1)] };
}

/**
 * `formatDocument`, checked: the output is parsed again and must mean what the input meant (same model
 * snapshot: front matter meaning, structure and every block), else a StdraftError names the file, the line of
 * the front matter key or block that would change, and what would change. remark's serializer cannot
 * round-trip a few exotic constructs; such a file is left as it is rather than changed.
 */
export function formatVerified(parsed: Parsed, options: PrintOptions = {}): string {
  try {
    return verified(parsed, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw inputError(parsed.doc.file, 'cannot be formatted: the document is nested too deeply to be checked after printing', {
      hint: 'the file is left unchanged; nest lists and quotes less deeply',
    });
  }
}

function verified(parsed: Parsed, options: PrintOptions): string {
  const text = formatDocument(parsed, options);
  const again = parseText(text.replace(/^\uFEFF/, ''), parsed.doc.file, { bom: parsed.source.bom });
  const expected = options.renumber ? null : JSON.stringify(snapshot(parsed.doc));
  if (expected !== null && JSON.stringify(snapshot(again.doc)) !== expected) {
    const { line, what } = firstDifference(parsed, again);
    throw inputError(parsed.doc.file, `cannot be formatted without changing what it says: ${what}`, {
      ...(line === undefined ? {} : { line }),
      hint: 'the file is left unchanged; rewrite that part more simply',
    });
  }
  return text;
}

/** Where two parses of a document first differ in meaning, and what differs, for the message above. */
function firstDifference(before: Parsed, after: Parsed): { line: number | undefined; what: string } {
  const fmBefore = before.doc.frontMatter;
  const fmAfter = after.doc.frontMatter;
  if (JSON.stringify(fmBefore?.meaning ?? null) !== JSON.stringify(fmAfter?.meaning ?? null)) {
    const a = (fmBefore?.meaning ?? {}) as Record<string, unknown>;
    const b = (fmAfter?.meaning ?? {}) as Record<string, unknown>;
    const key = [...new Set([...Object.keys(a), ...Object.keys(b)])].find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    const line = (key !== undefined ? fmBefore?.keySpans[key]?.start.line : undefined) ?? fmBefore?.span.start.line;
    const what = key === undefined ? 'the front matter would change' : `the front matter value of "${key}" would change from ${excerpt(a[key])} to ${excerpt(b[key])}`;
    return { line, what };
  }
  const blocksBefore = before.tree.children.filter((n) => n.type !== 'yaml');
  const blocksAfter = after.tree.children.filter((n) => n.type !== 'yaml');
  const index = blocksBefore.findIndex((node, i) => !blocksAfter[i] || JSON.stringify(stripPositions(node)) !== JSON.stringify(stripPositions(blocksAfter[i]!)));
  if (index === -1) {
    if (blocksAfter.length > blocksBefore.length) return { line: blocksBefore.at(-1)?.position?.end.line, what: `a ${describeBlock(blocksAfter[blocksBefore.length]!)} would appear at the end` };
    return { line: undefined, what: 'the document structure would change (an unusual Markdown construct)' };
  }
  const node = blocksBefore[index]!;
  const other = blocksAfter[index];
  const was = excerpt(toString(node));
  const would = other ? (other.type === node.type ? `read ${excerpt(toString(other))}` : `become a ${describeBlock(other)}`) : 'disappear';
  return { line: node.position?.start.line, what: `the ${describeBlock(node)} ${was} would ${would}` };
}

const BLOCK_NAMES: Record<string, string> = {
  paragraph: 'paragraph',
  heading: 'heading',
  list: 'list',
  table: 'table',
  code: 'code block',
  html: 'HTML block',
  blockquote: 'block quote',
  thematicBreak: 'thematic break',
  definition: 'link definition',
  footnoteDefinition: 'footnote',
};

function describeBlock(node: RootContent): string {
  return BLOCK_NAMES[node.type] ?? `${node.type} block`;
}

/** A short quotation of a value for a one-line message. */
function excerpt(value: unknown): string {
  // A scalar that is not a string is {type: source} in a front matter's meaning (yaml/reader.ts).
  const scalar = value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype ? Object.values(value)[0] : undefined;
  const text = typeof value === 'string' ? value : typeof scalar === 'string' ? scalar : value === undefined ? '(nothing)' : JSON.stringify(value);
  const line = text.replace(/\r?\n/g, '⏎').replace(/[ \t]+/g, ' ').trim();
  return `"${line.length > 40 ? `${line.slice(0, 39)}…` : line}"`;
}

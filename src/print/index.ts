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
import type { Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { parseDocument, isMap, type Pair } from 'yaml';
import { parseText, type Parsed } from '../parse/index.js';
import { inputError } from '../errors.js';
import { snapshot, stripPositions } from '../model/walk.js';
import type { Module, Requirement, StandardsDoc } from '../model/types.js';
import { labelsFor, toRoman } from '../model/labels.js';
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

/** Front matter with the known keys in the contract's order (unknown keys after them), comments and quoting kept. */
export function canonicalYaml(raw: string): string {
  const doc = parseDocument(raw.replace(/\r\n?/g, '\n'));
  if (isMap(doc.contents)) {
    const rank = (pair: Pair) => {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      const i = FRONT_MATTER_KEY_ORDER.indexOf(key);
      return i === -1 ? FRONT_MATTER_KEY_ORDER.length : i;
    };
    const items = doc.contents.items as Pair[];
    const ordered = items.map((pair, i) => ({ pair, i })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.i - b.i);
    doc.contents.items = ordered.map((x) => x.pair) as typeof doc.contents.items;
  }
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  return text.endsWith('\n') ? text : `${text}\n`;
}

function collectRewrites(doc: StandardsDoc, rewrite: Map<RootContent, RootContent>, plan: RenumberPlan | null): void {
  const labels = labelsFor(doc.lang);
  for (const module of doc.modules) {
    const numeral = moduleNumeral(module, plan);
    if (module.heading && numeral !== null) {
      let range = '';
      if (module.range) {
        const r = plan?.moduleRanges.get(module) ?? module.range;
        range = ` (${labels.standardRange} ${r.from}-${r.to})`;
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
        if (req.indicatorsLabel) {
          const label: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: labels.indicators }] }] };
          rewrite.set(req.indicatorsLabel, label);
        }
      }
    }
  }
}

/** A bullet whose explicit `Im<k>S<n>.<m>` prefix is replaced by `id`. */
function renumberIndicator(item: ListItem, id: string): ListItem {
  const [para, ...rest] = item.children;
  if (!para || para.type !== 'paragraph') return item;
  const [first, ...others] = para.children;
  if (!first || first.type !== 'text') return item;
  const value = first.value.replace(/^Im\d+\s?S\d+\.\d+/u, id);
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
  const plain = `S${standard}.${index}`;
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
 * snapshot), else a StdraftError names the file and the line of the first block that would change. remark's
 * serializer cannot round-trip a few exotic constructs; such a file is left as it is rather than changed.
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
    const before = parsed.tree.children.filter((n) => n.type !== 'yaml');
    const after = again.tree.children.filter((n) => n.type !== 'yaml');
    const index = before.findIndex((node, i) => !after[i] || JSON.stringify(stripPositions(node)) !== JSON.stringify(stripPositions(after[i]!)));
    const line = before[Math.max(0, index)]?.position?.start.line;
    throw inputError(parsed.doc.file, 'cannot be formatted without changing what it says (an unusual Markdown construct)', {
      ...(line === undefined ? {} : { line }),
      hint: 'the file is left unchanged; rewrite that block more simply',
    });
  }
  return text;
}

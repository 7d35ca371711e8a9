/**
 * The recognised structure → stdraft Markdown (an mdast tree serialised with the printer's options; the
 * caller passes it through `fmt`'s printer for the canonical form).
 */
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { Document, Scalar } from 'yaml';
import { STRINGIFY_OPTIONS, canonicalYaml } from '../print/index.js';
import { labelsFor } from '../model/labels.js';
import type { Imported, OutBlock } from './recognise.js';
import type { Run } from './types.js';

const stringifier = unified().use(remarkStringify, STRINGIFY_OPTIONS).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { tablePipeAlign: false });

/** Front matter values in the contract's order; absent values are left out (validate asks for them). */
export interface FrontMatterValues {
  title?: string;
  version?: string;
  date?: string;
  status?: string;
  lang: string;
  issuer?: string;
  legalBasis?: string[];
  /** Keys of a Markdown source's own front matter, kept after the known ones. */
  extra?: Record<string, unknown>;
}

export function frontMatterYaml(values: FrontMatterValues): string {
  const data: Record<string, unknown> = {};
  const quoted = (v: string) => {
    const s = new Scalar(v);
    s.type = 'QUOTE_SINGLE';
    return s;
  };
  if (values.title) data['title'] = values.title;
  if (values.version) data['version'] = quoted(values.version);
  if (values.date) data['date'] = quoted(values.date);
  if (values.status) data['status'] = values.status;
  data['lang'] = values.lang;
  for (const [k, v] of Object.entries(values.extra ?? {})) {
    // Version names and dates stay text for every YAML reader.
    if (!(k in data) && k !== 'issuer' && k !== 'legal-basis') data[k] = typeof v === 'string' && /^[\d.:-]+$/.test(v) ? quoted(v) : v;
  }
  if (values.issuer) data['issuer'] = values.issuer;
  if (values.legalBasis && values.legalBasis.length > 0) data['legal-basis'] = values.legalBasis;
  return canonicalYaml(new Document(data).toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true }));
}

export function writeMarkdown(doc: Imported, frontMatter: FrontMatterValues, ownFrontMatter?: string): string {
  const labels = labelsFor(doc.meta.lang);
  const yaml = ownFrontMatter !== undefined ? canonicalYaml(ownFrontMatter) : frontMatterYaml(frontMatter);
  const children: RootContent[] = [{ type: 'yaml', value: yaml.replace(/\n$/, '') }];
  // One id style for the whole document, as fmt makes it: the majority decides between S1.1 and M.I.-S1.1.
  let prefixed = 0;
  let plainIds = 0;
  for (const m of doc.modules) for (const s of m.standards) for (const r of s.requirements) r.prefix ? prefixed++ : plainIds++;
  const modulePrefixed = prefixed > plainIds;
  append(children, blocks(doc.intro));
  for (const m of doc.modules) {
    if (m.numeral !== null) {
      const range = m.range && m.range.to > m.range.from ? ` (${labels.standardRange} ${m.range.from}-${m.range.to})` : '';
      children.push(heading(1, [{ text: `${labels.module} ${m.numeral}.${m.title ? ` ${m.title}` : ''}${range}` }]));
    }
    append(children, blocks(m.blocks));
    for (const s of m.standards) {
      children.push(heading(2, [{ text: `${labels.standard} ${s.number}.${s.title ? ` ${s.title}` : ''}` }]));
      append(children, blocks(s.statement));
      if (s.expected) {
        const content = joinLines(s.expected);
        children.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: labels.expectedResults }] }, ...(content.length > 0 ? [{ type: 'text', value: ' ' } as PhrasingContent, ...content] : [])] });
      }
      for (const r of s.requirements) {
        const prefix = modulePrefixed ? (r.prefix ?? m.numeral)?.toUpperCase() : null;
        const id = `${prefix ? `M.${prefix}.-` : ''}S${r.standard}.${r.index}`;
        children.push(heading(3, [{ text: `${id}${r.title ? ` ${r.title}` : ''}` }]));
        append(children, blocks(r.text));
        if (r.indicators.length > 0) {
          children.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: labels.indicators }] }] });
          const list: List = {
            type: 'list',
            ordered: false,
            spread: false,
            children: r.indicators.map((ind) => ({
              type: 'listItem',
              spread: false,
              children: [{ type: 'paragraph', children: phrasing(ind.explicit ? [{ text: `${ind.explicit}: ` }, ...ind.runs] : ind.runs) }],
            })),
          };
          children.push(list);
        }
        append(children, blocks(r.after));
      }
    }
  }
  for (const a of doc.annexes) {
    children.push(heading(1, a.title));
    append(children, blocks(a.blocks));
  }
  // Serialised in groups that end before a heading, as the printer does: the cost stays linear.
  const pieces: string[] = [];
  let group: RootContent[] = [];
  const flush = () => {
    if (group.length === 0) return;
    pieces.push(stringifier.stringify({ type: 'root', children: group } as Root).replace(/\n+$/, ''));
    group = [];
  };
  for (const node of children) {
    if (node.type === 'heading' || group.length >= 200) flush();
    group.push(node);
  }
  flush();
  return `${pieces.join('\n\n')}\n`;
}

function heading(depth: number, runs: Run[]): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children: phrasing(runs.map((r) => ({ ...r, text: r.text.replace(/\n/g, ' ') }))) };
}

function blocks(bs: OutBlock[]): RootContent[] {
  return bs.map((b): RootContent => {
    switch (b.kind) {
      case 'heading':
        return heading(b.depth, b.runs);
      case 'para':
        return { type: 'paragraph', children: joinLines(b.lines) } satisfies Paragraph;
      case 'list':
        return {
          type: 'list',
          ordered: b.ordered,
          spread: false,
          children: b.items.map((item) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(item) }] })),
        } satisfies List;
      case 'table': {
        const width = b.rows.reduce((w, r) => Math.max(w, r.length), 1);
        return {
          type: 'table',
          align: Array.from({ length: width }, () => null),
          children: b.rows.map((row) => ({
            type: 'tableRow',
            children: Array.from({ length: width }, (_, k) => ({ type: 'tableCell', children: phrasing((row[k] ?? []).map((r) => ({ ...r, text: r.text.replace(/\n/g, ' ') }))) })),
          })),
        } satisfies Table;
      }
    }
  });
}

function joinLines(lines: Run[][]): PhrasingContent[] {
  const out: Run[] = [];
  lines.forEach((line, k) => {
    if (k > 0) out.push({ text: '\n' });
    append(out, line);
  });
  return phrasing(out);
}

/**
 * Runs → mdast inline nodes: adjacent runs of one formatting merged; spaces at the edges of bold or italic
 * moved outside the marks (`**a **` is not bold in Markdown).
 */
export function phrasing(runs: Run[]): PhrasingContent[] {
  const merged: Run[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = merged[merged.length - 1];
    if (last && Boolean(last.bold) === Boolean(r.bold) && Boolean(last.italic) === Boolean(r.italic)) last.text += r.text;
    else merged.push({ ...r });
  }
  const out: PhrasingContent[] = [];
  const pushText = (value: string) => {
    if (!value) return;
    const last = out[out.length - 1];
    if (last && last.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  for (const r of merged) {
    if (!r.bold && !r.italic) {
      pushText(r.text);
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!;
    pushText(m[1]!);
    if (m[2]) {
      let node: PhrasingContent = { type: 'text', value: m[2] };
      if (r.italic) node = { type: 'emphasis', children: [node] };
      if (r.bold) node = { type: 'strong', children: [node] };
      out.push(node);
    }
    pushText(m[3]!);
  }
  return out;
}

/** `target.push(...items)` without the argument limit (a text of a million lines is one paragraph). */
function append<T>(target: T[], items: T[]): void {
  for (const item of items) target.push(item);
}

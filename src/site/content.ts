/**
 * Markdown content blocks (mdast, as the model keeps them) → HTML, with mdast-util-to-hast and
 * hast-util-to-html. Raw HTML in the source is dropped (directives and comments are for Word output);
 * cross-references in running text (`S3.2`, `Standardul 4`, `Modulul II`) become links to the units they
 * name in the same version, and Markdown links to the format's anchors (`#s3-2`) point at the site's
 * anchors (`#S3.2`). Headings inside content are pushed below the heading of the unit that holds them; the
 * lines of an `a)`/`b)` enumeration written inside one paragraph stay on lines of their own. Nothing makes a
 * request outside the site (a picture becomes a link to it) and links keep to web, e-mail and telephone
 * addresses (a `javascript:` link loses its target).
 */
import type { Break, Heading, Link, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { anchorTarget, findReferences, type ReferenceTarget } from '../model/references.js';
import type { Block } from '../model/types.js';
import { fragment } from './anchors.js';

/** Finds the anchor of a referenced unit in the version, or null when it has none. */
export type ReferenceResolver = (target: ReferenceTarget) => string | null;

export interface ContentOptions {
  /** Definitions (link references, footnotes) of the whole document. */
  definitions?: readonly Block[];
  resolve?: ReferenceResolver;
  /** The smallest heading depth content may use (its unit's heading depth + 1). */
  minHeading?: number;
  /** Prefix of footnote ids, unique per fragment of a page. */
  idPrefix?: string;
}

export function blocksHtml(blocks: readonly Block[], options: ContentOptions = {}): string {
  if (blocks.length === 0) return '';
  const resolve = options.resolve ?? (() => null);
  const min = options.minHeading ?? 1;
  const children = blocks.map((b) => linked(structuredClone(b) as RootContent, resolve, min));
  const root: Root = { type: 'root', children: [...children, ...(options.definitions ?? []).map((d) => linked(structuredClone(d) as RootContent, resolve, min))] };
  const hast = toHast(root, { clobberPrefix: options.idPrefix ?? 'nota-' });
  // A wide table scrolls in its own box on a phone instead of widening the page.
  return toHtml(hast).replace(/<table>/g, '<div class="table-wrap" tabindex="0"><table>').replace(/<\/table>/g, '</table></div>');
}

/** Inline content (a paragraph's children) → HTML, with the same cross-reference links. */
export function inlineHtml(nodes: readonly PhrasingContent[], options: ContentOptions = {}): string {
  const html = blocksHtml([{ type: 'paragraph', children: nodes.map((n) => structuredClone(n)) }], options);
  return html.replace(/^<p>/, '').replace(/<\/p>$/, '');
}

/** Link targets a page may carry: the web, e-mail, telephone, and addresses within the site. */
const SAFE_URL = /^(?:https?:|mailto:|tel:|#|[^:]*$)/i;

function linked<T extends RootContent>(node: T, resolve: ReferenceResolver, minHeading: number): T {
  if (node.type === 'heading') (node as Heading).depth = Math.min(6, Math.max(minHeading, (node as Heading).depth)) as Heading['depth'];
  if (node.type === 'definition' && !SAFE_URL.test(node.url.trim())) node.url = '';
  if (node.type === 'image') {
    // No request leaves the site: a picture is shown as a link to it (on the web) or as its description.
    const alt = node.alt || node.title || node.url;
    const replacement: RootContent = /^https?:/i.test(node.url) ? { type: 'link', url: node.url, children: [{ type: 'text', value: alt }] } : { type: 'text', value: alt };
    return replacement as T;
  }
  if (node.type === 'link') {
    const link = node as unknown as Link;
    const target = link.url.startsWith('#') ? anchorTarget(link.url) : null;
    const anchor = target ? resolve(target) : null;
    if (anchor) link.url = fragment(anchor);
    else if (!SAFE_URL.test(link.url.trim())) link.url = '';
  }
  if (node.type === 'link' || node.type === 'linkReference') {
    (node as { children: RootContent[] }).children = (node as { children: RootContent[] }).children.map((c) => linked(c, () => null, minHeading));
    return node;
  }
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return node;
  if (!('children' in node)) return node;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'text') for (const node of referenceLinks(child, resolve)) children.push(node);
    else if (child.type === 'imageReference') children.push({ type: 'text', value: child.alt ?? '' });
    else children.push(linked(child, resolve, minHeading));
  }
  (node as { children: RootContent[] }).children = children;
  return node;
}

/** A line of a paragraph that starts an enumeration item (`a)`, `(1)`, `1.`): a line break before it, as in Word. */
const ENUMERATION_LINE = /\n(?=(?:[a-zăâîșț]{1,2}\)|\(\d+\)|\d+[.)])\s)/u;

function referenceLinks(node: Text, resolve: ReferenceResolver): (Text | Link | Break)[] {
  const lines = node.value.split(ENUMERATION_LINE);
  if (lines.length > 1) {
    return lines.flatMap((value, i) => [...(i > 0 ? [{ type: 'break' } as Break] : []), ...referenceLinks({ type: 'text', value }, resolve)]);
  }
  const out: (Text | Link)[] = [];
  let at = 0;
  for (const ref of findReferences(node.value)) {
    const anchor = resolve(ref.target);
    if (!anchor) continue;
    if (ref.start > at) out.push({ type: 'text', value: node.value.slice(at, ref.start) });
    out.push({ type: 'link', url: fragment(anchor), children: [{ type: 'text', value: ref.text }] });
    at = ref.end;
  }
  if (at === 0) return [node];
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

/**
 * An HTML page saved from a browser (a legislation portal's page of an order) → lines, through parse5 (the
 * WHATWG parser browsers use). Block elements and `<br>` end lines, `h1`–`h6` are headings, `b`/`strong` and
 * `i`/`em` keep their marks, tables stay tables; scripts, styles, navigation, headers and footers of the page
 * are skipped, and lines that are portal banners or page furniture are dropped.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { furniture, normalize } from './patterns.js';
import type { Dropped, Line, Piece, Run, SourceDoc } from './types.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'iframe', 'svg', 'select', 'option', 'object', 'canvas']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'body', 'blockquote', 'pre', 'center', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'table', 'tr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'figure', 'figcaption', 'fieldset', 'details', 'summary',
]);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/**
 * Classes the page's own style sheets display as blocks (`.S_PAR { display: block }`, as legislation portals
 * style their paragraphs): elements with them end lines like `<p>`. Only simple class selectors are read.
 */
function blockClasses(document: Node): Set<string> {
  const classes = new Set<string>();
  const visit = (node: Node) => {
    if (isElement(node) && node.tagName === 'style') {
      const css = node.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('');
      for (const rule of css.matchAll(/([^{}]{1,2000})\{([^{}]{0,4000})\}/g)) {
        if (!/display\s*:\s*(?:block|list-item|table)\b/i.test(rule[2]!)) continue;
        for (const selector of rule[1]!.split(',')) {
          const m = /^\s*(?:[a-z]+)?\.([\w-]+)\s*$/i.exec(selector);
          if (m) classes.add(m[1]!);
        }
      }
      return;
    }
    if ('childNodes' in node) for (const c of (node as Element).childNodes) visit(c);
    if (isElement(node) && node.tagName === 'template') return;
  };
  visit(document);
  return classes;
}

export function readHtml(html: string, notes: string[] = []): SourceDoc {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const styledBlocks = blockClasses(document);
  const isBlock = (el: Element) =>
    BLOCK.has(el.tagName) || (styledBlocks.size > 0 && el.attrs.some((a) => a.name === 'class' && a.value.split(/\s+/).some((c) => styledBlocks.has(c))));
  const pieces: Piece[] = [];
  const dropped: Dropped[] = [];
  let runs: Run[] = [];
  let line = 1;
  let heading: number | undefined;
  let listItem: Line['listItem'];

  const flush = () => {
    const text = normalize(runs.map((r) => r.text).join(''));
    if (text !== '') {
      const why = furniture(text);
      if (why) dropped.push({ line, text, why });
      else {
        const piece: Line = { kind: 'line', runs: runs.map((r) => ({ ...r })), line, join: 'never' };
        if (heading !== undefined) piece.heading = heading;
        if (listItem) piece.listItem = listItem;
        pieces.push(piece);
      }
    }
    runs = [];
  };

  const inline = (node: Node, marks: { bold?: boolean; italic?: boolean }, out: Run[]) => {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value.replace(/[\s\u00a0]+/g, (s) => (s.includes('\u00a0') && !/[\r\n\t ]/.test(s) ? '\u00a0' : ' '));
      if (value) out.push({ text: value, ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) });
      return;
    }
    if (!isElement(node) || SKIP.has(node.tagName)) return;
    if (node.tagName === 'br') {
      out.push({ text: '\n' });
      return;
    }
    const next = { ...marks };
    if (node.tagName === 'b' || node.tagName === 'strong') next.bold = true;
    if (node.tagName === 'i' || node.tagName === 'em') next.italic = true;
    for (const c of node.childNodes) inline(c, next, out);
  };

  const table = (el: Element) => {
    const rows: Run[][][] = [];
    const visitRows = (n: Element) => {
      for (const c of n.childNodes) {
        if (!isElement(c)) continue;
        if (c.tagName === 'tr') {
          const cells: Run[][] = [];
          for (const cell of c.childNodes) {
            if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
            const out: Run[] = [];
            for (const k of cell.childNodes) inline(k, {}, out);
            cells.push(out.map((r) => ({ ...r, text: r.text.replace(/\n/g, ' ') })));
          }
          if (cells.length > 0) rows.push(cells);
        } else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
          visitRows(c);
        }
      }
    };
    visitRows(el);
    if (rows.length > 0) pieces.push({ kind: 'table', rows, line: el.sourceCodeLocation?.startLine ?? line });
  };

  const walk = (node: Node, marks: { bold?: boolean; italic?: boolean }) => {
    if (node.nodeName === '#text') {
      if (runs.length === 0) line = node.sourceCodeLocation?.startLine ?? line;
      inline(node, marks, runs);
      return;
    }
    if (!isElement(node)) {
      if ('childNodes' in node) for (const c of (node as Element).childNodes) walk(c, marks);
      return;
    }
    if (SKIP.has(node.tagName)) return;
    if (node.tagName === 'table') {
      flush();
      table(node);
      return;
    }
    if (node.tagName === 'br') {
      flush();
      return;
    }
    const block = isBlock(node);
    if (!block) {
      const next = { ...marks };
      if (node.tagName === 'b' || node.tagName === 'strong') next.bold = true;
      if (node.tagName === 'i' || node.tagName === 'em') next.italic = true;
      for (const c of node.childNodes) walk(c, next);
      return;
    }
    flush();
    const saved = { heading, listItem };
    const h = /^h([1-6])$/.exec(node.tagName);
    if (h) heading = Number(h[1]);
    if (node.tagName === 'li') listItem = node.parentNode && isElement(node.parentNode) && node.parentNode.tagName === 'ol' ? 'ordered' : 'bullet';
    line = node.sourceCodeLocation?.startLine ?? line;
    for (const c of node.childNodes) walk(c, marks);
    flush();
    heading = saved.heading;
    listItem = saved.listItem;
  };
  walk(document, {});
  flush();
  return { pieces, notes, dropped, unit: 'line' };
}

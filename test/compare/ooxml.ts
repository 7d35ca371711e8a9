/**
 * Accepting and rejecting every tracked change of a `word/document.xml`, as Word and LibreOffice do, to read
 * the text a redline stands for; and counting its revisions.
 *
 * - accept: deleted runs (`w:del`) go, inserted ones (`w:ins`) stay; a paragraph whose mark is deleted
 *   (`w:pPr/w:rPr/w:del`) joins the next paragraph; a deleted table row goes;
 * - reject: the opposite (`w:delText` is text again), and a paragraph keeps the properties its
 *   `w:pPrChange` recorded.
 * The last paragraph mark of the body cannot be removed (Word keeps it).
 */
import { unescapeXml } from '../render/docx.js';

export interface Para {
  text: string;
  style: string | null;
}

interface RawPara {
  accept: string;
  reject: string;
  mark: 'same' | 'ins' | 'del';
  style: string | null;
  styleBefore: string | null;
  row: 'same' | 'ins' | 'del';
  inTable: boolean;
  /** The author of the row's revision, for a paragraph of an inserted or deleted table row. */
  rowAuthor: string;
  xml: string;
}

/** The paragraphs of a document body in order, with their runs as each view reads them. */
export function rawParagraphs(documentXml: string): RawPara[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.lastIndexOf('</w:body>'));
  const out: RawPara[] = [];
  let row: RawPara['row'] = 'same';
  let author = '';
  let depth = 0;
  const tokens = body.match(/<w:tr\b[^>]*>|<\/w:tr>|<w:trPr>[\s\S]*?<\/w:trPr>|<w:tbl>|<\/w:tbl>|<w:p\b[^>]*\/>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? [];
  for (const token of tokens) {
    if (token === '<w:tbl>') depth++;
    else if (token === '</w:tbl>') depth--;
    else if (token.startsWith('<w:tr') && !token.startsWith('<w:trPr')) row = 'same';
    else if (token.startsWith('<w:trPr>')) {
      row = /<w:ins\b/.test(token) ? 'ins' : /<w:del\b/.test(token) ? 'del' : 'same';
      author = /w:author="([^"]*)"/.exec(token)?.[1] ?? '';
    }
    else if (token === '</w:tr>') row = 'same';
    else if (token.startsWith('<w:p')) out.push(paragraph(token, row, depth > 0, row === 'same' ? '' : author));
  }
  return out;
}

/** A paragraph's properties (which may hold a `w:pPrChange` with a `w:pPr` of its own) and its content. */
export function splitParagraph(xml: string): { pPr: string; content: string } {
  const start = /^<w:p\b[^>]*>\s*/.exec(xml)![0].length;
  if (!xml.startsWith('<w:pPr>', start)) return { pPr: '', content: xml.slice(start) };
  let depth = 0;
  const tag = /<(\/?)w:pPr>/g;
  tag.lastIndex = start;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { pPr: xml.slice(start + '<w:pPr>'.length, m.index), content: xml.slice(m.index + m[0].length) };
  }
  throw new Error('unclosed w:pPr');
}

function paragraph(xml: string, row: RawPara['row'], inTable: boolean, rowAuthor: string): RawPara {
  const { pPr, content } = splitParagraph(xml);
  const change = /<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/.exec(pPr)?.[0] ?? '';
  const own = pPr.replace(change, '');
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(own)?.[1] ?? '';
  const mark = /<w:ins\b/.test(rPr) ? 'ins' : /<w:del\b/.test(rPr) ? 'del' : 'same';
  const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(own)?.[1] ?? null;
  const styleBefore = change ? (/<w:pStyle w:val="([^"]+)"\/>/.exec(change)?.[1] ?? null) : null;
  let accept = '';
  let reject = '';
  for (const m of content.matchAll(/<w:(ins|del)\b[^>]*>([\s\S]*?)<\/w:\1>|<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
    if (m[1] === 'ins') accept += runsText(m[2]!);
    else if (m[1] === 'del') reject += runsText(m[2]!);
    else {
      const text = runText(m[3]!);
      accept += text;
      reject += text;
    }
  }
  return { accept, reject, mark, style, styleBefore: change ? styleBefore : null, row, inTable, rowAuthor, xml };
}

function runsText(xml: string): string {
  return [...xml.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)].map((m) => runText(m[1]!)).join('');
}

function runText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>|<w:br\/>|<w:tab\/>/g)) {
    if (m[0] === '<w:br/>') out += '\n';
    else if (m[0] === '<w:tab/>') out += '\t';
    else out += unescapeXml(m[2]!);
  }
  return out;
}

function view(documentXml: string, side: 'accept' | 'reject'): Para[] {
  const removedMark = side === 'accept' ? 'del' : 'ins';
  const out: Para[] = [];
  let carry = '';
  const paras = rawParagraphs(documentXml).filter((p) => p.row !== removedMark);
  paras.forEach((p, i) => {
    const text = carry + (side === 'accept' ? p.accept : p.reject);
    if (p.mark === removedMark && i < paras.length - 1) {
      carry = text;
      return;
    }
    carry = '';
    out.push({ text, style: side === 'reject' && p.styleBefore ? p.styleBefore : p.style });
  });
  return out;
}

/** The paragraphs once every revision is accepted. */
export function acceptAll(documentXml: string): Para[] {
  return view(documentXml, 'accept');
}

/** The paragraphs once every revision is rejected. */
export function rejectAll(documentXml: string): Para[] {
  return view(documentXml, 'reject');
}

/** The paragraphs of a document without revisions. */
export function plainParagraphs(documentXml: string): Para[] {
  return rawParagraphs(documentXml).map((p) => ({ text: p.accept, style: p.style }));
}

export interface RevisionCount {
  /** Runs of inserted (or deleted) text and marks, unbroken by unchanged text: what a reader counts. */
  revisions: number;
  /** `w:ins` and `w:del` elements (runs, paragraph marks, table rows). */
  elements: number;
  /** Characters of inserted and deleted text. */
  characters: number;
  /** Authors of the revisions. */
  authors: Set<string>;
}

/**
 * Counts the revisions of paragraphs (in order), as `DocxWriter` groups them: a revision is a run of inserted
 * (or deleted) text and paragraph marks by one author, ended by unchanged text or an unchanged mark.
 */
export function countRevisions(paras: readonly RawPara[]): RevisionCount {
  const count: RevisionCount = { revisions: 0, elements: 0, characters: 0, authors: new Set() };
  let last = 'same';
  const see = (kind: string, author: string, length: number) => {
    if (length === 0) return;
    if (kind === 'same') {
      last = 'same';
      return;
    }
    const key = `${kind}:${author}`;
    if (key !== last) count.revisions++;
    last = key;
  };
  for (const p of paras) {
    const { pPr: props, content } = splitParagraph(p.xml);
    for (const m of content.matchAll(/<w:(ins|del)\b([^>]*)>([\s\S]*?)<\/w:\1>|<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
      if (m[1]) {
        const author = /w:author="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
        const text = runsText(m[3]!);
        count.elements++;
        count.authors.add(author);
        count.characters += text.replace(/\n/g, '').length;
        see(m[1], author, text.length);
      } else {
        see('same', '', runText(m[4]!).length);
      }
    }
    const pPr = props.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/, '');
    const markAuthor = /<w:(?:ins|del)\b[^>]*w:author="([^"]*)"/.exec(pPr)?.[1] ?? '';
    if (p.mark !== 'same') count.elements++;
    // A paragraph of an inserted or deleted table row belongs to the row's revision.
    see(p.row !== 'same' ? p.row : p.mark, markAuthor || p.rowAuthor, 1);
  }
  return count;
}

/**
 * A Word document (.docx) → lines. The package is unzipped with fflate and its parts read with a real XML
 * parser (fast-xml-parser, in document order). Headings come from the paragraph styles (or their outline
 * level), bold and italics from the runs, list items and lettered numbering from numbering.xml, tables from
 * w:tbl. Tracked changes are refused unless the caller says which text to take; comments are counted; the
 * text of page headers and footers is reported as dropped.
 */
import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inputError } from '../errors.js';
import type { Dropped, Line, Piece, Run, SourceDoc } from './types.js';

/** A parsed XML node in document order: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XNode = Record<string, unknown>;

const MAX_PART_BYTES = 256 * 1024 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(node: XNode): string | null {
  for (const key in node) if (key !== ':@') return key;
  return null;
}
function childrenOf(node: XNode): XNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XNode[]) : [];
}
function attr(node: XNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}
function child(node: XNode, tag: string): XNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}
function* descendants(nodes: XNode[], tag: string): Generator<XNode> {
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (tagOf(n) === tag) yield n;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}
/** `<w:b/>` is on; `<w:b w:val="0"/>` (or false, off) is off. */
function on(node: XNode | undefined): boolean {
  if (!node) return false;
  const v = attr(node, 'w:val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

interface StyleInfo {
  name: string;
  basedOn?: string;
  outline?: number;
  bold: boolean;
  italic: boolean;
}

interface NumberingLevel {
  format: string;
  text: string;
  start: number;
}

export function readDocx(bytes: Uint8Array, file: string, changes?: 'accept' | 'reject'): SourceDoc {
  const parts = unzip(bytes, file);
  const xml = (name: string): XNode[] | null => {
    const data = parts.get(name);
    if (!data) return null;
    const text = new TextDecoder('utf-8').decode(data);
    const valid = XMLValidator.validate(text);
    let problem = valid === true ? null : `${valid.err.msg} at line ${valid.err.line}`;
    if (problem === null) {
      try {
        return parser.parse(text) as XNode[];
      } catch (error) {
        problem = (error as Error).message.split('\n')[0]!;
      }
    }
    throw inputError(file, `is not a readable Word document: ${name} is not well-formed XML (${problem})`, {
      hint: 'open and save it again in Word or LibreOffice',
    });
  };

  const main = mainPart(xml('_rels/.rels')) ?? 'word/document.xml';
  const documentXml = xml(main);
  if (!documentXml) throw inputError(file, `is a zip package without ${main}: not a Word document`, { hint: 'give a .docx saved by Word or LibreOffice' });
  const base = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = relationships(xml(`${base}_rels/${main.slice(base.length)}.rels`), base);
  const styles = readStyles(xml(rels.styles ?? `${base}styles.xml`));
  const numbering = readNumbering(xml(rels.numbering ?? `${base}numbering.xml`));

  const body = [...descendants(documentXml, 'w:body')][0];
  if (!body) throw inputError(file, `is not a Word document: ${main} has no body`, { hint: 'give a .docx saved by Word or LibreOffice' });

  // Tracked changes: refused unless --changes says which text to take.
  const ids = new Set<string>();
  const CHANGES = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);
  const stack: XNode[] = [body];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const tag = tagOf(n);
    if (tag && CHANGES.has(tag)) ids.add(`${tag}:${attr(n, 'w:id') ?? ids.size}`);
    for (const c of childrenOf(n)) stack.push(c);
  }
  const notes: string[] = [];
  if (ids.size > 0) {
    if (!changes) {
      throw inputError(file, `has ${ids.size} tracked change${ids.size === 1 ? '' : 's'} (insertions, deletions, moves)`, {
        hint: 'say which text to import: --changes accept (the text with the changes) or --changes reject (the text before them)',
      });
    }
    notes.push(`${ids.size} tracked change${ids.size === 1 ? '' : 's'} ${changes === 'accept' ? 'accepted' : 'rejected'}`);
  }

  const pieces: Piece[] = [];
  const counters = new Map<string, number>();
  let paragraph = 0;
  const hidden = (tag: string) => (changes === 'reject' ? tag === 'w:ins' || tag === 'w:moveTo' : tag === 'w:del' || tag === 'w:moveFrom');

  const runsOf = (nodes: XNode[], out: Run[] = []): Run[] => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (!tag) continue;
      if (tag === 'w:r') {
        const rPr = child(n, 'w:rPr');
        const rStyle = rPr ? attr(child(rPr, 'w:rStyle') ?? {}, 'w:val') : undefined;
        const style = rStyle ? styles.get(rStyle) : undefined;
        const bold = rPr && child(rPr, 'w:b') ? on(child(rPr, 'w:b')) : Boolean(style?.bold);
        const italic = rPr && child(rPr, 'w:i') ? on(child(rPr, 'w:i')) : Boolean(style?.italic);
        const caps = rPr ? on(child(rPr, 'w:caps')) : false;
        let text = '';
        for (const c of childrenOf(n)) {
          const t = tagOf(c);
          if (t === 'w:t' || t === 'w:delText') text += childrenOf(c).map((x) => String(x['#text'] ?? '')).join('');
          else if (t === 'w:tab' || t === 'w:ptab') text += '\t';
          else if (t === 'w:br' || t === 'w:cr') text += attr(c, 'w:type') === 'page' || attr(c, 'w:type') === 'column' ? '' : '\n';
          else if (t === 'w:noBreakHyphen') text += '-';
        }
        if (caps) text = text.toLocaleUpperCase('ro');
        if (text) out.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
        continue;
      }
      if (tag === 'w:ins' || tag === 'w:del' || tag === 'w:moveFrom' || tag === 'w:moveTo') {
        if (!hidden(tag)) runsOf(childrenOf(n), out);
        continue;
      }
      if (tag === 'w:pPr' || tag === 'w:rPr' || tag === 'w:instrText' || tag === 'w:commentReference') continue;
      if (tag === 'w:hyperlink' || tag === 'w:smartTag' || tag === 'w:fldSimple' || tag === 'w:customXml' || tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:dir' || tag === 'w:bdo') {
        runsOf(childrenOf(n), out);
      }
    }
    return out;
  };

  const paragraphLine = (p: XNode): Line | null => {
    paragraph++;
    const pPr = child(p, 'w:pPr');
    // A paragraph whose mark is a rejected insertion or an accepted deletion still shows its text; only empty ones go.
    const styleId = pPr ? attr(child(pPr, 'w:pStyle') ?? {}, 'w:val') : undefined;
    const runs = runsOf(childrenOf(p));
    const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
    let listItem: Line['listItem'];
    if (numPr) {
      const numId = attr(child(numPr, 'w:numId') ?? {}, 'w:val');
      const ilvl = attr(child(numPr, 'w:ilvl') ?? {}, 'w:val') ?? '0';
      const level = numId ? numbering.get(`${numId}:${ilvl}`) : undefined;
      if (level && numId !== '0') {
        const key = `${numId}:${ilvl}`;
        const count = (counters.get(key) ?? level.start - 1) + 1;
        counters.set(key, count);
        if (level.format === 'lowerLetter' || level.format === 'upperLetter') {
          let letter = String.fromCharCode(96 + ((count - 1) % 26) + 1);
          if (level.format === 'upperLetter') letter = letter.toUpperCase();
          runs.unshift({ text: `${level.text.replace(/%\d/, letter)} ` });
        } else if (level.format === 'bullet') {
          listItem = 'bullet';
        } else if (level.format !== 'none') {
          listItem = 'ordered';
        }
      }
    }
    if (runs.length === 0 || runs.every((r) => r.text.trim() === '')) return null;
    const style = styleId ? styles.get(styleId) : undefined;
    const outline = pPr ? attr(child(pPr, 'w:outlineLvl') ?? {}, 'w:val') : undefined;
    const line: Line = { kind: 'line', runs: runs.map((r) => ({ ...r, text: r.text.replace(/\t/g, ' ') })), line: paragraph, join: 'never' };
    const level = headingLevel(style, styles, outline);
    if (level === 0) line.title = true;
    else if (level !== null) line.heading = level;
    if (listItem) line.listItem = listItem;
    return line;
  };

  const table = (tbl: XNode): void => {
    const rows: Run[][][] = [];
    const line = paragraph + 1;
    for (const tr of childrenOf(tbl).filter((c) => tagOf(c) === 'w:tr')) {
      const cells: Run[][] = [];
      for (const tc of childrenOf(tr).filter((c) => tagOf(c) === 'w:tc' || tagOf(c) === 'w:sdt')) {
        const cell: Run[] = [];
        for (const p of descendants(childrenOf(tc), 'w:p')) {
          paragraph++;
          const runs = runsOf(childrenOf(p));
          if (runs.length === 0) continue;
          if (cell.length > 0) cell.push({ text: ' ' });
          for (const r of runs) cell.push({ ...r, text: r.text.replace(/[\t\n]/g, ' ') });
        }
        cells.push(cell);
      }
      if (cells.length > 0) rows.push(cells);
    }
    if (rows.length > 0) pieces.push({ kind: 'table', rows, line });
  };

  const block = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const line = paragraphLine(n);
        if (line) pieces.push(line);
      } else if (tag === 'w:tbl') {
        table(n);
      } else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml' || (tag === 'w:ins' && !hidden(tag)) || (tag === 'w:moveTo' && !hidden(tag))) {
        block(childrenOf(n));
      }
    }
  };
  block(childrenOf(body));

  const dropped: Dropped[] = [];
  for (const target of rels.furniture) {
    const nodes = xml(target);
    if (!nodes) continue;
    const text = [...descendants(nodes, 'w:t')].map((t) => childrenOf(t).map((x) => String(x['#text'] ?? '')).join('')).join(' ').replace(/\s+/g, ' ').trim();
    if (text) dropped.push({ line: 0, text, why: /footer/i.test(target) ? 'page footer' : 'page header' });
  }
  const commentsXml = rels.comments ? xml(rels.comments) : null;
  const comments = commentsXml ? [...descendants(commentsXml, 'w:comment')].length : 0;
  const doc: SourceDoc = { pieces, notes, dropped: dedupe(dropped), unit: 'paragraph' };
  if (comments > 0) doc.comments = comments;
  return doc;
}

function dedupe(dropped: Dropped[]): Dropped[] {
  const seen = new Set<string>();
  return dropped.filter((d) => (seen.has(d.why + d.text) ? false : (seen.add(d.why + d.text), true)));
}

function unzip(bytes: Uint8Array, file: string): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(?:xml|rels)$/i.test(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) {
          throw inputError(file, `has a part ${f.name} of ${(f.originalSize / 1048576).toFixed(0)} MB unpacked, over the ${MAX_PART_BYTES / 1048576} MB stdraft reads`, {
            hint: 'it is not an ordinary Word document; save it again in Word or LibreOffice',
          });
        }
        return true;
      },
    });
  } catch (error) {
    if ((error as { kind?: string }).kind) throw error;
    throw inputError(file, `is not a readable .docx (the zip package is damaged: ${(error as Error).message})`, {
      hint: 'open it in Word or LibreOffice and save it again',
    });
  }
  return new Map(Object.entries(entries));
}

function mainPart(rels: XNode[] | null): string | null {
  if (!rels) return null;
  for (const r of descendants(rels, 'Relationship')) {
    if ((attr(r, 'Type') ?? '').endsWith('/officeDocument')) return (attr(r, 'Target') ?? '').replace(/^\//, '') || null;
  }
  return null;
}

function relationships(rels: XNode[] | null, base: string): { styles?: string; numbering?: string; comments?: string; furniture: string[] } {
  const out: { styles?: string; numbering?: string; comments?: string; furniture: string[] } = { furniture: [] };
  if (!rels) return out;
  for (const r of descendants(rels, 'Relationship')) {
    const type = attr(r, 'Type') ?? '';
    const target = attr(r, 'Target') ?? '';
    if (attr(r, 'TargetMode') === 'External' || !target) continue;
    const resolved = target.startsWith('/') ? target.slice(1) : base + target;
    if (type.endsWith('/styles')) out.styles = resolved;
    else if (type.endsWith('/numbering')) out.numbering = resolved;
    else if (type.endsWith('/comments')) out.comments = resolved;
    else if (type.endsWith('/header') || type.endsWith('/footer')) out.furniture.push(resolved);
  }
  return out;
}

function readStyles(nodes: XNode[] | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!nodes) return styles;
  for (const s of descendants(nodes, 'w:style')) {
    const id = attr(s, 'w:styleId');
    if (!id) continue;
    const name = attr(child(s, 'w:name') ?? {}, 'w:val') ?? id;
    const pPr = child(s, 'w:pPr');
    const rPr = child(s, 'w:rPr');
    const outline = pPr ? attr(child(pPr, 'w:outlineLvl') ?? {}, 'w:val') : undefined;
    const info: StyleInfo = { name, bold: rPr ? on(child(rPr, 'w:b')) : false, italic: rPr ? on(child(rPr, 'w:i')) : false };
    const basedOn = attr(child(s, 'w:basedOn') ?? {}, 'w:val');
    if (basedOn) info.basedOn = basedOn;
    if (outline !== undefined && /^\d$/.test(outline)) info.outline = Number(outline);
    styles.set(id, info);
  }
  return styles;
}

/** 0 for the title, 1–6 for headings, null for body text. */
function headingLevel(style: StyleInfo | undefined, styles: Map<string, StyleInfo>, outline: string | undefined): number | null {
  if (outline !== undefined && /^\d$/.test(outline) && Number(outline) < 6) return Number(outline) + 1;
  let s = style;
  for (let depth = 0; s && depth < 10; depth++) {
    const name = s.name.toLowerCase();
    if (name === 'title') return 0;
    const h = /^heading\s*(\d)$/.exec(name);
    if (h) return Number(h[1]);
    if (s.outline !== undefined && s.outline < 6) return s.outline + 1;
    s = s.basedOn ? styles.get(s.basedOn) : undefined;
  }
  return null;
}

function readNumbering(nodes: XNode[] | null): Map<string, NumberingLevel> {
  const levels = new Map<string, NumberingLevel>();
  if (!nodes) return levels;
  const abstract = new Map<string, Map<string, NumberingLevel>>();
  for (const a of descendants(nodes, 'w:abstractNum')) {
    const id = attr(a, 'w:abstractNumId');
    if (!id) continue;
    const map = new Map<string, NumberingLevel>();
    for (const lvl of childrenOf(a).filter((c) => tagOf(c) === 'w:lvl')) {
      map.set(attr(lvl, 'w:ilvl') ?? '0', {
        format: attr(child(lvl, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal',
        text: attr(child(lvl, 'w:lvlText') ?? {}, 'w:val') ?? '%1.',
        start: Number(attr(child(lvl, 'w:start') ?? {}, 'w:val') ?? '1') || 1,
      });
    }
    abstract.set(id, map);
  }
  for (const n of descendants(nodes, 'w:num')) {
    const numId = attr(n, 'w:numId');
    const abstractId = attr(child(n, 'w:abstractNumId') ?? {}, 'w:val');
    if (!numId || !abstractId) continue;
    for (const [ilvl, level] of abstract.get(abstractId) ?? []) levels.set(`${numId}:${ilvl}`, level);
  }
  return levels;
}

/**
 * `stdraft import`'s core: bytes of a published text, a Word document, an HTML page or Markdown with published
 * labels → canonical stdraft Markdown and a report of what was recognised, left as text and dropped. Pure:
 * the caller reads the file and writes the result.
 */
import { inputError } from '../errors.js';
import { decodeText } from './encoding.js';
import { readPlainText } from './text-source.js';
import { readMarkdown } from './markdown-source.js';
import { readDocx } from './docx-source.js';
import { readHtml } from './html-source.js';
import { joinLines, plain, type JoinStats } from './lines.js';
import { recognise, type Imported, type OutBlock } from './recognise.js';
import { writeMarkdown, type FrontMatterValues } from './write.js';
import type { ImportFormat, ImportOptions, SourceDoc } from './types.js';
import type { ImportReport } from './report.js';

export type { ImportOptions, ImportFormat } from './types.js';
export { formatReport, type ImportReport } from './report.js';

/** Larger texts are refused: stdraft reads version files up to 32 MB. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface ImportResult {
  markdown: string;
  report: ImportReport;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** What kind of file the bytes are, refusing the kinds stdraft cannot read with the command that converts them. */
export function detectFormat(bytes: Uint8Array, file: string, from: ImportOptions['from'] = 'auto'): ImportFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (startsWith(bytes, CFB)) {
    if (containsUtf16(bytes, 'EncryptionInfo')) {
      throw inputError(file, 'is an encrypted (password-protected) Word document', { hint: 'open it in Word, remove the password (File > Info > Protect Document), save it and import that copy' });
    }
    throw inputError(file, 'is a legacy Word .doc (or another OLE) file, which stdraft does not read', { hint: `convert it first: soffice --headless --convert-to docx '${file}'` });
  }
  if (head.startsWith('%PDF-')) {
    throw inputError(file, 'is a PDF, which stdraft does not read', { hint: `extract its text first: pdftotext -layout '${file}' out.txt, then stdraft import out.txt` });
  }
  if (head.startsWith('{\\rtf')) {
    throw inputError(file, 'is an RTF document, which stdraft does not read', { hint: `convert it first: soffice --headless --convert-to docx '${file}'` });
  }
  if (startsWith(bytes, ZIP)) {
    if (from !== 'auto' && from !== 'docx') throw inputError(file, `is a zip package, not ${from}`, { hint: 'import it with --from docx (or --from auto)' });
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) {
      throw inputError(file, 'is an OpenDocument file (.odt), which stdraft does not read', { hint: `convert it first: soffice --headless --convert-to docx '${file}'` });
    }
    return 'docx';
  }
  if (from === 'docx') throw inputError(file, 'is not a Word .docx document (it is not a zip package)', { hint: 'check the file, or import it with --from auto' });
  if (from !== 'auto') return from;
  if (/\.(?:html?|xhtml)$/i.test(file) || /^\s*(?:\uFEFF)?(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(head)) return 'html';
  if (/\.(?:md|markdown)$/i.test(file)) return 'md';
  return 'text';
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

export function importDocument(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const file = options.file;
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw inputError(file, 'is empty', { hint: 'give the text of the published order, a .docx, an .html page or Markdown' });
  }
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw inputError(file, `is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_IMPORT_BYTES / 1048576} MB stdraft reads`, {
      hint: 'import the annex with the standards alone, or split it into several sets',
    });
  }
  const format = detectFormat(bytes, file, options.from);
  let source: SourceDoc;
  if (format === 'docx') {
    source = readDocx(bytes, file, options.changes);
  } else {
    const decoded = decodeText(bytes, file);
    const notes = decoded.note ? [decoded.note] : [];
    source = format === 'html' ? readHtml(decoded.text, notes) : format === 'md' ? readMarkdown(decoded.text, notes) : readPlainText(decoded.text, notes);
  }

  const stats: JoinStats = { joined: 0, dehyphenated: 0 };
  const blocks = joinLines(source.pieces, stats);
  const recognition = recognise(blocks, { keepCase: options.keepCase ?? false, unit: source.unit });
  const { doc } = recognition;
  const standards = doc.modules.reduce((n, m) => n + m.standards.length, 0);
  if (doc.modules.filter((m) => m.numeral !== null).length === 0 && standards === 0) {
    const firstLines = source.pieces
      .flatMap((piece) => (piece.kind === 'line' ? [`"${excerpt(plain(piece.runs))}"`] : []))
      .slice(0, 3);
    throw inputError(file, `no module or standard headings found; ${firstLines.length > 0 ? `the first ${source.unit}s are ${firstLines.join(', ')}` : 'it has no text'}`, {
      hint: 'stdraft import reads the annex of a published order ("MODULUL I …", "STANDARDUL 1 …", "S1.1 …"); check that this is that text',
    });
  }

  const fm = source.frontMatter ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
  const from: Record<string, string> = {};
  const pick = (key: string, option: string | undefined, found: string | undefined, own: unknown): string | undefined => {
    if (option) return (from[key] = 'option'), option;
    if (found) return (from[key] = 'text'), found;
    const o = str(own);
    if (o) from[key] = 'front matter';
    return o;
  };
  const fmLegal = Array.isArray(fm['legal-basis']) ? (fm['legal-basis'] as unknown[]).filter((v): v is string => typeof v === 'string') : [];
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fm)) if (!['title', 'version', 'date', 'status', 'lang', 'issuer', 'legal-basis'].includes(k)) extra[k] = v;
  const lang = fm['lang'] === 'en' ? 'en' : 'ro';
  doc.meta.lang = lang;
  const values: FrontMatterValues = { lang, extra };
  const title = pick('title', options.title, doc.meta.title, fm['title']);
  const version = pick('version', options.version, undefined, fm['version']);
  const date = pick('date', options.date, doc.meta.date, fm['date']);
  const status = pick('status', options.status, undefined, fm['status']);
  const issuer = pick('issuer', undefined, doc.meta.issuer, fm['issuer']);
  if (title) values.title = title;
  if (version) values.version = version;
  if (date) values.date = date;
  if (status) values.status = status;
  if (issuer) values.issuer = issuer;
  if (doc.meta.legalBasis.length > 0) {
    values.legalBasis = doc.meta.legalBasis;
    from['legal-basis'] = 'text';
  } else if (fmLegal.length > 0) {
    values.legalBasis = fmLegal;
    from['legal-basis'] = 'front matter';
  }

  // The writer prints the canonical form itself (the tests check that fmt leaves it as it is): no second pass.
  // A Markdown source's own front matter is kept as written (comments, quoting, list styles: as fmt keeps
  // them) when neither an option nor the text replaced one of its values.
  const ownKept = source.frontMatterText !== undefined && Object.values(from).every((where) => where === 'front matter');
  const markdown = writeMarkdown(doc, values, ownKept ? source.frontMatterText : undefined);
  const counts = countImported(doc);

  const notes = [...source.notes, ...recognition.notes];
  if (stats.joined > 0) notes.push(`${stats.joined} line break${stats.joined === 1 ? '' : 's'} inside paragraphs joined${stats.dehyphenated > 0 ? ` (${stats.dehyphenated} word${stats.dehyphenated === 1 ? '' : 's'} hyphenated at a line end mended)` : ''}`);
  if (source.comments) notes.push(`${source.comments} Word comment${source.comments === 1 ? '' : 's'} not imported (record them in an observation register)`);
  const missing = ['title', 'version', 'date', 'status'].filter((k) => !(k in from));
  return {
    markdown,
    report: {
      file,
      format,
      counts,
      left: recognition.left,
      dropped: source.dropped,
      order: recognition.order,
      notes,
      frontMatter: from,
      missing,
      unit: source.unit,
    },
  };
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 50)}…` : t;
}

/** Units and tables of the imported document, as validate and versions count them. */
function countImported(doc: Imported): ImportReport['counts'] {
  let tables = 0;
  const blocks = (bs: OutBlock[]) => {
    for (const b of bs) if (b.kind === 'table') tables++;
  };
  blocks(doc.intro);
  let standards = 0;
  let requirements = 0;
  let indicators = 0;
  for (const m of doc.modules) {
    blocks(m.blocks);
    standards += m.standards.length;
    for (const s of m.standards) {
      blocks(s.statement);
      requirements += s.requirements.length;
      for (const r of s.requirements) {
        blocks(r.text);
        blocks(r.after);
        indicators += r.indicators.length;
      }
    }
  }
  for (const a of doc.annexes) blocks(a.blocks);
  return { modules: doc.modules.filter((m) => m.numeral !== null).length, standards, requirements, indicators, tables };
}

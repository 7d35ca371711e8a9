/**
 * Writing the .docx package with the body streamed.
 *
 * docx's `Packer` turns the whole document into one tree of XML objects, then into one XML string, then into
 * bytes it deflates in JavaScript: for the annex of a 5 MB standards document (about 15 MB of
 * `word/document.xml`; 27 MB for a redline) that peaks at several hundred MB and takes most of the render.
 * Here each section's content is a `StreamedSection` — a paragraph docx places like any other, so that it
 * writes the section's properties into it — which, when docx writes the body, writes its children one by one
 * (made as they are written when they come from a generator), deflates their XML with zlib as it fills, and
 * leaves a token in docx's XML. docx then writes every other part as usual (numbering, relationships,
 * footnotes, styles), and `packStreamed` puts the sections' deflated XML in place of the tokens. The XML is the
 * same, byte for byte, as docx's own (a test compares the two); only the zip container differs (data
 * descriptors, zlib's deflate).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Packer, Paragraph, Table, WidthType, type BaseXmlComponent, type FileChild, type IContext, type IXmlableObject, type TableRow } from 'docx';
import { Zip, strFromU8, unzipSync, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { stringifyXml, xmlOf } from './xml.js';

type Xml = IXmlableObject;

/** Chunks of the body are encoded to UTF-8 once they hold this many characters. */
const CHUNK_CHARS = 1 << 18;
/** `word/document.xml` is deflated in pieces of this many bytes. */
const DEFLATE_BYTES = 1 << 20;
const TOKEN = /<stdraft-section n="(\d+)"\/>/g;

/**
 * A section's content, written when docx writes the body. For every section but the last, docx has put the
 * section's properties (`w:sectPr`) in this paragraph; they go into the last paragraph of the content (or, when
 * the content ends with a table or is empty, into an empty paragraph after it), as docx would have put them.
 */
export class StreamedSection extends Paragraph {
  /** The section's XML, deflated as it is written. */
  readonly body = new Deflated();
  private content: Iterable<FileChild | StreamedTable> | null;

  constructor(
    readonly index: number,
    content: Iterable<FileChild | StreamedTable>,
    /** Called once the section is written (the last section adds the footnotes its body referred to). */
    private readonly written: (() => void) | null = null,
  ) {
    super({});
    this.content = content;
  }

  override prepForXml(context: IContext): Xml {
    const own = stringifyXml(super.prepForXml(context) as Xml);
    const start = own.indexOf('<w:sectPr');
    const sectPr = start < 0 ? null : own.slice(start, own.lastIndexOf('</w:sectPr>') + '</w:sectPr>'.length);
    const out = new ChunkWriter(this.body, new NumberingIds(context));
    const content = this.content;
    this.content = null;
    if (!content) throw new Error('a streamed section is written once');
    // The previous child is held back: the last one gets the section properties.
    let held: string | null = null;
    for (const child of content) {
      if (child instanceof StreamedTable) {
        if (held !== null) out.write(held);
        held = child.writeAllButEnd(context, out);
        continue;
      }
      const xml = xmlOf(child as unknown as BaseXmlComponent, context);
      if (xml === undefined) continue;
      if (held !== null) out.write(held);
      held = out.numbering.replace(xml);
    }
    let ended = false;
    if (held !== null) {
      const withSection = sectPr !== null ? withSectionProperties(held, sectPr) : null;
      out.write(withSection ?? held);
      ended = withSection !== null;
    }
    // A section that ends with a table, or is empty, ends with an empty paragraph holding its properties.
    if (sectPr !== null && !ended) out.write(`<w:p><w:pPr>${sectPr}</w:pPr></w:p>`);
    out.flush();
    this.body.flush();
    this.written?.();
    return { 'stdraft-section': { _attr: { n: this.index } } };
  }
}

/** Text → UTF-8 chunks of about `CHUNK_CHARS` characters → deflated. */
class ChunkWriter {
  private pending: string[] = [];
  private chars = 0;

  constructor(
    private readonly out: Deflated,
    readonly numbering: NumberingIds,
  ) {}

  write(text: string): void {
    this.pending.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.chars === 0) return;
    this.out.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.chars = 0;
  }
}

export interface StreamedTableOptions {
  /** Table width and column widths in twips. */
  width: number;
  columnWidths: number[];
  /** The first row (repeated on every page when it says so). */
  header: TableRow;
  /** The other rows, made as they are written. */
  rows: Iterable<TableRow>;
}

/**
 * A table whose rows are made and written one at a time (the synoptic table of a large document has thousands).
 * In a streamed section it is written row by row; elsewhere `toTable()` gives docx's Table with every row.
 */
export class StreamedTable {
  constructor(private readonly options: StreamedTableOptions) {}

  toTable(): Table {
    const o = this.options;
    return new Table({ rows: [o.header, ...o.rows], width: { size: o.width, type: WidthType.DXA }, columnWidths: o.columnWidths });
  }

  /**
   * Writes the table but its closing tag, which it returns. Each row is written as the only row of a table
   * like this one, so that docx sets its cells' widths as it would in the whole table.
   */
  writeAllButEnd(context: IContext, out: ChunkWriter): string {
    const o = this.options;
    const table = (rows: TableRow[]) => new Table({ rows, width: { size: o.width, type: WidthType.DXA }, columnWidths: o.columnWidths });
    const end = '</w:tbl>';
    const first = out.numbering.replace(stringifyXml(table([o.header]).prepForXml(context) as Xml));
    const head = first.slice(0, /<w:tr[\s>]/.exec(first)?.index ?? first.length - end.length);
    out.write(first.slice(0, first.length - end.length));
    for (const row of o.rows) {
      const xml = stringifyXml(table([row]).prepForXml(context) as Xml);
      if (!xml.startsWith(head) || !xml.endsWith(end)) throw new Error('a streamed table row did not write as a row of its table');
      out.write(out.numbering.replace(xml.slice(head.length, xml.length - end.length)));
    }
    return end;
  }
}

/** Paragraph XML with the section properties at the end of its `w:pPr`; null when the XML is not a paragraph. */
export function withSectionProperties(xml: string, sectPr: string): string | null {
  const open = /^<w:p(?:\s[^>]*)?(\/?)>/.exec(xml);
  if (!open) return null;
  const head = open[0];
  if (open[1] === '/') return `${head.slice(0, -2)}><w:pPr>${sectPr}</w:pPr></w:p>${xml.slice(head.length)}`;
  if (xml.startsWith('<w:pPr>', head.length)) {
    const close = xml.indexOf('</w:pPr>', head.length);
    return `${xml.slice(0, close)}${sectPr}${xml.slice(close)}`;
  }
  return `${head}<w:pPr>${sectPr}</w:pPr>${xml.slice(head.length)}`;
}

/** docx writes list numbers as `{reference-instance}` placeholders and replaces them once the lists are known. */
class NumberingIds {
  private ids = new Map<string, string>();
  /** How many lists `ids` holds: a `{…}` that is not a list's is looked up again only when lists were added. */
  private known = 0;

  constructor(private readonly context: IContext) {}

  replace(xml: string): string {
    if (!xml.includes('{')) return xml;
    return xml.replace(/\{([^{}]+)\}/g, (placeholder, key: string) => {
      if (!this.ids.has(key)) this.refresh();
      return this.ids.get(key) ?? placeholder;
    });
  }

  private refresh(): void {
    const lists = this.context.file.Numbering.ConcreteNumbering;
    if (lists.length === this.known) return;
    this.known = lists.length;
    for (const n of lists) {
      const { reference, instance, restartedListId } = n as unknown as { reference: string; instance: number; restartedListId?: string };
      const key = restartedListId === undefined ? `${reference}-${instance}` : `${reference}-restart ${restartedListId}`;
      this.ids.set(key, String(n.numId));
    }
  }
}

/**
 * The .docx bytes of a document whose sections are `StreamedSection`s: docx writes the package around tokens,
 * and the sections' chunks are put in their place.
 */
export async function packStreamed(document: Parameters<typeof Packer.pack>[0], sections: readonly StreamedSection[]): Promise<Uint8Array> {
  const files = unzipSync(await Packer.pack(document, 'uint8array'));
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new Error('docx wrote no word/document.xml');
  const text = strFromU8(documentXml);
  // docx's XML around the tokens, and the sections' own deflated XML in their place.
  const segments: Deflated[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    segments.push(Deflated.of(Buffer.from(text.slice(at, match.index), 'utf8')));
    const section = sections[Number(match[1])];
    if (!section) throw new Error(`no section ${match[1]} to put in word/document.xml`);
    segments.push(section.body);
    at = match.index + match[0].length;
  }
  segments.push(Deflated.of(Buffer.from(text.slice(at), 'utf8')));

  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) addEntry(zip, name, name === 'word/document.xml' ? Deflated.concat(segments) : Deflated.of(data));
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(out);
}

/**
 * Data deflated by zlib as it comes, in pieces of about `DEFLATE_BYTES`, each ending in a sync flush (so that
 * deflated data can be joined: the joined pieces are one DEFLATE stream once it gets its last block), with the
 * size and CRC-32 of what went in.
 */
export class Deflated {
  readonly compressed: Uint8Array<ArrayBuffer>[] = [];
  size = 0;
  crc = 0;
  private batch: Uint8Array[] = [];
  private batchBytes = 0;

  static of(data: Uint8Array): Deflated {
    const d = new Deflated();
    d.push(data);
    d.flush();
    return d;
  }

  /** Deflated data one after another, as if it had been pushed into one. */
  static concat(parts: readonly Deflated[]): Deflated {
    const out = new Deflated();
    for (const part of parts) {
      part.flush();
      for (const item of part.compressed) out.compressed.push(item);
      out.crc = crc32Combine(out.crc, part.crc, part.size);
      out.size += part.size;
    }
    return out;
  }

  push(data: Uint8Array): void {
    this.batch.push(data);
    this.batchBytes += data.length;
    if (this.batchBytes >= DEFLATE_BYTES) this.flush();
  }

  flush(): void {
    if (this.batchBytes === 0) return;
    const data = this.batch.length === 1 ? this.batch[0]! : Buffer.concat(this.batch, this.batchBytes);
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    this.compressed.push(deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }) as Uint8Array<ArrayBuffer>);
    this.batch = [];
    this.batchBytes = 0;
  }
}

/** A zip entry of deflated data, ended with the last DEFLATE block (final, fixed codes, no data). */
function addEntry(zip: Zip, filename: string, data: Deflated): void {
  data.flush();
  const compressed = [...data.compressed, Uint8Array.of(0x03, 0x00)];
  const entry: ZipInputFile = { filename, size: data.size, crc: data.crc >>> 0, compression: 8 };
  zip.add(entry);
  const ondata = entry.ondata as AsyncFlateStreamHandler;
  compressed.forEach((chunk, i) => ondata(null, chunk, i === compressed.length - 1));
}

/**
 * The CRC-32 of A followed by B from the CRC-32s of A and B and B's length (zlib's crc32_combine: appending
 * `length` zero bytes is a linear map over GF(2), applied by squaring a 32×32 bit matrix).
 */
export function crc32Combine(crcA: number, crcB: number, length: number): number {
  if (length <= 0) return crcA >>> 0;
  const times = (matrix: Uint32Array, vector: number): number => {
    let sum = 0;
    for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
    return sum >>> 0;
  };
  const square = (out: Uint32Array, matrix: Uint32Array): void => {
    for (let n = 0; n < 32; n++) out[n] = times(matrix, matrix[n]!);
  };
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC-32 polynomial: one zero bit
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row >>> 0;
  square(even, odd); // two zero bits
  square(odd, even); // four zero bits
  let crc = crcA >>> 0;
  let remaining = length;
  // Apply one zero byte, then two, four… for each bit set in the length.
  do {
    square(even, odd);
    if (remaining % 2 === 1) crc = times(even, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    square(odd, even);
    if (remaining % 2 === 1) crc = times(odd, crc);
    remaining = Math.floor(remaining / 2);
  } while (remaining !== 0);
  return (crc ^ (crcB >>> 0)) >>> 0;
}

/**
 * Assembling a Word document: sections (each on a new page, with or without line numbering), page setup,
 * styles (or a reference .docx's), list numbering, header and footer (with page fields), a watermark,
 * footnotes and the core document properties; then `packDocument` → the .docx bytes.
 */
import { Document, Footer, Header, LineNumberRestartFormat, Packer, Paragraph, SectionType, TableOfContents, type FileChild, type ISectionOptions } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Lang } from '../model/types.js';
import { blocksToDocx } from './blocks.js';
import type { DocxContext } from './context.js';
import { piecesToRuns, type InlinePiece } from './inline.js';
import { STYLE, numberingOptions, stylesOptions, type FontSetup } from './styles.js';
import type { PageSetup } from './template-config.js';
import { packStreamed, StreamedSection, StreamedTable } from './package.js';
import { LightParagraph } from './xml.js';

export interface DocumentSection {
  /** Paragraphs and tables; a streamed document makes them as it writes them (a generator is welcome). */
  children: Iterable<FileChild | StreamedTable>;
  /** Numbered lines, restarting on each page (`w:lnNumType`). */
  lineNumbers: boolean;
}

export interface DocumentProperties {
  title?: string;
  subject?: string;
  /** The issuer. */
  creator?: string;
  keywords?: string;
  description?: string;
  /** The version (`cp:revision`). */
  revision?: string;
  lastModifiedBy?: string;
}

export interface DocumentSpec {
  sections: DocumentSection[];
  page: PageSetup;
  font: FontSetup;
  lang: Lang;
  /** Header and footer content; `{ kind: 'field' }` pieces are page numbers (see `withPageFields`). */
  header: InlinePiece[] | null;
  footer: InlinePiece[] | null;
  /** A diagonal text behind every page (e.g. PROIECT), or null. */
  watermark: string | null;
  properties: DocumentProperties;
  /** `word/styles.xml` of a reference .docx, whose styles replace the built-in ones. */
  referenceStyles: string | null;
  /** Write the body section by section (default); false gives docx's own writing of the whole body. */
  stream?: boolean;
}

/** A docx Document and, when its body is streamed, the sections that write it (see package.ts). */
export interface BuiltDocument {
  document: Document;
  streamed: StreamedSection[] | null;
}

/** The width of the text column in twips. */
export function textWidth(page: PageSetup): number {
  return page.width - page.margins.left - page.margins.right;
}

/**
 * Builds the docx Document (the context provides footnotes and line-numbering suppression). The body is
 * streamed unless `spec.stream` is false or it holds a table of contents, which docx fills from the body it
 * has in memory.
 */
export function buildDocument(spec: DocumentSpec, ctx: DocxContext): BuiltDocument {
  const stream = spec.stream !== false && !spec.sections.some((s) => Array.isArray(s.children) && s.children.some((c) => c instanceof TableOfContents));
  // Footnotes are made last: their numbers are given while the body is made (when streamed, while it is written).
  const footnotes = (): Record<string, { children: Paragraph[] }> => {
    const out: Record<string, { children: Paragraph[] }> = {};
    for (const [id, def] of ctx.footnoteDefinitions()) {
      const saved = ctx.suppressLineNumbers;
      ctx.suppressLineNumbers = numbered;
      const children = blocksToDocx(def.children, ctx) as Paragraph[];
      ctx.suppressLineNumbers = saved;
      out[String(id)] = { children: children.length > 0 ? children : [new Paragraph({})] };
    }
    return out;
  };
  let document: Document | null = null;
  const addFootnotes = (): void => {
    for (const [id, note] of Object.entries(footnotes())) document!.FootNotes.View.createFootNote(Number(id), note.children);
  };
  // The last section adds the footnotes once the body is written.
  const last = spec.sections.length - 1;
  const streamed = stream ? spec.sections.map((s, index) => new StreamedSection(index, s.children, index === last ? addFootnotes : null)) : [];
  const numbered = spec.sections.some((s) => s.lineNumbers);
  const referenceIds = spec.referenceStyles ? styleIds(spec.referenceStyles) : null;

  const headerFooterParagraph = (pieces: InlinePiece[], style: string): Paragraph =>
    new Paragraph({ style, ...(numbered ? { suppressLineNumbers: true } : {}), children: piecesToRuns(pieces, ctx) });
  const header = () => {
    const children: Paragraph[] = [];
    if (spec.header) children.push(headerFooterParagraph(spec.header, STYLE.header));
    if (spec.watermark) {
      children.push(
        new Paragraph({
          style: STYLE.header,
          ...(numbered ? { suppressLineNumbers: true } : {}),
          children: [new TextWatermark({ text: spec.watermark, font: spec.font.name, color: 'C0C0C0', opacity: 0.5 })],
        }),
      );
    }
    return children.length > 0 ? new Header({ children }) : undefined;
  };
  const footer = () => (spec.footer ? new Footer({ children: [headerFooterParagraph(spec.footer, STYLE.footer)] }) : undefined);

  const sections: ISectionOptions[] = spec.sections.map((section, index) => {
    const h = header();
    const f = footer();
    return {
      properties: {
        ...(index > 0 ? { type: SectionType.NEXT_PAGE } : {}),
        page: {
          // docx takes the portrait size and turns it for landscape.
          size: { width: Math.min(spec.page.width, spec.page.height), height: Math.max(spec.page.width, spec.page.height), orientation: spec.page.orientation },
          margin: spec.page.margins,
        },
        ...(section.lineNumbers ? { lineNumbers: { countBy: 1, restart: LineNumberRestartFormat.NEW_PAGE, distance: 284 } } : {}),
      },
      ...(h ? { headers: { default: h } } : {}),
      ...(f ? { footers: { default: f } } : {}),
      children: stream ? [streamed[index]!] : endsWithParagraph(materialize(section.children)),
    };
  });

  const p = spec.properties;
  document = new Document({
    ...(p.title ? { title: p.title } : {}),
    ...(p.subject ? { subject: p.subject } : {}),
    ...(p.creator ? { creator: p.creator } : {}),
    ...(p.keywords ? { keywords: p.keywords } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(p.lastModifiedBy ? { lastModifiedBy: p.lastModifiedBy } : p.creator ? { lastModifiedBy: p.creator } : {}),
    // cp:revision is text in the package schema; docx types it as a number but writes String(value).
    ...(p.revision ? { revision: p.revision as unknown as number } : {}),
    ...(spec.referenceStyles ? { externalStyles: spec.referenceStyles } : {}),
    styles: stylesOptions(spec.font, spec.lang, referenceIds),
    numbering: numberingOptions(),
    ...(stream ? {} : { footnotes: footnotes() }),
    sections,
  });
  return { document, streamed: stream ? streamed : null };
}

/** The .docx bytes. */
export async function packDocument(built: BuiltDocument): Promise<Uint8Array> {
  if (built.streamed) return packStreamed(built.document, built.streamed);
  return new Uint8Array(await Packer.toBuffer(built.document));
}

/** The children of a section written by docx: every child made, tables with all their rows. */
function materialize(children: Iterable<FileChild | StreamedTable>): FileChild[] {
  return Array.from(children, (c) => (c instanceof StreamedTable ? c.toTable() : c));
}

/** docx writes a section's properties into its last paragraph when that is a docx Paragraph, else into an
 *  empty paragraph it adds (which LibreOffice would number): so the last light paragraph becomes a docx one. */
function endsWithParagraph(children: FileChild[]): FileChild[] {
  if (children.length === 0) return [new Paragraph({})];
  const last = children[children.length - 1];
  return last instanceof LightParagraph ? [...children.slice(0, -1), last.toParagraph()] : children;
}

/**
 * The style ids a styles.xml defines. One pass over the text, tag by tag (a regular expression spanning a
 * tag, `<w:style\b[^>]*…`, took 23 s on `<w:style ` repeated 40,000 times).
 */
export function styleIds(stylesXml: string): Set<string> {
  const ids = new Set<string>();
  let at = 0;
  for (;;) {
    const start = stylesXml.indexOf('<w:style', at);
    if (start === -1) break;
    const end = stylesXml.indexOf('>', start);
    if (end === -1) break;
    const tag = stylesXml.slice(start, end);
    if (/^<w:style[\s/]/.test(`${tag}>`)) {
      const id = /\sw:styleId="([^"]+)"/.exec(tag);
      if (id) ids.add(id[1]!);
    }
    at = end + 1;
  }
  return ids;
}

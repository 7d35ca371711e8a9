/**
 * What the block and standards converters share while one document is made: link and footnote
 * definitions, footnote numbers, bookmarks, list instances, the text width, and whether paragraphs are
 * left out of line numbering.
 */
import type { IParagraphOptions, Paragraph } from 'docx';
import type { Definition, FootnoteDefinition, RootContent } from 'mdast';
import { bookmarkName, normalizeIdentifier, type InlineContext, type RunFactory } from './inline.js';
import { makeParagraph } from './xml.js';

export interface DocxContextOptions {
  /** Definition and footnote-definition nodes (of the standards document and of the template text). */
  definitions?: readonly RootContent[];
  /** Bookmark names the document will have (see `standardsBookmarks`). */
  bookmarks?: ReadonlySet<string>;
  /** Width of the text column in twips. */
  textWidth: number;
  codeFont?: string;
  makeRun?: RunFactory;
}

export class DocxContext implements InlineContext {
  readonly definitions = new Map<string, Definition | FootnoteDefinition>();
  readonly codeFont: string;
  readonly makeRun: RunFactory | undefined;
  readonly textWidth: number;
  /** Set while a section without line numbers is made, when another section has them (LibreOffice numbers
   *  every paragraph of a document that numbers any section, unless the paragraph says otherwise). */
  suppressLineNumbers = false;
  private readonly bookmarks: Set<string>;
  private readonly footnotes = new Map<string, number>();
  private listInstance = 0;

  constructor(options: DocxContextOptions) {
    this.textWidth = options.textWidth;
    this.codeFont = options.codeFont ?? 'Courier New';
    this.makeRun = options.makeRun;
    this.bookmarks = new Set(options.bookmarks ?? []);
    for (const node of options.definitions ?? []) this.addDefinition(node);
  }

  /** Adds a definition; the first one of an identifier wins (CommonMark). */
  addDefinition(node: RootContent): void {
    if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return;
    const key = normalizeIdentifier(node.identifier);
    if (!this.definitions.has(key)) this.definitions.set(key, node);
  }

  footnote(identifier: string): number | null {
    const def = this.definitions.get(identifier);
    if (!def || def.type !== 'footnoteDefinition') return null;
    let id = this.footnotes.get(identifier);
    if (id === undefined) {
      id = this.footnotes.size + 1;
      this.footnotes.set(identifier, id);
    }
    return id;
  }

  /** The footnotes referenced so far, by number. */
  footnoteDefinitions(): [number, FootnoteDefinition][] {
    return [...this.footnotes].map(([key, id]) => [id, this.definitions.get(key) as FootnoteDefinition]);
  }

  bookmark(anchor: string): string | null {
    const name = bookmarkName(anchor);
    return this.bookmarks.has(name) ? name : null;
  }

  /** A new list: numbered lists restart at 1. */
  nextListInstance(): number {
    return ++this.listInstance;
  }

  /** Every paragraph is made here, so that line numbering is suppressed where it must be. */
  paragraph(options: IParagraphOptions): Paragraph {
    return makeParagraph(this.suppressLineNumbers ? { ...options, suppressLineNumbers: true } : options);
  }
}

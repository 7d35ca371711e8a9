/**
 * What the import readers produce and the recogniser consumes: the text of a source as lines of inline runs
 * and tables, with what each reader knows for sure (paragraph boundaries, heading levels, list items).
 */

/** A piece of inline text with its formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** How a line may join the line before it. */
export type Join =
  /** A paragraph of its own (Word and HTML paragraphs, Markdown blocks, text after a blank line). */
  | 'never'
  /** A line of the same Markdown paragraph: kept on its own line unless it starts a unit. */
  | 'soft'
  /** A line of plain text: joined when it continues the line before (PDF line breaks). */
  | 'guess';

export interface Line {
  kind: 'line';
  runs: Run[];
  /** 1-based line of the source (the paragraph number for Word documents). */
  line: number;
  join: Join;
  /** The heading level the source marks (Markdown `#`, Word heading styles, HTML h1–h6). */
  heading?: number;
  /** The source marks the line as the document title (Word `Title` style, HTML `title`). */
  title?: boolean;
  /** A list item of the source. */
  listItem?: 'bullet' | 'ordered';
}

export interface TableBlock {
  kind: 'table';
  /** Rows of cells; each cell is runs (paragraphs of a cell joined with a space). */
  rows: Run[][][];
  line: number;
}

export type Piece = Line | TableBlock;

/** Something the reader did not keep, with why. */
export interface Dropped {
  line: number;
  text: string;
  why: string;
}

/** What a reader hands the recogniser. */
export interface SourceDoc {
  pieces: Piece[];
  /** Notes for the report (an encoding decoded, changes accepted, comments counted). */
  notes: string[];
  dropped: Dropped[];
  /** Front matter found in the source itself (a Markdown file's YAML). */
  frontMatter?: Record<string, unknown>;
  /** The source's own front matter as written (a Markdown source's YAML), kept when nothing replaces its values. */
  frontMatterText?: string;
  /** Word comments in the document (counted, not imported). */
  comments?: number;
  /** What `line` means in messages: `line` for text, `paragraph` for Word documents. */
  unit: 'line' | 'paragraph';
}

export type ImportFormat = 'text' | 'md' | 'docx' | 'html';

export interface ImportOptions {
  /** The file name used in messages. */
  file: string;
  from?: ImportFormat | 'auto';
  title?: string;
  date?: string;
  status?: string;
  version?: string;
  /** What to do with Word tracked changes; without it a document with changes is refused. */
  changes?: 'accept' | 'reject';
  /** Keep all-capital titles as written instead of writing them in sentence case. */
  keepCase?: boolean;
}

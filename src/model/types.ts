/**
 * The standards model: what a version file means, independent of how it is spelled.
 *
 * Content blocks (statements, requirement text, annex content) stay mdast nodes so the printer and the
 * DOCX renderer keep every inline detail (bold, links, tables); the structure around them is typed.
 * Every node keeps the source position of the Markdown it came from.
 */
import type { RootContent, List, ListItem, Paragraph, Heading } from 'mdast';

/** A point in the source: 1-based line and column, 0-based offset (in UTF-16 code units, BOM excluded). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

export type Lang = 'ro' | 'en';
export type Status = 'draft' | 'consultation' | 'final';

/** A block of content kept as mdast (paragraph, list, table, code, html, ...). */
export type Block = RootContent;

export interface FrontMatter {
  /** The YAML text between the `---` fences. */
  raw: string;
  /** The parsed YAML mapping (empty when the YAML is invalid or not a mapping). */
  data: Record<string, unknown>;
  /**
   * What the front matter says, independent of how it is written: keys sorted, scalars as their text
   * (`007` is not `7`), comments and quoting left out (yaml/reader.ts). Null when it is invalid.
   */
  meaning: unknown;
  span: Span;
  /** Span of each top-level key (for diagnostics pointing at a key). */
  keySpans: Record<string, Span>;
}

/** Metadata read from the front matter; fields keep their raw values when their type is wrong. */
export interface Meta {
  title?: string;
  version?: string;
  date?: string;
  status?: string;
  lang?: string;
  supersedes?: string;
  workshop?: string;
  issuer?: string;
  legalBasis?: string[];
  authors?: string[];
  note?: string;
}

/** How the heading label of a unit was spelled in the source (for diagnostics and for fmt). */
export interface HeadingInfo {
  node: Heading;
  /** The heading's plain text. */
  text: string;
  span: Span;
}

export interface Module {
  kind: 'module';
  /** The numeral as written (e.g. `II`), or null for the implicit module that holds standards found before any module. */
  numeral: string | null;
  /** The numeral's value (2 for `II`), or null when it is not a valid Roman numeral. */
  number: number | null;
  title: string;
  /** A `(standardele 1-2)` range written after the title. */
  range: { from: number; to: number } | null;
  heading: HeadingInfo | null;
  /** Blocks between the module heading and its first standard. */
  blocks: Block[];
  standards: Standard[];
  span: Span;
}

export interface Standard {
  kind: 'standard';
  /** The number as written, or null when unreadable. */
  number: number | null;
  title: string;
  heading: HeadingInfo;
  /** The statement: the blocks before the expected-results paragraph. */
  statement: Block[];
  /** The expected-results paragraphs (the format wants exactly one). */
  expectedResults: ExpectedResults[];
  /** Blocks after the expected results and before the first requirement: not placed by the format. */
  unplaced: Block[];
  requirements: Requirement[];
  span: Span;
}

export interface ExpectedResults {
  node: Paragraph;
  /** The paragraph content after the label (mdast inline nodes inside a paragraph node without the label). */
  content: Paragraph;
  text: string;
  span: Span;
  /** The label was written without bold (`Rezultate așteptate: …`): read the same, printed bold by fmt. */
  plainLabel?: true;
}

export interface RequirementId {
  standard: number;
  index: number;
  /**
   * The index of a requirement an amendment inserted without renumbering (Legea nr. 24/2000, art. 63–64):
   * `S1.1^1` → 1 (the requirement stands after S1.1); absent or null for a plainly numbered one.
   */
  indexed?: number | null;
  /** The module prefix as written (`M.I.-S1.1` → `I`), or null. */
  modulePrefix: string | null;
}

export interface Requirement {
  kind: 'requirement';
  /** The parsed id, or null when the heading is not a readable id. */
  id: RequirementId | null;
  /** The id as written in the heading, e.g. `S3.2` or `M.I.-S3.2`. */
  idText: string;
  title: string;
  heading: HeadingInfo;
  /** The requirement text: paragraphs, a)/b) enumerations, tables, lists. */
  text: Block[];
  /** The `**Indicatori:**` paragraph, when present. */
  indicatorsLabel: Paragraph | null;
  /** The bullet list the indicators come from. */
  indicatorsList: List | null;
  /**
   * Lists right after the indicators list that only a different bullet (`*` among `-`) separates from it: read as
   * the same list of indicators (their items continue `indicators`), printed as one list by fmt.
   */
  moreIndicatorLists?: List[];
  indicators: Indicator[];
  /** Blocks after the indicator list: not placed by the format. */
  unplaced: Block[];
  span: Span;
}

export interface Indicator {
  kind: 'indicator';
  /** 1-based position in the requirement. */
  position: number;
  /** The `Im<k>S<n>.<m>:` prefix written at the start of the bullet, if any. */
  explicit: { k: number; standard: number; index: number; text: string } | null;
  /** The list item (its first paragraph starts with the explicit prefix when there is one). */
  node: ListItem;
  /** Plain text of the indicator without the explicit prefix. */
  text: string;
  span: Span;
}

export interface Annex {
  kind: 'annex';
  title: string;
  heading: HeadingInfo;
  blocks: Block[];
  span: Span;
}

/** A problem the parser found while building the model; the lint engine turns these into diagnostics. */
export interface ParseProblem {
  ruleId: string;
  messageId: string;
  message: string;
  span: Span;
  /** Parse problems that prevent canonical formatting (no front matter, invalid YAML). */
  fatal?: boolean;
}

export interface StandardsDoc {
  /** The file name or label used in diagnostics. */
  file: string;
  frontMatter: FrontMatter | null;
  meta: Meta;
  lang: Lang;
  /** Blocks before the first module (general provisions, definitions). */
  intro: Block[];
  modules: Module[];
  annexes: Annex[];
  /** Blocks after an annex heading that is followed by a module again, or other content the format does not place. */
  unplaced: Block[];
  /** Whether requirement ids are written with the module prefix (`M.I.-S1.1`), decided by the majority. */
  idStyle: 'plain' | 'module-prefixed';
  problems: ParseProblem[];
  /** Source facts the printer keeps: line endings and BOM. */
  source: { eol: '\n' | '\r\n'; bom: boolean; length: number };
  /** Link reference and footnote definitions: they belong to the whole document, wherever they are written. */
  definitions: Block[];
  /** HTML comments found in the body, with positions (suppression comments are read from these). */
  comments: { value: string; span: Span }[];
}

/**
 * What a rule is (DESIGN.md house style): an `id` (kebab-case, stable), a `description`, a default
 * severity, `messages` keyed by messageId, and `check`, which only calls `ctx.report`. The engine
 * (src/lint) adds the rule id, the severity in effect and the docs link. Rules never read files or print.
 */
import type { Node } from 'unist';
import type { Span, StandardsDoc } from '../model/types.js';
import type { Register, RegisterProblem } from '../comments/index.js';
import type { Parsed } from '../parse/index.js';

export type RuleSeverity = 'error' | 'warning';

/** A replacement of `source.slice(start, end)` by `text` (offsets in the source text, BOM excluded). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface ReportDescriptor {
  messageId: string;
  /** Where: an mdast node (its position) or a span. */
  node?: Node | null;
  span?: Span;
  /** Values for the `{{name}}` placeholders of the message. */
  data?: Record<string, string | number>;
  /** A safe local repair, applied by `validate --fix` (only when the source text is known). */
  fix?: TextEdit;
}

interface BaseContext {
  /** The file name used in diagnostics. */
  readonly file: string;
  /** Names of the versions of the set the file belongs to, when known. */
  readonly versions: readonly string[] | undefined;
  /** A parsed version of the set, by name (null when there is none), when the caller can provide one. */
  readonly getVersion: ((name: string) => StandardsDoc | null) | undefined;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleContext extends BaseContext {
  /** The document's source text (BOM excluded), when the caller passed it: exact columns inside text, and fixes. */
  readonly text: string | undefined;
  /** The version the file name gives (`2016-02.md` → `2016-02`), when known. */
  readonly expectedVersion: string | undefined;
}

/** A rule's document-wide repair (renumbering): the new source text and what changed, or null. */
export interface DocumentFix {
  text: string;
  changes: string[];
}

interface RuleBase {
  id: string;
  description: string;
  severity: RuleSeverity;
  messages: Record<string, string>;
}

export interface DocumentRule extends RuleBase {
  kind: 'document';
  /** A repair of every finding of this rule at once (the engine applies it when the rule has findings). */
  fix?: (parsed: Parsed) => DocumentFix | null;
  /** Why `fix` must not run on this document now (one line saying what to repair first), or null. */
  fixRefusal?: (doc: StandardsDoc) => string | null;
  check(doc: StandardsDoc, ctx: RuleContext): void;
}

/** A register as the register rule sees it: the parsed register, the parser's problems and the text. */
export interface RegisterInput {
  register: Register;
  problems: RegisterProblem[];
  text: string;
}

export interface RegisterRule extends RuleBase {
  kind: 'register';
  check(input: RegisterInput, ctx: BaseContext): void;
}

export type RegisterRuleContext = BaseContext;
export type Rule = DocumentRule | RegisterRule;

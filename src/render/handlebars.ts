/**
 * The Handlebars engine of the templates: an isolated instance (`Handlebars.create()`), strict, with the
 * prototype-access defaults kept, helpers of its own and partials only from the template folder.
 *
 * What it guarantees, so that a template never produces a wrong document silently:
 * - a value the template uses but the data lacks is an error naming the key, the file and the line
 *   (`{{#if key}}` / `{{#unless key}}` are the way to test an optional value; they never fail);
 * - syntax errors, unknown helpers, unknown partials and values of the wrong kind name the file and line;
 * - values are inserted as literal text: Markdown characters in them are escaped (`{{{key}}}` inserts
 *   Markdown as written).
 *
 * How: the template is parsed, checked (helpers, partials), and its AST rewritten before compiling: every
 * `{{path}}` becomes `{{stdraft-value head "rest"}}` and every dotted path used as an argument becomes
 * `(stdraft-lookup head "rest")`, so that no lookup throws a bare TypeError and every missing value is
 * reported through one place, with the path as the template wrote it.
 */
import Handlebars from 'handlebars';
import { templateError } from './template-config.js';
import type { StdraftError } from '../errors.js';

type AST = hbs.AST.Program;
type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;
type Expr = hbs.AST.Expression;
type HelperOptions = Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation; name?: string };

/** A template text and where it comes from (for messages). */
export interface TemplateSource {
  /** The label used in messages, e.g. `templates/consultation/ordin.md.hbs`. */
  file: string;
  text: string;
  /** Added to Handlebars line numbers: a text that starts on line 12 of template.yaml has offset 11. */
  lineOffset?: number;
}

/** Says where a missing value can be set, e.g. `set consultation.email in stdraft.config.yaml`. */
export type WhereToSet = (path: string) => string | undefined;

/** A helper of the engine: receives its arguments (never undefined: a missing argument is an error) and the options. */
export type Helper = (...args: unknown[]) => unknown;

export interface EngineOptions {
  /** Partials by name (`{{> name}}`): only these can be used. */
  partials: Map<string, TemplateSource>;
  helpers: Record<string, Helper>;
  whereToSet: WhereToSet;
  /** Where the partials come from, for the message naming an unknown partial. */
  partialsHint: string;
  /** Told of every value a `{{path}}` prints (the final gate checks them). */
  onValue?: (value: PrintedValue) => void;
}

/** A value printed by `{{path}}`: where, the path as written, and the text. */
export interface PrintedValue {
  file: string;
  line: number;
  path: string;
  text: string;
}

interface Site {
  file: string;
  line: number;
  /** The arguments as the template wrote them. */
  args: string[];
  helper: string;
}

/** What a helper throws for a value it cannot use; the engine adds the file and line of the call. */
export class HelperFailure extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Raw Markdown from a helper: inserted as written, not escaped (e.g. the `{{standards}}` marker). */
export class RawMarkdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Thrown at run time and caught by the engine, which turns it into a one-line template error. */
class TemplateRuntimeError extends Error {
  constructor(
    readonly site: Site | undefined,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);
const SITE = '__stdraft_site';
const MARKDOWN = '__stdraft_md';
const MAX_PARTIAL_DEPTH = 50;

/** URLs and e-mail addresses: left as written, so that they stay links (a backslash would become part of them). */
const LINK_LIKE = /(?:https?:\/\/|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Escapes text so that Markdown reads it back literally (URLs and e-mail addresses are kept as they are). */
export function escapeMarkdown(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(LINK_LIKE)) {
    out += escapePlain(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + escapePlain(text.slice(at));
}

function escapePlain(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([#+=>-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

export type RenderFn = (data: Record<string, unknown>) => string;
type RunFn = (data: Record<string, unknown>, runtime?: Handlebars.RuntimeOptions) => string;

export class TemplateEngine {
  private readonly hb = Handlebars.create();
  private readonly sites: Site[] = [];
  private readonly helperNames: Set<string>;
  private readonly fileStack: string[] = [];

  constructor(private readonly options: EngineOptions) {
    const hb = this.hb;
    // `log` would write to the console; `lookup` is replaced by one without prototype access.
    hb.unregisterHelper('log');
    hb.unregisterHelper('lookup');
    const site = (options: HelperOptions): Site | undefined => this.sites[Number(options.hash?.[SITE])];

    // if/unless: a missing value is false (the way to test an optional value); each/with: an error.
    const block = (name: string, builtin: Handlebars.HelperDelegate, lenient: boolean) =>
      hb.registerHelper(
        name,
        this.wrap(
          name,
          function (this: unknown, ...args: unknown[]) {
            if (args.length !== 2) throw new HelperFailure(`Expected one value after #${name}, found ${args.length - 1}`);
            if (name === 'each' && (typeof args[0] !== 'object' || args[0] === null)) {
              throw new HelperFailure(`Expected a list or mapping for {{#each}}, found ${JSON.stringify(args[0])}`);
            }
            return builtin.call(this, args[0], args[1]);
          },
          { lenient },
        ) as Handlebars.HelperDelegate,
      );
    block('if', hb.helpers['if']!, true);
    block('unless', hb.helpers['unless']!, true);
    block('each', hb.helpers['each']!, false);
    block('with', hb.helpers['with']!, false);
    hb.registerHelper('lookup', this.wrap('lookup', (object, key) => walk(object, String(key))) as Handlebars.HelperDelegate);
    for (const [name, fn] of Object.entries(options.helpers)) hb.registerHelper(name, this.wrap(name, fn) as Handlebars.HelperDelegate);

    hb.registerHelper('stdraft-lookup', (head: unknown, rest: string) => walk(head, rest));
    hb.registerHelper('stdraft-value', (head: unknown, rest: string, o: HelperOptions) => {
      const s = site(o);
      const value = walk(head, rest);
      if (value === undefined || value === null) throw this.missing(s, 0);
      if (typeof value === 'object' && !(value instanceof hb.SafeString)) {
        throw new TemplateRuntimeError(
          s,
          `Expected "${s?.args[0]}" to be text, found ${Array.isArray(value) ? 'a list' : 'a mapping'}`,
          Array.isArray(value) ? `use {{#each ${s?.args[0]}}}…{{/each}} or {{join ${s?.args[0]} ", "}}` : 'use one of its keys, e.g. {{' + s?.args[0] + '.name}}',
        );
      }
      const text = String(value);
      if (this.options.onValue && s) this.options.onValue({ file: s.file, line: s.line, path: s.args[0] ?? '', text });
      return o.hash?.[MARKDOWN] ? new hb.SafeString(escapeMarkdown(text)) : text;
    });
    this.helperNames = new Set(Object.keys(hb.helpers));

    for (const [name, source] of options.partials) {
      const compiled = this.compileTree(source);
      let depth = 0;
      hb.registerPartial(name, ((context: unknown, runtime: Handlebars.RuntimeOptions) => {
        if (++depth > MAX_PARTIAL_DEPTH) {
          depth = 0;
          throw templateError(source.file, `partials nest more than ${MAX_PARTIAL_DEPTH} deep`, { hint: `does ${name} include itself?` });
        }
        try {
          return compiled(context as Record<string, unknown>, runtime);
        } finally {
          depth = Math.max(0, depth - 1);
        }
      }) as unknown as Handlebars.Template);
    }
  }

  /** Compiles a template: syntax, helpers and partials are checked now; values when it runs. */
  compile(source: TemplateSource): RenderFn {
    const run = this.compileTree(source);
    return (data) => run(data);
  }

  private compileTree(source: TemplateSource): RunFn {
    const offset = source.lineOffset ?? 0;
    let ast: AST;
    try {
      ast = this.hb.parseWithoutProcessing(source.text);
    } catch (error) {
      throw syntaxError(error, source.file, offset);
    }
    this.check(ast, source);
    this.rewrite(ast, source);
    let template: Handlebars.TemplateDelegate;
    try {
      template = this.hb.compile(ast, { strict: true, noEscape: false });
    } catch (error) {
      throw syntaxError(error, source.file, offset);
    }
    return (data, runtime) => {
      this.fileStack.push(source.file);
      try {
        // Prototype access stays off, and is denied silently (Handlebars would print a warning of several lines).
        return template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, ...runtime });
      } catch (error) {
        throw this.runtimeError(error, source);
      } finally {
        this.fileStack.pop();
      }
    };
  }

  /** Static checks: every helper and partial the template names must exist. */
  private check(ast: AST, source: TemplateSource): void {
    const offset = source.lineOffset ?? 0;
    const fail = (node: Node, message: string, hint?: string): never => {
      throw templateError(source.file, message, { line: node.loc.start.line + offset, hint });
    };
    const known = [...this.helperNames].filter((h) => !h.startsWith('stdraft-') && !['blockHelperMissing', 'helperMissing'].includes(h)).sort();
    visit(ast, (node) => {
      switch (node.type) {
        case 'MustacheStatement':
        case 'SubExpression':
        case 'BlockStatement': {
          const n = node as hbs.AST.MustacheStatement;
          const isCall = node.type === 'SubExpression' || n.params.length > 0 || n.hash !== undefined;
          if (n.path.type !== 'PathExpression') {
            if (isCall) fail(node, `Expected a helper name, found ${n.path.type}`);
            return;
          }
          const name = (n.path as Path).original;
          if (name === 'helperMissing' || name === 'blockHelperMissing') {
            fail(node, `"${name}" is internal to Handlebars, not a value or helper of templates`, 'see docs/templates.md for the values and helpers');
          }
          if ((isCall || node.type === 'BlockStatement') && !this.helperNames.has(name)) {
            fail(
              node,
              node.type === 'BlockStatement' && !isCall ? `unknown block helper "${name}"` : `unknown helper "${name}"`,
              node.type === 'BlockStatement' && !isCall
                ? `to test or repeat a value write {{#if ${name}}} or {{#each ${name}}}; helpers: ${known.join(', ')}`
                : `helpers: ${known.join(', ')}`,
            );
          }
          if (name.startsWith('stdraft-')) fail(node, `"${name}" is reserved for stdraft`);
          return;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const p = node as hbs.AST.PartialStatement;
          if (p.name.type === 'SubExpression') fail(node, 'Expected a partial name, found a computed one', 'write {{> NAME}} with the name of a .md.hbs file of the template folder');
          const name = p.name.type === 'PathExpression' ? (p.name as Path).original : String((p.name as unknown as hbs.AST.StringLiteral).value);
          if (!this.options.partials.has(name)) {
            fail(node, `unknown partial "${name}"`, `${this.options.partialsHint}: ${[...this.options.partials.keys()].sort().join(', ') || 'none'}`);
          }
          return;
        }
        case 'Decorator':
        case 'DecoratorBlock':
          fail(node, 'decorators are not supported in templates');
      }
    });
  }

  /** Rewrites value lookups to the engine's helpers (see the module comment). */
  private rewrite(ast: AST, source: TemplateSource): void {
    const offset = source.lineOffset ?? 0;
    const newSite = (node: Node, helper: string, args: string[]): number => {
      this.sites.push({ file: source.file, line: node.loc.start.line + offset, args, helper });
      return this.sites.length - 1;
    };
    const addHash = (node: { hash?: hbs.AST.Hash; loc: hbs.AST.SourceLocation }, pairs: [string, Expr][]) => {
      node.hash ??= { type: 'Hash', pairs: [], loc: node.loc } as hbs.AST.Hash;
      for (const [key, value] of pairs) node.hash.pairs.push({ type: 'HashPair', key, value, loc: node.loc } as hbs.AST.HashPair);
    };
    const num = (value: number, loc: hbs.AST.SourceLocation) => ({ type: 'NumberLiteral', value, original: value, loc }) as unknown as Expr;
    const bool = (value: boolean, loc: hbs.AST.SourceLocation) => ({ type: 'BooleanLiteral', value, original: value, loc }) as unknown as Expr;
    const str = (value: string, loc: hbs.AST.SourceLocation) => ({ type: 'StringLiteral', value, original: value, loc }) as unknown as Expr;
    const describeArg = (e: Expr): string =>
      e.type === 'PathExpression' ? (e as Path).original : e.type === 'SubExpression' ? `(${((e as hbs.AST.SubExpression).path as Path).original} …)` : String((e as hbs.AST.StringLiteral).original);
    const safeArg = (e: Expr): Expr => {
      if (e.type !== 'PathExpression') return e;
      const p = e as Path;
      if (p.parts.length < 2) return e;
      const [head, rest] = splitPath(p);
      return { type: 'SubExpression', path: pathNode('stdraft-lookup', p.loc), params: [head, str(rest, p.loc)], hash: { type: 'Hash', pairs: [], loc: p.loc }, loc: p.loc } as unknown as Expr;
    };
    const callArgs = (n: { params: Expr[]; hash?: hbs.AST.Hash }) => {
      n.params = n.params.map(safeArg);
      if (n.hash) for (const pair of n.hash.pairs) pair.value = safeArg(pair.value);
    };

    visit(ast, (node) => {
      if (node.type === 'MustacheStatement') {
        const m = node as hbs.AST.MustacheStatement;
        if (m.path.type !== 'PathExpression') return;
        const path = m.path as Path;
        const isCall = m.params.length > 0 || m.hash !== undefined || this.helperNames.has(path.original);
        if (isCall) {
          const args = m.params.map(describeArg);
          callArgs(m);
          addHash(m, [[SITE, num(newSite(m, path.original, args), m.loc)], [MARKDOWN, bool(m.escaped, m.loc)]]);
          return;
        }
        const [head, rest] = splitPath(path);
        const id = newSite(m, 'value', [path.original]);
        m.path = pathNode('stdraft-value', path.loc);
        m.params = [head, str(rest, path.loc)];
        m.hash = undefined as unknown as hbs.AST.Hash;
        addHash(m, [[SITE, num(id, m.loc)], [MARKDOWN, bool(m.escaped, m.loc)]]);
      } else if (node.type === 'BlockStatement' || node.type === 'SubExpression') {
        const b = node as hbs.AST.BlockStatement;
        const name = (b.path as Path).original;
        if (name.startsWith('stdraft-')) return;
        const args = b.params.map(describeArg);
        callArgs(b);
        addHash(b, [[SITE, num(newSite(b, name, args), b.loc)]]);
      } else if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
        callArgs(node as hbs.AST.PartialStatement);
      }
    });
  }

  /** Wraps a helper: unwraps SafeStrings, refuses missing arguments, escapes its text when inserted. */
  private wrap(name: string, fn: Helper, { lenient = false } = {}): Helper {
    const engine = this;
    const hb = this.hb;
    return function (this: unknown, ...all: unknown[]) {
      const options = all[all.length - 1] as HelperOptions;
      const hash = { ...(options.hash ?? {}) } as Record<string, unknown>;
      const site = engine.sites[Number(hash[SITE])];
      const markdown = hash[MARKDOWN] === true;
      const output = MARKDOWN in hash;
      delete hash[SITE];
      delete hash[MARKDOWN];
      const args = all.slice(0, -1).map((a) => (a instanceof hb.SafeString ? a.toString() : a));
      if (!lenient) {
        const missing = args.findIndex((a) => a === undefined || a === null);
        if (missing >= 0) throw engine.missing(site, missing);
        for (const [key, value] of Object.entries(hash)) {
          if (value === undefined || value === null) throw new TemplateRuntimeError(site, `Expected a value for ${key}= of ${name}, found none`);
        }
      }
      let result: unknown;
      try {
        result = fn.call(this, ...args, { ...options, hash });
      } catch (error) {
        if (error instanceof HelperFailure) throw new TemplateRuntimeError(site, error.message, error.hint);
        throw error;
      }
      if (output && (result === undefined || result === null)) throw new TemplateRuntimeError(site, `Expected a value from {{${name}${site?.args.length ? ` ${site.args.join(' ')}` : ''}}}, found none`);
      if (result instanceof RawMarkdown) return new hb.SafeString(result.text);
      if (markdown && typeof result === 'string') return new hb.SafeString(escapeMarkdown(result));
      return result;
    };
  }

  private missing(site: Site | undefined, index: number): TemplateRuntimeError {
    const arg = site?.args[index];
    if (!arg || /^[(@"']/.test(arg) || /^\d/.test(arg)) {
      return new TemplateRuntimeError(site, `Expected a value for argument ${index + 1} of ${site?.helper ?? 'a helper'}${arg ? ` (${arg})` : ''}, found none`);
    }
    return new TemplateRuntimeError(site, `Expected a value for "${arg}", found none`, this.options.whereToSet(arg));
  }

  private runtimeError(error: unknown, source: TemplateSource): StdraftError | unknown {
    if ((error as { name?: string }).name === 'StdraftError') return error;
    if (error instanceof TemplateRuntimeError) {
      return templateError(error.site?.file ?? source.file, error.message, { line: error.site?.line, hint: error.hint });
    }
    const current = this.fileStack[this.fileStack.length - 1] ?? source.file;
    const e = error as { message?: string; lineNumber?: number };
    const message = String(e.message ?? error).split('\n')[0]!.replace(/ - \d+:\d+$/, '');
    if (/^The partial .* could not be found/.test(message)) {
      return templateError(current, message.replace(/^The partial (.*) could not be found/, 'unknown partial "$1"'), { hint: this.options.partialsHint });
    }
    if (error instanceof RangeError) return templateError(current, 'the template recurses without end', { hint: 'check partials that include each other' });
    return templateError(current, message, { line: typeof e.lineNumber === 'number' ? e.lineNumber + (source.lineOffset ?? 0) : undefined });
  }
}

/** Follows `rest` (`a.b`) from `head` through own properties only (no prototype access). */
function walk(head: unknown, rest: string): unknown {
  let value = head;
  if (rest === '') return value;
  for (const part of rest.split('.')) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function pathNode(name: string, loc: hbs.AST.SourceLocation): Path {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc } as Path;
}

/** `a.b.c` → the path `a` (same scope, depth and data flag) and `"b.c"`. */
function splitPath(p: Path): [Path, string] {
  if (p.parts.length === 0) return [p, ''];
  const scoped = p.depth === 0 && !p.data && /^(?:\.\/|this\b)/.test(p.original);
  const head: Path = {
    type: 'PathExpression',
    data: p.data,
    depth: p.depth,
    parts: [p.parts[0]!],
    original: `${p.data ? '@' : ''}${'../'.repeat(p.depth)}${scoped ? 'this.' : ''}${p.parts[0]}`,
    loc: p.loc,
  };
  return [head, p.parts.slice(1).join('.')];
}

function visit(node: unknown, fn: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) visit(n, fn);
    return;
  }
  const n = node as Record<string, unknown>;
  if (typeof n['type'] === 'string' && n['loc']) fn(n as unknown as Node);
  for (const key of ['body', 'program', 'inverse', 'params', 'hash', 'pairs', 'value', 'path', 'name']) {
    const child = n[key];
    if (child && typeof child === 'object') visit(child, fn);
  }
}

function syntaxError(error: unknown, file: string, offset: number): StdraftError {
  const e = error as { message?: string; lineNumber?: number };
  const message = String(e.message ?? error);
  const onLine = /Parse error on line (\d+):/.exec(message);
  const line = onLine ? Number(onLine[1]) : typeof e.lineNumber === 'number' ? e.lineNumber : undefined;
  const lines = message.split('\n');
  const detail = onLine ? lines[lines.length - 1]! : lines[0]!.replace(/ - \d+:\d+$/, '');
  return templateError(file, `Handlebars syntax error: ${detail}`, { line: line === undefined ? undefined : line + offset, hint: 'check the {{…}} tags' });
}

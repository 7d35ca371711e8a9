/**
 * The config values a template needs, found before rendering, so that every missing one is reported in one run
 * (the engine stops at the first). A value tested by `{{#if …}}` / `{{#unless …}}` is optional, and so is what
 * such a block guards by the same path; what `{{#each}}` / `{{#with}}` iterate is needed (unless the block has an
 * `{{else}}`), and their bodies, which read another context, are left to the engine.
 */
import Handlebars from 'handlebars';
import type { LoadedTemplate } from './template.js';

export interface RequiredValue {
  /** The path under the config, e.g. `order.basis`. */
  path: string;
  file: string;
  line: number;
  /** What an `{{#each}}` / `{{#with}}` iterates: the engine prints nothing for it rather than failing. */
  iterated?: boolean;
}

type Node = hbs.AST.Node;

/** The `config.*` values the template's sections use unconditionally and `config` lacks, in order of use. */
export function missingConfigValues(template: LoadedTemplate, config: Record<string, unknown>): RequiredValue[] {
  const missing: RequiredValue[] = [];
  const seen = new Set<string>();
  for (const section of template.sections) {
    let ast: hbs.AST.Program;
    try {
      ast = Handlebars.parse(section.text);
    } catch {
      continue; // the engine reports syntax errors with their line
    }
    const use = (expr: Node | undefined, guards: string[], iterated = false) => {
      if (!expr) return;
      if (expr.type === 'SubExpression') {
        const sub = expr as hbs.AST.SubExpression;
        for (const p of sub.params) use(p, guards);
        return;
      }
      if (expr.type !== 'PathExpression') return;
      const p = expr as hbs.AST.PathExpression;
      if (p.data || p.depth > 0 || !p.original.startsWith('config.')) return;
      const key = p.original.slice('config.'.length);
      if (guards.some((g) => key === g || key.startsWith(`${g}.`)) || seen.has(key)) return;
      if (lookup(config, key) === undefined) {
        seen.add(key);
        missing.push({ path: key, file: section.file, line: p.loc?.start.line ?? 1, ...(iterated ? { iterated } : {}) });
      }
    };
    const walk = (nodes: hbs.AST.Statement[], guards: string[]) => {
      for (const node of nodes) {
        if (node.type === 'MustacheStatement') {
          const m = node as hbs.AST.MustacheStatement;
          if (m.params.length === 0) use(m.path, guards);
          else for (const p of m.params) use(p, guards);
        } else if (node.type === 'BlockStatement') {
          const b = node as hbs.AST.BlockStatement;
          const helper = (b.path as hbs.AST.PathExpression).original;
          if (helper === 'if' || helper === 'unless') {
            const test = b.params[0] as hbs.AST.PathExpression | undefined;
            const guard = test?.type === 'PathExpression' && test.original.startsWith('config.') ? [test.original.slice('config.'.length)] : [];
            walk(b.program?.body ?? [], [...guards, ...guard]);
            walk(b.inverse?.body ?? [], [...guards, ...guard]);
          } else if (helper === 'each' || helper === 'with') {
            // The list or object itself is needed (an `{{#each}}` over nothing prints nothing: an empty
            // "în temeiul:"), unless the block says what to print without it (`{{else}}`); its body reads
            // another context, left to the engine.
            if (!b.inverse) for (const p of b.params) use(p, guards, true);
          } else {
            for (const p of b.params) use(p, guards);
            walk(b.program?.body ?? [], guards);
            walk(b.inverse?.body ?? [], guards);
          }
        }
      }
    };
    walk(ast.body, []);
  }
  return missing;
}

function lookup(data: Record<string, unknown>, key: string): unknown {
  let value: unknown = data;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value === null ? undefined : value;
}

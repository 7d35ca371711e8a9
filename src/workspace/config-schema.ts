/**
 * The schema of `stdraft.config.yaml`, written with valibot, and the check of a parsed config against it:
 * each problem with the line it is on (from the YAML library's LineCounter) and, for a misspelt key, the key
 * that was meant (`shortitle:` → did you mean `short-title`?). Keys unlike any known key are values for custom
 * templates (`config.*`) and are kept.
 */
import * as v from 'valibot';
import { isMap, isScalar, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

// An empty value (`name:`) is left to the template and the final gate, which name it in their own words.
const text = v.nullable(v.string('Expected text'));
const SEVERITY = v.picklist(['off', 'warning', 'error'], 'Expected off, warning or error');
/** Who signs: `{ function: ministrul …, name: … }`. */
const PERSON = v.looseObject({ function: v.optional(text), name: v.optional(text) }, 'Expected function and name (signatory: { function: ministrul …, name: … })');
const SHARE = v.pipe(v.union([v.number(), v.string()], 'Expected a number from 0 to 1'), v.check((x) => Number(x) >= 0 && Number(x) <= 1, 'Expected a number from 0 to 1'));
const DATE = v.pipe(v.string('Expected a date (YYYY-MM-DD)'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date (YYYY-MM-DD)'));

/** What stdraft itself reads from the config, and the values the bundled templates use. */
export const CONFIG_SCHEMA = v.looseObject({
  'default-set': v.optional(v.string('Expected a set name, e.g. default-set: vtp')),
  author: v.optional(v.string('Expected text, e.g. author: Atelierul de lucru, februarie 2016')),
  'short-title': v.optional(text),
  'version-pattern': v.optional(
    v.pipe(
      v.string('Expected a regular expression, e.g. version-pattern: ^\\d{4}-\\d{2}(-[a-z]+)?$'),
      v.check((p) => {
        try {
          new RegExp(p, 'u');
          return true;
        } catch {
          return false;
        }
      }, 'Expected a valid regular expression'),
    ),
  ),
  rules: v.optional(v.nullable(v.record(v.string(), SEVERITY, 'Expected a mapping of rule ids to off, warning or error, e.g. rules: { typography-quotes: off }'))),
  consultation: v.optional(
    v.looseObject(
      {
        address: v.optional(text),
        email: v.optional(text),
        website: v.optional(text),
        posted: v.optional(
          v.union([DATE, v.record(v.string(), DATE)], 'Expected a date (YYYY-MM-DD), or one per version (posted: { \'2016-02\': \'2016-02-22\' })'),
        ),
        holidays: v.optional(v.array(DATE, 'Expected a list of dates (YYYY-MM-DD)')),
        contact: v.optional(v.looseObject({ name: v.optional(text), phone: v.optional(text), email: v.optional(text) }, 'Expected name, phone and email under contact')),
      },
      'Expected address, email, website, posted, holidays and contact under consultation',
    ),
  ),
  order: v.optional(
    v.looseObject(
      {
        basis: v.optional(v.array(text, 'Expected a list of grounds (- art. 9 alin. (1) din Legea nr. 197/2012 …)')),
        signatory: v.optional(PERSON),
        place: v.optional(text),
        initiator: v.optional(text),
        memo: v.optional(
          v.looseObject(
            {
              kind: v.optional(v.string('Expected referat de aprobare or notă de fundamentare')),
              number: v.optional(text),
              date: v.optional(DATE),
              signatory: v.optional(PERSON),
              reasons: v.optional(text),
              solution: v.optional(text),
              impact: v.optional(text),
            },
            'Expected kind, number, date, signatory, reasons, solution and impact under order.memo',
          ),
        ),
      },
      'Expected basis, signatory, place, initiator and memo under order',
    ),
  ),
  evaluation: v.optional(
    v.looseObject(
      { 'partial-weight': v.optional(SHARE), 'failing-share': v.optional(SHARE) },
      'Expected partial-weight and failing-share under evaluation',
    ),
  ),
});

export type ConfigData = v.InferOutput<typeof CONFIG_SCHEMA>;

export interface ConfigProblem {
  /** The key path, e.g. `consultation.contact.email`. */
  path: string;
  message: string;
  line: number;
  hint?: string;
}

/** The known keys at each level of the schema (for "did you mean"). */
function knownKeys(schema: v.GenericSchema): Map<string, v.GenericSchema> | null {
  let s = schema as v.GenericSchema & { wrapped?: v.GenericSchema; entries?: Record<string, v.GenericSchema>; pipe?: v.GenericSchema[] };
  while (s.wrapped) s = s.wrapped as typeof s;
  if (!s.entries) return null;
  return new Map(Object.entries(s.entries));
}

/** Checks a parsed config; every problem, in file order. */
export function checkConfigDocument(doc: Document, data: unknown, lines: LineCounter): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);

  const result = v.safeParse(CONFIG_SCHEMA, data);
  if (!result.success) {
    for (const issue of result.issues) {
      const keys = (issue.path ?? []).map((p) => String((p as { key: unknown }).key));
      const node = doc.getIn(keys, true) as Node | undefined;
      const found = issue.input === undefined ? 'nothing' : JSON.stringify(issue.input);
      problems.push({ path: keys.join('.'), message: `${keys.join('.') || 'the config'}: ${issue.message}, found ${found}`, line: lineOf(node) });
    }
  }

  // Misspelt keys, at every level the schema knows.
  const walk = (map: YAMLMap, schema: v.GenericSchema, prefix: string[]) => {
    const known = knownKeys(schema);
    if (!known) return;
    for (const pair of map.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const child = known.get(key);
      if (child) {
        if (isMap(pair.value)) walk(pair.value, child, [...prefix, key]);
        continue;
      }
      const meant = closest(key, [...known.keys()]);
      if (meant) {
        const full = [...prefix, key].join('.');
        problems.push({ path: full, message: `unknown key ${full}`, line: lineOf(pair.key as Node), hint: `did you mean ${[...prefix, meant].join('.')}?` });
      }
    }
  };
  if (isMap(doc.contents)) walk(doc.contents, CONFIG_SCHEMA, []);
  return problems.sort((a, b) => a.line - b.line);
}

/** The known key a misspelling most likely means: at most 2 edits (1 for short keys), or the same letters without separators. */
export function closest(key: string, known: string[]): string | null {
  const bare = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (bare(candidate) === bare(key)) return candidate;
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.min(key.length, 20) <= 4 ? 1 : 2;
  return best !== null && bestDistance <= limit ? best : null;
}

/** Optimal string alignment distance (edits, with a swap of two neighbours counting as one). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

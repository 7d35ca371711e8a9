/**
 * Templates: a folder with `template.yaml` and Handlebars Markdown files (`*.md.hbs`). This module compiles a
 * folder's texts (read by the CLI) and builds the data the templates see; it reads no files itself.
 *
 * Data a template sees (see docs/templates.md):
 *   every front-matter key as written (`title`, `version`, `date`, `issuer`, `legal-basis`, …),
 *   `config.*` (stdraft.config.yaml), `template.*` (template.yaml), `set`, `short-title`, `counts.*`,
 *   and, when template.yaml has `consultation:`, `consultation.posted|deadline|days|day-kind`.
 */
import { StdraftError } from '../errors.js';
import type { StandardsDoc } from '../model/types.js';
import { countUnits } from '../model/walk.js';
import { longDate, parseDate } from './dates.js';
import { consultationDates, memoData, type HeldConsultation } from './order-data.js';
import { HelperFailure, RawMarkdown, TemplateEngine, type Helper, type PrintedValue, type RenderFn, type TemplateSource } from './handlebars.js';
import { TEMPLATE_FILE, parseTemplateConfig, templateError, type InlineTemplate, type SectionSpec, type TemplateConfig } from './template-config.js';

/** The texts of a template folder. */
export interface TemplateFolder {
  /** The folder as messages name it (relative to the current folder when possible). */
  label: string;
  /** The text of template.yaml. */
  config: string;
  /** Every `*.hbs` file of the folder: file name → text. */
  files: ReadonlyMap<string, string>;
}

/** Where values come from, so that a missing one can be reported with where to set it. */
export interface ValueSources {
  /** The version file (front matter). */
  documentFile: string;
  /** The workspace config file, or null when there is none. */
  configFile: string | null;
  /** Told of every value a template prints (see `PrintedValue`). */
  onValue?: (value: PrintedValue) => void;
}

export interface CompiledSection {
  spec: SectionSpec;
  /** The file as messages name it. */
  file: string;
  text: string;
  render: RenderFn;
}

export interface LoadedTemplate {
  label: string;
  config: TemplateConfig;
  sections: CompiledSection[];
  header: RenderFn | null;
  footer: RenderFn | null;
  properties: { title: RenderFn | null; subject: RenderFn | null; keywords: RenderFn | null };
}

export const FRONT_MATTER_KEYS = ['title', 'version', 'date', 'status', 'lang', 'supersedes', 'workshop', 'issuer', 'legal-basis', 'authors', 'note'];

/** Parses template.yaml and compiles every Handlebars text of the folder. Throws template errors naming file and line. */
export function loadTemplate(folder: TemplateFolder, sources: ValueSources): LoadedTemplate {
  const configFile = `${folder.label}/${TEMPLATE_FILE}`;
  const config = parseTemplateConfig(folder.config, configFile);
  const partials = new Map<string, TemplateSource>();
  for (const [name, text] of folder.files) {
    partials.set(name.replace(/(?:\.md)?\.hbs$/, ''), { file: `${folder.label}/${name}`, text });
  }
  const engine = new TemplateEngine({
    partials,
    helpers: templateHelpers(),
    whereToSet: whereToSet(sources, configFile),
    partialsHint: `partials are the .hbs files of ${folder.label}`,
    ...(sources.onValue ? { onValue: sources.onValue } : {}),
  });
  const sections = config.sections.map((spec): CompiledSection => {
    const text = folder.files.get(spec.file);
    if (text === undefined) {
      throw templateError(configFile, `Expected the section file ${spec.file} in the template folder, found none`, {
        line: spec.line,
        hint: 'create it, or fix the name under sections:',
      });
    }
    const file = `${folder.label}/${spec.file}`;
    return { spec, file, text, render: engine.compile({ file, text }) };
  });
  const inline = (t: InlineTemplate | null): RenderFn | null =>
    t ? engine.compile({ file: configFile, text: t.text, lineOffset: t.line - 1 }) : null;
  return {
    label: folder.label,
    config,
    sections,
    header: inline(config.header),
    footer: inline(config.footer),
    properties: { title: inline(config.properties.title), subject: inline(config.properties.subject), keywords: inline(config.properties.keywords) },
  };
}

export interface DataInput {
  doc: StandardsDoc;
  config: Record<string, unknown>;
  template: TemplateConfig;
  set: string | null;
  /** The workshops the version answers, with their counts (see `consultationsHeld`). */
  consultationsHeld?: HeldConsultation[];
}

/** The data templates are filled from. Values missing here are errors when a template uses them. */
export function templateData(input: DataInput): Record<string, unknown> {
  const { doc, config, template } = input;
  const front = doc.frontMatter?.data ?? {};
  const data: Record<string, unknown> = { ...front };
  data['config'] = config;
  data['template'] = template.data;
  if (input.set) data['set'] = input.set;
  const short = config['short-title'];
  if (typeof short === 'string' && short.trim()) data['short-title'] = short;
  else if (typeof front['title'] === 'string') data['short-title'] = front['title'];
  data['counts'] = countUnits(doc);
  if (template.consultation) data['consultation'] = consultationDates(template.consultation, config, front);
  const memo = memoData(config);
  if (memo) data['memo'] = memo;
  data['consultations-held'] = input.consultationsHeld ?? [];
  return data;
}

function whereToSet(sources: ValueSources, templateFile: string): (path: string) => string | undefined {
  return (path) => {
    const clean = path.replace(/^(?:\.\.\/)+/, '').replace(/^(?:this\.|\.\/)/, '').replace(/^@root\./, '');
    const [head, ...rest] = clean.split('.');
    const tail = rest.join('.');
    switch (head) {
      case 'config':
        return sources.configFile
          ? `set ${tail || 'it'} in ${sources.configFile}`
          : `create stdraft.config.yaml at the workspace root and set ${tail || 'it'} there`;
      case 'template':
        return `set ${tail || 'it'} in ${templateFile}`;
      case 'consultation':
        return tail === 'posted' || tail === 'deadline' || tail === 'approval'
          ? `set consultation.posted in stdraft.config.yaml: the date the draft is posted (YYYY-MM-DD, or one per version: posted: { '2016-02': '2016-02-22' }); a version in consultation needs it`
          : `set consultation.days in ${templateFile}`;
      case 'memo':
        return tail === '' || tail === 'kind' || tail === 'title' || tail === 'articulated' || tail === 'elaborated'
          ? 'set order.memo.kind in stdraft.config.yaml: referat de aprobare or notă de fundamentare'
          : `set order.memo.${tail} in stdraft.config.yaml`;
      case 'short-title':
        return 'set short-title in stdraft.config.yaml';
      case 'set':
        return 'the version is not in a standards set; give a version name or a file inside standards/<set>/';
      default:
        if (head && FRONT_MATTER_KEYS.includes(head)) return `add ${head}: to the front matter of ${sources.documentFile}`;
        return `"${head}" is not a value templates receive (see docs/templates.md); use {{#if ${clean}}}…{{/if}} for optional values`;
    }
  };
}

/** The helpers templates can use. */
export function templateHelpers(): Record<string, Helper> {
  const text = (value: unknown, helper: string): string => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new HelperFailure(`Expected text for ${helper}, found ${Array.isArray(value) ? 'a list' : 'a mapping'}`);
  };
  const rootLang = (options: unknown): 'ro' | 'en' => {
    const hash = (options as { hash?: Record<string, unknown> }).hash ?? {};
    const lang = hash['lang'] ?? (options as { data?: { root?: Record<string, unknown> } }).data?.root?.['lang'];
    return lang === 'en' ? 'en' : 'ro';
  };
  return {
    upper: (value) => text(value, 'upper').toLocaleUpperCase('ro-RO'),
    lower: (value) => text(value, 'lower').toLocaleLowerCase('ro-RO'),
    capitalize: (value) => {
      const t = text(value, 'capitalize');
      return t.charAt(0).toLocaleUpperCase('ro-RO') + t.slice(1);
    },
    'long-date': (value, options) => {
      const date = parseDate(value);
      if (!date) throw new HelperFailure(`Expected a date written YYYY-MM-DD for long-date, found ${JSON.stringify(value)}`);
      return longDate(date, rootLang(options));
    },
    join: (...args) => {
      const [list, separator] = args.length > 2 ? args : [args[0], ', '];
      if (!Array.isArray(list)) throw new HelperFailure(`Expected a list for join, found ${JSON.stringify(list)}`);
      return list.map((item) => text(item, 'join')).join(String(separator));
    },
    eq: (...args) => args.length === 3 && args[0] === args[1],
    articulated: (value) => inflect(text(value, 'articulated'), 'articulated'),
    genitive: (value) => inflect(text(value, 'genitive'), 'genitive'),
    'short-date': (value) => {
      const date = parseDate(value);
      if (!date) throw new HelperFailure(`Expected a date written YYYY-MM-DD for short-date, found ${JSON.stringify(value)}`);
      return `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;
    },
    count: (...args) => {
      const [n, one, many] = args;
      if (typeof n !== 'number' || !Number.isInteger(n) || typeof one !== 'string' || typeof many !== 'string') {
        throw new HelperFailure('Expected a whole number and two words for count, e.g. {{count total "observație" "observații"}}');
      }
      return romanianCount(n, one, many);
    },
    standards: () => new RawMarkdown('<!-- stdraft:standards -->'),
    'page-break': () => new RawMarkdown('<!-- page-break -->'),
  };
}

/** `1 observație`, `17 observații`, `20 de observații` (a number ending in 00–19 takes no "de"; 0 and 1–19 neither). */
export function romanianCount(n: number, one: string, many: string): string {
  if (n === 1) return `1 ${one}`;
  const rest = Math.abs(n) % 100;
  return n !== 0 && (rest === 0 || rest >= 20) ? `${n} de ${many}` : `${n} ${many}`;
}

/**
 * The first word of a Romanian title in the articulated nominative (`Standarde` → `Standardele`) or
 * genitive (`Standarde` → `Standardelor`), for "Se aprobă Standardele …" and "privind aprobarea
 * Standardelor …". Titles that do not start with a word it knows are returned unchanged.
 */
export function inflect(title: string, form: 'articulated' | 'genitive'): string {
  const forms: [RegExp, string, string][] = [
    [/^standarde(?:le)?(?!\p{L})/iu, 'standardele', 'standardelor'],
    [/^standard(?:ul)?(?!\p{L})/iu, 'standardul', 'standardului'],
    [/^norme(?:le)?(?!\p{L})/iu, 'normele', 'normelor'],
    [/^metodologi[ae](?!\p{L})/iu, 'metodologia', 'metodologiei'],
    [/^procedur[aă](?!\p{L})/iu, 'procedura', 'procedurii'],
    [/^regulament(?:ul)?(?!\p{L})/iu, 'regulamentul', 'regulamentului'],
  ];
  for (const [pattern, articulated, genitive] of forms) {
    const m = pattern.exec(title);
    if (!m) continue;
    const word = form === 'articulated' ? articulated : genitive;
    const cased = m[0] === m[0].toUpperCase() ? word.toUpperCase() : m[0][0] === m[0][0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
    return cased + title.slice(m[0].length);
  }
  return title;
}

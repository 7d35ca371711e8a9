// Hostile shapes of Markdown: inputs that once crashed stdraft, hung it or made it grow faster than linearly.
// Each shape builds a whole version file (front matter, a module, a standard and a requirement, then the shape
// under the requirement) of about `bytes` characters. Plain JavaScript so that both the shape tests and
// `npm run bench -- --shapes` can import it.

const HEAD = [
  '---',
  'title: Standarde minime de calitate',
  "version: '2016-02'",
  "date: '2016-02-16'",
  'status: draft',
  'lang: ro',
  'issuer: Agenția Națională împotriva Traficului de Persoane',
  'legal-basis:',
  '  - Legea nr. 678/2001 privind prevenirea și combaterea traficului de persoane',
  '---',
  '',
  '# Modulul I. Accesarea serviciului',
  '',
  '## Standardul 1. Informarea',
  '',
  'Centrul informează beneficiarii.',
  '',
  '**Rezultate așteptate:** Beneficiarii cunosc serviciile.',
  '',
  '### S1.1',
  '',
  '',
].join('\n');

const WORDS = ['centrul', 'asigură', 'beneficiarului', 'planul', 'individualizat', 'de', 'asistență', 'și', 'protecție', 'managerul', 'caz', 'evaluează'];

/** `unit` repeated to about `bytes` characters. */
function fill(unit, bytes) {
  return unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));
}

/** One line of plain words, about `bytes` long (no trailing space). */
function words(bytes) {
  const out = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const w = WORDS[(i * 7 + (i >> 3)) % WORDS.length];
    out.push(w);
    length += w.length + 1;
  }
  return out.join(' ');
}

/** Depth of nesting for an indentation-nested list of about `bytes` characters (each level i takes 2i + 4). */
function depthFor(bytes) {
  return Math.max(2, Math.floor(Math.sqrt(bytes)));
}

export const SHAPES = {
  /** One paragraph of plain words on one line (issue: 30 MB ran out of memory; 5 MB took 20 s and 1.35 GB). */
  'paragraph': (bytes) => `${HEAD}${words(bytes)}\n`,
  /** One paragraph of words, one word per line group of 12 (a long paragraph over many lines). */
  'paragraph-lines': (bytes) => `${HEAD}${words(bytes).replace(/((?:\S+ ){11}\S+) /g, '$1\n')}\n`,
  /** A code fence that never closes (issue: 2 MB took 2.9 GB). */
  'unclosed-fence': (bytes) => `${HEAD}\`\`\`\n${fill('let x = 1;\n', bytes)}`,
  /** A closed fence of many short lines (a 1M-line code block overflowed `push(...pieces)` in compare). */
  'code-lines': (bytes) => `${HEAD}\`\`\`\n${fill('x\n', bytes)}\`\`\`\n`,
  /** `&amp;` repeated in one paragraph (issue: 2.5 MB took 1.9 GB). */
  'entities': (bytes) => `${HEAD}${fill('&amp;', bytes)}\n`,
  /** Indented code (issue: 15 MB took 2.9 GB). */
  'indented-code': (bytes) => `${HEAD}Text.\n\n${fill('    code line\n', bytes)}`,
  /** Setext headings `a\n===\n` repeated (issue: 24 KB 4.9 s, 48 KB 23 s). */
  'setext': (bytes) => `${HEAD}${fill('a\n===\n', bytes)}`,
  /** A list nested by indentation, one level per line (issue: 1,000 levels 38 s). */
  'nested-list': (bytes) => {
    const depth = depthFor(bytes);
    const lines = [];
    for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}- item ${i}`);
    return `${HEAD}${lines.join('\n')}\n`;
  },
  /** Code spans opened by backtick runs of growing length, never closed (issue: 500 KB 9.8 s). */
  'backticks': (bytes) => {
    const out = [];
    let length = 0;
    for (let n = 1; length < bytes; n++) {
      const run = `${'`'.repeat(n)}a `;
      out.push(run);
      length += run.length;
    }
    return `${HEAD}${out.join('')}\n`;
  },
  /** A table of many rows (a 200k-row table overflowed `Math.max(1, ...rows)` in render and compare). */
  'table-rows': (bytes) => `${HEAD}| a | b |\n| --- | --- |\n${fill('| x | y |\n', bytes)}`,
  /** `a`, many spaces, `b` (typography-spaces: 10 M spaces overflowed its regular expression). */
  'spaces': (bytes) => `${HEAD}a${' '.repeat(bytes)}b\n`,
  /** Many `- ` on one line: kept unread above 1,000; 700–999 overflowed the printer's stack in fmt. */
  'one-line-nesting': (bytes) => `${HEAD}${'- '.repeat(Math.min(999, Math.floor(bytes / 2)))}deep\n`,
};

/** The shape `name` at about `bytes` characters. */
export function shape(name, bytes) {
  const make = SHAPES[name];
  if (!make) throw new Error(`no shape ${name}`);
  return make(bytes);
}

/** The same version with one word changed at the start of the body, for diff and compare. */
export function revised(text) {
  return text.replace("version: '2016-02'", "version: '2016-04'").replace('Centrul informează beneficiarii.', 'Centrul informează toți beneficiarii.');
}

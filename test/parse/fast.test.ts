import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { fastParse } from '../../src/parse/fast.js';
import { generateDocument, rng } from '../support/generator.js';
import { ROOT } from '../support/cli.js';

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const reference = (text: string) => JSON.stringify(whole.parse(text).children);
const ours = (text: string) => JSON.stringify(parseMarkdown(text).children);

describe('the fast path builds exactly the tree remark-parse builds', () => {
  it('on the bundled standards (and takes most of their parts)', () => {
    for (const version of ['2015-09', '2016-02', '2016-04']) {
      const text = fs.readFileSync(path.join(ROOT, 'standards/vtp', `${version}.md`), 'utf8');
      expect(ours(text), version).toBe(reference(text));
      const parts = text.split(/\n(?=#)/).slice(1).map((p) => `${p}\n`);
      const taken = parts.filter((p) => fastParse(p) !== null).length;
      expect(taken / parts.length, `${version}: share of parts on the fast path`).toBeGreaterThan(0.8);
    }
  });

  it('on generated documents (30 seeds)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const text = generateDocument(seed, { standards: 3 + (seed % 5) });
      expect(ours(text), `seed ${seed}`).toBe(reference(text));
      const parts = text.split(/\n(?=#)/).slice(1).map((p) => `${p}\n`);
      const taken = parts.filter((p) => fastParse(p) !== null).length;
      expect(taken / parts.length, `seed ${seed}: share of parts on the fast path`).toBeGreaterThan(0.85);
    }
  });

  it('on random mixes of plain and tricky lines (2,000 documents)', () => {
    const lines = [
      '# Titlu', '## Standardul 1. Test', '### S1.1', '#### Adânc', '# Titlu #', '#  spațiu',
      '', '', '', 'Text simplu cu diacritice: ș ț ă î â.', 'a) prima literă;', 'b) a doua literă.',
      '**Indicatori:**', '**Rezultate așteptate:** Beneficiarii știu.', '**Bold**text lipit', '**Bold** și *emfază*', '** nu e bold**',
      '- Indicator simplu.', '- Indicator cu [link](x).', '-', '- - imbricat', '* alt marcaj', '+ plus', '1. ordonat', '2) ordonat',
      '  indentat', '    cod indentat', '\tcu tab', 'rând cu spații la final  ', 'rând cu backslash\\', '> citat', '---', '===', '***',
      '```', '~~~', '<div>', '<!-- comentariu -->', '| a | b |', '| --- | --- |', 'http://example.org', 'www.example.org', 'nume@example.org',
      'text cu &amp; entitate', 'text cu `cod`', 'text cu ~tăiat~', 'text_cu_underscore', '[ref]: /url', 'Vezi [ref].', '„Citat românesc”',
      '2016. An la început de rând', 'Setext', '- [ ] sarcină', '- ', '-\tx', '#', '#\tTab', 'É majusculă', '😀 emoji',
      ...INLINE_LINES,
    ];
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed);
      const body: string[] = [r.pick(['# H', '## Standardul 2. H', '### S2.1'])];
      for (let k = 0, n = r.int(1, 12); k < n; k++) body.push(r.pick(lines));
      const text = `${body.join('\n')}${r.chance(0.8) ? '\n' : ''}`;
      expect(ours(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('on random paragraphs and lists with emphasis, strong and links, and their near misses (2,000 documents)', () => {
    const lines = ['', '', 'Text simplu cu diacritice: ș ț ă î â.', 'a) prima literă;', '**Indicatori:**', '- Indicator simplu.', ...INLINE_LINES];
    let taken = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed);
      const body: string[] = ['### S2.1'];
      for (let k = 0, n = r.int(1, 6); k < n; k++) body.push(r.pick(lines));
      const text = `${body.join('\n')}\n`;
      expect(ours(text), JSON.stringify(text)).toBe(reference(text));
      if (fastParse(text) !== null) taken++;
    }
    // The fast path takes many of them: its inline syntax is exercised, not only its refusals.
    expect(taken).toBeGreaterThan(200);
  });
});

describe('tables on the fast path', () => {
  it('build exactly what remark-parse builds, and near misses go to remark-parse (2,000 documents)', () => {
    const rows = [
      '| Număr de beneficiari | Manageri de caz | Psihologi |', '| până la 10 | 1 | 1 |', '| 11-20 | 2 | 1 |', '|  spații  | duble |  x |', '| | gol | |',
      '| a | b |', '| unu |', '| a | b | c | d |', '| a \\| b | c |', '| *a* | b | c |', '| [a](x) | b | c |', '| a | b | c', 'a | b | c |', '|a|b|c|',
      '| a\tb | c | d |', '| a | b | c |  ', ' | a | b | c |', '| `a` | b | c |', '| a&amp; | b | c |', '| x@y.ro | b | c |', '|', '||', '| |',
    ];
    const delimiters = ['| --- | --- | --- |', '| :-- | :-: | --: |', '|---|---|---|', '| --- | --- |', '| - | - | - |', '| --- | -- - | --- |', '| --- | --- | --- | --- |', '| --- | --- | --- |  '];
    let taken = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const r = rng(seed);
      // Most tables are well formed (three plain columns); the others mix in near misses.
      const pool = r.chance(0.6) ? rows.slice(0, 5) : rows;
      const body = ['### S2.1', '', r.pick(pool), r.pick(pool === rows ? delimiters : delimiters.slice(0, 3))];
      for (let k = 0, n = r.int(0, 4); k < n; k++) body.push(r.pick(pool));
      if (r.chance(0.3)) body.push(r.pick(['', 'Text după.', '- listă', '']), r.pick(['Text.', '| a | b | c |', '']));
      const text = `${body.join('\n')}\n`;
      expect(ours(text), JSON.stringify(text)).toBe(reference(text));
      if (fastParse(text) !== null) taken++;
    }
    expect(taken).toBeGreaterThan(600);
  });
});

/** Inline syntax the fast path takes, and its near misses. */
const INLINE_LINES = [
  'Un *cuvânt* subliniat.', 'Un *cuvânt,* apoi', 'Un *cuvânt*, apoi', 'Un *cuvânt*.', 'text *a*b lipit', 'text*a* lipit', 'Un (*cuvânt*) între paranteze',
  'Doi **termeni** îngroșați', '**Bold** la început', 'un **a,** b', 'un **a**: b', 'un ***a*** b', 'un **a *b* c** d', 'un *a **b** c* d', 'un * a* b',
  'un *a * b', 'un *a* *b* c', 'un *5* și **24** ore', 'un *ă* scurt', 'un *a*_b_', 'un *a*\\', 'un *a* la final *b*', 'un *', 'un **a* b', 'un *a** b',
  'Vezi [legea](https://example.org/lege?an=2001#art-1) aici.', '[Început](#s1-1) de rând', 'o [legătură,](x) apoi', 'o ![imagine](x.png)', 'o [a](x "titlu")',
  'o [a](<x>)', 'o [a]( x )', 'o [a](x y)', 'o [a](x%20y)', 'o [a](ă)', 'o [](x)', 'o [a]()', 'o [a](x)(y)', 'o [a](x)b', 'o *[a](x)*', 'o [*a*](x)', 'o [^a](x)',
  'o [a](mailto:ana@example.org) scrisoare', 'o [a](http://x.org)www.y.org', 'o [a] (x)', 'o [a][b]', '[a]: x', '- Un *indicator* cu [link](x) și **bold**.',
  '- *Emfază* la început', '- [Link](x) la început', '**Indicatori:** cu *emfază*', '**Notă:** [vezi](x)', 'final cu emfază *a*', 'final cu link [a](b)',
];


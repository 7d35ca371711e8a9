import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { splitAtHeadings } from '../../src/parse/split.js';
import { generateDocument } from '../support/generator.js';
import { COMMONMARK_EXAMPLES } from '../support/commonmark.js';

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const corpus = COMMONMARK_EXAMPLES;

/** The root's children as remark parses the whole text at once. */
function reference(text: string) {
  return JSON.parse(JSON.stringify(whole.parse(text).children));
}

describe('parsing in parts (linear cost) gives the same tree as parsing the whole text', () => {
  it('holds for every CommonMark specification example, split at every heading', () => {
    expect(corpus.length).toBeGreaterThan(600);
    const mismatches: number[] = [];
    corpus.forEach((example, i) => {
      const parts = JSON.parse(JSON.stringify(parseMarkdown(example, 0).children));
      if (JSON.stringify(parts) !== JSON.stringify(reference(example))) mismatches.push(i + 1);
    });
    expect(mismatches).toEqual([]);
  });

  it('holds for the CommonMark examples glued together with headings between them', () => {
    const glued = corpus.slice(0, 300).map((e, i) => `# Part ${i}\n\n${e}\n`).join('\n');
    expect(JSON.stringify(parseMarkdown(glued, 0).children)).toBe(JSON.stringify(reference(glued)));
  });

  it('holds for a generated standards document with front matter', () => {
    const doc = generateDocument(7, { standards: 30 });
    expect(splitAtHeadings(doc, 0).length).toBeGreaterThan(100);
    expect(JSON.stringify(parseMarkdown(doc, 0).children)).toBe(JSON.stringify(reference(doc)));
  });

  it('does not split inside fenced code, HTML blocks or front matter', () => {
    const text = ['---', 'title: x', '# not a heading in YAML', '---', '', '```', '# not a heading', '```', '', '<div>', '# inside html', '</div>', '', '<!--', '# inside comment', '-->', '', '# Real'].join('\n');
    const parts = splitAtHeadings(text, 0);
    expect(parts.map((p) => p.line)).toEqual([1, 5, 18]);
    expect(JSON.stringify(parseMarkdown(text, 0).children)).toBe(JSON.stringify(reference(text)));
  });

  it('resolves link reference definitions across parts', () => {
    const text = '# A\n\nSee [the law][lege].\n\n# B\n\n[lege]: https://legislatie.just.ro/ "Legea"\n';
    const tree = parseMarkdown(text, 0);
    expect(JSON.stringify(tree.children)).toBe(JSON.stringify(reference(text)));
  });

  it('keeps CRLF positions right', () => {
    const text = '# A\r\n\r\ntext\r\n\r\n# B\r\n\r\nmore\r\n';
    expect(JSON.stringify(parseMarkdown(text, 0).children)).toBe(JSON.stringify(reference(text)));
  });
});

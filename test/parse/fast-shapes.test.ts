import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { fastParse } from '../../src/parse/fast.js';
import { rng } from '../support/generator.js';

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

const LINES = ['```', '```js', '```c++', '````', '~~~', '~~~~', '``` js', ' ```', '   ```', '```\t', '```  ', '``', '`x`', '# heading', 'code line', '    indented', '', '', '- item', 'Text paragraph.', '```\r', 'a\tb'];

describe('fenced code and paragraphs ending in spaces in the fast path', () => {
  it('builds what remark-parse builds, on 1,000 random mixes of fences and near misses', () => {
    const r = rng(20161128);
    let fast = 0;
    for (let n = 0; n < 1000; n++) {
      const lines = ['# A', ''];
      for (let k = 0, count = r.int(1, 12); k < count; k++) lines.push(r.pick(LINES));
      const text = lines.join('\n') + (r.chance(0.7) ? '\n' : '');
      if (fastParse(text)) fast++;
      expect(JSON.stringify(parseMarkdown(text).children), JSON.stringify(text)).toBe(JSON.stringify(whole.parse(text).children));
    }
    expect(fast).toBeGreaterThan(100);
  });

  it('takes an unclosed fence to the end of the document, whatever headings it holds', () => {
    const text = `# A\n\n\`\`\`\n${'# not a heading\n'.repeat(1000)}`;
    const tree = parseMarkdown(text);
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'code']);
    expect(JSON.stringify(tree.children)).toBe(JSON.stringify(whole.parse(text).children));
  });

  it('takes paragraphs ending in spaces as remark-parse reads them (not their text), on 1,000 random mixes', () => {
    const near = ['Text paragraph.', 'Text ', 'Text  ', 'a *b* ', '**Indicatori:** ', '**Rezultate așteptate:** R. ', '- item', '- item ', '', 'x \t', 'y\u00A0 ', ' ', 'b [l](https://x.ro) ', 'z   '];
    const r = rng(20260101);
    for (let n = 0; n < 1000; n++) {
      const lines = ['# A', ''];
      for (let k = 0, count = r.int(1, 8); k < count; k++) lines.push(r.pick(near));
      const text = lines.join('\n') + (r.chance(0.7) ? '\n' : '');
      expect(JSON.stringify(parseMarkdown(text).children), JSON.stringify(text)).toBe(JSON.stringify(whole.parse(text).children));
    }
  });
});

/**
 * Reference documents (`reference-docx:` in template.yaml) whose styles part is hostile: checked with a real XML
 * parser, namespaces included, before use; style ids found in one pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, VALID } from '../support/tmp.js';
import { checkStylesXml } from '../../src/render/reference.js';
import { styleIds } from '../../src/render/document.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const GOOD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W}><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`;

function docx(styles: string): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8(styles) });
}

function workspaceWith(styles: string): string {
  return tempDir({
    'standards/demo/2015-09.md': VALID,
    'tpl/template.yaml': 'reference-docx: ref.docx\nsections: [a.md.hbs]\n',
    'tpl/a.md.hbs': '{{title}}\n\n{{standards}}\n',
    'tpl/ref.docx': docx(styles),
  });
}

describe('reference styles parts', () => {
  it('a well-formed part is used; its style ids are read', async () => {
    expect([...styleIds(GOOD)]).toEqual(['Normal', 'Heading1']);
    const dir = workspaceWith(GOOD);
    const r = await runCli(['render', '2015-09', '--template', './tpl', '-o', 'out.docx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('an undeclared prefix, invalid XML, 100,000 nested elements, another root: one line, exit 2, nothing written', async () => {
    const cases: [string, RegExp][] = [
      [GOOD.replace('<w:name w:val="Normal"/>', '<foo:bar/>'), /word\/styles\.xml line 2: is not well-formed XML \(unbound namespace prefix: "foo"\)/],
      [GOOD.replace('</w:styles>', ''), /word\/styles\.xml line 2: is not well-formed XML/],
      [`<w:styles ${W}>${'<w:style>'.repeat(100_000)}${'</w:style>'.repeat(100_000)}</w:styles>`, /word\/styles\.xml line 1: elements nested more than 256 levels deep/],
      [`<w:styles ${W}>${'<w:style '.repeat(40_000)}`, /word\/styles\.xml line 1: is not well-formed XML/],
      [`<w:styles ${W}>${'<w:style w:styleId="x"/>'.repeat(5001)}</w:styles>`, /word\/styles\.xml line 1: defines more than 5000 styles/],
      ['<styles/>', /word\/styles\.xml: Expected a w:styles element \(WordprocessingML\), found <styles> in no namespace/],
    ];
    for (const [xml, message] of cases) {
      const dir = workspaceWith(xml);
      const r = await runCli(['render', '2015-09', '--template', './tpl', '-o', 'out.docx'], { cwd: dir });
      expect(r.code, message.source).toBe(2);
      expect(r.stderr, message.source).toMatch(new RegExp(`^stdraft: tpl/ref\\.docx: ${message.source}`));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(fs.existsSync(path.join(dir, 'out.docx'))).toBe(false);
    }
  });

  it('style ids of 40,000 unclosed <w:style tags are read in one pass', () => {
    expect(styleIds(`<w:styles>${'<w:style '.repeat(40_000)}`).size).toBe(0);
    expect(() => checkStylesXml(`<w:styles ${W}>${'<w:style '.repeat(40_000)}`, 'x.docx')).toThrow(/not well-formed/);
  });
});

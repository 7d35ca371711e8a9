/**
 * Round trips on the bundled versions: the consultation draft rendered to Word and imported back has the
 * source's units, texts and indicators; so has a canonical file imported as Markdown (byte for byte); an
 * imported text is canonical and imports to itself; and a Word document saved by LibreOffice imports as well.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/index.js';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import type { Block, StandardsDoc } from '../../src/model/types.js';
import { toString } from 'mdast-util-to-string';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { hasCommand } from '../render/docx.js';

const VERSIONS = ['2015-09', '2016-02', '2016-04'];
const source = (v: string) => fs.readFileSync(path.join(ROOT, 'standards/vtp', `${v}.md`), 'utf8');

/** What a document says, front matter and introduction aside: every unit with its texts and indicators. */
function outline(doc: StandardsDoc): unknown {
  const text = (blocks: Block[]) => blocks.map((b) => (b.type === 'table' ? b.children.map((r) => r.children.map((c) => toString(c)).join(' | ')).join('\n') : toString(b)));
  return doc.modules.map((m) => ({
    module: m.numeral,
    title: m.title,
    blocks: text(m.blocks),
    standards: m.standards.map((s) => ({
      standard: s.number,
      title: s.title,
      statement: text(s.statement),
      expected: s.expectedResults.map((e) => e.text),
      requirements: s.requirements.map((r) => ({ id: r.idText, title: r.title, text: text(r.text), indicators: r.indicators.map((i) => i.text) })),
    })),
  }));
}

const dir = tempDir();

describe('import: round trips on the bundled versions', () => {
  it.each(VERSIONS)('render %s → import of the Word document gives the same units, texts and indicators', async (v) => {
    const out = path.join(dir, `proiect-${v}.docx`);
    const rendered = await runCli(['render', v, '-o', out], { cwd: ROOT });
    expect(rendered.code).toBe(0);
    const imported = importDocument(fs.readFileSync(out), { file: out, changes: 'accept' });
    const back = parseText(imported.markdown, 'imported.md').doc;
    const original = parseText(source(v), `${v}.md`).doc;
    expect(outline(back)).toEqual(outline(original));
    expect(back.meta.title).toBe(original.meta.title);
    expect(back.meta.legalBasis).toEqual(original.meta.legalBasis);
    // The announcement and the order before the annex are not standards: dropped, and said so.
    expect(imported.report.order?.paragraphs).toBeGreaterThan(10);
  });

  it.each(VERSIONS)('fmt %s → import as Markdown gives the same file, byte for byte', (v) => {
    const text = source(v);
    const formatted = formatDocument(parseText(text, `${v}.md`));
    expect(formatted).toBe(text);
    expect(importDocument(new TextEncoder().encode(formatted), { file: `${v}.md` }).markdown).toBe(text);
  });

  it('export 2016-04 → import gives its units; import → fmt → import is stable, for a published text, an HTML page and a Word document', async () => {
    const out = path.join(dir, 'final-2016-04.docx');
    expect((await runCli(['export', '2016-04', '-o', out], { cwd: ROOT })).code).toBe(0);
    // The final order imports back to its standards too.
    const final = importDocument(fs.readFileSync(out), { file: out });
    expect(outline(parseText(final.markdown, 'final.md').doc)).toEqual(outline(parseText(source('2016-04'), '2016-04.md').doc));
    for (const [file, bytes] of [
      ['portal.txt', fs.readFileSync(path.join(ROOT, 'test/fixtures/import/portal.txt'))],
      ['portal.html', fs.readFileSync(path.join(ROOT, 'test/fixtures/import/portal.html'))],
      ['final-2016-04.docx', fs.readFileSync(out)],
    ] as const) {
      const first = importDocument(bytes, { file }).markdown;
      expect(formatDocument(parseText(first, 'first.md')), file).toBe(first);
      expect(importDocument(new TextEncoder().encode(first), { file: 'first.md' }).markdown, file).toBe(first);
    }
  });
});

describe('import: Word documents saved by LibreOffice', () => {
  if (!hasCommand('soffice')) {
    if (process.env['CI']) it('needs LibreOffice (soffice) in CI', () => expect.fail('soffice is missing: install libreoffice-writer-nogui (see .ci/run)'));
    else it.skip('skipped: soffice is not installed here (apt-get install libreoffice-writer-nogui)', () => {});
    return;
  }
  it('imports the rendered draft and a plain text, both converted to .docx by LibreOffice', async () => {
    const work = tempDir({ 'portal.txt': fs.readFileSync(path.join(ROOT, 'test/fixtures/import/portal.txt')) });
    const rendered = path.join(work, 'proiect.docx');
    expect((await runCli(['render', '2016-02', '-o', rendered], { cwd: ROOT })).code).toBe(0);
    const outDir = path.join(work, 'lo');
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, rendered, path.join(work, 'portal.txt')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(fs.existsSync(path.join(outDir, 'proiect.docx')), result.stderr).toBe(true);

    const draft = importDocument(fs.readFileSync(path.join(outDir, 'proiect.docx')), { file: 'proiect.docx', changes: 'accept' });
    expect(outline(parseText(draft.markdown, 'x.md').doc)).toEqual(outline(parseText(source('2016-02'), '2016-02.md').doc));

    const fromText = importDocument(fs.readFileSync(path.join(work, 'portal.txt')), { file: 'portal.txt' });
    const fromWord = importDocument(fs.readFileSync(path.join(outDir, 'portal.docx')), { file: 'portal.docx' });
    expect(fromWord.markdown).toBe(fromText.markdown);
  }, 120_000);
});

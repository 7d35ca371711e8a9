/**
 * Fuzz through the other commands' cores: every CommonMark example and mutated bundled standards, as
 * documents, through validate, diff and render. Never an uncaught exception (a StdraftError is an answer),
 * never a hang (a time bound per input), always diagnostics with positions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { lintParsed } from '../../src/lint/index.js';
import { diffDocuments } from '../../src/diff/index.js';
import { loadTemplate, renderDocx, templateData } from '../../src/render/index.js';
import { StdraftError } from '../../src/errors.js';
import { ROOT } from '../support/cli.js';
import { rng } from '../support/generator.js';
import { COMMONMARK_EXAMPLES } from '../support/commonmark.js';

const corpus = COMMONMARK_EXAMPLES;
const HEAD = "---\ntitle: Fuzz\nversion: '2016-02'\ndate: '2016-02-16'\nstatus: draft\nlang: ro\n---\n\n";
const bundled = parseText(fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-02.md'), 'utf8'), '2016-02.md');

/** A template with only the standards, so render reaches the model whatever the metadata. */
const template = loadTemplate(
  { label: 'fuzz-template', config: 'name: fuzz\nsections:\n  - anexa.md.hbs\n', files: new Map([['anexa.md.hbs', '{{standards}}\n']]) },
  { documentFile: 'fuzz.md', configFile: null },
);

async function throughEverything(text: string): Promise<void> {
  const started = performance.now();
  const parsed = parseText(text, 'fuzz.md');
  for (const d of lintParsed(parsed)) {
    expect(d.line, d.message).toBeGreaterThanOrEqual(1);
    expect(d.column, d.message).toBeGreaterThanOrEqual(1);
    expect(d.file).toBe('fuzz.md');
  }
  const forward = diffDocuments(bundled.doc, parsed.doc);
  const backward = diffDocuments(parsed.doc, bundled.doc);
  expect(forward.summary.added + forward.summary.unchanged + forward.summary.modified + forward.summary.renumbered).toBe(
    backward.summary.removed + backward.summary.unchanged + backward.summary.modified + backward.summary.renumbered,
  );
  expect(diffDocuments(parsed.doc, parsed.doc).summary).toMatchObject({ added: 0, removed: 0, modified: 0, renumbered: 0 });
  try {
    const bytes = await renderDocx({ doc: parsed.doc, template, data: templateData({ doc: parsed.doc, config: {}, template: template.config, set: null }) });
    expect(bytes.length).toBeGreaterThan(1000);
  } catch (error) {
    expect(error).toBeInstanceOf(StdraftError);
  }
  expect(performance.now() - started, JSON.stringify(text).slice(0, 80)).toBeLessThan(5000);
}

describe('fuzz through validate, diff and render', () => {
  it('every CommonMark example, as the body of a version', async () => {
    for (const example of corpus) await throughEverything(HEAD + example);
  }, 300_000);

  it('40 mutations of the bundled 2016-02 version', async () => {
    const lines = bundled.source.text.split('\n');
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed * 7919);
      const copy = [...lines];
      for (let k = 0, n = r.int(1, 6); k < n; k++) {
        const i = r.int(0, copy.length - 1);
        if (r.chance(0.5)) copy.splice(i, r.int(1, 40));
        else copy.splice(i, 0, ...copy.slice(r.int(0, copy.length - 1), r.int(0, copy.length - 1)));
      }
      await throughEverything(copy.join('\n'));
    }
  }, 300_000);
});

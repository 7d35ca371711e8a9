import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { formatDocument, formatVerified } from '../../src/print/index.js';
import { snapshot } from '../../src/model/walk.js';
import { StdraftError } from '../../src/errors.js';
import { ROOT, runCli } from '../support/cli.js';
import { VALID, tempDir } from '../support/tmp.js';
import { rng } from '../support/generator.js';
import { COMMONMARK_EXAMPLES } from '../support/commonmark.js';

const corpus = COMMONMARK_EXAMPLES;

/** Parses and formats, as `fmt` does: either a lossless, idempotent text or a StdraftError; never anything else. */
function fmtOrRefuse(text: string): 'formatted' | 'refused' {
  const parsed = parseText(text, 'fuzz.md');
  for (const p of parsed.doc.problems) {
    expect(p.span.start.line).toBeGreaterThanOrEqual(1);
    expect(p.span.start.column).toBeGreaterThanOrEqual(1);
  }
  if (parsed.doc.problems.some((p) => p.fatal)) return 'refused';
  try {
    const out = formatVerified(parsed);
    const again = parseText(out, 'fuzz.md');
    expect(formatDocument(again)).toBe(out);
    expect(snapshot(again.doc)).toEqual(snapshot(parsed.doc));
    return 'formatted';
  } catch (error) {
    expect(error).toBeInstanceOf(StdraftError);
    return 'refused';
  }
}

describe('hostile and unusual input never crashes parse or fmt', () => {
  it('the 652 CommonMark examples, bare and under front matter, each within a time bound', () => {
    const outcome = { formatted: 0, refused: 0 };
    for (const example of corpus) {
      for (const text of [example, `---\ntitle: x\nversion: '1'\n---\n\n${example}`]) {
        const started = performance.now();
        outcome[fmtOrRefuse(text)]++;
        expect(performance.now() - started, JSON.stringify(text).slice(0, 80)).toBeLessThan(2000);
      }
    }
    expect(outcome.formatted).toBeGreaterThan(600);
    expect(outcome.formatted + outcome.refused).toBe(corpus.length * 2);
  });

  it('mutated bundled standards (120 mutations: deleted, duplicated, swapped and truncated lines, injected bytes)', () => {
    const source = fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-02.md'), 'utf8').split('\n');
    const junk = ['#', '###### x', '```', '<div>', '---', '> ', '- ', '|', '**', '[x]: y', '\u0000', '\uFFFD', '    ', 'Modulul', '## Standardul 999.', '### S0.0'];
    for (let seed = 1; seed <= 120; seed++) {
      const r = rng(seed);
      const lines = [...source];
      for (let k = 0, n = r.int(1, 8); k < n; k++) {
        const i = r.int(0, lines.length - 1);
        switch (r.int(0, 4)) {
          case 0: lines.splice(i, r.int(1, 20)); break;
          case 1: lines.splice(i, 0, ...lines.slice(i, i + r.int(1, 30))); break;
          case 2: { const j = r.int(0, lines.length - 1); [lines[i], lines[j]] = [lines[j]!, lines[i]!]; break; }
          case 3: lines[i] = lines[i]!.slice(0, r.int(0, lines[i]!.length)); break;
          default: lines.splice(i, 0, r.pick(junk) + (lines[i] ?? ''));
        }
      }
      const started = performance.now();
      fmtOrRefuse(lines.join('\n'));
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('deep nesting, 10,000 headings, very long lines, mixed line endings, raw HTML', () => {
    const head = `---\ntitle: x\n---\n\n`;
    const cases = [
      head + '> '.repeat(500) + 'deep\n',
      head + '- '.repeat(300) + 'deep list\n',
      head + Array.from({ length: 10_000 }, (_, i) => `### S1.${i + 1}\n`).join('\n'),
      head + '# Modulul I. x\n\n' + 'cuvânt '.repeat(200_000) + '\n',
      head.replace(/\n/g, '\r\n') + '# Modulul I. x\r\n\n## Standardul 1. y\r\rtext\n',
      head + '<div>\n<script>while(true){}</script>\n# Modulul I. x\n</div>\n\n<!-- neînchis\n',
      head + '*'.repeat(20_000) + '\n' + '['.repeat(20_000) + '\n',
    ];
    for (const text of cases) {
      const started = performance.now();
      fmtOrRefuse(text);
      expect(performance.now() - started).toBeLessThan(15_000);
    }
  });
});

describe('inputs from Word, e-mail and old encodings, through the CLI', () => {
  it('a file over the size limit is refused with the limit', async () => {
    const dir = tempDir({ 'big.md': VALID + 'x'.repeat(50 * 1024 * 1024) });
    const r = await runCli(['fmt', 'big.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: big\.md: file is 50\.0 MB, over the 32 MB limit \(split the standards/);
  });

  it('a symbolic link loop inside standards/ is skipped, and named when given', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': VALID });
    fs.symlinkSync('loop-b', path.join(dir, 'standards/demo/loop-a'));
    fs.symlinkSync('loop-a', path.join(dir, 'standards/demo/loop-b'));
    fs.symlinkSync('.', path.join(dir, 'standards/demo/self'));
    expect(await runCli(['fmt', '--check'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 file already formatted\n' });
    expect(await runCli(['fmt', '--check', 'standards'], { cwd: dir })).toMatchObject({ code: 0 });
    const r = await runCli(['fmt', 'standards/demo/loop-a'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: 'stdraft: standards/demo/loop-a: symbolic link loop (check the path)\n' });
  });

  it('a YAML alias bomb in front matter is refused, not expanded', async () => {
    const bomb = `---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n\n# Modulul I. x\n`;
    const dir = tempDir({ 'bomb.md': bomb });
    const r = await runCli(['fmt', 'bomb.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.md:1: Invalid YAML in front matter: Excessive alias count/);
  });

  it('a file fmt cannot round-trip is refused and left unchanged', async () => {
    const text = '---\ntitle: x\n---\n\n<style\n  type="text/css">\n\nfoo\n\n';
    const dir = tempDir({ 'odd.md': text });
    const r = await runCli(['fmt', '--write', 'odd.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'stdraft: odd.md:5: cannot be formatted without changing what it says: the HTML block "<style⏎ type="text/css">⏎⏎foo⏎⏎" would read "<style⏎ type="text/css">⏎⏎foo⏎" (the file is left unchanged; rewrite that part more simply)\n',
    );
    expect(fs.readFileSync(path.join(dir, 'odd.md'), 'utf8')).toBe(text);
  });
});

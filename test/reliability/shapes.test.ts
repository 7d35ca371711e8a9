/**
 * Hostile shapes (test/support/shapes.js) at moderate sizes, through every command: each succeeds or answers
 * with findings or a one-line error, never a crash; what is parsed keeps its content; what cannot be parsed
 * cheaply is kept unread with a finding that says why. Time and memory on these shapes are measured by
 * `npm run bench -- --shapes` (bench/shapes.js), not here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Code, Paragraph, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseText } from '../../src/parse/index.js';
import { splitAtBlankLines } from '../../src/parse/split.js';
import { LIMITS } from '../../src/parse/cost.js';
import { doubledSpaces } from '../../src/rules/typography-spaces.js';
import { runCli, ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { revised, shape } from '../support/shapes.js';

interface Diagnostic {
  line: number;
  ruleId: string;
  severity: string;
  message: string;
}

const UNREAD = /this part is kept as it is, unread/;

function workspace(text: string): string {
  return tempDir({
    'stdraft.config.yaml': fs.readFileSync(path.join(ROOT, 'stdraft.config.yaml'), 'utf8'),
    'standards/vtp/2016-02.md': text,
    'standards/vtp/2016-04.md': revised(text),
  });
}

/** A command's answer: exit 0 or 1, or exit 2 with one line on stderr naming the file; never a stack trace. */
function expectAnswer(r: { code: number; stderr: string }, what: string): void {
  expect([0, 1, 2], `${what}: ${r.stderr}`).toContain(r.code);
  expect(r.stderr, what).not.toMatch(/\n\s+at /);
  if (r.code === 2) {
    expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
    expect(r.stderr, what).toMatch(/^stdraft: \S+/);
  }
}

/** Every command on the shape; returns validate's findings. */
async function throughEveryCommand(text: string): Promise<Diagnostic[]> {
  const cwd = workspace(text);
  const validate = await runCli(['validate', '2016-02', '--format', 'json'], { cwd });
  expectAnswer(validate, 'validate');
  expect(validate.code).not.toBe(2);
  const findings = JSON.parse(validate.stdout) as Diagnostic[];
  expectAnswer(await runCli(['fmt', '--check', 'standards/vtp/2016-02.md'], { cwd }), 'fmt');
  const diff = await runCli(['diff', '2016-02', '2016-04', '--format', 'json'], { cwd });
  expectAnswer(diff, 'diff');
  if (diff.code !== 2) expect(JSON.parse(diff.stdout).summary).toBeDefined();
  for (const [name, args] of [
    ['render', ['render', '2016-02', '-o', 'out/render.docx']],
    ['redline', ['compare', '2016-02', '2016-04', '--layout', 'redline', '-o', 'out/redline.docx']],
    ['synoptic', ['compare', '2016-02', '2016-04', '--layout', 'synoptic', '-o', 'out/synoptic.docx']],
  ] as const) {
    fs.mkdirSync(path.join(cwd, 'out'), { recursive: true });
    const r = await runCli([...args], { cwd });
    expectAnswer(r, name);
    const file = path.join(cwd, args[args.length - 1]!);
    if (r.code === 0) expect(fs.statSync(file).size, name).toBeGreaterThan(1000);
    else expect(fs.existsSync(file), name).toBe(false);
  }
  return findings;
}

function unreadFindings(findings: Diagnostic[]): Diagnostic[] {
  return findings.filter((d) => d.ruleId === 'structure' && UNREAD.test(d.message));
}

function body(tree: Root): Root['children'] {
  const start = tree.children.findIndex((n) => n.type === 'heading' && toString(n) === 'S1.1');
  return tree.children.slice(start + 1);
}

describe('hostile shapes through every command', () => {
  it('one paragraph of 7,000 words on one line: parsed whole, words kept', async () => {
    const text = shape('paragraph', 50_000);
    const words = text.trimEnd().split('\n').pop()!;
    const tree = parseText(text, 'x.md').tree;
    expect(body(tree).map((n) => n.type)).toEqual(['paragraph']);
    expect(toString(body(tree)[0]!)).toBe(words);
    expect(unreadFindings(await throughEveryCommand(text))).toEqual([]);
  });

  it('a code fence of 20,000 lines, closed and unclosed: read whole (without remark-parse), through every command', async () => {
    const expected = { 'code-lines': 'x\n', 'unclosed-fence': 'let x = 1;\n' };
    for (const [name, line] of Object.entries(expected)) {
      const text = shape(name, 40_000);
      const code = body(parseText(text, 'x.md').tree).find((n): n is Code => n.type === 'code');
      expect(code?.value, name).toBe(line.repeat(Math.ceil(40_000 / line.length)).slice(0, -1));
      expect(unreadFindings(await throughEveryCommand(text)), name).toEqual([]);
    }
  });

  it('2.5 MB of &amp; and 15 MB of indented code, scaled down: a finding above 128 KB, content read below', async () => {
    const entities = parseText(shape('entities', 50_000), 'x.md').tree;
    expect(toString(body(entities)[0]!)).toBe('&'.repeat(10_000));
    const indented = parseText(shape('indented-code', 50_000), 'x.md').tree;
    expect(body(indented).map((n) => n.type)).toEqual(['paragraph', 'code']);
    for (const name of ['entities', 'indented-code']) {
      const findings = await throughEveryCommand(shape(name, 140_000));
      expect(unreadFindings(findings), name).toHaveLength(1);
    }
  });

  it('setext headings repeated: kept unread past 256 in a part; the others are read', async () => {
    const few = parseText(shape('setext', 6 * 200), 'x.md');
    expect(body(few.tree).filter((n) => n.type === 'heading')).toHaveLength(200);
    const findings = await throughEveryCommand(shape('setext', 6 * 300));
    expect(unreadFindings(findings).map((d) => d.message)).toEqual([expect.stringMatching(/^Expected at most 256 headings underlined/)]);
    // Separated by blank lines, each heading is its own part: all are read, in groups remark-parse reads quickly.
    const spaced = parseText(shape('setext', 30_000).replace(/===\n/g, '===\n\n'), 'x.md');
    expect(spaced.tree.data?.unread).toBeUndefined();
    expect(body(spaced.tree).filter((n) => n.type === 'heading').length).toBe(5000);
  });

  it('a list nested by indentation: read up to 256 columns, kept unread deeper', async () => {
    const shallow = parseText(shape('nested-list', 100 * 100), 'x.md');
    expect(shallow.tree.data?.unread).toBeUndefined();
    let depth = 0;
    for (let node: { children?: unknown[]; type: string } | undefined = body(shallow.tree)[0]; node; depth++) {
      node = (node.children?.find((c) => (c as { type: string }).type === 'list') ?? node.children?.find((c) => (c as { type: string }).type === 'listItem')) as typeof node;
    }
    expect(depth).toBeGreaterThan(150); // lists and their items
    const findings = await throughEveryCommand(shape('nested-list', 140 * 140));
    expect(unreadFindings(findings).map((d) => d.message)).toEqual([expect.stringMatching(/^Expected lists and block quotes nested at most 256 columns deep/)]);
  });

  it('backtick runs of growing length: kept unread when finding their closers would scan too much', async () => {
    const short = parseText(shape('backticks', 2_000), 'x.md');
    expect(short.tree.data?.unread).toBeUndefined();
    const findings = await throughEveryCommand(shape('backticks', 40_000));
    expect(unreadFindings(findings).map((d) => d.message)).toEqual([expect.stringMatching(/backticks/)]);
    // Closed code spans cost nothing: 10,000 of them are read.
    const closed = parseText(`# A\n\n${'`code` '.repeat(10_000)}\n`, 'x.md');
    expect(closed.tree.data?.unread).toBeUndefined();
    expect((closed.tree.children[1] as Paragraph).children.filter((n) => n.type === 'inlineCode')).toHaveLength(10_000);
  });

  it('a table of 900 rows: read, and rendered and compared', async () => {
    const text = shape('table-rows', 9_000);
    const table = body(parseText(text, 'x.md').tree).find((n): n is Table => n.type === 'table');
    expect(table?.children.length).toBe(901);
    expect(unreadFindings(await throughEveryCommand(text))).toEqual([]);
  });

  it('a word, 20,000 spaces and a word: one typography finding', async () => {
    const text = shape('spaces', 20_000);
    expect(doubledSpaces(`a${' '.repeat(1_000_000)}b`)).toEqual([[1, 1_000_001]]);
    const findings = await throughEveryCommand(text);
    expect(findings.filter((d) => d.ruleId === 'typography-spaces').map((d) => d.message)).toEqual(['Expected one space, found 20000']);
  });

  it('999 list items opened on one line: read by validate; fmt prints it or refuses it with a one-line error', async () => {
    const text = shape('one-line-nesting', 2_000);
    const cwd = workspace(text);
    const fmt = await runCli(['fmt', '--check', 'standards/vtp/2016-02.md'], { cwd });
    expectAnswer(fmt, 'fmt');
    if (fmt.code === 2) expect(fmt.stderr).toMatch(/nested too deeply/);
    const validate = await runCli(['validate', '2016-02', '--format', 'json'], { cwd });
    expectAnswer(validate, 'validate');
    expect(validate.code).toBe(1);
  });
});

describe('doubled spaces', () => {
  it('are runs of spaces and no-break spaces between two characters that are not white space', () => {
    expect(doubledSpaces('a  b')).toEqual([[1, 3]]);
    expect(doubledSpaces('a \u00A0 b c')).toEqual([[1, 4]]);
    expect(doubledSpaces('  a  ')).toEqual([]);
    expect(doubledSpaces('a  \tb')).toEqual([]);
    expect(doubledSpaces('a b  c')).toEqual([[3, 5]]);
  });
});

describe('splitting at blank lines', () => {
  it('splits before a line at the margin after a blank line, not before list items, quotes or indented lines, nor inside fences', () => {
    const text = ['# A', '', 'para', '', '- item', '', '  more', '', '> quote', '', 'next', '', '```', '', 'code', '```', '', 'after', ''].join('\n');
    const parts = splitAtBlankLines({ text, offset: 0, line: 1 });
    expect(parts.map((p) => p.line)).toEqual([1, 3, 11, 13, 18]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('stops splitting after an indented fence (it may lie in a list item)', () => {
    const text = ['- a', '  ```', '', 'b', '```', 'c', '', 'd', ''].join('\n');
    expect(splitAtBlankLines({ text, offset: 0, line: 1 })).toHaveLength(1);
  });

  it('the limits are the documented ones', () => {
    expect(LIMITS).toMatchObject({ lineNesting: 1000, indentation: 256, setextUnderlines: 256, partBytes: 128 * 1024 });
  });
});

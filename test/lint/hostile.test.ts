/**
 * Hostile and unusual input: validate never throws, and every finding has a position inside the document.
 * The CommonMark specification's examples (the commonmark-spec package) and hand-made cases.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { fixDocument, lintDocument, lintParsed } from '../../src/lint/index.js';
import { json, sarif, stylish, type Diagnostic } from '../../src/diagnostics/index.js';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { COMMONMARK_EXAMPLES } from '../support/commonmark.js';

const corpus = COMMONMARK_EXAMPLES;

const HEAD = "---\ntitle: Standarde\nversion: '2016-02'\ndate: '2016-02-16'\nstatus: draft\nlang: ro\n---\n\n";

/** Lints as validate does (with and without the source text) and checks every position; returns the diagnostics. */
function check(text: string, label: string): Diagnostic[] {
  const parsed = parseText(text, 'x.md');
  const lines = text.split(/\r\n?|\n/).length;
  const diagnostics = lintParsed(parsed);
  const without = lintDocument(parsed.doc);
  // Without the source, text is read from the Markdown values: an entity (`&#X22;` for ") or an escape can
  // then look like text the source does not hold, so only plain documents must give the same findings.
  if (!/[&\\]/.test(text)) expect(without.map((d) => `${d.line} ${d.ruleId}`), label).toEqual(diagnostics.map((d) => `${d.line} ${d.ruleId}`));
  const misplaced = [...diagnostics, ...without].filter(
    (d) =>
      !(d.line >= 1 && d.column >= 1 && d.line <= lines && d.endLine >= d.line && (d.endLine > d.line || d.endColumn >= d.column)) ||
      !/^Expected |^Invalid YAML/.test(d.message),
  );
  expect(misplaced, label).toEqual([]);
  const results = [{ file: 'x.md', diagnostics }];
  stylish(results, { color: true });
  JSON.parse(json(results));
  JSON.parse(sarif(results));
  return diagnostics;
}

describe('validate on hostile input', () => {
  it('answers each of the 652 CommonMark examples, bare and under front matter, with positioned diagnostics; --fix leaves nothing fixable', () => {
    expect(corpus.length).toBe(652);
    let findings = 0;
    for (const [i, example] of corpus.entries()) {
      for (const text of [example, HEAD + example]) {
        findings += check(text, `example ${i + 1}`).length;
        const fixed = fixDocument(parseText(text, 'x.md'));
        expect(fixed.diagnostics.filter((d) => d.fixable), `example ${i + 1}`).toEqual([]);
      }
    }
    expect(findings).toBeGreaterThan(1310); // at least the missing front matter or modules of each
  });

  it('deep nesting, 10,000 headings, raw HTML, very long lines, NUL characters', () => {
    const cases: [string, string, (d: Diagnostic[]) => void][] = [
      ['deep block quotes', HEAD + '> '.repeat(500) + 'adânc "x"\n', (d) => expect(d.map((x) => x.ruleId)).toEqual(['structure', 'typography-quotes'])],
      ['deep lists', HEAD + '- '.repeat(300) + 'listă\n', (d) => expect(d.map((x) => x.ruleId)).toEqual(['structure'])],
      [
        '10,000 requirement headings',
        HEAD + '# Modulul I. M\n\n## Standardul 1. S\n\nEnunț.\n\n**Rezultate așteptate:** R.\n\n' + Array.from({ length: 10_000 }, (_, i) => `### S1.${i + 1}\n`).join('\n'),
        (d) => expect(d.length).toBe(20_000),
      ],
      ['10,000 module headings with Arabic numbers', HEAD + Array.from({ length: 10_000 }, (_, i) => `# Modulul ${i + 1}. M\n`).join('\n'), (d) => expect(d.length).toBe(20_000)],
      ['raw HTML', HEAD + '<div>\n<script>while(true){}</script>\n# Modulul I. x\n</div>\n\n<!-- neînchis\n', (d) => expect(d.map((x) => x.ruleId)).toEqual(['structure'])],
      [
        'a 0.7 MB line',
        HEAD + '# Modulul I. x\n\n## Standardul 1. y\n\nEnunț.\n\n**Rezultate așteptate:** R.\n\n### S1.1\n\n' + 'cuvânt  "ş" '.repeat(60_000) + '\n\n**Indicatori:**\n\n- I.\n',
        (d) => expect(d.length).toBe(180_000),
      ],
      ['NUL characters', HEAD + '# Modulul I. \u0000x\n\ntext\u0000 "a"\n', (d) => expect(d.map((x) => x.ruleId)).toEqual(['structure', 'typography-quotes'])],
      ['an unclosed front matter', "---\ntitle: x\nversion: '1'\n\n# Modulul I. x\n", (d) => expect(d[0]!.message).toBe('Expected a closing --- line for the front matter that starts on line 1, found none')],
      [
        'a YAML alias bomb',
        '---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n\n# Modulul I. x\n',
        (d) => expect(d[0]).toMatchObject({ line: 1, ruleId: 'front-matter', message: 'Invalid YAML in front matter: Excessive alias count indicates a resource exhaustion attack' }),
      ],
    ];
    for (const [label, text, expectation] of cases) expectation(check(text, label));
  });

  it('mixed line endings (LF, CRLF, lone CR): a finding is on the line the Markdown reader counts', () => {
    const text = `${HEAD}# Modulul I. x\r\n\r\n## Standardul 1. y\r\rEnunț.\r\r**Rezultate așteptate:** R.\n\n### S1.1\r\n\r\nText şi "x".\r\n\r\n**Indicatori:**\r\n\r\n- I.\n`;
    const parsed = parseText(text, 'x.md');
    const paragraph = parsed.doc.modules[0]!.standards[0]!.requirements[0]!.text[0]!;
    const d = check(text, 'mixed');
    expect(d.map((x) => [x.ruleId, x.line])).toEqual([
      ['typography-cedilla', paragraph.position!.start.line],
      ['typography-quotes', paragraph.position!.start.line],
    ]);
    expect(d.map((x) => x.column)).toEqual([6, 9]);
  });

  it('through the CLI: a binary file is refused (exit 2), nesting too deep for the Markdown reader is a finding, not a crash', async () => {
    const dir = tempDir({
      'binary.md': Uint8Array.from([...Buffer.from(HEAD), 0x00, 0x01, 0x02]),
      'deep.md': HEAD + '> '.repeat(20_000) + 'x\n',
      'empty.md': '\n\n',
    });
    const binary = await runCli(['validate', 'binary.md'], { cwd: dir });
    expect(binary).toMatchObject({ code: 2, stdout: '' });
    expect(binary.stderr).toMatch(/^stdraft: binary\.md:9: file is binary \(it contains NUL bytes\)/);
    const deep = await runCli(['validate', '--format', 'json', 'deep.md', 'empty.md'], { cwd: dir });
    expect(deep.code).toBe(1);
    expect(deep.stderr).toBe('');
    const rows = JSON.parse(deep.stdout) as Diagnostic[];
    expect(rows.map((r) => [r.file, r.line, r.ruleId])).toEqual([
      ['deep.md', 3, 'front-matter'], // version '2016-02' in deep.md
      ['deep.md', 8, 'structure'], // the part after the front matter is kept unread
      ['deep.md', 8, 'structure'], // so no module is found
      ['empty.md', 1, 'front-matter'],
    ]);
    expect(rows[1]!.message).toMatch(/^Expected Markdown nested at most a thousand levels deep .* this part is kept as it is, unread$/);
  });
});

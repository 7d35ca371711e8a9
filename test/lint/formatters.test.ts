import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactUri, json, sarif, stylish, SARIF_SCHEMA, type Diagnostic, type FileResult } from '../../src/diagnostics/index.js';
import { describeRules } from '../../src/lint/index.js';
import { ROOT, runCli } from '../support/cli.js';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'standards/vtp/2015-09.md',
  line: 59,
  column: 117,
  endLine: 59,
  endColumn: 119,
  ruleId: 'typography-cedilla',
  severity: 'error',
  message: 'Expected "și" with comma-below ș/ț, found "şi" with cedilla',
  ...over,
});

const RESULTS: FileResult[] = [
  { file: 'standards/vtp/2015-09.md', diagnostics: [d({ fixable: true }), d({ line: 473, column: 1, endLine: 475, endColumn: 41, ruleId: 'legal-technique', severity: 'warning', message: 'Expected a), found a list' })] },
  { file: 'standards/vtp/2016-04.md', diagnostics: [] },
  { file: 'standards/vtp/comments/x.yaml', diagnostics: [d({ file: 'standards/vtp/comments/x.yaml', line: 8, column: 13, endLine: 8, endColumn: 17, ruleId: 'register', message: 'Expected S9.1 to exist' })] },
];

describe('stylish', () => {
  it('groups by file, aligns line:column and severity, ends with a summary', () => {
    expect(stylish(RESULTS)).toBe(
      [
        'standards/vtp/2015-09.md',
        '  59:117  error    Expected "și" with comma-below ș/ț, found "şi" with cedilla  typography-cedilla',
        '  473:1   warning  Expected a), found a list  legal-technique',
        '',
        'standards/vtp/comments/x.yaml',
        '  8:13  error  Expected S9.1 to exist  register',
        '',
        '3 problems (2 errors, 1 warning) in 2 of 3 files',
        '1 of them can be fixed with --fix',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(stylish([{ file: 'a.md', diagnostics: [] }])).toBe('1 file checked: no problems\n');
    expect(stylish([{ file: 'a.md', diagnostics: [] }, { file: 'b.md', diagnostics: [] }])).toBe('2 files checked: no problems\n');
  });

  it('colours only when asked, and never passes control characters from a document to the terminal', () => {
    const plain = stylish(RESULTS);
    expect(plain).not.toMatch(/\u001b/);
    const colored = stylish(RESULTS, { color: true });
    expect(colored).toContain('\u001b[31merror');
    expect(colored).toContain('\u001b[33mwarning');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
    const hostile = stylish([{ file: 'a.md', diagnostics: [d({ message: 'Expected x, found "\u001b[2Jevil\nline"' })] }]);
    expect(hostile).toContain('found "\\u001b[2Jevil line"');
  });

  it('colours on a terminal, not with NO_COLOR, not when piped', async () => {
    const args = ['validate', 'standards/vtp/2015-09.md'];
    expect((await runCli(args, { cwd: ROOT, isTTY: true })).stdout).toMatch(/\u001b\[31merror/);
    expect((await runCli(args, { cwd: ROOT, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b/);
    expect((await runCli(args, { cwd: ROOT, isTTY: false })).stdout).not.toMatch(/\u001b/);
  });
});

describe('json', () => {
  it('prints one array of {file, line, column, endLine, endColumn, ruleId, severity, message}, in that order', () => {
    const rows = JSON.parse(json(RESULTS)) as Record<string, unknown>[];
    expect(rows.length).toBe(3);
    for (const row of rows) expect(Object.keys(row)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message']);
    expect(rows[0]).toEqual({ file: 'standards/vtp/2015-09.md', line: 59, column: 117, endLine: 59, endColumn: 119, ruleId: 'typography-cedilla', severity: 'error', message: RESULTS[0]!.diagnostics[0]!.message });
    expect(json([{ file: 'a.md', diagnostics: [] }])).toBe('[]\n');
  });
});

describe('sarif', () => {
  const rules = describeRules();
  const tool = { name: 'stdraft', version: '1.2.3', informationUri: 'https://example.org/stdraft' };

  it('is a SARIF 2.1.0 log with the tool, its rules and a result per finding', () => {
    const log = JSON.parse(sarif(RESULTS, { rules, tool }));
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'stdraft', version: '1.2.3', informationUri: 'https://example.org/stdraft' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule).toMatchObject({ shortDescription: { text: expect.any(String) }, helpUri: `docs/rules/${rule.id}.md` });
      expect(['error', 'warning', 'none']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(3);
    run.results.forEach((result: Record<string, any>, i: number) => {
      const diagnostic = RESULTS.flatMap((r) => r.diagnostics)[i]!;
      expect(result.ruleId).toBe(diagnostic.ruleId);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(diagnostic.ruleId);
      expect(result.level).toBe(diagnostic.severity);
      expect(result.message).toEqual({ text: diagnostic.message });
      expect(result.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: diagnostic.file },
        region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn },
      });
    });
  });

  it('gives relative URIs with forward slashes, percent-encoded', () => {
    expect(artifactUri('standards\\vtp\\2015-09.md')).toBe('standards/vtp/2015-09.md');
    expect(artifactUri('standards/my set/versiunea ă.md')).toBe('standards/my%20set/versiunea%20%C4%83.md');
    expect(artifactUri('/abs/path/x.md')).toBe('file:///abs/path/x.md');
  });

  it('from the CLI: paths relative to the workspace root, from any folder; the package version; exit code as usual', async () => {
    const r = await runCli(['validate', '--format', 'sarif', '2015-09.md'], { cwd: path.join(ROOT, 'standards', 'vtp') });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const driver = log.runs[0].tool.driver;
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(log.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri)).toEqual(Array(9).fill('standards/vtp/2015-09.md'));
    expect(log.runs[0].results.map((x: any) => x.locations[0].physicalLocation.region.startLine)).toEqual([59, 129, 227, 432, 473, 534, 737, 896, 1064]);
  });
});

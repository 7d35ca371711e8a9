/**
 * The bundled standards give exactly the findings their story has: the 2015-09 draft its deliberate slips
 * (five cedilla words, two requirements without indicators, a broken reference, a dash enumeration) and
 * nothing else; 2016-02, 2016-04 and both registers none. Run through the CLI as the main job does.
 */
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../support/cli.js';

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
  message: string;
}

async function validateJson(args: string[]): Promise<{ code: number; rows: Row[] }> {
  const r = await runCli(['validate', '--format', 'json', ...args], { cwd: ROOT });
  expect(r.stderr).toBe('');
  return { code: r.code, rows: JSON.parse(r.stdout) as Row[] };
}

describe('validate on the bundled standards', () => {
  it('2015-09 has exactly its deliberate findings, at their lines', async () => {
    const { code, rows } = await validateJson(['standards/vtp/2015-09.md']);
    expect(code).toBe(1);
    expect(rows.every((r) => r.file === 'standards/vtp/2015-09.md')).toBe(true);
    expect(rows.map((r) => [r.line, r.endLine, r.ruleId, r.severity])).toEqual([
      [59, 59, 'typography-cedilla', 'error'],
      [129, 129, 'typography-cedilla', 'error'],
      [227, 227, 'typography-cedilla', 'error'],
      [432, 432, 'structure', 'error'],
      [473, 475, 'legal-technique', 'warning'],
      [534, 534, 'typography-cedilla', 'error'],
      [737, 737, 'typography-cedilla', 'error'],
      [896, 896, 'references', 'error'],
      [1064, 1064, 'structure', 'error'],
    ]);
    const messages = rows.map((r) => r.message);
    expect(messages.filter((m) => /cedilla/.test(m))).toEqual([
      'Expected "și" with comma-below ș/ț, found "şi" with cedilla',
      'Expected "obligațiile" with comma-below ș/ț, found "obligaţiile" with cedilla',
      'Expected "fișa" with comma-below ș/ț, found "fişa" with cedilla',
      'Expected "calității" with comma-below ș/ț, found "calităţii" with cedilla',
      'Expected "informați" with comma-below ș/ț, found "informaţi" with cedilla',
    ]);
    expect(messages[3]).toMatch(/^Expected at least one indicator in S7\.5 /);
    expect(messages[8]).toMatch(/^Expected at least one indicator in S18\.3 /);
    expect(messages[7]).toBe('Expected "S17.8" to refer to a requirement of this document, found none (Standardul 17 has S17.1–S17.6)');
    expect(messages[4]).toMatch(/found a list with dashes$/);
    // The broken reference points at the reference itself: "…conform S17.8." on line 896.
    const ref = rows[7]!;
    expect([ref.column, ref.endColumn - ref.column]).toEqual([96, 5]);
  });

  it('2016-02, 2016-04 and both observation registers have no finding', async () => {
    const { code, rows } = await validateJson([
      'standards/vtp/2016-02.md',
      'standards/vtp/2016-04.md',
      'standards/vtp/comments/2015-09-workshop.yaml',
      'standards/vtp/comments/2016-02-workshop.yaml',
    ]);
    expect(rows).toEqual([]);
    expect(code).toBe(0);
  });

  it('2007-11, the standards the 2015 evaluation used, has no finding', async () => {
    const { code, rows } = await validateJson(['standards/vtp/2007-11.md']);
    expect(rows).toEqual([]);
    expect(code).toBe(0);
  });

  it('with no paths, checks the four versions and two registers of the workspace', async () => {
    const r = await runCli(['validate'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\n9 problems \(8 errors, 1 warning\) in 1 of 6 files\n5 of them can be fixed with --fix\n$/);
    expect(r.stdout.startsWith('standards/vtp/2015-09.md\n')).toBe(true);
  });
});

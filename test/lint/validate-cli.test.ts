import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../support/cli.js';
import { tempDir, VALID } from '../support/tmp.js';

const bundled = (name: string) => fs.readFileSync(path.join(ROOT, 'standards/vtp', name), 'utf8');
const version = (v: string, extra = '') => VALID.replace("version: '2015-09'", `version: '${v}'`).replace('lang: ro\n', `lang: ro\n${extra}`);
const jsonRows = (stdout: string) => (JSON.parse(stdout) as { file: string; line: number; ruleId: string; severity: string; message: string }[]).map((r) => `${r.file}:${r.line} ${r.ruleId} ${r.severity}: ${r.message}`);

describe('validate: exit codes', () => {
  it('exits 0 without errors, 1 with errors; warnings alone pass unless --strict, which reports them as errors', async () => {
    const dir = tempDir({
      'standards/demo/2015-09.md': VALID,
      'standards/demo/2016-02.md': version('2016-02', "supersedes: '2015-09'\n").replace('Centrul dispune de un ghid.', 'Centrul dispune de un „ghid”, numit "ghidul".'),
    });
    expect(await runCli(['validate', 'standards/demo/2015-09.md'], { cwd: dir })).toMatchObject({ code: 0, stdout: '1 file checked: no problems\n' });
    const warned = await runCli(['validate'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('  20:37  warning  Expected „ghidul” with Romanian quotation marks, found "ghidul"  typography-quotes\n');
    const strict = await runCli(['validate', '--strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('  20:37  error  Expected „ghidul”');
    const broken = await runCli(['validate'], { cwd: tempDir({ 'standards/demo/2015-09.md': VALID.replace('Centrul dispune de un ghid.', 'Vezi S4.4.') }) });
    expect(broken.code).toBe(1);
  });

  it('is a usage error (exit 2) with no paths outside a workspace, or for an unknown version name or set', async () => {
    const empty = tempDir({});
    const none = await runCli(['validate'], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^stdraft: no workspace found/);
    const unknown = await runCli(['validate', '2099-01'], { cwd: ROOT });
    expect(unknown).toMatchObject({ code: 2, stderr: 'stdraft: unknown version "2099-01" in set vtp (versions: 2007-11, 2015-09, 2016-02, 2016-04)\n' });
    expect((await runCli(['validate', '--set', 'nope'], { cwd: ROOT })).code).toBe(2);
    expect((await runCli(['validate', 'missing.md'], { cwd: ROOT })).stderr).toMatch(/^stdraft: missing\.md: file not found/);
  });
});

describe('validate: what it reads', () => {
  it('takes version names of the set (as the benchmark does) and folders (versions and comments/*.yaml, not README.md)', async () => {
    const byName = await runCli(['validate', '--format', 'json', '2016-02'], { cwd: ROOT });
    expect(byName).toMatchObject({ code: 0, stdout: '[]\n' });
    const dir = tempDir({
      'standards/demo/2015-09.md': VALID,
      'standards/demo/README.md': '# Citește-mă\n',
      'standards/demo/comments/c.yaml': "title: x\ndate: '2015-09-23'\nfrom: '2015-09'\ncomments:\n  - id: 1\n    target: S1.1\n    by: ADPARE\n    text: t\n    decision: pending\n",
      'standards/demo/notes.txt': 'nu',
    });
    expect(await runCli(['validate', 'standards'], { cwd: dir })).toMatchObject({ code: 0, stdout: '2 files checked: no problems\n' });
  });

  it('checks supersedes, the version against the file name, and register targets in the set of the file', async () => {
    const dir = tempDir({
      'standards/demo/2015-09.md': VALID,
      'standards/demo/2016-02.md': version('2016-01', "supersedes: '2015-10'\n"),
      'standards/demo/2016-02.en.md': version('2016-02', "supersedes: '2015-09'\n").replace('lang: ro', 'lang: en').replace(/Modulul/g, 'Module').replace(/Standardul/g, 'Standard').replace('Rezultate așteptate', 'Expected results').replace('Indicatori', 'Indicators'),
      'standards/demo/comments/c.yaml':
        "title: x\ndate: '2015-09-23'\nfrom: '2015-09'\nto: '2016-02'\ncomments:\n  - id: 1\n    target: S1.1\n    by: A\n    text: t\n    decision: pending\n  - id: 2\n    target: S1.2\n    by: A\n    text: t\n    decision: pending\n  - id: 3\n    target: 2016-02:Im2S1.1\n    by: A\n    text: t\n    decision: pending\n",
    });
    const r = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(jsonRows(r.stdout)).toEqual([
      'standards/demo/2016-02.md:3 front-matter error: Expected version "2016-02" (the file name), found "2016-01"',
      'standards/demo/2016-02.md:7 front-matter error: Expected supersedes to name a version of the set (2015-09), found "2015-10"',
      'standards/demo/comments/c.yaml:12 register error: Expected S1.2 to exist in version 2015-09, found no such requirement',
      'standards/demo/comments/c.yaml:17 register error: Expected Im2S1.1 to exist in version 2016-02, found no such indicator',
    ]);
  });

  it('reports an empty version file as a finding, and a file in a legacy encoding as unreadable (exit 2)', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': '\n', 'legacy.md': Uint8Array.from([...Buffer.from('---\ntitle: '), 0xba, 0x69, 0x0a]) });
    const empty = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(jsonRows(empty.stdout)).toEqual(['standards/demo/2015-09.md:1 front-matter error: Expected YAML front matter between --- lines at the start of the file, found none']);
    const legacy = await runCli(['validate', 'legacy.md'], { cwd: dir });
    expect(legacy.code).toBe(2);
    expect(legacy.stderr).toMatch(/^stdraft: legacy\.md:2: file is not UTF-8/);
  });
});

describe('validate: configuration', () => {
  const text = VALID.replace('Centrul dispune de un ghid.', 'Centrul aplică "regula" şi S9.9.');

  it('turns rules off and sets severities from stdraft.config.yaml', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': text, 'stdraft.config.yaml': 'rules:\n  typography-quotes: off\n  references: warning\n' });
    const r = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(jsonRows(r.stdout)).toEqual([
      'standards/demo/2015-09.md:19 typography-cedilla error: Expected "și" with comma-below ș/ț, found "şi" with cedilla',
      'standards/demo/2015-09.md:19 references warning: Expected "S9.9" to refer to a requirement of this document, found none (the document has no Standardul 9)',
    ]);
    const sarif = JSON.parse((await runCli(['validate', '--format', 'sarif'], { cwd: dir })).stdout);
    const level = (id: string) => sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === id).defaultConfiguration.level;
    expect([level('typography-quotes'), level('references'), level('structure')]).toEqual(['none', 'warning', 'error']);
  });

  it('refuses a rule id the registry does not know (a typo would keep the rule on)', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': VALID, 'stdraft.config.yaml': 'rules:\n  typography-quote: off\n' });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: .*stdraft\.config\.yaml: rules\.typography-quote is not a rule of stdraft validate \(rules: front-matter, structure, numbering, /);
  });
});

describe('validate through bin/ (built)', () => {
  it('sets the exit code and prints the findings', () => {
    const r = spawnCli(['validate', 'standards/vtp/2015-09.md', 'standards/vtp/2016-04.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\n9 problems \(8 errors, 1 warning\) in 1 of 2 files\n5 of them can be fixed with --fix\n$/);
  });
});

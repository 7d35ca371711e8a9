/**
 * The CLI behaves like the tools drafters' IT people know: `-` reads standard input (with --stdin-filename),
 * quoted globs are expanded, a closed pipe stops the output quietly, `-o -` refuses a Word document on a
 * terminal, `-q` silences what was written, --color/--no-color decide colour, the config is checked against a
 * schema, a file that is not a register is named as such, version names are checked, registers get the
 * typography rule and Romanian decision words, and `stdraft refs` lists the citations of a unit.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, spawnCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** A copy of the bundled workspace (the three versions, their registers and the demo config). */
function bundled(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { 'stdraft.config.yaml': read('stdraft.config.yaml') };
  for (const v of fs.readdirSync(path.join(ROOT, 'standards/vtp')).filter((f) => f.endsWith('.md'))) files[`standards/vtp/${v}`] = read(`standards/vtp/${v}`);
  for (const r of fs.readdirSync(path.join(ROOT, 'standards/vtp/comments'))) files[`standards/vtp/comments/${r}`] = read(`standards/vtp/comments/${r}`);
  return tempDir({ ...files, ...extra });
}

describe('standard input', () => {
  it('validate - reports the findings under the --stdin-filename, with the set found from it', () => {
    const dir = bundled();
    const text = read('standards/vtp/2016-04.md').replace('Centrul evaluează periodic', 'Centrul evaluează periodic şi');
    const r = spawnCli(['validate', '-', '--stdin-filename', 'standards/vtp/2016-04.md', '--format', 'json'], { cwd: dir, input: text });
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as { file: string; ruleId: string }[];
    expect(found.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['standards/vtp/2016-04.md typography-cedilla']);
    // Nothing was written: the file on disk is the bundled one.
    expect(fs.readFileSync(path.join(dir, 'standards/vtp/2016-04.md'), 'utf8')).toBe(read('standards/vtp/2016-04.md'));
  });

  it('fmt - prints the canonical text; --check exits 1 when it is not; --write is refused', () => {
    const untidy = read('standards/vtp/2016-04.md').replace('**Indicatori:**', 'Indicatori:');
    const out = spawnCli(['fmt', '-'], { input: untidy });
    expect(out).toMatchObject({ code: 0, stdout: read('standards/vtp/2016-04.md') });
    expect(spawnCli(['fmt', '-', '--check', '--stdin-filename', 'x.md'], { input: untidy })).toMatchObject({ code: 1, stdout: expect.stringContaining('would reformat x.md') });
    const write = spawnCli(['fmt', '-', '--write'], { input: untidy });
    expect(write.code).toBe(2);
    expect(write.stderr).toContain('--write cannot rewrite standard input');
  });

  it('diff takes one side from standard input', () => {
    const edited = read('standards/vtp/2016-04.md').replace(/^(Nevoile beneficiarului se reevaluează .*)3 luni\.$/m, '$12 luni.');
    expect(edited).not.toBe(read('standards/vtp/2016-04.md'));
    const r = spawnCli(['diff', '2016-04', '-', '--stdin-filename', 'standards/vtp/2016-04.md', '--format', 'json'], { input: edited });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { summary: { modified: number }; changes: { change: string; to: string }[] };
    expect(json.summary.modified).toBe(1);
    expect(json.changes.find((c) => c.change === 'modified')?.to).toBe('S4.5');
    expect(spawnCli(['diff', '-', '-'], { input: '' }).code).toBe(2);
  });
});

describe('globs', () => {
  it('a quoted glob is expanded by stdraft; one that matches nothing is an error naming it', async () => {
    const dir = bundled();
    const r = await runCli(['validate', 'standards/vtp/2016-*.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const checked = await runCli(['fmt', '--check', 'standards/vtp/2016-*.md'], { cwd: dir });
    expect(checked.stdout).toBe('2 files already formatted\n');
    const none = await runCli(['validate', 'standards/vtp/2099-*.md'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('stdraft: standards/vtp/2099-*.md: no file matches this pattern (check the pattern, e.g. standards/vtp/2016-*.md)\n');
  });
});

describe('output', () => {
  it('piping into head stops quietly: no stack trace, no EPIPE', () => {
    for (const command of [`diff 2015-09 2016-02 --format markdown`, `help diff`, `refs 'Standardul 5' 2016-04`]) {
      for (let i = 0; i < 3; i++) {
        const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command} | head -n 1`], { cwd: ROOT, encoding: 'utf8' });
        expect(r.stderr, command).toBe('');
        expect(r.stdout.split('\n')).toHaveLength(2);
      }
    }
  });

  it('-o - refuses a Word document on a terminal and writes it to a pipe', async () => {
    const dir = bundled();
    const tty = await runCli(['report', 'standards/vtp/comments/2015-09-workshop.yaml', '-o', '-'], { cwd: dir, isTTY: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toBe('stdraft: -o - would print a Word document on the terminal (redirect it (-o - > out.docx, or | another command) or give -o FILE)\n');
    expect(tty.stdoutBytes).toBeUndefined();
    for (const args of [['render', '2016-02'], ['export', '2016-04'], ['compare', '2015-09', '2016-02']]) {
      const refused = await runCli([...args, '-o', '-'], { cwd: dir, isTTY: true });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain('-o - would print a Word document on the terminal');
    }
    const html = await runCli(['compare', '2015-09', '2016-02', '--format', 'html', '-o', '-'], { cwd: dir, isTTY: true });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<html');
    const pipe = await runCli(['report', 'standards/vtp/comments/2015-09-workshop.yaml', '-o', '-'], { cwd: dir });
    expect(pipe.code).toBe(0);
    expect(Buffer.from(pipe.stdoutBytes!).subarray(0, 2).toString()).toBe('PK');
  });

  it('-q silences the "wrote …" and "created …" lines', async () => {
    const dir = bundled();
    expect((await runCli(['diff', '2015-09', '2016-02', '-o', 'changes.txt'], { cwd: dir })).stdout).toMatch(/^wrote changes\.txt/);
    const quiet = await runCli(['-q', 'diff', '2015-09', '2016-02', '-o', 'changes2.txt'], { cwd: dir });
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(fs.existsSync(path.join(dir, 'changes2.txt'))).toBe(true);
    const created = await runCli(['-q', 'version', 'new', 'vtp', '--as', '2016-06'], { cwd: dir });
    expect(created).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('--color and --no-color decide over the terminal, NO_COLOR and FORCE_COLOR', async () => {
    const dir = bundled();
    const args = ['diff', '2015-09', '2016-02'];
    expect((await runCli(args, { cwd: dir })).stdout).not.toContain('\u001b[');
    expect((await runCli(['--color', ...args], { cwd: dir, env: { NO_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli(['--no-color', ...args], { cwd: dir, isTTY: true, env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(args, { cwd: dir, isTTY: true })).stdout).toContain('\u001b[');
  });
});

describe('stdraft.config.yaml', () => {
  it('a misspelt key is reported at its line with the key meant; every problem in one message', async () => {
    const config = read('stdraft.config.yaml').replace(/^short-title:/m, 'shortitle:').replace(/^ {2}signatory:/m, '  signatary:');
    const dir = bundled({ 'stdraft.config.yaml': `${config}rules:\n  typography-quotes: of\n` });
    const line = config.split('\n').findIndex((l) => l.startsWith('shortitle:')) + 1;
    const signatary = config.split('\n').findIndex((l) => l.startsWith('  signatary:')) + 1;
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^stdraft: .*stdraft\\.config\\.yaml:${line}: unknown key shortitle \\(did you mean short-title\\?; also line ${signatary}: unknown key order\\.signatary \\(did you mean order\\.signatory\\?\\); line \\d+: rules\\.typography-quotes: Expected off, warning or error, found "of"\\)\\n$`));
  });

  it('keys unlike any known key are kept as values for custom templates', async () => {
    const dir = bundled({ 'stdraft.config.yaml': `${read('stdraft.config.yaml')}beneficiari: victime ale traficului\n` });
    expect((await runCli(['validate', 'standards/vtp/2016-04.md'], { cwd: dir })).code).toBe(0);
  });
});

describe('registers and versions', () => {
  it('report on a version file says it is not a register and what one looks like', async () => {
    const dir = bundled();
    const r = await runCli(['report', 'standards/vtp/2016-02.md', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: standards\/vtp\/2016-02\.md: is not an observation register: it is Markdown .*a register is a YAML file in standards\/<set>\/comments\/ with title:, date:, from: VERSION and comments:/);
    expect(r.stderr).not.toContain('parseAllDocuments');
    fs.copyFileSync(path.join(dir, 'standards/vtp/2016-02.md'), path.join(dir, 'standards/vtp/comments/copy.yaml'));
    const yaml = await runCli(['report', 'standards/vtp/comments/copy.yaml', '--format', 'md'], { cwd: dir });
    expect(yaml.stderr).toContain('Expected one YAML document (an observation register), found a second one');
    expect(yaml.stderr).not.toContain('parseAllDocuments');
  });

  it('version new checks the name: YYYY-MM or YYYY-MM-DD, or the pattern of the config', async () => {
    const dir = bundled();
    const r = await runCli(['version', 'new', 'vtp', '--as', 'iunie-2016'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"iunie-2016" is not a version name: expected YYYY-MM or YYYY-MM-DD');
    expect(fs.existsSync(path.join(dir, 'standards/vtp/iunie-2016.md'))).toBe(false);
    expect((await runCli(['version', 'new', 'vtp', '--as', '2016-13'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['version', 'new', 'vtp', '--as', '2016-06-15'], { cwd: dir })).code).toBe(0);
    const custom = bundled({ 'stdraft.config.yaml': "version-pattern: '^\\d{4}-\\d{2}(-[a-z]+)?$'\n" });
    expect((await runCli(['version', 'new', 'vtp', '--as', '2016-06-atelier'], { cwd: custom })).code).toBe(0);
    const refused = await runCli(['version', 'new', 'vtp', '--as', '2016-07-15'], { cwd: custom });
    expect(refused.stderr).toContain('does not match the version-pattern of the config');
  });

  it('a cedilla in an observation is a finding that --fix repairs; Romanian decision words are accepted', async () => {
    const file = 'standards/vtp/comments/2015-09-workshop.yaml';
    const original = read(file);
    const edited = original.replace(/decision: accepted/, 'decision: acceptată').replace(/decision: rejected/, 'decision: respinsă').replace(/response: /, 'response: Da, şi ');
    expect(edited).not.toBe(original);
    const dir = bundled({ [file]: edited });
    const found = JSON.parse((await runCli(['validate', file, '--format', 'json'], { cwd: dir })).stdout) as { ruleId: string; message: string; fixable?: boolean }[];
    expect(found).toEqual([expect.objectContaining({ ruleId: 'typography-cedilla', message: 'Expected "și" with comma-below ș/ț, found "şi" with cedilla' })]);
    const dry = await runCli(['validate', '--fix', '--dry-run', file], { cwd: dir });
    expect(dry.code).toBe(1);
    expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(edited);
    const fix = await runCli(['validate', '--fix', file], { cwd: dir });
    expect(fix.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(edited.replace('şi', 'și'));
    const report = await runCli(['report', file, '--format', 'md'], { cwd: dir });
    expect(report.code).toBe(0);
  });
});

describe('stdraft refs', () => {
  it('lists every citation of a requirement with file:line:column, the unit it is in and the sentence', async () => {
    const dir = bundled();
    const text = read('standards/vtp/2016-04.md');
    const line = text.split('\n').findIndex((l) => l.includes('reevaluării prevăzute la S4.5')) + 1;
    const r = await runCli(['refs', 'S4.5'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^S4\\.5 is cited once in standards/vtp/2016-04\\.md:\\nstandards/vtp/2016-04\\.md:${line}:\\d+ {2}in S6\\.3: S4\\.5\\n {4}Planul individualizat .*reevaluării prevăzute la S4\\.5\\.\\n$`));
  });

  it('a standard counts the citations of its requirements; json; a unit not in the version is an error', async () => {
    const dir = bundled();
    const json = JSON.parse((await runCli(['refs', 'Standardul 4', '2016-04', '--format', 'json'], { cwd: dir })).stdout) as { unit: string; citations: { text: string; names: string }[] };
    expect(json.unit).toBe('Standardul 4');
    expect(json.citations.map((c) => c.text)).toContain('S4.5');
    expect(json.citations.find((c) => c.text === 'S4.5')!.names).toBe('S4.5');
    expect((await runCli(['refs', 'S9.9'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['refs', 'nimic'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['refs', 'S1.1'], { cwd: dir })).stdout).toBe('S1.1 is not cited in standards/vtp/2016-04.md\n');
  });
});

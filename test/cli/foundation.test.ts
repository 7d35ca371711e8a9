import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../support/cli.js';
import { VALID, tempDir } from '../support/tmp.js';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('the program', () => {
  it('prints its version through bin/ (fast path) and through the program', async () => {
    const viaBin = spawnCli(['--version']);
    expect(viaBin).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect((await runCli(['--version'])).stdout).toBe(`${pkg.version}\n`);
  });

  it('lists every command of the design in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['validate', 'fmt', 'versions', 'diff', 'compare', 'render', 'export', 'report']) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(stdout).toContain('--cwd <dir>');
  });

  it('answers usage errors with one line and exit 2', async () => {
    for (const args of [['bogus'], ['fmt', '--nope'], ['diff', 'only-one'], []]) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().length).toBeGreaterThan(0);
    }
    const bogus = await runCli(['bogus']);
    expect(bogus.stderr).toBe("stdraft: unknown command 'bogus' (run stdraft --help for usage)\n");
  });

  it('has a working bin/ that sets the exit code and prints no stack trace', () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': '' });
    const r = spawnCli(['--cwd', dir, 'fmt', '--check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stdraft: standards/demo/2015-09.md: file is empty (a version file starts with YAML front matter between --- lines; see docs/format.md)\n');
  });

  it('adds the stack with DEBUG=stdraft', () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': '' });
    const r = spawnCli(['--cwd', dir, 'fmt', '--check'], { env: { DEBUG: 'stdraft' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/StdraftError: file is empty\n\s+at /);
  });
});

describe('fmt on bad input: one line naming the file (and line), exit 2, nothing written', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.md', '', /^stdraft: empty\.md: file is empty \(/],
    ['blank.md', '\n\n  \n', /^stdraft: blank\.md: file is empty/],
    ['no-front-matter.md', '# Modulul I. Test\n', /^stdraft: no-front-matter\.md:1: Expected YAML front matter between --- lines at the start of the file, found none \(fix it before formatting/],
    ['invalid-yaml.md', '---\ntitle: [unclosed\nversion: x\n---\n\n# Modulul I. Test\n', /^stdraft: invalid-yaml\.md:\d: Invalid YAML in front matter: /],
    ['cp1250.md', Uint8Array.from([...Buffer.from('---\ntitle: '), 0xba, 0x74, 0x69, 0x69, 0x6e, 0xfe, 0x61, ...Buffer.from('\n---\n')]), /^stdraft: cp1250\.md:2: file is not UTF-8 .*\(convert it: iconv -f cp1250 -t utf-8 'cp1250\.md' > converted\.md\)\n$/],
    ['binary.md', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]), /^stdraft: binary\.md:1: file is binary \(it contains NUL bytes\)/],
    ['utf16.md', Uint8Array.from([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00]), /^stdraft: utf16\.md:1: file is UTF-16, not UTF-8 \(convert it: iconv -f utf-16/],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const dir = tempDir({ [name]: content });
      const before = fs.readFileSync(path.join(dir, name));
      for (const mode of [[], ['--check'], ['--write']]) {
        const r = await runCli(['fmt', ...mode, name], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stdout).toBe('');
      }
      expect(fs.readFileSync(path.join(dir, name))).toEqual(before);
      expect(fs.readdirSync(dir)).toEqual([name]);
    });
  }

  it('a missing path', async () => {
    const dir = tempDir();
    const r = await runCli(['fmt', 'nope.md'], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: 'stdraft: nope.md: file not found (check the path)\n' });
  });

  it('a folder where a file is expected', async () => {
    const dir = tempDir({ 'sub/a.txt': 'x' });
    const r = await runCli(['versions'], { cwd: path.join(dir, 'sub') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: no workspace found: no standards\/ folder in .* \(run stdraft in a workspace/);
  });

  it('--cwd that does not exist', async () => {
    const r = await runCli(['fmt', '--check'], { cwd: '/nonexistent/folder' });
    expect(r).toMatchObject({ code: 2, stderr: 'stdraft: --cwd /nonexistent/folder is not a folder (give an existing folder)\n' });
  });

  it('--check together with --write', async () => {
    const dir = tempDir({ 'a.md': VALID });
    expect((await runCli(['fmt', '--check', '--write', 'a.md'], { cwd: dir })).code).toBe(2);
  });

  it('prints one file only: several files need --check or --write', async () => {
    const dir = tempDir({ 'a.md': VALID, 'b.md': VALID });
    const r = await runCli(['fmt', 'a.md', 'b.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use --check');
  });
});

describe('fmt on good input', () => {
  const untidy = VALID.replace('# Modulul I. ', '# MODULUL I ').replace('- Ghidul', '* Ghidul').replace('**Indicatori:**', 'Indicatori:');

  it('--check lists files that are not canonical and exits 1; passes once written', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': untidy, 'standards/demo/2016-02.md': VALID.replace("'2015-09'", "'2016-02'") });
    const check = await runCli(['fmt', '--check'], { cwd: dir });
    expect(check).toMatchObject({ code: 1 });
    expect(check.stdout).toBe('would reformat standards/demo/2015-09.md\n1 of 2 files would be reformatted (run stdraft fmt --write)\n');
    const write = await runCli(['fmt', '--write'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stdout).toBe('formatted standards/demo/2015-09.md\n1 file rewritten, 1 already formatted\n');
    expect(fs.readFileSync(path.join(dir, 'standards/demo/2015-09.md'), 'utf8')).toBe(VALID);
    expect(fs.readdirSync(path.join(dir, 'standards/demo')).sort()).toEqual(['2015-09.md', '2016-02.md']);
    expect((await runCli(['fmt', '--check'], { cwd: dir })).code).toBe(0);
  });

  it('prints the canonical text of one file without touching it', async () => {
    const dir = tempDir({ 'a.md': untidy });
    const r = await runCli(['fmt', 'a.md'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: VALID });
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(untidy);
  });

  it('keeps CRLF and the BOM when writing', async () => {
    const crlf = `\uFEFF${untidy.replace(/\n/g, '\r\n')}`;
    const dir = tempDir({ 'a.md': crlf });
    expect((await runCli(['fmt', '--write', 'a.md'], { cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`\uFEFF${VALID.replace(/\n/g, '\r\n')}`);
  });

  it('finds the workspace from a subfolder and with --cwd', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': VALID, 'notes/x.txt': '' });
    expect((await runCli(['fmt', '--check'], { cwd: path.join(dir, 'notes') })).stdout).toBe('1 file already formatted\n');
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptAll, rejectAll } from '../../src/diff/critic.js';
import { parseText } from '../../src/parse/index.js';
import { formatDocument } from '../../src/print/index.js';
import { ROOT, runCli, spawnCli } from '../support/cli.js';
import { generateEdits } from '../support/edits.js';
import { VALID, tempDir } from '../support/tmp.js';

const SET = path.join(ROOT, 'standards', 'vtp');
const canonical = (file: string) => formatDocument(parseText(fs.readFileSync(file, 'utf8'), file));

interface JsonDiff {
  from: string;
  to: string;
  summary: Record<'added' | 'removed' | 'modified' | 'renumbered' | 'unchanged', number>;
  changes: { kind: string; change: string; from: string | null; to: string | null; moved: boolean; typographic: boolean; parts?: unknown[] }[];
  typographic: { kind: string; from: string; to: string; kinds: string[] }[];
  document: { metadata: { key: string }[]; blocks: unknown[] };
}

/** A workspace with one set of two generated versions (2015-09 → 2016-02). */
function workspace(seed = 3): { dir: string; from: string; to: string } {
  const g = generateEdits(seed, { standards: 6 });
  const dir = tempDir({ 'standards/demo/2015-09.md': g.from, 'standards/demo/2016-02.md': g.to });
  return { dir, from: g.from, to: g.to };
}

describe('stdraft diff: formats', () => {
  it('text: grouped by module and standard, the typographic changes said so, a summary line; exit 0', async () => {
    const r = await runCli(['diff', '2015-09', '2016-02'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('2015-09 → 2016-02');
    expect(r.stdout).toMatch(/^Modulul II\. Evaluare și planificare\n {2}Standardul 4\. Evaluarea nevoilor beneficiarului\n {4}modified {4}S4\.1 Evaluarea inițială\n/m);
    expect(r.stdout).toMatch(/^ {4}typographic S1\.3 {2}typographic changes only \(cedilla → comma-below\): not a change of substance$/m);
    expect(r.stdout).toMatch(/^ {2}added {7}Standardul 5\. Evaluarea riscurilor/m);
    expect(r.stdout).toMatch(/^ {4}modified {4}S11\.4 → S14\.7 {2}moved from Standardul 11 to Standardul 14$/m);
    expect(r.stdout).toMatch(/^ {4}renumbered {2}S5\.1–S5\.6 → S6\.1–S6\.6$/m);
    expect(r.stdout).toContain('[-24-]{+48+}');
    expect(lines.at(-2)).toBe('Requirements: 7 added, 3 removed, 16 modified (1 moved), 101 renumbered, 20 unchanged (3 of them with typographic changes only)');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('text: coloured on a terminal, not with NO_COLOR', async () => {
    const tty = await runCli(['diff', '2016-02', '2016-04'], { cwd: ROOT, isTTY: true });
    expect(tty.stdout).toContain('\u001b[32m{+3+}\u001b[0m');
    expect(tty.stdout).toContain('\u001b[31m[-5-]\u001b[0m');
    const plain = await runCli(['diff', '2016-02', '2016-04'], { cwd: ROOT, isTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('json: the DESIGN.md contract; summary counts requirements', async () => {
    const r = await runCli(['diff', '2015-09', '2016-02', '--format', 'json'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as JsonDiff;
    expect(Object.keys(json)).toEqual(['from', 'to', 'summary', 'changes', 'typographic', 'document']);
    expect(json).toMatchObject({ from: '2015-09', to: '2016-02' });
    expect(Object.keys(json.summary)).toEqual(['added', 'removed', 'modified', 'renumbered', 'unchanged']);
    for (const c of json.changes) {
      expect(['module', 'standard', 'requirement']).toContain(c.kind);
      expect(['added', 'removed', 'modified', 'renumbered']).toContain(c.change);
      expect(c.from === null ? c.change : 'from').toBe(c.from === null ? 'added' : 'from');
      expect(c.to === null ? c.change : 'to').toBe(c.to === null ? 'removed' : 'to');
    }
    const requirements = json.changes.filter((c) => c.kind === 'requirement');
    for (const change of ['added', 'removed', 'modified', 'renumbered'] as const) {
      expect(json.summary[change], change).toBe(requirements.filter((c) => c.change === change).length);
    }
    const fromCount = fs.readFileSync(path.join(SET, '2015-09.md'), 'utf8').match(/^### /gm)!.length;
    expect(json.summary.unchanged).toBe(fromCount - json.summary.removed - json.summary.modified - json.summary.renumbered);
    expect(json.changes.find((c) => c.from === 'S11.4')).toMatchObject({ change: 'modified', to: 'S14.7', moved: true });
    expect(json.changes.find((c) => c.from === 'S6.1')).toMatchObject({ change: 'modified', to: 'S7.1', parts: [{ part: 'text', difference: 'substance' }] });
    expect(json.changes.find((c) => c.from === 'S9.2')).toMatchObject({ change: 'renumbered', to: 'S10.2', typographic: true });
    expect(json.typographic.map((t) => t.from)).toEqual(['S1.3', 'S2.4', 'S4.2']);
    expect(json.document.metadata.map((m) => m.key)).toContain('status');
  });

  it('markdown: TO with CriticMarkup; accepting gives the canonical TO, rejecting the canonical FROM', async () => {
    const r = await runCli(['diff', '2015-09', '2016-02', '--format', 'markdown'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(acceptAll(r.stdout)).toBe(canonical(path.join(SET, '2016-02.md')));
    expect(rejectAll(r.stdout)).toBe(canonical(path.join(SET, '2015-09.md')));
  });

  it('markdown: untidy files are compared in their canonical form (no marks for layout), CRLF as LF', async () => {
    const { dir, from } = workspace();
    const untidy = from.replace(/^- /gm, '* ').replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(dir, 'untidy.md'), untidy);
    const r = await runCli(['diff', 'standards/demo/2015-09.md', 'untidy.md', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(from);
  });
});

describe('stdraft diff: equal versions, --exit-code, -o', () => {
  it('FROM equal to TO: an empty changeset, exit 0 even with --exit-code', async () => {
    const text = await runCli(['diff', '2016-04', 'standards/vtp/2016-04.md', '--exit-code'], { cwd: ROOT });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No differences.');
    const json = JSON.parse((await runCli(['diff', '2016-04', '2016-04', '--format', 'json'], { cwd: ROOT })).stdout) as JsonDiff;
    expect(json.changes).toEqual([]);
    expect(json.summary).toEqual({ added: 0, removed: 0, modified: 0, renumbered: 0, unchanged: 145 });
    const md = await runCli(['diff', '2016-04', '2016-04', '--format', 'markdown'], { cwd: ROOT });
    expect(md.stdout).toBe(fs.readFileSync(path.join(SET, '2016-04.md'), 'utf8'));
  });

  it('--exit-code exits 1 when the versions differ, even typographically', async () => {
    expect((await runCli(['diff', '2016-02', '2016-04', '--exit-code'], { cwd: ROOT })).code).toBe(1);
    expect((await runCli(['diff', '2016-02', '2016-04'], { cwd: ROOT })).code).toBe(0);
    const dir = tempDir({ 'a.md': VALID, 'b.md': VALID.replace('Centrul dispune', 'Centrul  dispune') });
    expect((await runCli(['diff', 'a.md', 'b.md', '--exit-code'], { cwd: dir })).code).toBe(1);
  });

  it('-o writes the output atomically and says what it wrote; never over an input', async () => {
    const { dir, from } = workspace(5);
    const r = await runCli(['diff', '2015-09', '2016-02', '--format', 'markdown', '-o', 'changes.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote changes\.md \(requirements: \d+ added, \d+ removed, \d+ modified, \d+ renumbered, \d+ unchanged\)\n$/);
    expect(rejectAll(fs.readFileSync(path.join(dir, 'changes.md'), 'utf8'))).toBe(from);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const over = await runCli(['diff', '2015-09', '2016-02', '-o', 'standards/demo/2015-09.md'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^stdraft: \S*standards\/demo\/2015-09\.md: is also an input; refusing to overwrite it/);
    expect(fs.readFileSync(path.join(dir, 'standards/demo/2015-09.md'), 'utf8')).toBe(from);
    const missing = await runCli(['diff', '2015-09', '2016-02', '-o', 'nowhere/changes.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the folder \S*nowhere does not exist/);
    expect((await runCli(['diff', '2015-09', '2016-02', '-o', '-'], { cwd: dir })).stdout).toMatch(/^2015-09 → 2016-02\n/);
  });
});

describe('stdraft diff: bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown version', ['diff', '2015-09', '2017-01'], /^stdraft: unknown version "2017-01" in set vtp \(versions: 2007-11, 2015-09, 2016-02, 2016-04\)\n$/],
    ['unknown set', ['diff', '2015-09', '2016-02', '--set', 'nope'], /^stdraft: unknown set "nope" in .*standards \(sets: vtp\)\n$/],
    ['missing file', ['diff', 'standards/vtp/2015-09.md', 'standards/vtp/missing.md'], /^stdraft: standards\/vtp\/missing\.md: file not found \(/],
    ['bad git revision', ['diff', 'no-such-rev:standards/vtp/2015-09.md', '2016-02'], /^stdraft: no-such-rev:standards\/vtp\/2015-09\.md: git could not read it: /],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: one line, exit 2`, async () => {
      const r = await runCli(args, { cwd: ROOT });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  }

  it('git REV:path outside a git repository: a clear error', async () => {
    const { dir } = workspace();
    const r = await runCli(['diff', 'HEAD:standards/demo/2015-09.md', '2016-02'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stdraft: HEAD:standards/demo/2015-09.md: cannot read a git revision here: not inside a git repository (run in the repository, or give a file path)\n');
  });

  it('git REV:path inside a repository: reads the committed version', async () => {
    const { dir, from, to } = workspace(7);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    fs.writeFileSync(path.join(dir, 'standards/demo/2015-09.md'), to);
    const r = await runCli(['diff', 'HEAD:standards/demo/2015-09.md', 'standards/demo/2015-09.md', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(rejectAll(r.stdout)).toBe(from);
    expect(acceptAll(r.stdout)).toBe(to);
    const json = JSON.parse((await runCli(['diff', 'HEAD:standards/demo/2015-09.md', '2016-02', '--format', 'json'], { cwd: dir })).stdout) as JsonDiff;
    expect(json.from).toBe('HEAD:standards/demo/2015-09.md');
  });

  it('a document with parse errors: warnings with positions on stderr, the diff of what parsed', async () => {
    const broken = VALID.replace('### S1.1', '### S1.1\n\n#### Nivel prea adânc').replace('# Modulul I. Accesarea serviciului\n', '');
    const dir = tempDir({ 'a.md': VALID, 'b.md': `${broken}\n### S1.2\n\nCentrul are un registru.\n\n**Indicatori:**\n\n- Registrul.\n` });
    const r = await runCli(['diff', 'a.md', 'b.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^stdraft: warning: b\.md:\d+:\d+: Expected /m);
    expect(r.stderr).toMatch(/b\.md has problems; the diff covers what could be read\n$/);
    expect(r.stdout).toMatch(/added {7}S1\.2/);
  });

  it('a document without front matter: compared as written (fmt refuses it), with a warning', async () => {
    const body = VALID.replace(/^---[^]*?---\n\n/, '');
    const dir = tempDir({ 'a.md': VALID, 'b.md': body.replace('un ghid', 'un ghid actualizat') });
    const r = await runCli(['diff', 'a.md', 'b.md', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^stdraft: warning: b\.md:1:1: Expected YAML front matter/m);
    expect(acceptAll(r.stdout)).toBe(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'));
    expect(rejectAll(r.stdout)).toBe(VALID);
  });

  it('a file that is not UTF-8: exit 2 naming it', async () => {
    const dir = tempDir({ 'a.md': VALID, 'b.md': Uint8Array.from([0xff, 0xfe, 0x2d, 0x00]) });
    const r = await runCli(['diff', 'a.md', 'b.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: b\.md:1: file is UTF-16/);
  });

  it('through bin/: exit codes set, no stack trace', () => {
    expect(spawnCli(['diff', '2016-02', '2016-04', '--exit-code']).code).toBe(1);
    const bad = spawnCli(['diff', '2016-02', '2099-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

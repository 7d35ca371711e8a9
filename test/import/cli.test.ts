/** `stdraft import` as a command: where it writes, what it refuses, the report on stderr, exit codes. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir, VALID } from '../support/tmp.js';
import { importBytes } from './helpers.js';
import { joinLines } from '../../src/import/lines.js';
import { phrasing } from '../../src/import/write.js';

const portal = fs.readFileSync(path.join(ROOT, 'test/fixtures/import/portal.txt'));

describe('stdraft import', () => {
  it('prints the Markdown on stdout and the report on stderr', async () => {
    const dir = tempDir({ 'ordin.txt': portal });
    const r = await runCli(['import', 'ordin.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: Standarde minime de calitate pentru centrele rezidențiale/);
    expect(r.stdout).toContain('# Modulul I. Accesarea serviciului (standardele 1-2)\n');
    expect(r.stderr).toBe(
      [
        'imported ordin.txt (plain text)',
        '  recognised: 2 modules, 3 standards, 4 requirements, 7 indicators, 0 tables',
        "  dropped: the order's own text before its annex (lines 2-16, 15 paragraphs); its date, issuer and acts were read into the front matter",
        '  dropped: 1 portal banner (lines 1)',
        '  front matter: title (text), date (text), issuer (text), legal-basis (text); missing version, status: stdraft validate reports them, give them with --title, --date, --status, --as',
        '',
      ].join('\n'),
    );
  });

  it('writes a version into the workspace with --set/--as, which validate accepts, and never over an existing file without --force', async () => {
    const dir = tempDir({ 'standards/vtp/2015-09.md': VALID, 'ordin.txt': portal });
    const r = await runCli(['import', 'ordin.txt', '--set', 'vtp', '--as', '2019-01', '--status', 'final'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote standards/vtp/2019-01.md\n');
    const written = fs.readFileSync(path.join(dir, 'standards/vtp/2019-01.md'), 'utf8');
    expect(written).toMatch(/^---\ntitle: .*\nversion: '2019-01'\ndate: '2019-01-10'\nstatus: final\nlang: ro\nissuer: Ministerul Muncii și Justiției Sociale\n/);
    expect(await runCli(['validate', 'standards/vtp/2019-01.md'], { cwd: dir })).toMatchObject({ code: 0 });

    const again = await runCli(['import', 'ordin.txt', '--as', '2019-01'], { cwd: dir });
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toBe('stdraft: standards/vtp/2019-01.md: already exists (choose another name, or give --force to replace it)\n');
    expect(fs.readFileSync(path.join(dir, 'standards/vtp/2019-01.md'), 'utf8')).toBe(written);
    expect((await runCli(['import', 'ordin.txt', '--as', '2019-01', '--force', '--status', 'draft'], { cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'standards/vtp/2019-01.md'), 'utf8')).toContain('status: draft\n');
  });

  it('writes -o FILE, taking the version from its name', async () => {
    const dir = tempDir({ 'ordin.txt': portal, 'out/keep.md': 'mine\n' });
    expect((await runCli(['import', 'ordin.txt', '-o', 'out/2019-01.md', '--date', '2019-01-25'], { cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out/2019-01.md'), 'utf8')).toMatch(/\nversion: '2019-01'\ndate: '2019-01-25'\n/);
    const refused = await runCli(['import', 'ordin.txt', '-o', 'out/keep.md'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'out/keep.md'), 'utf8')).toBe('mine\n');
    expect((await runCli(['import', 'ordin.txt', '-o', 'ordin.txt', '--force'], { cwd: dir })).stderr).toMatch(/is also an input/);
  });

  it('exits 2 with one line for a text without structure, a PDF, a missing file and bad options, writing nothing', async () => {
    const dir = tempDir({ 'pv.txt': 'Proces-verbal\nAu participat: ANITP.\n', 'mo.pdf': '%PDF-1.4\n...' });
    const none = await runCli(['import', 'pv.txt', '-o', 'out.md'], { cwd: dir });
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^stdraft: pv\.txt: no module or standard headings found; the first lines are "Proces-verbal", "Au participat: ANITP\."/);
    expect(fs.existsSync(path.join(dir, 'out.md'))).toBe(false);
    expect((await runCli(['import', 'mo.pdf'], { cwd: dir })).stderr).toBe(
      "stdraft: mo.pdf: is a PDF, which stdraft does not read (extract its text first: pdftotext -layout 'mo.pdf' out.txt, then stdraft import out.txt)\n",
    );
    expect((await runCli(['import', 'lipsa.txt'], { cwd: dir })).stderr).toBe('stdraft: lipsa.txt: file not found (check the path)\n');
    expect((await runCli(['import', 'pv.txt', '--date', '10.01.2019'], { cwd: dir })).stderr).toMatch(/--date 10\.01\.2019 is not YYYY-MM-DD/);
    expect((await runCli(['import', 'pv.txt', '--as', 'x', '-o', 'y.md'], { cwd: dir })).code).toBe(2);
  });

  it('joins a paragraph of 150,000 wrapped lines without an argument or stack limit', () => {
    const pieces = Array.from({ length: 150_000 }, (_, k) => ({ kind: 'line' as const, runs: [{ text: 'și mai departe' }], line: k + 1, join: k === 0 ? ('never' as const) : ('guess' as const) }));
    const [para] = joinLines(pieces);
    expect(para?.kind === 'para' && para.runs.length).toBe(299_999);
    const inline = phrasing(para?.kind === 'para' ? para.runs : []);
    expect(inline).toHaveLength(1);
  });

  it('refuses a text over 32 MB before reading it', () => {
    const big = new Uint8Array(33 * 1024 * 1024).fill(0x61);
    expect(() => importBytes(big, { file: 'mare.txt' })).toThrow(/^is 33\.0 MB, over the 32 MB stdraft reads$/);
  });
});

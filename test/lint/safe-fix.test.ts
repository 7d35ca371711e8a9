/**
 * `validate --fix` and `fmt --renumber` never make a draft worse: while a line looks like a heading but is not
 * one, nothing is renumbered and the drafter is told which line to repair; `--dry-run` shows what would change
 * and writes nothing; one inserted standard is one finding; the renumbering is summarised in ranges.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const BUNDLED = fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-04.md'), 'utf8');
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

/** A copy of the bundled 2016-04 in a set of its own (with the version it supersedes, so only the edit is wrong). */
function workspace(text: string): { dir: string; file: string } {
  const dir = tempDir({
    'stdraft.config.yaml': 'default-set: vtp\n',
    'standards/vtp/2016-02.md': fs.readFileSync(path.join(ROOT, 'standards/vtp/2016-02.md'), 'utf8'),
    'standards/vtp/2016-04.md': text,
  });
  return { dir, file: path.join(dir, 'standards/vtp/2016-04.md') };
}

interface JsonDiagnostic {
  line: number;
  endLine: number;
  ruleId: string;
  message: string;
  fixable?: boolean;
}

async function diagnostics(dir: string): Promise<JsonDiagnostic[]> {
  const r = await runCli(['validate', 'standards/vtp/2016-04.md', '--format', 'json'], { cwd: dir });
  return JSON.parse(r.stdout) as JsonDiagnostic[];
}

describe('a requirement heading typed another way (### Cerința 4.3)', () => {
  const text = BUNDLED.replace(/^### S4\.3$/m, '### Cerința 4.3');
  const line = lineOf(BUNDLED, '### S4.3');

  it('is one finding at its line, saying what to type; nothing is offered as fixable', async () => {
    expect(text).not.toBe(BUNDLED);
    const { dir } = workspace(text);
    const found = await diagnostics(dir);
    expect(found.map((d) => `${d.line} ${d.ruleId} ${d.message}`)).toEqual([`${line} structure "Cerința 4.3" looks like a requirement heading: expected "### S4.3"`]);
    expect(found.some((d) => d.fixable)).toBe(false);
  });

  it('validate --fix leaves the document unchanged and says why it did not renumber', async () => {
    const { dir, file } = workspace(text);
    const r = await runCli(['validate', '--fix', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(r.stdout).toContain(`standards/vtp/2016-04.md: not renumbered: the structure has errors to repair first: line ${line}: "Cerința 4.3" looks like a requirement heading`);
    expect(r.stdout).not.toContain('fixed ');
  });

  it('fmt --renumber --write refuses (exit 2), naming the line, and writes nothing', async () => {
    const { dir, file } = workspace(text);
    const r = await runCli(['fmt', '--renumber', '--write', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^stdraft: standards/vtp/2016-04\\.md:${line}: not renumbered`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('a standard heading that lost its "## " (Standardul 3.)', () => {
  const text = BUNDLED.replace(/^## (Standardul 3\. )/m, '$1');
  const line = lineOf(BUNDLED, '## Standardul 3.');

  it('is one finding at its line: add "## "; no numbering or reference cascade', async () => {
    const { dir } = workspace(text);
    const found = await diagnostics(dir);
    expect(found.map((d) => `${d.line} ${d.ruleId}`)).toEqual([`${line} structure`]);
    expect(found[0]!.message).toBe('"Standardul 3. Contractul de furnizare a …" looks like a standard heading: add "## " at the start of the line');
  });

  it('validate --fix and fmt --renumber leave the document unchanged', async () => {
    const { dir, file } = workspace(text);
    const fix = await runCli(['validate', '--fix', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(fix.stdout).toContain(`not renumbered: the structure has errors to repair first: line ${line}:`);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    const fmt = await runCli(['fmt', '--renumber', '--write', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(fmt.code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('a standard heading at the wrong level is reported with the level to use', async () => {
    const { dir } = workspace(BUNDLED.replace(/^## (Standardul 3\. )/m, '### $1'));
    const found = await diagnostics(dir);
    expect(found.map((d) => `${d.line} ${d.ruleId}`)).toEqual([`${line} structure`]);
    expect(found[0]!.message).toContain('looks like a standard heading at level 3: expected level 2 ("## Standardul 3.');
  });

  it('running text that starts with a reference is not taken for a heading', async () => {
    const { dir } = workspace(BUNDLED.replace(/^(## Standardul 3\. .*\n\n)/m, '$1Standardul 2 se aplică și aici, cu excepțiile de mai jos.\n\n'));
    expect((await diagnostics(dir)).filter((d) => d.ruleId === 'structure')).toEqual([]);
  });
});

describe('a block the parser could not place', () => {
  it('stops the renumbering too, and the fix says which line to repair', async () => {
    const stray = BUNDLED.replace(/^(\*\*Rezultate așteptate:\*\* .*\n)/m, '$1\nUn paragraf rătăcit.\n').replace(/^## Standardul 4\./m, '## Standardul 40.');
    const line = lineOf(stray, 'Un paragraf rătăcit.');
    const { dir, file } = workspace(stray);
    const r = await runCli(['validate', '--fix', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(r.stdout).toContain(`not renumbered: the structure has errors to repair first: line ${line}: Expected the first requirement`);
    expect(fs.readFileSync(file, 'utf8')).toBe(stray);
  });
});

describe('--dry-run', () => {
  const cedilla = BUNDLED.replace('Centrul evaluează periodic', 'Centrul evaluează periodic şi');

  it('validate --fix --dry-run prints a unified diff, writes nothing and exits 1', async () => {
    const { dir, file } = workspace(cedilla);
    const r = await runCli(['validate', '--fix', '--dry-run', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('would fix standards/vtp/2016-04.md (1 change)');
    expect(r.stdout).toContain('--- a/standards/vtp/2016-04.md\n+++ b/standards/vtp/2016-04.md\n@@ ');
    expect(r.stdout).toMatch(/^-Centrul evaluează periodic şi/m);
    expect(r.stdout).toMatch(/^\+Centrul evaluează periodic și/m);
    expect(r.stdout).not.toContain('\u001b[');
    expect(fs.readFileSync(file, 'utf8')).toBe(cedilla);
  });

  it('is coloured on a terminal, and not with NO_COLOR', async () => {
    const { dir } = workspace(cedilla);
    const args = ['validate', '--fix', '--dry-run', 'standards/vtp/2016-04.md'];
    expect((await runCli(args, { cwd: dir, isTTY: true })).stdout).toContain('\u001b[32m+Centrul');
    expect((await runCli(args, { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('fmt --write --dry-run and fmt --renumber --dry-run show the change and write nothing; exit 0 when nothing would change', async () => {
    const untidy = BUNDLED.replace('**Indicatori:**', 'Indicatori:');
    const { dir, file } = workspace(untidy);
    const w = await runCli(['fmt', '--write', '--dry-run', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(w.code).toBe(1);
    expect(w.stdout).toMatch(/^-Indicatori:$/m);
    expect(w.stdout).toMatch(/^\+\*\*Indicatori:\*\*$/m);
    expect(fs.readFileSync(file, 'utf8')).toBe(untidy);
    const inserted = workspace(BUNDLED.replace(/^## Standardul 5\./m, '## Standardul 5. Nou\n\nEnunț.\n\n**Rezultate așteptate:** Rezultat.\n\n### S5.1\n\nText.\n\n**Indicatori:**\n\n- Indicator.\n\n## Standardul 5.'));
    const n = await runCli(['fmt', '--renumber', '--dry-run', 'standards/vtp/2016-04.md'], { cwd: inserted.dir });
    expect(n.code).toBe(1);
    expect(n.stdout).toContain('renumbered standards 5–25 → 6–26 (with their requirements)');
    expect(n.stdout).toMatch(/^\+## Standardul 6\. Evaluarea riscurilor$/m);
    const clean = workspace(BUNDLED);
    const none = await runCli(['fmt', '--renumber', '--dry-run', 'standards/vtp/2016-04.md'], { cwd: clean.dir });
    expect(none).toMatchObject({ code: 0, stdout: '1 file already formatted; nothing would change\n' });
  });

  it('is refused without --fix, --write or --renumber', async () => {
    const { dir } = workspace(BUNDLED);
    expect((await runCli(['validate', '--dry-run', 'standards/vtp/2016-04.md'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['fmt', '--dry-run', 'standards/vtp/2016-04.md'], { cwd: dir })).code).toBe(2);
  });
});

describe('one cause, one finding', () => {
  const NEW = '## Standardul 5. Nou\n\nEnunț.\n\n**Rezultate așteptate:** Rezultat.\n\n### S5.1\n\nText.\n\n**Indicatori:**\n\n- Indicator.\n\n';
  const inserted = BUNDLED.replace(/^## Standardul 5\./m, `${NEW}## Standardul 5.`);

  it('an inserted standard is one numbering finding spanning the standards it shifts', async () => {
    const { dir } = workspace(inserted);
    const found = (await diagnostics(dir)).filter((d) => d.ruleId === 'numbering');
    const newLine = lineOf(inserted, '## Standardul 5. Nou');
    const oldLine = lineOf(inserted, '## Standardul 5. Evaluarea');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(oldLine);
    expect(found[0]!.endLine).toBe(lineOf(inserted, '## Standardul 25.'));
    expect(found[0]!.message).toBe(
      `Expected standards 6–26, found 5–25: Standardul 5 (line ${newLine}) is new and the 21 standards after it carry their old numbers; \`stdraft fmt --renumber\` renumbers them and updates the references`,
    );
  });

  it('a removed standard is one finding too, naming the gap', async () => {
    const from = BUNDLED.indexOf('## Standardul 8.');
    const to = BUNDLED.indexOf('## Standardul 9.');
    expect(BUNDLED.slice(from, to)).not.toContain('\n# '); // the same module
    const { dir } = workspace(BUNDLED.slice(0, from) + BUNDLED.slice(to));
    const found = (await diagnostics(dir)).filter((d) => d.ruleId === 'numbering');
    expect(found.map((d) => d.message)).toEqual([
      'Expected standards 8–24, found 9–25: there is no Standardul 8 and the 17 standards after the gap keep their old numbers; `stdraft fmt --renumber` renumbers them and updates the references',
    ]);
  });

  it('a removed module is one finding for the modules after it', async () => {
    const from = BUNDLED.indexOf('# Modulul II.');
    const to = BUNDLED.indexOf('# Modulul III.');
    const { dir } = workspace(BUNDLED.slice(0, from) + BUNDLED.slice(to));
    const found = (await diagnostics(dir)).filter((d) => d.ruleId === 'numbering' && d.message.startsWith('Expected modules'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^Expected modules II–[IVX]+, found III–[IVX]+: the \d+ modules carry numbers off by the same amount/);
  });

  it('--fix summarises the renumbering in ranges and warns only for references that became ambiguous', async () => {
    const { dir } = workspace(inserted);
    const r = await runCli(['validate', '--fix', 'standards/vtp/2016-04.md'], { cwd: dir });
    const changes = r.stdout.split('\n').filter((l) => l.startsWith('  renumbered') || l.includes('units were numbered'));
    // The bundled text cites "Standardul 5" (in S4.1): that reference is ambiguous; no requirement of it is cited.
    expect(changes).toEqual([
      '  renumbered standards 5–25 → 6–26 (with their requirements)',
      expect.stringMatching(/^ {2}2 units were numbered Standardul 5 \(lines \d+, \d+\): references to Standardul 5 now name the last of them, Standardul 6; check them$/),
      '  renumbered: numbers, ranges, indicator prefixes and references follow (the file is now in canonical form)',
    ]);
    expect(r.stdout).not.toContain('S9.1');
  });

  it('fmt --renumber --write says what was renumbered; --renumber --check suggests the command meant', async () => {
    const { dir } = workspace(inserted);
    const check = await runCli(['fmt', '--renumber', '--check', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('(run stdraft fmt --renumber --write)');
    const write = await runCli(['fmt', '--renumber', '--write', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stdout).toContain('formatted standards/vtp/2016-04.md (renumbered)\n  renumbered standards 5–25 → 6–26 (with their requirements)\n');
  });
});

describe('labels and bullets typed another way', () => {
  it('a * bullet among - bullets is one list of indicators (a warning), printed as one - list by fmt', async () => {
    const text = BUNDLED.replace(/^(- .*\n)(- )/m, '$1\n* ');
    expect(text).not.toBe(BUNDLED);
    const { dir, file } = workspace(text);
    const found = await diagnostics(dir);
    expect(found.map((d) => d.ruleId)).toEqual(['label-form']);
    expect(found[0]!.message).toMatch(/^Expected the indicators of S\d+\.\d+ in one list of "-" bullets, found "\*" bullets from here/);
    const fmt = await runCli(['fmt', '--write', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(fmt.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(BUNDLED);
  });

  it('an unbolded Rezultate așteptate: is the label, like an unbolded Indicatori: (warnings, fixed by fmt)', async () => {
    const text = BUNDLED.replace('**Rezultate așteptate:**', 'Rezultate așteptate:').replace('**Indicatori:**', 'Indicatori:');
    const { dir, file } = workspace(text);
    const found = await diagnostics(dir);
    expect(found.map((d) => `${d.ruleId} ${d.message.replace(/ \(read as.*$/, '')}`)).toEqual([
      'label-form Expected the label in bold, "**Rezultate așteptate:**", found "Rezultate așteptate:"',
      'label-form Expected the label in bold, "**Indicatori:**", found "Indicatori:"',
    ]);
    await runCli(['fmt', '--write', 'standards/vtp/2016-04.md'], { cwd: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe(BUNDLED);
  });
});

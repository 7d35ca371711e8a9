/**
 * Hostile workspaces: template folders with links out of them, outputs that would replace the workspace's
 * own files or special files, versions that are links or hard links, and git revisions that look like options.
 * Each case is a fixture built the way a cloned repository would hold it.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { tempDir, VALID as VALID_VERSION } from '../support/tmp.js';

const SECRET = 'root:x:0:0:SECRET-LINE-FROM-OUTSIDE:/root:/bin/bash\n';

/** A copy of the bundled workspace (config, the vtp set with its registers, the consultation template). */
function workspace(): string {
  const dir = tempDir({ 'outside/secret.txt': SECRET });
  for (const part of ['stdraft.config.yaml', 'standards', 'templates/consultation']) {
    fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  }
  fs.mkdirSync(path.join(dir, 'out'));
  return dir;
}

function snapshotFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isSymbolicLink()) out[path.relative(dir, p)] = `-> ${fs.readlinkSync(p)}`;
      else if (entry.isFile()) out[path.relative(dir, p)] = fs.readFileSync(p, 'latin1');
      else out[path.relative(dir, p)] = '(special)';
    }
  };
  walk(dir);
  return out;
}

async function refused(dir: string, args: string[], message: RegExp) {
  const r = await runCli(args, { cwd: dir });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
  expect(r.stderr, args.join(' ')).toMatch(message);
  expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
  return r;
}

const registerOf = (dir: string) => path.join('standards/vtp/comments', fs.readdirSync(path.join(dir, 'standards/vtp/comments'))[0]!);

describe('template folders are contained', () => {
  it('a section linked to a file outside the template folder is refused, not rendered', async () => {
    const dir = workspace();
    const tpl = path.join(dir, 'templates/consultation');
    fs.symlinkSync(path.join(dir, 'outside/secret.txt'), path.join(tpl, 'leak.md.hbs'));
    const yaml = fs.readFileSync(path.join(tpl, 'template.yaml'), 'utf8').replace(/^sections:\n/m, 'sections:\n  - leak.md.hbs\n');
    fs.writeFileSync(path.join(tpl, 'template.yaml'), yaml);
    await refused(dir, ['render', '2016-02', '-o', 'out/p.docx'], /leak\.md\.hbs: .*link to .*outside the template folder/);
    expect(fs.existsSync(path.join(dir, 'out/p.docx'))).toBe(false);
  });

  it('a partial replaced by a link to a secret file is refused', async () => {
    const dir = workspace();
    const tpl = path.join(dir, 'templates/consultation');
    fs.rmSync(path.join(tpl, 'semnatura.md.hbs'));
    fs.symlinkSync('../../outside/secret.txt', path.join(tpl, 'semnatura.md.hbs'));
    await refused(dir, ['render', '2016-02', '-o', 'out/p.docx'], /semnatura\.md\.hbs: .*outside the template folder/);
  });

  it('a link between files of the template folder is followed', async () => {
    const dir = workspace();
    const tpl = path.join(dir, 'templates/consultation');
    fs.renameSync(path.join(tpl, 'semnatura.md.hbs'), path.join(tpl, 'semnatura-text.md'));
    fs.symlinkSync('semnatura-text.md', path.join(tpl, 'semnatura.md.hbs'));
    const r = await runCli(['render', '2016-02', '-o', 'out/p.docx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('template.yaml linked out of the folder is refused', async () => {
    const dir = workspace();
    const tpl = path.join(dir, 'templates/consultation');
    fs.renameSync(path.join(tpl, 'template.yaml'), path.join(dir, 'outside/template.yaml'));
    fs.symlinkSync(path.join(dir, 'outside/template.yaml'), path.join(tpl, 'template.yaml'));
    await refused(dir, ['render', '2016-02', '-o', 'out/p.docx'], /template\.yaml: .*outside the template folder/);
  });

  it('reference-docx outside the folder (relative or absolute), a link to /dev/zero or a FIFO: refused at once', async () => {
    const dir = workspace();
    const tpl = path.join(dir, 'templates/consultation');
    const base = fs.readFileSync(path.join(tpl, 'template.yaml'), 'utf8');
    const withReference = (ref: string) => fs.writeFileSync(path.join(tpl, 'template.yaml'), `${base}\nreference-docx: ${JSON.stringify(ref)}\n`);
    fs.writeFileSync(path.join(dir, 'outside/ref.docx'), 'PK');
    withReference('../../outside/ref.docx');
    await refused(dir, ['render', '2016-02', '-o', 'out/p.docx'], /template\.yaml:\d+: reference-docx \.\.\/\.\.\/outside\/ref\.docx is outside the template folder/);
    withReference(path.join(dir, 'outside/ref.docx'));
    await refused(dir, ['render', '2016-02', '-o', 'out/p.docx'], /is outside the template folder/);
    fs.symlinkSync('/dev/zero', path.join(tpl, 'zero.docx'));
    withReference('zero.docx');
    await refused(dir, ['render', '2016-02', '-o', 'out/p.docx'], /zero\.docx: .*not a regular file/);
    execFileSync('mkfifo', [path.join(tpl, 'fifo.docx')]);
    withReference('fifo.docx');
    await refused(dir, ['render', '2016-02', '-o', 'out/p.docx'], /fifo\.docx: .*not a regular file/);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual([]);
  });
});

describe('outputs never replace the workspace', () => {
  it('-o onto the config, a register, a version or a template file is refused for every command, whatever the extension', async () => {
    const dir = workspace();
    const register = registerOf(dir);
    fs.writeFileSync(path.join(dir, 'templates/consultation/styles.docx'), 'PK-not-really');
    const before = snapshotFiles(dir);
    const cases: string[][] = [
      ['diff', '2015-09', '2016-02', '-o', 'stdraft.config.yaml'],
      ['diff', '2015-09', '2016-02', '-o', register],
      ['diff', '2015-09', '2016-02', '-o', 'standards/vtp/2016-04.md'],
      ['diff', '2015-09', '2016-02', '--format', 'json', '-o', 'templates/consultation/ordin.md.hbs'],
      ['compare', '2015-09', '2016-02', '-o', 'templates/consultation/styles.docx'],
      ['render', '2016-02', '-o', 'templates/consultation/styles.docx'],
      ['report', register, '--format', 'md', '-o', 'standards/vtp/2016-04.md'],
    ];
    for (const args of cases) await refused(dir, args, /refusing to (replace|overwrite) it/);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('a link to a protected file is seen through', async () => {
    const dir = workspace();
    fs.symlinkSync('../stdraft.config.yaml', path.join(dir, 'out/d.md'));
    const before = snapshotFiles(dir);
    await refused(dir, ['diff', '2015-09', '2016-02', '-o', 'out/d.md'], /refusing to replace it/);
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('-o on a link to a device writes to the device and leaves the link; a FIFO is refused', async () => {
    const dir = workspace();
    fs.symlinkSync('/dev/null', path.join(dir, 'out/null.md'));
    const r = await runCli(['diff', '2015-09', '2016-02', '-o', 'out/null.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'out/null.md')).isSymbolicLink()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    execFileSync('mkfifo', [path.join(dir, 'out/fifo.md')]);
    await refused(dir, ['diff', '2015-09', '2016-02', '-o', 'out/fifo.md'], /out\/fifo\.md: is a FIFO/);
    expect(fs.lstatSync(path.join(dir, 'out/fifo.md')).isFIFO()).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['fifo.md', 'null.md']);
  });

  it('-o on a link to an ordinary file writes through the link', async () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'outside/report.md'), 'OLD');
    fs.symlinkSync('../outside/report.md', path.join(dir, 'out/d.md'));
    const r = await runCli(['diff', '2015-09', '2016-02', '--format', 'json', '-o', 'out/d.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'out/d.md')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'outside/report.md'), 'utf8'))).toHaveProperty('summary');
  });
});

describe('fmt --write and validate --fix edit the file a link or hard link names', () => {
  const untidy = (text: string) => text.replace(/^## Standardul 1\. /m, '## STANDARDUL 1 - ').replace(/^(title: .*)$/m, '$1   ');

  it('a symbolic link stays a link; the target is rewritten with its mode', async () => {
    const dir = workspace();
    const real = path.join(dir, 'outside/2016-02.md');
    fs.writeFileSync(real, untidy(fs.readFileSync(path.join(dir, 'standards/vtp/2016-02.md'), 'utf8')));
    fs.chmodSync(real, 0o640);
    fs.rmSync(path.join(dir, 'standards/vtp/2016-02.md'));
    fs.symlinkSync('../../outside/2016-02.md', path.join(dir, 'standards/vtp/2016-02.md'));
    const r = await runCli(['fmt', '--write', 'standards/vtp/2016-02.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'standards/vtp/2016-02.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toMatch(/^## Standardul 1\. /m);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, 'outside')).sort()).toEqual(['2016-02.md', 'secret.txt']);
  });

  it('a hard-linked version keeps its links (fmt --write and validate --fix)', async () => {
    const dir = workspace();
    const file = path.join(dir, 'standards/vtp/2016-02.md');
    fs.writeFileSync(file, untidy(fs.readFileSync(file, 'utf8')));
    fs.linkSync(file, path.join(dir, 'outside/copy.md'));
    const r = await runCli(['fmt', '--write', 'standards/vtp/2016-02.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.statSync(file).nlink).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'outside/copy.md'), 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^## Standardul 1\. /m);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('S1.1', 'S1.1 '));
    const fix = await runCli(['validate', '--fix', 'standards/vtp/2016-02.md'], { cwd: dir });
    expect(fix.code).toBeLessThan(2);
    expect(fs.statSync(file).nlink).toBe(2);
  });
});

describe('git revisions are never options', () => {
  function gitWorkspace(): string {
    const dir = workspace();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'x');
    fs.writeFileSync(path.join(dir, 'outside/victim.txt'), 'KEEP');
    return dir;
  }

  it('diff and render refuse a revision that starts with "-" and never run git with it', async () => {
    const dir = gitWorkspace();
    const victim = path.join(dir, 'outside/victim.txt');
    await refused(dir, ['diff', '--', '2016-02', `--output=${victim}:standards/vtp/2016-02.md`], /a git revision cannot start with "-"/);
    await refused(dir, ['diff', '--', '2016-02', `-O${victim}:x`], /a git revision cannot start with "-"/);
    await refused(dir, ['render', '-o', 'out/p.docx', '--', `--output=${victim}:standards/vtp/2016-02.md`], /a git revision cannot start with "-"/);
    expect(fs.readFileSync(victim, 'utf8')).toBe('KEEP');
  });

  it('a real revision still reads, through --end-of-options', async () => {
    const dir = gitWorkspace();
    const r = await runCli(['diff', 'HEAD:standards/vtp/2015-09.md', '2016-02', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bad = await refused(dir, ['diff', 'nope:standards/vtp/2015-09.md', '2016-02'], /nope:standards\/vtp\/2015-09\.md: git could not read it/);
    expect(bad.stderr).not.toMatch(/usage:/);
  });
});

describe('inputs that are not regular files', () => {
  it('a version that is a FIFO, or a link to /dev/zero, is refused without reading it (built CLI, with a time bound)', () => {
    const dir = workspace();
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    for (const name of ['fifo.md', 'zero.md']) {
      const r = spawnSync(process.execPath, [BIN, 'validate', name], { cwd: dir, encoding: 'utf8', timeout: 10_000 });
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(new RegExp(`^stdraft: ${name.replace('.', '\\.')}: is (a FIFO|a device), not a regular file`));
    }
  });
});

describe('the pre-commit hook reads staged names as git writes them', () => {
  it('a version with a non-ASCII name and validation errors is blocked (git quotes such names without -z)', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': VALID_VERSION });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=Test', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    expect((await runCli(['hook', 'install'], { cwd: dir })).code).toBe(0);
    git('add', '.');
    expect(git('commit', '-qm', 'valid').status).toBe(0);
    fs.writeFileSync(path.join(dir, 'standards/demo/2016-06-revizuită.md'), VALID_VERSION.replace('Ghidul beneficiarului', 'Ghidul şi registrul'));
    git('add', '.');
    const blocked = git('commit', '-qm', 'cedilla');
    expect(blocked.stdout + blocked.stderr).toMatch(/2016-06-revizuită\.md/);
    expect(blocked.status).not.toBe(0);
    expect(git('log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('edit locks: fmt --write and validate --fix on one file at the same time', () => {
  const untidyVersion = () => VALID_VERSION.replace('## Standardul 1. ', '## STANDARDUL 1 - ').replace('Ghidul beneficiarului', 'Ghidul şi registrul');

  it('a file another live run holds is refused with one line, unchanged; a stale lock is taken over', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': untidyVersion() });
    const file = path.join(dir, 'standards/demo/2015-09.md');
    const lock = path.join(dir, 'standards/demo/.2015-09.md.stdraft-lock');
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(lock, `${sleeper.pid}\n${os.hostname()}\n${new Date().toISOString()}\n`);
      for (const args of [['fmt', '--write', 'standards/demo/2015-09.md'], ['validate', '--fix', 'standards/demo/2015-09.md']]) {
        await refused(dir, args, new RegExp(`^stdraft: standards/demo/2015-09\\.md: another stdraft run \\(process ${sleeper.pid}\\) is editing this file; nothing was changed`));
      }
      expect(fs.readFileSync(file, 'utf8')).toBe(untidyVersion());
    } finally {
      sleeper.kill();
    }
    await new Promise((resolve) => sleeper.on('exit', resolve));
    // Its run is gone: the lock is stale.
    const r = await runCli(['fmt', '--write', 'standards/demo/2015-09.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^## Standardul 1\. /m);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('two runs at once (built CLI): each edit is either made or refused with the lock message, never lost', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': untidyVersion() });
    const file = path.join(dir, 'standards/demo/2015-09.md');
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += String(d)));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    for (let round = 0; round < 4; round++) {
      fs.writeFileSync(file, untidyVersion());
      const [fmt, fix] = await Promise.all([run(['fmt', '--write', 'standards/demo/2015-09.md']), run(['validate', '--fix', 'standards/demo/2015-09.md'])]);
      const text = fs.readFileSync(file, 'utf8');
      for (const [name, r, made] of [['fmt', fmt, /^## Standardul 1\. /m.test(text)], ['validate --fix', fix, text.includes('Ghidul și registrul')]] as const) {
        if (r.code === 2) expect(r.stderr, `${name}, round ${round}`).toMatch(/another stdraft run \(process \d+\) is editing this file/);
        else expect(made, `${name}, round ${round}: exit ${r.code}, edit lost\n${r.stderr}`).toBe(true);
      }
      expect(fs.readdirSync(path.join(dir, 'standards/demo'))).toEqual(['2015-09.md']);
    }
  }, 60_000);
});

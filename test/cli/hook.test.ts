import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { VALID, tempDir } from '../support/tmp.js';

const git = (cwd: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=Test', ...args], { cwd, encoding: 'utf8' });

describe('stdraft hook (in a temporary git repository, through the built CLI)', () => {
  it('blocks a commit of a version with validation errors, lets valid ones and --no-verify through, and uninstalls', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': VALID, 'notes.txt': 'x' });
    expect(git(dir, 'init', '-q').status).toBe(0);
    const install = await runCli(['hook', 'install'], { cwd: dir });
    expect(install.code).toBe(0);
    const hook = path.join(dir, '.git/hooks/pre-commit');
    expect(fs.statSync(hook).mode & 0o111).not.toBe(0);

    git(dir, 'add', '.');
    const ok = git(dir, 'commit', '-qm', 'valid');
    expect(ok.status, ok.stderr).toBe(0);

    fs.writeFileSync(path.join(dir, 'standards/demo/2015-09.md'), VALID.replace('Ghidul beneficiarului', 'Ghidul şi registrul'));
    git(dir, 'add', '.');
    const blocked = git(dir, 'commit', '-qm', 'cedilla');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/typography-cedilla/);
    expect(blocked.stderr).toContain('stdraft: commit blocked');
    expect(git(dir, 'log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);

    fs.writeFileSync(path.join(dir, 'notes.txt'), 'only notes');
    git(dir, 'reset', '-q');
    git(dir, 'add', 'notes.txt');
    expect(git(dir, 'commit', '-qm', 'notes only').status).toBe(0);

    git(dir, 'add', '.');
    expect(git(dir, 'commit', '-qm', 'bypass', '--no-verify').status).toBe(0);

    expect((await runCli(['hook', 'uninstall'], { cwd: dir })).code).toBe(0);
    expect(fs.existsSync(hook)).toBe(false);
  });

  it('does not replace a hook it did not install, unless --force', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    const hook = path.join(dir, '.git/hooks/pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\necho mine\n');
    const r = await runCli(['hook', 'install'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a pre-commit hook already exists and stdraft did not install it \(use --force/);
    expect(fs.readFileSync(hook, 'utf8')).toContain('echo mine');
    expect((await runCli(['hook', 'uninstall'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['hook', 'install', '--force'], { cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(hook, 'utf8')).toContain('stdraft pre-commit hook');
  });

  it('says so outside a git repository', async () => {
    const r = await runCli(['hook', 'install'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not inside a git repository/);
  });
});

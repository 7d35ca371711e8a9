import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

/** Runs the bash completion function as bash would for the words typed, with `stdraft` on PATH. */
function complete(script: string, words: string[]): string[] {
  const bin = tempDir({ stdraft: `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n` });
  fs.chmodSync(path.join(bin, 'stdraft'), 0o755);
  const file = path.join(bin, 'completion.bash');
  fs.writeFileSync(file, script);
  const program = `source ${JSON.stringify(file)}
COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=()
_stdraft; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', program], { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env['PATH']}` }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

describe('stdraft completion', () => {
  it('bash completes commands, options, choices, set and version names', async () => {
    const { code, stdout } = await runCli(['completion', 'bash']);
    expect(code).toBe(0);
    expect(complete(stdout, ['stdraft', ''])).toEqual(expect.arrayContaining(['validate', 'fmt', 'diff', 'compare', 'render', 'export', 'report', 'init', 'version', 'hook', '--cwd']));
    expect(complete(stdout, ['stdraft', 'di'])).toEqual(['diff']);
    expect(complete(stdout, ['stdraft', 'diff', '2016'])).toEqual(['2016-02', '2016-04']);
    expect(complete(stdout, ['stdraft', 'diff', '--format', ''])).toEqual(['text', 'markdown', 'json']);
    expect(complete(stdout, ['stdraft', 'validate', '--f'])).toEqual(['--format', '--fix']);
    expect(complete(stdout, ['stdraft', 'versions', ''])).toEqual(['vtp']);
    expect(complete(stdout, ['stdraft', 'hook', ''])).toEqual(['install', 'uninstall']);
    expect(complete(stdout, ['stdraft', 'version', 'new', 'vtp', '--from', '2015'])).toContain('2015-09');
    expect(complete(stdout, ['stdraft', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('zsh loads the same completion through bashcompinit; fish lists commands, options and names', async () => {
    const zsh = (await runCli(['completion', 'zsh'])).stdout;
    expect(zsh.split('\n')[0]).toBe('#compdef stdraft');
    expect(zsh).toContain('bashcompinit');
    expect(zsh).toContain('complete -o filenames -F _stdraft stdraft');
    const fish = (await runCli(['completion', 'fish'])).stdout;
    expect(fish).toContain("complete -c stdraft -n \"not __fish_seen_subcommand_from");
    expect(fish).toMatch(/-a diff -d 'structure-aware differences/);
    expect(fish).toContain("-l format -r -f -a 'text markdown json'");
    expect(fish).toContain("(stdraft __complete versions 2>/dev/null)");
    const check = spawnSync('bash', ['-n'], { input: (await runCli(['completion', 'bash'])).stdout });
    expect(check.status).toBe(0);
  });

  it('__complete prints names of the workspace, and nothing outside one', async () => {
    expect((await runCli(['__complete', 'versions'], { cwd: ROOT })).stdout).toBe('2007-11\n2015-09\n2016-02\n2016-04\n');
    expect((await runCli(['__complete', 'sets'], { cwd: ROOT })).stdout).toBe('vtp\n');
    expect((await runCli(['__complete', 'sets'], { cwd: tempDir() })).stdout).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../support/cli.js';

/** Runs a command with stderr a terminal, and collects what it writes there. */
async function withTerminal(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stderr = '';
  const code = await main(['--cwd', ROOT, ...args], {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
    isTTY: false,
    stderrIsTTY: true,
    env,
  });
  return { code, stderr };
}

describe('progress of long work on a terminal', () => {
  it('validate over many files, render and compare stay silent under CI and with --quiet', async () => {
    for (const args of [['validate', 'standards/vtp/2016-02.md', 'standards/vtp/2016-04.md'], ['compare', '2016-02', '2016-04', '--format', 'html', '-o', '-']]) {
      expect((await withTerminal(args, { CI: 'true' })).stderr, args.join(' ')).toBe('');
      expect((await withTerminal(['--quiet', ...args])).stderr, args.join(' ')).toBe('');
    }
  });
});

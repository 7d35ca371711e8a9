import { describe, expect, it } from 'vitest';
import { startProgress } from '../../src/cli/progress.js';
import type { Context } from '../../src/cli/context.js';

function context(over: { tty?: boolean; quiet?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  let err = '';
  const ctx: Context = {
    cwd: '.',
    quiet: over.quiet ?? false,
    io: { stdout: () => undefined, stderr: (t) => (err += t), isTTY: false, stderrIsTTY: over.tty ?? true, env: over.env ?? {} },
  };
  return { ctx, err: () => err };
}

describe('progress on stderr', () => {
  it('appears on a terminal once the work takes more than a moment, and is cleared at the end', () => {
    let t = 0;
    const { ctx, err } = context();
    const p = startProgress(ctx, 'rendering', { delayMs: 400, now: () => t });
    p.update(1, 10);
    expect(err()).toBe('');
    t = 500;
    p.update(5, 10, 'S3.2');
    expect(err()).toContain('rendering [##########----------] 5/10 S3.2');
    p.end();
    expect(err().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('stays silent when piped, with --quiet, and under CI', () => {
    for (const over of [{ tty: false }, { quiet: true }, { env: { CI: 'true' } }]) {
      let t = 0;
      const { ctx, err } = context(over);
      const p = startProgress(ctx, 'x', { now: () => t });
      t = 10_000;
      p.update(1, 2);
      p.end();
      expect(err(), JSON.stringify(over)).toBe('');
    }
  });
});

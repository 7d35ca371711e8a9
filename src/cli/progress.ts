/**
 * Progress on stderr for long work: shown only when stderr is a terminal, not with --quiet, not under CI,
 * and only once the work has taken more than a moment; the line is cleared when the work ends.
 */
import type { Context } from './context.js';

export interface Progress {
  /** `done` of `total` steps finished; `what` names the current step. */
  update(done: number, total: number, what?: string): void;
  /** Clears the progress line. */
  end(): void;
}

const SILENT: Progress = { update: () => undefined, end: () => undefined };

export function startProgress(ctx: Context, label: string, options: { delayMs?: number; now?: () => number } = {}): Progress {
  const { io } = ctx;
  const ci = io.env['CI'] !== undefined && io.env['CI'] !== '' && io.env['CI'] !== 'false';
  if (!io.stderrIsTTY || ctx.quiet || ci) return SILENT;
  const now = options.now ?? (() => Date.now());
  const started = now();
  const delay = options.delayMs ?? 400;
  let shown = false;
  let last = 0;
  return {
    update(done, total, what) {
      const t = now();
      if (t - started < delay || (shown && t - last < 80 && done < total)) return;
      last = t;
      shown = true;
      const width = 20;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      const tail = what ? ` ${what.length > 40 ? `…${what.slice(-39)}` : what}` : '';
      io.stderr(`\r\u001b[2K${label} ${bar} ${done}/${total}${tail}`);
    },
    end() {
      if (shown) io.stderr('\r\u001b[2K');
      shown = false;
    },
  };
}

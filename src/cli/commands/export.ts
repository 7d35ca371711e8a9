/**
 * `stdraft export VERSION [--set S] [--template NAME|DIR] -o OUT.docx` — the final order. Refused (exit 1,
 * each reason listed, nothing written) unless the version is final, has no errors and no observation that
 * targets it is pending (see `finalGateReasons`).
 */
import type { Context } from '../context.js';
import { produceDocx, type DocxCommandOptions } from './render.js';

export function run(ctx: Context, args: unknown[], options: DocxCommandOptions): Promise<number> {
  return produceDocx(ctx, args[0] as string, options, { command: 'export', defaultTemplate: 'final' });
}

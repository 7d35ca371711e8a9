/** Errors → exit codes and one-line messages, in one place. */
import { StdraftError } from '../errors.js';
import type { Io } from './context.js';

export const EXIT_OK = 0;
/** The document has errors, is not formatted, differs, or fails the final gate. */
export const EXIT_FINDINGS = 1;
/** Usage, configuration, input or output error. */
export const EXIT_ERROR = 2;

export function reportError(error: unknown, io: Io): number {
  const debug = /(^|,)\s*stdraft\s*(,|$)/.test(io.env['DEBUG'] ?? '') || io.env['DEBUG'] === '*';
  if (error instanceof StdraftError) {
    io.stderr(`stdraft: ${error.oneLine()}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`stdraft: internal error: ${message.split('\n')[0]} (please report it with the input that caused it; DEBUG=stdraft shows the stack)\n`);
  }
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_ERROR;
}

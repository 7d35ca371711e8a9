/**
 * Typed errors a user can cause. The core throws them; `src/cli/exit.ts` maps them to exit codes and
 * one-line messages in one place.
 */
export type ErrorKind = 'usage' | 'input' | 'output' | 'config' | 'template';

export class StdraftError extends Error {
  readonly kind: ErrorKind;
  /** The file the error is about, when there is one. */
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** What the user can do about it. */
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, message: string, options: { file?: string; line?: number; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StdraftError';
    this.kind = kind;
    this.file = options.file;
    this.line = options.line;
    this.hint = options.hint;
  }

  /** `file:line: message (hint)` on one line. */
  oneLine(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    const hint = this.hint ? ` (${this.hint})` : '';
    return `${where}${this.message}${hint}`.replace(/\s*\n\s*/g, ' ');
  }
}

export const usageError = (message: string, hint?: string) => new StdraftError('usage', message, { hint });
export const inputError = (file: string, message: string, options: { line?: number; hint?: string } = {}) =>
  new StdraftError('input', message, { file, ...options });
export const outputError = (file: string, message: string, hint?: string) => new StdraftError('output', message, { file, hint });
export const configError = (file: string, message: string, options: { line?: number; hint?: string } = {}) =>
  new StdraftError('config', message, { file, ...options });

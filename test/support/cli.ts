/** Runs the CLI in-process with captured output, or as a real process through bin/. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Bytes written to stdout as bytes (`-o -` with a .docx), in-process runs only. */
  stdoutBytes?: Uint8Array;
}

export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; isTTY?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const argv = options.cwd ? ['--cwd', options.cwd, ...args] : args;
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stdoutBytes: (b) => {
      bytes.push(b);
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr, ...(bytes.length > 0 ? { stdoutBytes: Buffer.concat(bytes) } : {}) };
}

export const BIN = fileURLToPath(new URL('../../bin/stdraft.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The built CLI as a child process (needs `npm run build`). */
export function spawnCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

#!/usr/bin/env node
// The stdraft command. `--version` is answered without loading the program, so it costs little more than
// starting Node; everything else runs the compiled CLI, which returns the exit code set here.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  let main;
  try {
    ({ main } = await import('../dist/cli/main.js'));
  } catch (error) {
    process.stderr.write(`stdraft: not built (${error.code ?? error.message}); run npm install (or npm run build) in the stdraft folder\n`);
    process.exit(2);
  }
  process.exitCode = await main(args);
}

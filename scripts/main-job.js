#!/usr/bin/env node
// `npm start`: the main job on the bundled standards, run through the real CLI as a user would.
// Each step prints the command it runs; outputs go to out/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/stdraft.js', import.meta.url));
mkdirSync(new URL('../out/', import.meta.url), { recursive: true });

let failed = 0;
function step(title, args, { expect = [0] } = {}) {
  process.stdout.write(`\n== ${title}\n$ stdraft ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (!expect.includes(result.status)) {
    failed++;
    process.stdout.write(`!! exit code ${result.status}, expected ${expect.join(' or ')}\n`);
  }
  return result.status;
}

step('The versions of the bundled standards set', ['versions', 'vtp']);
step('Are the versions in canonical form?', ['fmt', '--check']);

process.stdout.write(`\n${failed === 0 ? 'Main job done.' : `Main job: ${failed} step(s) failed.`}\n`);
process.stdout.write('Next: edit standards/vtp/2016-04.md and run `npx stdraft fmt --check`, or see `npx stdraft --help`.\n');
process.exitCode = failed === 0 ? 0 : 1;

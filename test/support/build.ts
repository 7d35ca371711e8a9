/**
 * Vitest global setup: the tests that run the CLI as a process run bin/stdraft.js, which loads dist/. Before any
 * test runs, dist/ is compiled again when it is missing or older than a file of src/ (or tsconfig.json), so no
 * test ever runs a stale build. A fresh dist/ costs nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function newest(dir: string, accept: (file: string) => boolean): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(file, accept));
    else if (accept(file)) latest = Math.max(latest, fs.statSync(file).mtimeMs);
  }
  return latest;
}

/** Whether every source file has its compiled file, newer than the sources and the compiler settings. */
export function distIsFresh(): boolean {
  const src = path.join(ROOT, 'src');
  const dist = path.join(ROOT, 'dist');
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) sources.push(file);
    }
  };
  walk(src);
  const latestSource = Math.max(newest(src, (f) => f.endsWith('.ts')), fs.statSync(path.join(ROOT, 'tsconfig.json')).mtimeMs);
  for (const source of sources) {
    const compiled = path.join(dist, path.relative(src, source)).replace(/\.ts$/, '.js');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(compiled);
    } catch {
      return false;
    }
    if (stat.mtimeMs < latestSource) return false;
  }
  return true;
}

export default function setup(): void {
  if (distIsFresh()) return;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed before the tests:\n${result.stdout}${result.stderr}`);
}

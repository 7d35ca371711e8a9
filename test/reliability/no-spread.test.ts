/**
 * No array of the input's size is spread into a call: `push(...rows)`, `Math.max(...numbers)` and the like
 * throw "Maximum call stack size exceeded" (or RangeError) past some 100,000 items, which a large document,
 * register or grid reaches. Loops and reductions instead; this scan keeps it so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const SPREAD_INTO_CALL = /\.(?:push|unshift)\(\s*\.\.\.|\.splice\([^()]*,\s*\.\.\.|Math\.(?:max|min)\(\s*(?:[^()]*,\s*)?\.\.\.|String\.fromCharCode\(\s*\.\.\.|String\.fromCodePoint\(\s*\.\.\./;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('no spread of an array into a call', () => {
  it('holds in every source file', () => {
    const found: string[] = [];
    for (const file of sources(path.join(ROOT, 'src'))) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!/^\s*(?:\/\/|\*|\/\*)/.test(line) && SPREAD_INTO_CALL.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('catches the forms it is there for', () => {
    for (const line of ['out.push(...rows);', 'Math.max(1, ...widths)', 'a.splice(0, 0, ...items)', 'String.fromCharCode(...codes)']) expect(SPREAD_INTO_CALL.test(line), line).toBe(true);
    for (const line of ['const all = [...a, ...b];', 'f({ ...options })', 'for (const x of xs) out.push(x);']) expect(SPREAD_INTO_CALL.test(line), line).toBe(false);
  });
});

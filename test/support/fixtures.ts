/** Fixture folders: `input.*` + `expected.json`, read by one runner per area. `UPDATE_FIXTURES=1` writes missing or changed expectations. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export function fixtureDirs(area: string): { name: string; dir: string }[] {
  const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', area);
  return fs
    .readdirSync(root)
    .filter((name) => fs.statSync(path.join(root, name)).isDirectory())
    .sort()
    .map((name) => ({ name, dir: path.join(root, name) }));
}

export function expectFixture(dir: string, actual: unknown, file = 'expected.json'): void {
  const target = path.join(dir, file);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env['UPDATE_FIXTURES'] && (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text)) {
    fs.writeFileSync(target, text);
  }
  expect(fs.existsSync(target), `${target} is missing (run with UPDATE_FIXTURES=1 and review it)`).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(fs.readFileSync(target, 'utf8')));
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { expectFixture, fixtureDirs } from '../support/fixtures.js';
import { outline } from '../support/outline.js';

describe('parser fixtures (input.md → expected.json outline and problems)', () => {
  for (const { name, dir } of fixtureDirs('parse')) {
    it(name, () => {
      const text = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
      expectFixture(dir, outline(parseText(text, 'input.md').doc));
    });
  }
});

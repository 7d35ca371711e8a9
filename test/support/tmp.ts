/** Temporary workspaces for tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder with the given files (path → content). */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdraft-test-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export const VALID = `---
title: Standarde de test
version: '2015-09'
date: '2015-09-22'
status: draft
lang: ro
---

# Modulul I. Accesarea serviciului

## Standardul 1. Informarea

Centrul informează beneficiarii.

**Rezultate așteptate:** Beneficiarii cunosc serviciile.

### S1.1

Centrul dispune de un ghid.

**Indicatori:**

- Ghidul beneficiarului.
`;

import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { generateStructure, printStructure } from '../support/generator.js';

const CONFIG = fs.readFileSync(path.join(__dirname, '../../stdraft.config.yaml'), 'utf8');

function bigWorkspace(): string {
  const doc = generateStructure(5, {
    standards: 300,
    issuer: 'Agenția Națională împotriva Traficului de Persoane',
    legalBasis: ['Legea nr. 678/2001 privind prevenirea și combaterea traficului de persoane'],
  });
  return tempDir({ 'stdraft.config.yaml': CONFIG, 'standards/vtp/2015-09.md': printStructure(doc), 'out/proiect.docx': 'OLD' });
}

describe('outputs are written atomically', () => {
  it('a render killed while it works leaves the old file intact and no temporary file (through the built CLI)', async () => {
    const dir = bigWorkspace();
    for (const delay of [150, 400, 700, 1000]) {
      const child = spawn(process.execPath, [BIN, 'render', '2015-09', '-o', 'out/proiect.docx'], { cwd: dir, stdio: 'ignore' });
      // Listened to from the start: a fast render may end before the kill.
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGTERM');
      const code = await exited;
      const files = fs.readdirSync(path.join(dir, 'out'));
      expect(files, `killed after ${delay} ms`).toEqual(['proiect.docx']);
      const content = fs.readFileSync(path.join(dir, 'out/proiect.docx'));
      // Either the old file is intact, or the new one is complete (a ZIP with its end-of-central-directory
      // record): never a partial file. A run stopped before its rename leaves the old one.
      const complete = content.subarray(0, 2).toString() === 'PK' && content.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]), content.length - 100);
      if (code === 0) expect(complete, `finished after ${delay} ms`).toBe(true);
      else expect(content.toString() === 'OLD' || complete, `killed after ${delay} ms`).toBe(true);
    }
  }, 60_000);

  it('-o under a path that is a file, into a folder that does not exist, or equal to an input: exit 2, nothing written', async () => {
    const dir = bigWorkspace();
    const before = fs.readdirSync(dir).sort();
    const cases: [string[], RegExp][] = [
      [['render', '2015-09', '-o', 'stdraft.config.yaml/x.docx'], /stdraft\.config\.yaml is a file, not a folder/],
      [['render', '2015-09', '-o', 'nowhere/x.docx'], /the folder \S*nowhere does not exist \(create it first/],
      [['diff', '2015-09', '2015-09', '--format', 'markdown', '-o', 'standards/vtp/2015-09.md'], /is also an input; refusing to overwrite it/],
      [['render', '2015-09', '-o', 'standards/vtp/2015-09.md'], /does not end in \.docx/],
      [['render', '2015-09', '-o', 'stdraft.config.yaml'], /does not end in \.docx/],
      [['diff', '2015-09', '2015-09', '-o', 'nowhere/d.md'], /does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'out/proiect.docx'), 'utf8')).toBe('OLD');
  }, 60_000);
});

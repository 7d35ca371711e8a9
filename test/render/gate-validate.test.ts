import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const CONFIG = fs.readFileSync(path.join(__dirname, '../../stdraft.config.yaml'), 'utf8');
const FINAL = fs.readFileSync(path.join(__dirname, '../../standards/vtp/2016-04.md'), 'utf8');
const PREVIOUS = fs.readFileSync(path.join(__dirname, '../../standards/vtp/2016-02.md'), 'utf8');

describe('export: the final gate runs the validate engine', () => {
  it('refuses a final version with a validation error that is not a parse problem, and writes nothing', async () => {
    const broken = FINAL.replace('Centrul dispune de un ghid al beneficiarului', 'Centrul dispune de un ghid al beneficiarului şi');
    expect(broken).not.toBe(FINAL);
    const dir = tempDir({ 'stdraft.config.yaml': CONFIG, 'standards/vtp/2016-04.md': broken, 'standards/vtp/2016-02.md': PREVIOUS, 'out/.keep': '' });
    const r = await runCli(['export', '2016-04', '-o', 'out/ordin.docx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\(1 reason\); nothing written:\n  - standards\/vtp\/2016-04\.md:\d+:\d+: .*ş.*\(typography-cedilla\)\n$/);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['.keep']);
  });

  it('follows the workspace configuration: a rule turned off does not block', async () => {
    const broken = FINAL.replace('Centrul dispune de un ghid al beneficiarului', 'Centrul dispune de un ghid al beneficiarului şi');
    const dir = tempDir({ 'stdraft.config.yaml': `${CONFIG}\nrules:\n  typography-cedilla: off\n`, 'standards/vtp/2016-04.md': broken, 'standards/vtp/2016-02.md': PREVIOUS, 'out/.keep': '' });
    const r = await runCli(['export', '2016-04', '-o', 'out/ordin.docx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out/ordin.docx'))).toBe(true);
  });
});

/**
 * Messages for inputs the fuzzing found misnamed: each says what the file really is or what is really wrong,
 * on one line (built CLI where a library could print to the console itself).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.js';
import { tempDir, VALID } from '../support/tmp.js';

const oneLine = (r: { stderr: string }) => expect(r.stderr.trim().split('\n')).toHaveLength(1);

describe('messages that name what is really wrong', () => {
  it('lone CR line endings are named as such, not as a YAML nesting error', async () => {
    const dir = tempDir({ 'cr.md': VALID.replace(/\n/g, '\r') });
    const r = await runCli(['fmt', 'cr.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: cr\.md:\d+: Invalid YAML in front matter: uses lone CR line endings \(an old Mac format\); convert them to LF or CRLF/);
    expect(r.stderr).not.toMatch(/Nested mappings/);
  });

  it('UTF-32 is called UTF-32; UTF-16 stays UTF-16', async () => {
    const utf32 = Buffer.from([0xff, 0xfe, 0, 0, ...[...'---\ntitle: x\n---\n'].flatMap((c) => [c.charCodeAt(0), 0, 0, 0])]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: x\n---\n', 'utf16le')]);
    const dir = tempDir({ 'a.md': utf32, 'b.md': utf16 });
    expect((await runCli(['validate', 'a.md'], { cwd: dir })).stderr).toMatch(/^stdraft: a\.md:1: file is UTF-32, not UTF-8 \(convert it: iconv -f utf-32 -t utf-8/);
    expect((await runCli(['validate', 'b.md'], { cwd: dir })).stderr).toMatch(/^stdraft: b\.md:1: file is UTF-16, not UTF-8 \(convert it: iconv -f utf-16 -t utf-8/);
  });

  it('a register with NUL bytes is told to be YAML text, not "the .md file"', async () => {
    const dir = tempDir({ 'standards/demo/2015-09.md': VALID, 'standards/demo/comments/c.yaml': 'title: x\n\u0000\n' });
    const r = await runCli(['validate', 'standards/demo/comments/c.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'stdraft: standards/demo/comments/c.yaml:2: file is binary (it contains NUL bytes), not a YAML text file (give the observation register as YAML text (.yaml), not a .docx or other binary)\n',
    );
  });

  function templateWorkspace(section: string, config = ''): string {
    return tempDir({
      'standards/demo/2015-09.md': VALID,
      'stdraft.config.yaml': config,
      'tpl/template.yaml': 'sections: [a.md.hbs]\nconsultation:\n  days: 10\n',
      'tpl/a.md.hbs': `${section}\n\n{{standards}}\n`,
    });
  }

  it('{{helperMissing}} is named as internal to Handlebars, not "Cannot read properties of undefined"', async () => {
    const dir = templateWorkspace('{{helperMissing}} {{blockHelperMissing}}');
    const r = await runCli(['render', '2015-09', '--template', './tpl', '-o', 'o.docx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: tpl\/a\.md\.hbs:1: "helperMissing" is internal to Handlebars, not a value or helper of templates/);
    oneLine(r);
  });

  it('{{#if hasOwnProperty}} and other prototype names are false, with no Handlebars warning printed (built CLI)', () => {
    const dir = templateWorkspace('{{#if hasOwnProperty}}A{{/if}}{{#if constructor}}B{{/if}}{{#if toString}}C{{/if}}{{#if __proto__}}D{{/if}}');
    const r = spawnCli(['render', '2015-09', '--template', './tpl', '-o', 'o.docx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'o.docx'))).toBe(true);
  });

  it('an invalid consultation.posted is reported as invalid, not as missing', async () => {
    const dir = templateWorkspace('{{consultation.posted}}', 'consultation:\n  posted: 2016-13-45\n');
    const r = await runCli(['render', '2015-09', '--template', './tpl', '-o', 'o.docx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stdraft: stdraft\.config\.yaml: consultation\.posted must be a date written YYYY-MM-DD, found "2016-13-45"/);
    oneLine(r);
  });
});

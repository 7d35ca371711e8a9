import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';
import { paragraphs, readDocx } from './docx.js';
import { DEMO_CONFIG, produce, versionFile } from './helpers.js';

const BODY = '# Modulul I. M\n\n## Standardul 1. S\n\nEnunț.\n\n**Rezultate așteptate:** R.\n\n### S1.1\n\nText.\n\n**Indicatori:**\n\n- I.\n';

/** A workspace with one set `t`: versions by name, the demo config, and other files. */
function workspace(files: Record<string, string | Uint8Array> = {}, versions: Record<string, Record<string, string>> = { '2015-09': {} }): string {
  const out: Record<string, string | Uint8Array> = { 'stdraft.config.yaml': DEMO_CONFIG };
  for (const [name, front] of Object.entries(versions)) out[`standards/t/${name}.md`] = versionFile(BODY, { version: `'${name}'`, ...front });
  return tempDir({ ...out, ...files });
}

/** Runs a command that must fail: exit code, a single stderr line, and no file left in the output folder. */
async function refused(args: string[], cwd: string, code = 2) {
  const outDir = tempDir();
  const result = await runCli(args.map((a) => a.replace('OUT', outDir)), { cwd });
  expect(result.code).toBe(code);
  expect(fs.readdirSync(outDir)).toEqual([]);
  expect(result.stdout).toBe('');
  if (code === 2) expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

describe('render and export: bad input is a one-line error, exit 2, and writes nothing', () => {
  it('an unknown version', async () => {
    expect(await refused(['render', '2099-01', '-o', 'OUT/x.docx'], workspace())).toBe('stdraft: unknown version "2099-01" in set t (versions: 2015-09)\n');
  });

  it('an output folder that does not exist (it is not created)', async () => {
    const cwd = workspace();
    const stderr = await refused(['render', '2015-09', '-o', 'nope/x.docx'], cwd);
    // Relative to --cwd; shown as the shell sees it.
    expect(stderr).toMatch(/^stdraft: (\S*\/)?nope\/x\.docx: the folder (\S*\/)?nope does not exist \(create it first \(mkdir -p (\S*\/)?nope\)\)\n$/);
    expect(fs.existsSync(path.join(cwd, 'nope'))).toBe(false);
  });

  it('an output path equal to an input (the template\'s reference document)', async () => {
    const cwd = workspace({ 'tpl/template.yaml': 'reference-docx: ref.docx\nsections: [a.md.hbs]\n', 'tpl/a.md.hbs': '{{standards}}\n', 'tpl/ref.docx': 'PK' });
    const before = fs.readFileSync(path.join(cwd, 'tpl/ref.docx'));
    const result = await runCli(['render', '2015-09', '--template', './tpl', '-o', 'tpl/ref.docx'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^stdraft: (\S*\/)?tpl\/ref\.docx: is also an input; refusing to overwrite it \(choose another output path\)\n$/);
    expect(fs.readFileSync(path.join(cwd, 'tpl/ref.docx'))).toEqual(before);
  });

  it('an output path that is not a .docx file', async () => {
    expect(await refused(['render', '2015-09', '-o', 'OUT/x.md'], workspace())).toMatch(/^stdraft: the output .*x\.md does not end in \.docx/);
  });

  it('a template folder without template.yaml', async () => {
    const cwd = workspace({ 'tpl/a.md.hbs': 'x' });
    expect(await refused(['render', '2015-09', '--template', './tpl', '-o', 'OUT/x.docx'], cwd)).toBe(
      'stdraft: tpl: no template.yaml in the template folder (a template folder holds template.yaml and .md.hbs files; copy templates/consultation to start one)\n',
    );
  });

  it('a template folder or name that does not exist', async () => {
    expect(await refused(['render', '2015-09', '--template', './lipsa', '-o', 'OUT/x.docx'], workspace())).toMatch(/^stdraft: template folder \.\/lipsa not found/);
    expect(await refused(['render', '2015-09', '--template', 'lipsa', '-o', 'OUT/x.docx'], workspace())).toMatch(/^stdraft: unknown template "lipsa" \(templates: consultation, final/);
  });

  it('malformed template.yaml', async () => {
    const cwd = workspace({ 'tpl/template.yaml': 'sections:\n  - a.md.hbs\n  bad: [\n', 'tpl/a.md.hbs': '{{standards}}' });
    expect(await refused(['render', '2015-09', '--template', './tpl', '-o', 'OUT/x.docx'], cwd)).toMatch(/^stdraft: tpl\/template.yaml:3: invalid YAML/);
  });

  it('broken Handlebars', async () => {
    const cwd = workspace({ 'tpl/template.yaml': 'sections: [a.md.hbs]\n', 'tpl/a.md.hbs': '# {{title}}\n\n{{#if note}}\n{{standards}}\n' });
    expect(await refused(['render', '2015-09', '--template', './tpl', '-o', 'OUT/x.docx'], cwd)).toMatch(/^stdraft: tpl\/a.md.hbs:5: Handlebars syntax error: Expecting/);
  });

  it('a value the template needs and the workspace lacks names the key and where to set it', async () => {
    const cwd = workspace();
    fs.writeFileSync(path.join(cwd, 'stdraft.config.yaml'), DEMO_CONFIG.replace(/ {2}email: consultare@example.org\n/, ''));
    const stderr = await refused(['render', '2015-09', '-o', 'OUT/x.docx'], cwd);
    expect(stderr).toMatch(/^stdraft: .*templates\/consultation\/anunt\.md\.hbs:\d+: Expected a value for "config\.consultation\.email", found none \(set consultation\.email in stdraft\.config\.yaml\)\n$/);
    // A list the template iterates is needed too: without the order's grounds "în temeiul:" would print empty.
    fs.writeFileSync(path.join(cwd, 'stdraft.config.yaml'), DEMO_CONFIG.replace(/ {2}basis:\n {4}- .*\n/, ''));
    const grounds = await refused(['render', '2015-09', '-o', 'OUT/x.docx'], cwd);
    expect(grounds).toMatch(/^stdraft: stdraft\.config\.yaml: the template needs a value the config does not set: order\.basis \(.*templates\/consultation\/\w+\.md\.hbs:\d+\) \(set it in stdraft\.config\.yaml/);
    fs.rmSync(path.join(cwd, 'stdraft.config.yaml'));
    // With no config at all, every value the template needs is listed in one message.
    const all = await refused(['render', '2015-09', '-o', 'OUT/x.docx'], cwd);
    expect(all).toMatch(/the template needs \d+ values the config does not set: /);
    for (const key of ['consultation.address', 'consultation.email', 'order.basis', 'order.signatory.function', 'order.memo.reasons']) expect(all).toMatch(new RegExp(`${key.replace(/\./g, '\\.')} \\(.*\\.md\\.hbs:\\d+\\)`));
    expect(all).toMatch(/create stdraft\.config\.yaml at the workspace root and set them there/);
    expect(all.trim().split('\n')).toHaveLength(1);
  });

  it('a version file with no front matter', async () => {
    const cwd = workspace({ 'standards/t/2015-10.md': BODY });
    expect(await refused(['render', '2015-10', '-o', 'OUT/x.docx'], cwd)).toMatch(/^stdraft: standards\/t\/2015-10\.md:1: /);
  });
});

describe('render', () => {
  it('renders a version given by path outside any set, with a warning for its parse problems', async () => {
    const cwd = tempDir({ 'v.md': versionFile(`${BODY.replace('**Rezultate așteptate:** R.', '**Rezultate așteptate:** R.\n\nUn paragraf nelalocul lui.')}`), 'stdraft.config.yaml': DEMO_CONFIG, 'standards/.keep': '' });
    const result = await produce('render', ['v.md'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^stdraft: warning: v\.md has 1 problem \(stdraft validate shows them\); rendered as it is\n$/);
    expect(paragraphs((await readDocx(result.bytes!)).document).some((p) => p.text === 'Un paragraf nelalocul lui.')).toBe(true);
  });

  it('uses the workspace\'s own templates/NAME before the built-in one', async () => {
    const cwd = workspace({ 'templates/consultation/template.yaml': 'sections: [a.md.hbs]\n', 'templates/consultation/a.md.hbs': '# Șablonul meu\n\n{{standards}}\n' });
    const result = await produce('render', ['2015-09'], cwd);
    expect(result.stdout).toMatch(/template templates\/consultation\)/);
    expect(paragraphs((await readDocx(result.bytes!)).document)[0]!.text).toBe('Șablonul meu');
  });

  it('-o - writes the .docx bytes to stdout, and nothing as text', async () => {
    const r = await runCli(['render', '2016-02', '-o', '-'], { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = r.stdoutBytes!;
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    expect((await readDocx(bytes)).core).toContain('<cp:revision>2016-02</cp:revision>');
  });

  it('writes a relative output path inside the --cwd folder', async () => {
    const cwd = workspace();
    const result = await runCli(['render', '2015-09', '-o', 'proiect.docx'], { cwd });
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'proiect.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('replaces an existing output atomically', async () => {
    const outDir = tempDir({ 'x.docx': 'old' });
    const result = await runCli(['render', '2016-02', '-o', path.join(outDir, 'x.docx')], { cwd: ROOT });
    expect(result.code).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['x.docx']);
    expect(fs.readFileSync(path.join(outDir, 'x.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('export: the final gate', () => {
  it('refuses a version that is not final: exit 1, each reason listed, nothing written', async () => {
    const stderr = await refused(['export', '2016-02', '-o', 'OUT/x.docx'], ROOT, 1);
    expect(stderr).toBe(
      'stdraft: standards/vtp/2016-02.md cannot be exported as the final order (1 reason); nothing written:\n' +
        '  - standards/vtp/2016-02.md:5: Expected status final, found "consultation" (only a final version is exported; render makes the consultation draft)\n',
    );
  });

  it('refuses a final version with errors and pending observations that target it, listing each', async () => {
    const register = [
      'title: Observații',
      "date: '2016-05-01'",
      "from: '2016-04'",
      'comments:',
      '  - id: 1',
      '    target: S1.1',
      '    by: ADPARE',
      '    text: Termen prea scurt.',
      '    decision: pending',
      '  - id: 2',
      '    target: S1.1',
      '    by: DGASPC',
      '    text: De acord.',
      '    decision: accepted',
      '    response: Da.',
      '  - id: 3',
      "    target: '2015-09:S1.1'",
      '    by: DGASPC',
      '    text: Despre altă versiune.',
      '    decision: pending',
    ].join('\n');
    const cwd = workspace({ 'standards/t/comments/r.yaml': register }, { '2015-09': {}, '2016-04': { status: 'final' } });
    const file = path.join(cwd, 'standards/t/2016-04.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('**Rezultate așteptate:** R.', '**Rezultate așteptate:** R.\n\nUn paragraf nelalocul lui.'));
    const stderr = await refused(['export', '2016-04', '-o', 'OUT/x.docx'], cwd, 1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('stdraft: standards/t/2016-04.md cannot be exported as the final order (2 reasons); nothing written:');
    expect(lines[1]).toMatch(/^ {2}- standards\/t\/2016-04\.md:\d+:1: .*\(\S+\)$/);
    expect(lines[2]).toBe('  - standards/t/comments/r.yaml:5: Expected a decision on observation 1 (S1.1, by ADPARE), found pending (decide it: accepted, partially-accepted or rejected, with a response)');
    expect(lines).toHaveLength(3);
  });

  it('exports a final version once nothing is pending', async () => {
    const cwd = workspace({}, { '2016-04': { status: 'final' } });
    const result = await produce('export', ['2016-04'], cwd);
    expect(result.code).toBe(0);
    expect(result.bytes).not.toBeNull();
  });
});

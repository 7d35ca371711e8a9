/**
 * Hostile YAML in every YAML file stdraft reads — front matter, an observation register, stdraft.config.yaml
 * and template.yaml — each answered with one line naming the file and line (no library warning printed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../support/cli.js';
import { tempDir, VALID } from '../support/tmp.js';
import { readYaml } from '../../src/yaml/reader.js';

const BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';

/** Hostile YAML: a key line to add, the line it lands on (1 = first line of the YAML), what the message says. */
const CASES: { name: string; yaml: string; message: RegExp }[] = [
  { name: 'a self-referencing alias', yaml: 'x: &a [*a]\n', message: /alias \*a is inside the value it names/ },
  { name: '!!binary', yaml: 'x: !!binary aGVsbG8=\n', message: /the tag !!binary is not supported/ },
  { name: 'a custom tag', yaml: 'x: !foo bar\n', message: /the tag !foo is not supported/ },
  { name: 'a complex key', yaml: '? [a, b]\n: x\n', message: /a key that is a list, mapping or alias is not supported/ },
  { name: 'a duplicate key', yaml: 'title: again\n', message: /the key "title" appears twice/ },
];

function version(extra: string): string {
  return VALID.replace('lang: ro\n', `lang: ro\n${extra}`);
}

describe('the guarded YAML reader', () => {
  it('finds each hostile shape with its line, and reads ordinary YAML', () => {
    for (const c of CASES) {
      const read = readYaml(`title: t\n${c.yaml}`);
      expect(read.problem?.message, c.name).toMatch(c.message);
      expect(read.problem?.line, c.name).toBe(2);
    }
    expect(readYaml(BOMB).problem?.message).toMatch(/Excessive alias count/);
    expect(readYaml('a: 1\rb: 2\r').problem).toMatchObject({ line: 1, message: expect.stringMatching(/lone CR line endings/) }); // prettier-ignore
    expect(readYaml(`${'['.repeat(20_000)}${']'.repeat(20_000)}`).problem?.message).toMatch(/nested more than 500 levels/);
    expect(readYaml('a: &x 1\nb: *x\nc: [*x, *x]\n')).toMatchObject({ problem: null, data: { a: 1, b: 1, c: [1, 1] } });
  });

  it('checks 10,000 keys, and finds the duplicate among them, without the quadratic library check', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${i}: v`);
    expect(readYaml(keys.join('\n')).problem).toBeNull();
    expect(readYaml([...keys, 'k123: again'].join('\n')).problem).toMatchObject({ line: 10_001, message: 'the key "k123" appears twice in the same mapping (keys must be unique)' });
  });
});

describe('hostile YAML in each file, through the CLI: one line naming the file and line', () => {
  it('front matter (validate finds it; fmt refuses the file)', async () => {
    for (const c of CASES) {
      const dir = tempDir({ 'standards/demo/2015-09.md': version(c.yaml) });
      const v = await runCli(['validate', '--format', 'json', 'standards/demo/2015-09.md'], { cwd: dir });
      expect(v.code, c.name).toBe(1);
      const rows = JSON.parse(v.stdout) as { line: number; message: string }[];
      expect(rows[0], c.name).toMatchObject({ line: 7, message: expect.stringMatching(c.message) });
      const f = await runCli(['fmt', 'standards/demo/2015-09.md'], { cwd: dir });
      expect(f.code, c.name).toBe(2);
      expect(f.stderr, c.name).toMatch(new RegExp(`^stdraft: standards/demo/2015-09\\.md:7: Invalid YAML in front matter: ${c.message.source}`));
    }
  });

  it('an observation register', async () => {
    for (const c of CASES) {
      const register = `title: x\n${c.yaml}date: '2015-09-23'\nfrom: '2015-09'\ncomments: []\n`;
      const dir = tempDir({ 'standards/demo/2015-09.md': VALID, 'standards/demo/comments/c.yaml': register });
      const r = await runCli(['validate', '--format', 'json', 'standards/demo/comments/c.yaml'], { cwd: dir });
      expect(r.code, c.name).toBe(1);
      expect((JSON.parse(r.stdout) as { line: number; message: string }[])[0], c.name).toMatchObject({ line: 2, message: expect.stringMatching(c.message) });
    }
  });

  it('stdraft.config.yaml and template.yaml, and an alias bomb in each', async () => {
    for (const c of [...CASES, { name: 'an alias bomb', yaml: BOMB.replace(/^a:/, 'zz:').replace(/\*a/g, '*a'), message: /Excessive alias count/ }]) {
      const config = `title: x\n${c.yaml}`;
      const dir = tempDir({ 'standards/demo/2015-09.md': VALID, 'stdraft.config.yaml': config });
      const r = await runCli(['validate'], { cwd: dir });
      expect(r.code, c.name).toBe(2);
      expect(r.stderr, c.name).toMatch(new RegExp(`^stdraft: \\S*stdraft\\.config\\.yaml:\\d+: invalid YAML: ${c.message.source}`));
      expect(r.stderr.trim().split('\n'), c.name).toHaveLength(1);

      const tdir = tempDir({
        'standards/demo/2015-09.md': VALID,
        'tpl/template.yaml': `name: t\nsections: [body.md.hbs]\n${c.name === 'a duplicate key' ? 'name: again\n' : c.yaml}`.replace(/^title: again$/m, 'name: again'),
        'tpl/body.md.hbs': '{{title}}\n',
      });
      const t = await runCli(['render', '2015-09', '--template', './tpl', '-o', 'out.docx'], { cwd: tdir });
      expect(t.code, c.name).toBe(2);
      expect(t.stderr, c.name).toMatch(new RegExp(`^stdraft: tpl/template\\.yaml:\\d+: invalid YAML: ${c.message.source.replace('title', 'name')}`));
      expect(fs.existsSync(path.join(tdir, 'out.docx'))).toBe(false);
    }
  });

  it('prints no multi-line library warning (built CLI): complex keys, unknown tags, an alias bomb', () => {
    const dir = tempDir({
      'standards/demo/2015-09.md': version('? [a, b]\n: x\n'),
      'standards/demo/2016-02.md': version('x: !foo bar\n'),
      'standards/demo/comments/c.yaml': `title: x\n${BOMB}date: '2015-09-23'\nfrom: '2015-09'\ncomments: []\n`,
    });
    const r = spawnCli(['validate', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { file: string; line: number; message: string }[];
    expect(rows.map((x) => `${x.file}:${x.line} ${x.message}`).filter((m) => /YAML/.test(m))).toEqual([
      'standards/demo/2015-09.md:7 Invalid YAML in front matter: a key that is a list, mapping or alias is not supported (write a plain key: value)',
      'standards/demo/2016-02.md:7 Invalid YAML in front matter: the tag !foo is not supported (write plain text, numbers, lists and mappings)',
      'standards/demo/comments/c.yaml:1 Invalid YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });
});

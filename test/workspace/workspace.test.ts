import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findWorkspaceRoot, listSets, openWorkspace, readConfig, resolveDocument, resolveSet } from '../../src/workspace/index.js';
import { VALID, tempDir } from '../support/tmp.js';
import { failure as error } from '../support/errors.js';


const v = (name: string) => VALID.replace("'2015-09'", `'${name}'`);

describe('workspace', () => {
  it('is found from any folder below the one holding standards/', () => {
    const dir = tempDir({ 'standards/a/2015-09.md': v('2015-09'), 'docs/deep/er/x.txt': '' });
    expect(findWorkspaceRoot(path.join(dir, 'docs/deep/er'))).toBe(dir);
    expect(findWorkspaceRoot(dir)).toBe(dir);
  });

  it('lists sets, versions in order, translations and registers', () => {
    const dir = tempDir({
      'standards/vtp/2016-02.md': v('2016-02'),
      'standards/vtp/2015-09.md': v('2015-09'),
      'standards/vtp/2016-02.en.md': v('2016-02'),
      'standards/vtp/README.md': '# notes',
      'standards/vtp/comments/2015-09-workshop.yaml': 'title: x\n',
      'standards/vtp/comments/notes.txt': '',
      'standards/copii/2020-01.md': v('2020-01'),
    });
    const sets = listSets(openWorkspace(dir));
    expect(sets.map((s) => s.name)).toEqual(['copii', 'vtp']);
    const vtp = sets[1]!;
    expect(vtp.versions.map((x) => x.name)).toEqual(['2015-09', '2016-02']);
    expect(vtp.translations.map((x) => `${x.name}.${x.lang}`)).toEqual(['2016-02.en']);
    expect(vtp.registers.map((r) => path.basename(r))).toEqual(['2015-09-workshop.yaml']);
  });

  it('chooses the only set, the named one, or the config default; otherwise says which exist', () => {
    const one = tempDir({ 'standards/vtp/2015-09.md': v('2015-09') });
    expect(resolveSet(openWorkspace(one)).name).toBe('vtp');
    const two = tempDir({ 'standards/vtp/2015-09.md': v('2015-09'), 'standards/copii/2020-01.md': v('2020-01') });
    expect(resolveSet(openWorkspace(two), 'copii').name).toBe('copii');
    expect(error(() => resolveSet(openWorkspace(two))).oneLine()).toBe('several standards sets and none named (name one with --set: copii, vtp)');
    expect(error(() => resolveSet(openWorkspace(two), 'nope')).oneLine()).toMatch(/^unknown set "nope" in .* \(sets: copii, vtp\)$/);
    fs.writeFileSync(path.join(two, 'stdraft.config.yaml'), 'default-set: vtp\n');
    expect(resolveSet(openWorkspace(two)).name).toBe('vtp');
  });

  it('resolves a version name, a path, and git REV:path', () => {
    const dir = tempDir({ 'standards/vtp/2015-09.md': v('2015-09'), 'loose/draft.md': v('2015-09') });
    const ws = openWorkspace(dir);
    const byName = resolveDocument('2015-09', { cwd: dir, ws });
    expect(byName).toMatchObject({ label: 'standards/vtp/2015-09.md', version: '2015-09' });
    expect(byName.set?.name).toBe('vtp');
    const byPath = resolveDocument('loose/draft.md', { cwd: dir, ws });
    expect(byPath).toMatchObject({ label: 'loose/draft.md', version: 'draft' });
    expect(error(() => resolveDocument('2099-01', { cwd: dir, ws })).oneLine()).toBe('unknown version "2099-01" in set vtp (versions: 2015-09)');
    expect(error(() => resolveDocument('missing/file.md', { cwd: dir, ws })).oneLine()).toBe('missing/file.md: file not found (check the path, or give a version name such as 2016-02)');

    expect(error(() => resolveDocument('HEAD:standards/vtp/2015-09.md', { cwd: dir, ws })).oneLine()).toMatch(/not inside a git repository/);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'first');
    fs.writeFileSync(path.join(dir, 'standards/vtp/2015-09.md'), v('2015-09').replace('Ghidul', 'Manualul'));
    const old = resolveDocument('HEAD:standards/vtp/2015-09.md', { cwd: dir, ws });
    expect(old.label).toBe('HEAD:standards/vtp/2015-09.md');
    expect(old.file).toBeNull();
    expect(Buffer.from(old.bytes).toString()).toContain('Ghidul');
    expect(error(() => resolveDocument('nosuchrev:standards/vtp/2015-09.md', { cwd: dir, ws })).oneLine()).toMatch(
      /^nosuchrev:standards\/vtp\/2015-09\.md: git could not read it: .*\(check the revision/,
    );
  });
});

describe('config (stdraft.config.yaml)', () => {
  it('reads severities, the default set and the author, and keeps the rest for templates', () => {
    const dir = tempDir({ 'stdraft.config.yaml': 'default-set: vtp\nauthor: Atelierul de lucru\nrules:\n  typography-quotes: off\ncontact:\n  email: x@y.ro\n' });
    const config = readConfig(path.join(dir, 'stdraft.config.yaml'));
    expect(config).toMatchObject({ defaultSet: 'vtp', author: 'Atelierul de lucru', rules: { 'typography-quotes': 'off' } });
    expect(config.data['contact']).toEqual({ email: 'x@y.ro' });
  });

  it('refuses invalid YAML and wrong values with the file and line', () => {
    const dir = tempDir({ 'bad.yaml': 'rules:\n  x: [\n', 'sev.yaml': 'rules:\n  x: loud\n', 'list.yaml': '- a\n' });
    expect(error(() => readConfig(path.join(dir, 'bad.yaml'))).line).toBeGreaterThan(0);
    expect(error(() => readConfig(path.join(dir, 'sev.yaml'))).message).toBe('rules.x: Expected off, warning or error, found "loud"');
    expect(error(() => readConfig(path.join(dir, 'list.yaml'))).message).toBe('expected a mapping of options (key: value)');
  });
});

#!/usr/bin/env node
// Hostile YAML and XML shapes, linear in their size: front matter, a register and stdraft.config.yaml with
// 20,000 / 40,000 / 80,000 keys, and a reference .docx whose styles part repeats `<w:style ` 40,000 / 80,000 /
// 160,000 times, and 1,000 / 2,000 / 4,000 real styles (more than 5,000 are refused). Each shape is run through the built CLI at three sizes;
// a fourfold input must take less than 6 times as long (linear: 4x; quadratic: 16x) and peak memory stays under 512 MB.
// Exits 1 when a shape grows faster than linearly. Run `npm run build` first.
//
//   node bench/hostile-yaml-xml.js
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'stdraft.js');
const VALID = fs.readFileSync(path.join(root, 'standards/vtp/2015-09.md'), 'utf8');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MEMORY_LIMIT_KB = 512 * 1024;

function workspace(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdraft-bench-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const keys = (n, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}: v${i}`).join('\n');

const SHAPES = [
  {
    name: 'front matter, N keys (validate)',
    sizes: [20_000, 40_000, 80_000],
    make: (n) => ({ files: { 'standards/vtp/2015-09.md': VALID.replace('lang: ro\n', `lang: ro\n${keys(n)}\n`) }, args: ['validate', 'standards/vtp/2015-09.md'] }),
  },
  {
    name: 'register, N keys (validate)',
    sizes: [20_000, 40_000, 80_000],
    make: (n) => ({
      files: { 'standards/vtp/2015-09.md': VALID, 'standards/vtp/comments/c.yaml': `title: x\ndate: '2015-09-23'\nfrom: '2015-09'\n${keys(n)}\ncomments: []\n` },
      args: ['validate', 'standards/vtp/comments/c.yaml'],
    }),
  },
  {
    name: 'stdraft.config.yaml, N keys (versions)',
    sizes: [20_000, 40_000, 80_000],
    make: (n) => ({ files: { 'standards/vtp/2015-09.md': VALID, 'stdraft.config.yaml': `${keys(n)}\n` }, args: ['versions'] }),
  },
  {
    name: 'reference styles part, N unclosed `<w:style ` (render)',
    sizes: [40_000, 80_000, 160_000],
    make: (n) => referenceWorkspace(`<w:styles ${W}>${'<w:style '.repeat(n)}`),
  },
  {
    name: 'reference styles part, N real styles (render; over 5,000 refused)',
    sizes: [1_000, 2_000, 4_000],
    make: (n) => referenceWorkspace(`<w:styles ${W}>${Array.from({ length: n }, (_, i) => `<w:style w:type="paragraph" w:styleId="S${i}"><w:name w:val="s${i}"/></w:style>`).join('')}</w:styles>`),
  },
];

function referenceWorkspace(styles) {
  return {
    files: {
      'standards/vtp/2015-09.md': VALID,
      'tpl/template.yaml': 'reference-docx: ref.docx\nsections: [a.md.hbs]\n',
      'tpl/a.md.hbs': '{{title}}\n\n{{standards}}\n',
      'tpl/ref.docx': zipSync({ 'word/styles.xml': strToU8(styles) }),
    },
    args: ['render', '2015-09', '--template', './tpl', '-o', 'out.docx'],
  };
}

function measure({ files, args }) {
  const dir = workspace(files);
  const out = path.join(dir, '.time');
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, bin, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const kb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop());
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, kb, code: r.status, stderr: (r.stderr ?? '').split('\n')[0] };
}

let failed = false;
for (const shape of SHAPES) {
  const rows = shape.sizes.map((n) => ({ n, ...measure(shape.make(n)) }));
  console.log(`\n${shape.name}`);
  for (const r of rows) console.log(`  N=${String(r.n).padStart(7)}  ${r.ms.toFixed(0).padStart(6)} ms  ${(r.kb / 1024).toFixed(0).padStart(5)} MB  exit ${r.code}  ${r.stderr}`);
  // Start-up (~0.3 s) is the same at every size: compare the growth of what is above it.
  const base = Math.max(0, rows[0].ms - 300);
  const last = Math.max(0, rows[rows.length - 1].ms - 300);
  const ratio = base > 50 ? last / base : 1;
  const linear = ratio < 6; // a fourfold input: ~4x when linear, 16x when quadratic
  const memory = rows.every((r) => r.kb < MEMORY_LIMIT_KB);
  console.log(`  growth over 4x input: ${ratio.toFixed(1)}x ${linear ? '(linear)' : '(FASTER THAN LINEAR)'}; memory ${memory ? 'under' : 'OVER'} 512 MB`);
  if (!linear || !memory) failed = true;
}
process.exitCode = failed ? 1 : 0;

#!/usr/bin/env node
// The hostile-shapes section of the benchmark: every command on each shape of test/support/shapes.js (one
// huge paragraph, unclosed and long code fences, entities, indented code, setext headings, lists nested by
// indentation, backtick runs, long tables, runs of spaces, deep one-line nesting) at two sizes. Asserts that
// the time grows at most about linearly with the input (the larger size's wall time at most 1.5× the input
// ratio times the smaller's) and that peak memory stays a small multiple of the input (under 160 MB + 12× the
// input, counting both versions for diff and compare, and under 512 MB up to 6.5 MB a version). Prints a table, writes bench/shapes.md, exits 1 when an assertion fails.
//
//   node bench/shapes.js             (or npm run bench -- --shapes)
//   node bench/shapes.js --quick     sizes divided by four
//   node bench/shapes.js --only=setext,paragraph
//   node bench/shapes.js --commands=validate,fmt
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES, revised, shape } from '../test/support/shapes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'stdraft.js');
const argv = process.argv.slice(2);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = argv.includes('--quick');
const only = option('only')?.split(',');
const commandNames = option('commands')?.split(',');

/** Two sizes per shape, in characters: large enough that start-up does not hide the growth. */
const SIZES = {
  paragraph: [1_500_000, 6_000_000],
  'paragraph-lines': [1_500_000, 6_000_000],
  'nested-list': [250_000, 1_000_000],
  'one-line-nesting': [2_000, 2_000],
};
const DEFAULT_SIZES = [500_000, 2_000_000];

const COMMANDS = {
  validate: ['validate', '2016-02'],
  fmt: ['fmt', '--check', 'standards/vtp/2016-02.md'],
  diff: ['diff', '2016-02', '2016-04', '--format', 'json'],
  render: ['render', '2016-02', '-o', 'out/render.docx'],
  redline: ['compare', '2016-02', '2016-04', '--layout', 'redline', '-o', 'out/redline.docx'],
  synoptic: ['compare', '2016-02', '2016-04', '--layout', 'synoptic', '-o', 'out/synoptic.docx'],
};

const TIMEOUT_MS = 120_000;
const GROWTH_SLACK = 1.5;
/** Peak memory allowed for `bytes` of input (diff and compare read two versions of that size). */
const memoryBound = (bytes, command) => {
  const input = ['diff', 'redline', 'synoptic'].includes(command) ? 2 * bytes : bytes;
  return Math.min(160 + (12 * input) / 1e6, bytes <= 6.5e6 ? 512 : Infinity);
};

function workspace(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdraft-shapes-'));
  fs.mkdirSync(path.join(dir, 'standards', 'vtp'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'out'));
  fs.copyFileSync(path.join(root, 'stdraft.config.yaml'), path.join(dir, 'stdraft.config.yaml'));
  fs.writeFileSync(path.join(dir, 'standards', 'vtp', '2016-02.md'), text);
  fs.writeFileSync(path.join(dir, 'standards', 'vtp', '2016-04.md'), revised(text));
  return dir;
}

/** One run under GNU time: wall seconds, peak resident MB, exit code and the first line of stderr. */
function run(args, cwd) {
  const report = path.join(os.tmpdir(), `stdraft-shapes-time-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', report, process.execPath, bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: TIMEOUT_MS, maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let rssMb = NaN;
  try {
    rssMb = Number(fs.readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024;
  } catch {
    // no report
  }
  const stderr = String(r.stderr ?? '');
  const crashed = r.status === null || r.status > 2 || /\n\s+at /.test(stderr);
  return { wall, rssMb, code: r.status, crashed, timedOut: r.status === null, message: stderr.trim().split('\n')[0]?.slice(0, 120) ?? '' };
}

if (!fs.existsSync('/usr/bin/time')) {
  process.stderr.write('bench/shapes.js needs GNU time (/usr/bin/time): apt-get install time\n');
  process.exit(2);
}
spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });

const rows = [];
const failures = [];
for (const name of Object.keys(SHAPES)) {
  if (only && !only.includes(name)) continue;
  const sizes = (SIZES[name] ?? DEFAULT_SIZES).map((s) => (quick ? Math.ceil(s / 4) : s));
  const results = sizes.map((size) => {
    const text = shape(name, size);
    const dir = workspace(text);
    process.stderr.write(`${name} at ${(text.length / 1e6).toFixed(2)} MB…\n`);
    const measured = {};
    for (const [command, args] of Object.entries(COMMANDS)) {
      if (commandNames && !commandNames.includes(command)) continue;
      measured[command] = run(args, dir);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return { bytes: Buffer.byteLength(text), measured };
  });
  const [small, large] = results;
  for (const command of Object.keys(small.measured)) {
    const a = small.measured[command];
    const b = large.measured[command];
    const inputRatio = large.bytes / small.bytes;
    const growth = b.wall / a.wall;
    const problems = [];
    for (const [r, bytes] of [[a, small.bytes], [b, large.bytes]]) {
      if (r.timedOut) problems.push(`stopped after ${TIMEOUT_MS / 1000} s`);
      else if (r.crashed) problems.push(`crashed (exit ${r.code}): ${r.message}`);
      if (r.rssMb > memoryBound(bytes, command)) problems.push(`${Math.round(r.rssMb)} MB over ${Math.round(memoryBound(bytes, command))} MB`);
    }
    if (inputRatio > 1.5 && growth > GROWTH_SLACK * inputRatio) problems.push(`time grew ${growth.toFixed(1)}× for ${inputRatio.toFixed(1)}× the input`);
    for (const p of problems) failures.push(`${name} ${command}: ${p}`);
    rows.push({ name, command, small, large, a, b, growth, inputRatio, ok: problems.length === 0 });
  }
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const cell = (r) => `${r.wall.toFixed(2)} s, ${Math.round(r.rssMb)} MB, exit ${r.code}`;
const lines = [
  '# Hostile shapes',
  '',
  `Generated by \`npm run bench -- --shapes${argv.length > 0 ? ` ${argv.join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} cores.`,
  'Each shape of test/support/shapes.js at two sizes through every command: wall time, peak resident memory and exit code',
  '(1: findings; 2: a one-line error). Asserted: no crash or time-out, time growth at most 1.5× the input ratio,',
  'peak memory under 160 MB + 12× the input (both versions for diff and compare; and under 512 MB up to 6.5 MB a version).',
  '',
  '| shape | command | smaller | larger | growth (input) | ok |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${r.command} | ${mb(r.small.bytes)}: ${cell(r.a)} | ${mb(r.large.bytes)}: ${cell(r.b)} | ${r.growth.toFixed(2)}× (${r.inputRatio.toFixed(1)}×) | ${r.ok ? 'yes' : '**no**'} |`),
  '',
  failures.length === 0 ? 'Every assertion held.' : `Failed:\n\n${failures.map((f) => `- ${f}`).join('\n')}`,
  '',
];
const report = lines.join('\n');
process.stdout.write(report);
fs.writeFileSync(path.join(root, 'bench', 'shapes.md'), report);
process.exitCode = failures.length === 0 ? 0 : 1;

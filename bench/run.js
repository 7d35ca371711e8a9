#!/usr/bin/env node
// `npm run bench`: wall time (median of several runs) and peak memory of stdraft's commands on generated
// standards of about 70 KB, 1.3 MB and 5.3 MB, side by side with the tools users would otherwise reach for
// (pandoc, markdownlint-cli2, git diff --word-diff, pandiff) on the same files. Missing peers are installed
// here (apt-get for pandoc and GNU time; npm into .bench-cache/ for the Node tools), never as project
// dependencies. Prints a table and writes bench/results.md.
//
//   npm run bench                 all sizes
//   npm run bench -- --quick      the two smaller sizes, fewer runs
//   npm run bench -- --no-peers   stdraft only
//   npm run bench -- --import     only `stdraft import` of the ~1.3 MB document (published text and Word)
//   npm run bench -- --only diff,compare --sizes 400,1600
//                                 only the tasks named (`compare` is both layouts), at the sizes named; prints
//                                 the table without writing bench/results.md (a partial run)
//   npm run bench -- --shapes     only the hostile shapes (bench/shapes.js; its options follow)
//   npm run bench -- --no-shapes  without them (they run last otherwise, and write bench/shapes.md)
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { generateStructure, printStructure, rng } from '../test/support/generator.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'stdraft.js');
const cache = path.join(root, '.bench-cache');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const importOnly = args.has('--import');
const valueOf = (name) => {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1].split(',') : null;
};
const only = valueOf('--only');
const sizes = valueOf('--sizes')?.map(Number) ?? null;
const withPeers = !args.has('--no-peers') && only === null && !importOnly;
const wanted = (task) => only === null || only.some((t) => task === t || task.startsWith(`${t} `));

if (args.has('--shapes')) {
  // The hostile-shapes section alone: bench/shapes.js reads the same arguments.
  const result = spawnSync(process.execPath, [path.join(root, 'bench', 'shapes.js'), ...process.argv.slice(2).filter((a) => a !== '--shapes')], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const SIZES = importOnly ? [400] : sizes ?? (quick ? [20, 400] : [20, 400, 1600]);
const RUNS = { 20: quick ? 3 : 7, 400: quick ? 2 : 5, 1600: 3 };

function log(message) {
  process.stderr.write(`${message}\n`);
}

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// ---------------------------------------------------------------- peers
function ensurePeers() {
  const apt = [];
  if (!fs.existsSync('/usr/bin/time')) apt.push('time');
  if (withPeers && !have('pandoc')) apt.push('pandoc');
  if (apt.length > 0) {
    if (process.getuid?.() === 0 && have('apt-get')) {
      log(`installing ${apt.join(' ')} with apt-get…`);
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
      spawnSync('apt-get', ['install', '-y', '-qq', ...apt], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } else {
      log(`missing ${apt.join(' ')} (install them to measure them)`);
    }
  }
  const peers = {};
  if (!withPeers) return peers;
  const npmPeers = { 'markdownlint-cli2': '0.24.1', pandiff: '0.6.0' };
  const prefix = path.join(cache, 'peers');
  const missing = Object.entries(npmPeers).filter(([name]) => !fs.existsSync(path.join(prefix, 'node_modules', name)));
  if (missing.length > 0) {
    log(`installing ${missing.map(([n, v]) => `${n}@${v}`).join(' ')} into .bench-cache/peers…`);
    fs.mkdirSync(prefix, { recursive: true });
    spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', ...missing.map(([n, v]) => `${n}@${v}`)], { stdio: 'ignore' });
  }
  const binOf = (name) => path.join(prefix, 'node_modules', '.bin', name);
  if (have('pandoc')) peers.pandoc = 'pandoc';
  if (fs.existsSync(binOf('markdownlint-cli2'))) peers.markdownlint = binOf('markdownlint-cli2');
  if (fs.existsSync(binOf('pandiff')) && peers.pandoc) peers.pandiff = binOf('pandiff');
  if (have('git')) peers.git = 'git';
  return peers;
}

// ---------------------------------------------------------------- data
/** A revised version: a standard inserted at the start of module I (every later one renumbers) and about 1 in 12 requirements reworded. */
function revise(structure, seed) {
  const r = rng(seed);
  const next = structuredClone(structure);
  next.meta = { ...next.meta, version: '2016-02', date: '2016-02-16', status: 'consultation', supersedes: '2015-09' };
  const inserted = structuredClone(next.modules[0].standards[0]);
  inserted.title = 'Evaluarea inițială a riscurilor';
  inserted.statement = 'Centrul evaluează riscurile la care este expus beneficiarul în primele 24 de ore de la admitere.';
  for (const q of inserted.requirements) q.blocks = [`Managerul de caz completează fișa de evaluare a riscurilor (${r.int(1, 9999)}).`];
  next.modules[0].standards.unshift(inserted);
  for (const module of next.modules) {
    for (const standard of module.standards) {
      for (const q of standard.requirements) {
        if (r.chance(1 / 12)) q.blocks[0] = q.blocks[0].replace(/\.$/, `, cu avizul coordonatorului centrului (${r.int(1, 99)}).`);
      }
    }
  }
  return next;
}

function makeWorkspace(standards) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stdraft-bench-${standards}-`));
  const set = path.join(dir, 'standards', 'bench');
  fs.mkdirSync(set, { recursive: true });
  const a = generateStructure(20260101 + standards, {
    standards,
    issuer: 'Agenția Națională împotriva Traficului de Persoane',
    legalBasis: ['Legea nr. 678/2001 privind prevenirea și combaterea traficului de persoane'],
  });
  const b = revise(a, standards);
  const textA = printStructure(a);
  const textB = printStructure(b);
  fs.writeFileSync(path.join(set, '2015-09.md'), textA);
  fs.writeFileSync(path.join(set, '2016-02.md'), textB);
  // The bundled config holds the values the consultation template needs (contact, legal basis of the order).
  const config = fs.readFileSync(path.join(root, 'stdraft.config.yaml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'stdraft.config.yaml'), `default-set: bench\n${config}`);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return { dir, a: path.join(set, '2015-09.md'), b: path.join(set, '2016-02.md'), bytes: Buffer.byteLength(textA) };
}

/** `count` services' grids of 2016-02 (CSV), filled from a fixed draw, in grids/. */
function makeFilledGrids(dir, count) {
  const csv = execFileSync(process.execPath, [bin, 'checklist', '2016-02'], { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const rows = parseCsv(csv, { bom: true, relax_column_count: true });
  const words = ['îndeplinit', 'îndeplinit', 'îndeplinit', 'parțial', 'neîndeplinit', 'nu se aplică'];
  fs.mkdirSync(path.join(dir, 'grids'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const r = rng(1000 + i);
    const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const lines = rows.map((cells) => {
      const out = [...cells];
      if (out[2] && out[2] !== 'Cerința') out[6] = r.pick(words);
      if (out[0] === 'Serviciul evaluat') out[3] = `Serviciul ${i + 1}`;
      return out.map(quote).join(',');
    });
    fs.writeFileSync(path.join(dir, 'grids', `serviciul-${i + 1}.csv`), `${lines.join('\r\n')}\r\n`);
  }
}

/**
 * The Markdown as a legislation portal prints it: no heading marks, labels in plain text, indicators as
 * paragraphs after "Indicatori:" (what `stdraft import` reads from a copied order).
 */
function publishedText(markdown) {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((line) => !/^\|(?: ?:?-+:? ?\|)+$/.test(line))
    .map((line) => (line.startsWith('|') ? line.slice(1, -1).split('|').map((c) => c.trim()).join('\t') : line))
    .map((line) => line.replace(/^#{1,3} /, '').replace(/^\*\*([^*]+)\*\*/, '$1').replace(/^- /, ''))
    .join('\n');
}

// ---------------------------------------------------------------- measuring
/** One run under GNU time: wall seconds and peak resident memory in MB; null when the command failed. */
function measureOnce(command, argv, cwd, timeoutMs) {
  const out = path.join(os.tmpdir(), `stdraft-bench-time-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, command, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = result.status !== null && result.status <= 1;
  let rssMb = NaN;
  try {
    rssMb = Number(fs.readFileSync(out, 'utf8').trim().split('\n').pop()) / 1024;
  } catch {
    // no report
  }
  if (!ok) {
    const timedOut = result.error?.code === 'ETIMEDOUT' || result.signal !== null;
    return { wall, rssMb, failed: timedOut ? `stopped after ${Math.round(timeoutMs / 1000)} s` : `exit ${result.status}: ${String(result.stderr).trim().split('\n')[0]}` };
  }
  return { wall, rssMb };
}

function measure(command, argv, cwd, runs, timeoutMs = 120_000) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = measureOnce(command, argv, cwd, timeoutMs);
    if (s.failed) return { failed: s.failed, wall: s.wall };
    samples.push(s);
    if (s.wall > 30) break; // one run is enough for slow peers
  }
  const walls = samples.map((s) => s.wall).sort((x, y) => x - y);
  return { wall: walls[Math.floor(walls.length / 2)], rssMb: Math.max(...samples.map((s) => s.rssMb)), runs: samples.length };
}

// ---------------------------------------------------------------- the run
const peers = ensurePeers();
spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });

const node = process.execPath;
const rows = [];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'stdraft-bench-out-'));

// Start-up times are a few tens of milliseconds: the two are measured in turns, so that a busy moment of the
// machine weighs on both alike.
const startup = { baseline: [], version: [] };
for (let i = 0; i < (importOnly ? 0 : 21); i++) {
  startup.baseline.push(measureOnce(node, ['-e', '0'], root, 10_000));
  startup.version.push(measureOnce(node, [bin, '--version'], root, 10_000));
}
const median = (samples) => {
  const walls = samples.map((s) => s.wall).sort((x, y) => x - y);
  return { wall: walls[Math.floor(walls.length / 2)], rssMb: Math.max(...samples.map((s) => s.rssMb)), runs: samples.length };
};
const baseline = median(startup.baseline);
const version = median(startup.version);
if (!importOnly) {
  rows.push({ task: 'startup', tool: 'node -e 0', size: '-', ...baseline });
  rows.push({ task: 'startup', tool: 'stdraft --version', size: '-', ...version });
}

for (const standards of SIZES) {
  const ws = makeWorkspace(standards);
  const size = `${(ws.bytes / 1e6).toFixed(2)} MB`;
  const runs = RUNS[standards] ?? 3;
  log(`measuring ${standards} standards (${size})…`);
  const stdraft = (task, argv) => wanted(task) && rows.push({ task, tool: 'stdraft', standards, size, ...measure(node, [bin, ...argv], ws.dir, runs) });
  const peer = (task, tool, command, argv, timeoutMs) => wanted(task) && rows.push({ task, tool, standards, size, ...measure(command, argv, ws.dir, standards >= 1600 ? 1 : Math.min(runs, 3), timeoutMs) });

  // Import: the document as a portal prints it, and as the rendered Word draft (target < 2 s each at ~1.3 MB).
  const publishedFile = path.join(out, `published-${standards}.txt`);
  fs.writeFileSync(publishedFile, publishedText(fs.readFileSync(ws.b, 'utf8')));
  const importedDocx = path.join(out, `import-${standards}.docx`);
  spawnSync(node, [bin, 'render', '2016-02', '-o', importedDocx], { cwd: ws.dir, stdio: 'ignore' });
  stdraft('import text', ['import', publishedFile, '-o', path.join(out, `imported-text-${standards}.md`), '--force']);
  stdraft('import docx', ['import', importedDocx, '-o', path.join(out, `imported-docx-${standards}.md`), '--force']);
  if (importOnly) {
    fs.rmSync(ws.dir, { recursive: true, force: true });
    continue;
  }
  stdraft('validate', ['validate', '2016-02']);
  if (peers.markdownlint) peer('validate', 'markdownlint-cli2', peers.markdownlint, [ws.b]);
  stdraft('diff', ['diff', '2015-09', '2016-02', '--format', 'json']);
  if (peers.git) peer('diff', 'git diff --word-diff', 'git', ['diff', '--no-index', '--word-diff', ws.a, ws.b]);
  stdraft('render', ['render', '2016-02', '-o', path.join(out, `render-${standards}.docx`)]);
  if (peers.pandoc) peer('render', 'pandoc', 'pandoc', [ws.b, '-o', path.join(out, `pandoc-${standards}.docx`)]);
  stdraft('compare redline', ['compare', '2015-09', '2016-02', '--layout', 'redline', '-o', path.join(out, `redline-${standards}.docx`)]);
  if (peers.pandiff && standards <= 20) peer('compare redline', 'pandiff', peers.pandiff, [ws.a, ws.b, '-o', path.join(out, `pandiff-${standards}.docx`)], 120_000); // over 300 s at 1.3 MB
  stdraft('compare synoptic', ['compare', '2015-09', '2016-02', '--layout', 'synoptic', '-o', path.join(out, `synoptic-${standards}.docx`)]);
  stdraft('site', ['site', '-o', path.join(out, `site-${standards}`)]);
  stdraft('checklist xlsx', ['checklist', '2016-02', '-o', path.join(out, `grid-${standards}.xlsx`)]);
  makeFilledGrids(ws.dir, 10);
  stdraft('evaluate 10 grids', ['evaluate', 'grids', '--version', '2016-02', '-o', path.join(out, `evaluate-${standards}.docx`)]);
  fs.rmSync(ws.dir, { recursive: true, force: true });
}
fs.rmSync(out, { recursive: true, force: true });

// ---------------------------------------------------------------- report
const fmt = (r) => (r.failed ? `failed (${r.failed})` : `${r.wall.toFixed(3)} s`);
const mem = (r) => (r.failed || Number.isNaN(r.rssMb) ? '' : `${Math.round(r.rssMb)} MB`);
const find = (task, tool, standards) => rows.find((r) => r.task === task && r.tool === tool && r.standards === standards);
const lines = [];
lines.push('# Benchmark results', '');
lines.push(`Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}.`);
lines.push('Wall time is the median of several runs; memory is the peak resident set size.', '');
if (!importOnly) lines.push(`Startup: \`node -e 0\` ${fmt(baseline)}, \`stdraft --version\` ${fmt(version)} (${(version.wall / baseline.wall).toFixed(2)}× node; target ≤ 1.3×).`, '');
lines.push('| task | tool | standards | size | wall | peak memory | vs stdraft | growth from previous size |');
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows.filter((x) => x.task !== 'startup')) {
  const ours = find(r.task, 'stdraft', r.standards);
  const ratio = r.tool !== 'stdraft' && ours && !ours.failed && !r.failed ? `${(r.wall / ours.wall).toFixed(1)}×` : '';
  const prevSize = SIZES[SIZES.indexOf(r.standards) - 1];
  const prev = prevSize ? find(r.task, r.tool, prevSize) : null;
  const growth = prev && !prev.failed && !r.failed ? `${(r.wall / prev.wall).toFixed(2)}× (input ${(r.size.replace(' MB', '') / prev.size.replace(' MB', '')).toFixed(1)}×)` : '';
  lines.push(`| ${r.task} | ${r.tool} | ${r.standards} | ${r.size} | ${fmt(r)} | ${mem(r)} | ${ratio} | ${growth} |`);
}
lines.push('', 'Targets (2 cores): on the ~1.3 MB document validate < 1.5 s, diff < 2 s, render ≤ 0.5× pandoc, each compare layout < 4 s, import (text and Word) < 2 s each;');
lines.push('growth from ~1.3 MB to ~5.3 MB at most 4.5× for every command; peak memory under 512 MB on the largest document.', '');
const report = `${lines.join('\n')}\n`;
process.stdout.write(report);
if (importOnly || only !== null || sizes !== null) {
  log('a partial run: bench/results.md left as it is');
} else {
  fs.writeFileSync(path.join(root, 'bench', 'results.md'), report);
  log('wrote bench/results.md');
}
if (!args.has('--no-shapes') && !importOnly && only === null && sizes === null) {
  const shapes = spawnSync(node, [path.join(root, 'bench', 'shapes.js'), ...(quick ? ['--quick'] : [])], { stdio: ['ignore', 'ignore', 'inherit'] });
  log(shapes.status === 0 ? 'wrote bench/shapes.md' : 'hostile shapes: an assertion failed (see bench/shapes.md)');
  if (shapes.status !== 0) process.exitCode = 1;
}

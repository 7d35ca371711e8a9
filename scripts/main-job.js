#!/usr/bin/env node
// `npm start`: the main job on the bundled standards, run through the real CLI as a user would.
// Each step prints the command it runs; outputs go to out/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/stdraft.js', import.meta.url));
mkdirSync(new URL('../out/', import.meta.url), { recursive: true });

let failed = 0;
function step(title, args, { expect = [0] } = {}) {
  process.stdout.write(`\n== ${title}\n$ stdraft ${args.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')}\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (!expect.includes(result.status)) {
    failed++;
    process.stdout.write(`!! exit code ${result.status}, expected ${expect.join(' or ')}\n`);
  }
  return result.status;
}

step('The versions of the bundled standards set', ['versions', 'vtp']);
step('Are the versions in canonical form?', ['fmt', '--check']);

// Validation of every version and register. The 2015-09 draft keeps the slips real drafts have (cedilla
// diacritics, requirements without indicators, a broken reference, a dash enumeration): exit 1 is expected
// there; the later versions and the registers must have no finding.
step('Validate the 2015-09 draft (its deliberate slips are expected: exit 1)', ['validate', 'standards/vtp/2015-09.md'], { expect: [1] });
step('Validate the 2016-02 and 2016-04 versions and the observation registers', ['validate', 'standards/vtp/2016-02.md', 'standards/vtp/2016-04.md', 'standards/vtp/comments']);

// The legal officer's Word documents: the consultation draft of the newest version not yet final, and the
// final order of the newest final version (export refuses, exit 1, a version that is not ready).
{
  const listing = spawnSync(process.execPath, [bin, 'versions', 'vtp', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  const versions = listing.status === 0 ? JSON.parse(listing.stdout).versions : [];
  const draft = versions.filter((v) => v.status !== 'final').at(-1);
  const final = versions.filter((v) => v.status === 'final').at(-1);
  if (!draft || !final) {
    failed++;
    process.stdout.write('\n!! could not find a draft and a final version of vtp (stdraft versions vtp --format json)\n');
  } else {
    step(`The consultation draft of ${draft.version} in Word (PROIECT, line-numbered annex)`, ['render', draft.version, '--set', 'vtp', '-o', `out/proiect-${draft.version}.docx`]);
    step(`The final order of ${final.version} in Word`, ['export', final.version, '--set', 'vtp', '-o', `out/ordin-${final.version}.docx`]);
  }
}

// What changed between workshop versions: each version against the one it supersedes, as TO's text with
// CriticMarkup marks (accept them all: TO; reject them all: FROM), in out/diff-FROM-TO.md.
{
  const listing = spawnSync(process.execPath, [bin, 'versions', 'vtp', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  const versions = listing.status === 0 ? JSON.parse(listing.stdout).versions : [];
  const pairs = versions.filter((v) => v.supersedes && versions.some((w) => w.version === v.supersedes));
  if (pairs.length === 0) {
    failed++;
    process.stdout.write('\n!! no version of vtp supersedes another (stdraft versions vtp --format json)\n');
  }
  for (const v of pairs) {
    step(`What changed from ${v.supersedes} to ${v.version} (CriticMarkup)`, ['diff', v.supersedes, v.version, '--set', 'vtp', '--format', 'markdown', '-o', `out/diff-${v.supersedes}-${v.version}.md`]);
  }
}

// The workshop's comparison drafts: for each version and the one it supersedes, the synoptic table (Word,
// and one HTML page for projecting) with the observations of the register on the older version, and the
// redline (tracked changes: accept them all, TO; reject them all, FROM); then the report on each register.
{
  const listing = spawnSync(process.execPath, [bin, 'versions', 'vtp', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  const versions = listing.status === 0 ? JSON.parse(listing.stdout).versions : [];
  for (const v of versions.filter((x) => x.supersedes && versions.some((w) => w.version === x.supersedes))) {
    const pair = `${v.supersedes}-${v.version}`;
    const author = v.workshop || `Revizia ${v.version}`;
    step(`Synoptic table ${v.supersedes} → ${v.version}, with the observations (Word)`, ['compare', v.supersedes, v.version, '--set', 'vtp', '--layout', 'synoptic', '-o', `out/compare-${pair}-synoptic.docx`]);
    step(`Synoptic table ${v.supersedes} → ${v.version} as one HTML page for projecting`, ['compare', v.supersedes, v.version, '--set', 'vtp', '--format', 'html', '-o', `out/compare-${pair}-synoptic.html`]);
    step(`Redline ${v.supersedes} → ${v.version} (tracked changes)`, ['compare', v.supersedes, v.version, '--set', 'vtp', '--layout', 'redline', '--author', author, '-o', `out/compare-${pair}-redline.docx`]);
  }
  for (const register of readdirSync(new URL('../standards/vtp/comments/', import.meta.url)).filter((f) => f.endsWith('.yaml')).sort()) {
    step(`The report on the observations of ${register} (Legea nr. 52/2003)`, ['report', `standards/vtp/comments/${register}`, '-o', `out/report-${register.replace(/\.yaml$/, '')}.docx`]);
  }
}

// The web site for the public consultation: every version with stable anchors (#S4.2), the synoptic tables,
// the registers, the consultation draft to download, search; self-contained, it opens from disk.
step('The static web site of the standards for the public consultation', ['site', 'vtp', '-o', 'out/site']);
process.stdout.write(`   open it: file://${fileURLToPath(new URL('../out/site/index.html', import.meta.url))}\n   or serve it: python3 -m http.server --directory out/site 8000, then http://localhost:8000/ (to publish it: docs/site.md)\n`);

// Evaluating services against the standards: the grid of the newest final version for the next visits (a
// workbook and a paper copy), then each evaluation of standards/vtp/evaluations/ (filled grids) read back into
// a report and into draft observations for the next drafting round (the 2015 evaluation's are already in the
// 2015-09 workshop register, decided).
{
  const listing = spawnSync(process.execPath, [bin, 'versions', 'vtp', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  const versions = listing.status === 0 ? JSON.parse(listing.stdout).versions : [];
  const final = versions.filter((v) => v.status === 'final').at(-1);
  if (final) {
    step(`The evaluation grid of ${final.version} (Excel, with the drop-down list)`, ['checklist', final.version, '--set', 'vtp', '-o', `out/grila-${final.version}.xlsx`]);
    step(`The evaluation grid of ${final.version} on paper (Word)`, ['checklist', final.version, '--set', 'vtp', '-o', `out/grila-${final.version}.docx`]);
  }
  let evaluations = [];
  try {
    evaluations = readdirSync(new URL('../standards/vtp/evaluations/', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    evaluations = [];
  }
  for (const name of evaluations) {
    const grids = `standards/vtp/evaluations/${name}`;
    step(`The evaluation ${name}: the report in Word (charts as pictures)`, ['evaluate', grids, '--set', 'vtp', '-o', `out/evaluare-${name}.docx`]);
    step(`The evaluation ${name} as one HTML page (charts in SVG)`, ['evaluate', grids, '--set', 'vtp', '-o', `out/evaluare-${name}.html`]);
    step(`The evaluation ${name}: requirements most services fail, as draft observations`, ['evaluate', grids, '--set', 'vtp', '-o', `out/evaluare-${name}.json`, '--observations', `out/observatii-evaluare-${name}.yaml`]);
  }
}

process.stdout.write(`\n${failed === 0 ? 'Main job done.' : `Main job: ${failed} step(s) failed.`}\n`);
const outputs = readdirSync(new URL('../out/', import.meta.url)).filter((f) => !f.startsWith('.')).sort();
process.stdout.write(`Outputs in out/: ${outputs.join(', ')}\n`);
process.stdout.write(`
What to try next:
  npx stdraft diff 2015-09 2016-02              what the February 2016 revision changed, unit by unit
  open out/evaluare-2015.html                    the 2015 evaluation of five centres against the 2007-11 standards
  open out/compare-2015-09-2016-02-synoptic.html  the synoptic table as the workshop would see it projected
  open out/site/index.html                      the web site for the public consultation (docs/site.md)
  npx stdraft validate --fix <a copy of 2015-09.md>  repair the draft's cedilla diacritics
  npx stdraft init my-standards                 start a workspace for your own standards (then: stdraft validate)
  docs/guide.md                                 one whole drafting round, step by step
`);
process.exitCode = failed === 0 ? 0 : 1;

// A seeded generator of two versions of a standards document and of the edits that lead from one to the other,
// with the changes a diff must report (the ground truth). Plain JavaScript so that both the tests and the
// benchmark (plain Node) can import it.
//
// Edits (on the requirements of a document made by generateStructure):
//   reword           the text, an indicator or the title of a requirement changes in substance
//   add              a new requirement in a standard (later ones in it renumber)
//   remove           a requirement is deleted (later ones in its standard renumber)
//   move             a requirement goes to another standard (renumbering both)
//   swap             two neighbouring requirements of a standard change places (both renumbered)
//   insert-standard  a new standard with new requirements (every later standard renumbers)
//   remove-standard  a standard and its requirements are deleted
//   typography       FROM has cedilla ş/ţ where TO has comma-below ș/ț (not a change of substance)
// Cross-references in TO (`S3.1`, `Standardul 3`) follow the renumbering, as `fmt --renumber` would make them.
import { generateStructure, printStructure, rng } from './generator.js';

export const EDIT_KINDS = ['reword', 'add', 'remove', 'move', 'swap', 'insert-standard', 'remove-standard', 'typography'];

const EXTRA_CLAUSES = ['în scris', 'cu avizul coordonatorului', 'după consultarea beneficiarului', 'cu informarea familiei', 'cu sprijinul unui interpret', 'pe baza unei proceduri scrise'];
const DEADLINES = ['în termen de 24 de ore', 'în cel mult 72 de ore', 'în 5 zile lucrătoare', 'lunar', 'la cel mult 3 luni', 'anual', 'la admitere'];
const TITLES = ['Evidența', 'Supravegherea', 'Comunicarea', 'Instruirea', 'Documentarea'];

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/**
 * Two versions and the edits between them.
 * options: standards (size, default 20), edits (how many, default 1 + standards / 4), kinds (EDIT_KINDS subset).
 * Returns { from, to (document texts), fromStructure, toStructure, edits: [{kind, requirement|standard, ...}],
 * expected: { standards: {added, removed, renumbered}, requirements: {added, removed, modified, moved, renumbered,
 * 'typographic-only'} } } — the same shape as test/fixtures/bundled/expected-changes.yaml.
 */
export function generateEdits(seed, options = {}) {
  const r = rng(seed * 7919 + 17);
  const standards = options.standards ?? 20;
  const count = options.edits ?? 1 + Math.floor(standards / 4);
  const kinds = options.kinds ?? EDIT_KINDS;
  const fromStructure = generateStructure(seed, { standards });
  fromStructure.modules.forEach((m, mi) => m.standards.forEach((s, si) => (s.key = `s${mi}-${si}`)));
  const to = clone(fromStructure);
  to.meta.version = '2016-02';
  to.meta.date = '2016-02-16';
  to.meta.supersedes = fromStructure.meta.version;
  const from = clone(fromStructure);
  const edits = [];
  const reworded = new Set();
  const typographic = new Set();
  let fresh = 0;

  const allStandards = (doc) => doc.modules.flatMap((m) => m.standards);
  const allRequirements = (doc) => allStandards(doc).flatMap((s) => s.requirements);
  const newRequirement = () => {
    fresh++;
    const source = generateStructure(seed * 1000003 + fresh, { standards: 1, modules: 1, requirements: 1 });
    const req = source.modules[0].standards[0].requirements[0];
    req.key = `new-${fresh}`;
    return req;
  };

  for (let e = 0; e < count; e++) {
    const kind = r.pick(kinds);
    const stds = allStandards(to);
    const s = r.pick(stds);
    switch (kind) {
      case 'reword': {
        const q = r.pick(s.requirements);
        const how = reword(r, q);
        if (how) {
          reworded.add(q.key);
          edits.push({ kind, requirement: q.key, how });
        }
        break;
      }
      case 'add': {
        const q = newRequirement();
        s.requirements.splice(r.int(0, s.requirements.length), 0, q);
        edits.push({ kind, requirement: q.key, standard: s.key });
        break;
      }
      case 'remove': {
        if (s.requirements.length < 2) break;
        const [q] = s.requirements.splice(r.int(0, s.requirements.length - 1), 1);
        edits.push({ kind, requirement: q.key });
        break;
      }
      case 'move': {
        if (s.requirements.length < 2 || stds.length < 2) break;
        let target = r.pick(stds);
        while (target === s) target = r.pick(stds);
        const [q] = s.requirements.splice(r.int(0, s.requirements.length - 1), 1);
        target.requirements.splice(r.int(0, target.requirements.length), 0, q);
        edits.push({ kind, requirement: q.key, standard: target.key });
        break;
      }
      case 'swap': {
        if (s.requirements.length < 2) break;
        const i = r.int(0, s.requirements.length - 2);
        const [a, b] = [s.requirements[i], s.requirements[i + 1]];
        s.requirements.splice(i, 2, b, a);
        edits.push({ kind, requirements: [a.key, b.key] });
        break;
      }
      case 'insert-standard': {
        fresh++;
        const source = generateStructure(seed * 1000003 + fresh, { standards: 1, modules: 1 });
        const std = source.modules[0].standards[0];
        std.key = `new-standard-${fresh}`;
        std.title = `${TITLES[fresh % TITLES.length]} ${fresh}-${seed}`;
        std.statement = std.statement.replace(/\(\d+\)\.$/, `(nou ${fresh}).`);
        std.requirements = std.requirements.slice(0, r.int(1, 3)).map((q) => ({ ...q, key: `new-${fresh}-${q.key}` }));
        const module = r.pick(to.modules);
        module.standards.splice(r.int(0, module.standards.length), 0, std);
        edits.push({ kind, standard: std.key, requirements: std.requirements.map((q) => q.key) });
        break;
      }
      case 'remove-standard': {
        const module = to.modules.find((m) => m.standards.includes(s));
        if (module.standards.length < 2) break;
        module.standards.splice(module.standards.indexOf(s), 1);
        edits.push({ kind, standard: s.key });
        break;
      }
      case 'typography': {
        // In FROM (the older text): a comma-below letter of a requirement's text becomes a cedilla.
        const q = r.pick(allRequirements(from));
        const i = q.blocks.findIndex((b) => /[șț]/.test(b));
        if (i < 0) break;
        q.blocks[i] = q.blocks[i].replace(/[șț]/, (c) => (c === 'ș' ? 'ş' : 'ţ'));
        typographic.add(q.key);
        edits.push({ kind, requirement: q.key });
        break;
      }
      default:
        throw new Error(`unknown edit kind ${kind}`);
    }
  }

  const fromIds = numbering(from);
  const toIds = numbering(to);
  followReferences(to, fromIds, toIds);
  const expected = groundTruth(from, to, fromIds, toIds, reworded, typographic);
  return { from: printStructure(from), to: printStructure(to), fromStructure: from, toStructure: to, edits, expected };
}

/** A substance change to a requirement (what changed, or null when nothing could be changed). */
function reword(r, q) {
  const options = [];
  const deadline = DEADLINES.find((d) => q.blocks[0].includes(d));
  if (deadline) options.push('deadline');
  options.push('clause', 'indicator-number', 'add-indicator', 'title');
  if (q.indicators.length > 1) options.push('remove-indicator');
  const how = r.pick(options);
  switch (how) {
    case 'deadline': {
      let other = r.pick(DEADLINES);
      while (other === deadline) other = r.pick(DEADLINES);
      q.blocks[0] = q.blocks[0].replace(deadline, other);
      break;
    }
    case 'clause':
      q.blocks[0] = q.blocks[0].replace(/\.(\n|$)/, `, ${r.pick(EXTRA_CLAUSES)}.$1`);
      break;
    case 'indicator-number': {
      const i = r.int(0, q.indicators.length - 1);
      q.indicators[i] = q.indicators[i].replace(/\((\d+)\)\.$/, (_, n) => `(${Number(n) + 10000}).`);
      break;
    }
    case 'add-indicator':
      q.indicators.splice(r.int(0, q.indicators.length), 0, `Fișa de monitorizare, completată lunar (${r.int(20000, 29999)}).`);
      break;
    case 'remove-indicator':
      q.indicators.splice(r.int(0, q.indicators.length - 1), 1);
      break;
    case 'title': {
      let title = r.pick(TITLES);
      while (title === q.title) title = r.pick(TITLES);
      q.title = title;
      break;
    }
  }
  return how;
}

/** key → id (`S3.1`) for requirements, key → number for standards, and the reverse maps. */
function numbering(doc) {
  const requirements = new Map();
  const standards = new Map();
  const requirementKeys = new Map();
  const standardKeys = new Map();
  const standardOf = new Map();
  let n = 0;
  for (const m of doc.modules) {
    for (const s of m.standards) {
      n++;
      standards.set(s.key, n);
      standardKeys.set(n, s.key);
      s.requirements.forEach((q, i) => {
        const id = `S${n}.${i + 1}`;
        requirements.set(q.key, id);
        requirementKeys.set(id, q.key);
        standardOf.set(q.key, s.key);
      });
    }
  }
  return { requirements, standards, requirementKeys, standardKeys, standardOf };
}

/** Rewrites TO's cross-references (still in FROM's numbering) to the TO numbers of the units they named. */
function followReferences(to, fromIds, toIds) {
  const rewrite = (text) =>
    text
      .replace(/(?<![\p{L}\p{N}])S(\d+)\.(\d+)(?![\p{L}]|\.\d)/gu, (ref) => {
        const key = fromIds.requirementKeys.get(ref);
        return (key && toIds.requirements.get(key)) || ref;
      })
      .replace(/Standardul (\d+)(?![\p{L}\p{N}])/gu, (ref, n) => {
        const key = fromIds.standardKeys.get(Number(n));
        const next = key && toIds.standards.get(key);
        return next ? `Standardul ${next}` : ref;
      });
  for (const m of to.modules) for (const s of m.standards) for (const q of s.requirements) q.blocks = q.blocks.map(rewrite);
}

function groundTruth(from, to, fromIds, toIds, reworded, typographic) {
  const requirements = { added: [], removed: [], modified: [], moved: [], renumbered: [], 'typographic-only': [] };
  const standards = { added: [], removed: [], renumbered: [] };
  for (const [key, id] of toIds.requirements) if (!fromIds.requirements.has(key)) requirements.added.push(id);
  for (const [key, id] of fromIds.requirements) {
    const next = toIds.requirements.get(key);
    if (!next) {
      requirements.removed.push(id);
      continue;
    }
    const moved = fromIds.standardOf.get(key) !== toIds.standardOf.get(key);
    if (reworded.has(key)) requirements.modified.push({ from: id, to: next });
    if (moved) requirements.moved.push({ from: id, to: next });
    if (reworded.has(key) || moved) continue;
    if (id !== next) requirements.renumbered.push({ from: id, to: next });
    else if (typographic.has(key)) requirements['typographic-only'].push(id);
  }
  for (const [key, n] of toIds.standards) if (!fromIds.standards.has(key)) standards.added.push(n);
  for (const [key, n] of fromIds.standards) {
    const next = toIds.standards.get(key);
    if (next === undefined) standards.removed.push(n);
    else if (next !== n) standards.renumbered.push({ from: n, to: next });
  }
  const byTo = (a, b) => order(a.to ?? a) - order(b.to ?? b);
  requirements.added.sort(byTo);
  requirements.modified.sort(byTo);
  requirements.moved.sort(byTo);
  requirements.renumbered.sort(byTo);
  void from;
  void to;
  return { standards, requirements };
}

/** Sort key of an id `S3.12` (document order). */
function order(id) {
  const m = /^S(\d+)\.(\d+)$/.exec(id);
  return m ? Number(m[1]) * 10000 + Number(m[2]) : 0;
}

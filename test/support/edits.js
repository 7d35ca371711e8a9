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
// and the patterns of real amending acts (Legea nr. 24/2000), combined at random with the others:
//   insert-first     a new requirement at the start of a standard (every requirement of it renumbers)
//   amend            a requirement restated with several changes at once: a sentence repealed, its sentences
//                    turned into a lettered enumeration a), b)…, a clause added, an indicator added, a
//                    cross-reference added (at least two of these)
//   reword-statement a standard's statement reworded (the standard is modified, its requirements are not)
//   split            a requirement split in two: the first keeps its identity (modified), the second is added
//   merge            two neighbouring requirements merged: the first (the longer) keeps its identity
//                    (modified), the second is removed
//   insert-indexed   a new requirement inserted after another with an index, S3.2^1 (no other renumbers)
// Cross-references in TO (`S3.1`, `Standardul 3`) follow the renumbering, as `fmt --renumber` would make them.
import { generateStructure, printStructure, requirementNumbering, rng } from './generator.js';

export const EDIT_KINDS = [
  'reword',
  'add',
  'remove',
  'move',
  'swap',
  'insert-standard',
  'remove-standard',
  'typography',
  'insert-first',
  'amend',
  'reword-statement',
  'split',
  'merge',
  'insert-indexed',
];

const EXTRA_CLAUSES = ['în scris', 'cu avizul coordonatorului', 'după consultarea beneficiarului', 'cu informarea familiei', 'cu sprijinul unui interpret', 'pe baza unei proceduri scrise'];
const DEADLINES = ['în termen de 24 de ore', 'în cel mult 72 de ore', 'în 5 zile lucrătoare', 'lunar', 'la cel mult 3 luni', 'anual', 'la admitere'];
const TITLES = ['Evidența', 'Supravegherea', 'Comunicarea', 'Instruirea', 'Documentarea'];
const LEADS = ['Se aplică următoarele reguli:', 'Centrul asigură următoarele:', 'În acest scop:'];
const STATEMENT_CHANGES = [
  [/^(\S+ \S+)/, '$1 în mod constant'],
  [/ \((\d+)\)\.$/, ', în condițiile legii ($1).'],
  [/^(\S+)/, 'În fiecare an, $1'],
];

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
  const rewordedStandards = new Set();
  const restructured = new Set();
  const moved = new Set();
  const amended = new Set();
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
        const at = r.int(0, s.requirements.length - 1);
        if (amended.has(s.requirements[at].key)) break;
        const [q] = s.requirements.splice(at, 1);
        target.requirements.splice(r.int(0, target.requirements.length), 0, q);
        moved.add(q.key);
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
      case 'insert-first': {
        const q = newRequirement();
        s.requirements.unshift(q);
        edits.push({ kind, requirement: q.key, standard: s.key });
        break;
      }
      case 'amend': {
        const q = r.pick(s.requirements);
        // A requirement moved to another standard has only its text to say who it is: it is not also amended.
        if (moved.has(q.key)) break;
        const how = amend(r, q, fromStructure);
        if (how.length > 0) {
          amended.add(q.key);
          reworded.add(q.key);
          edits.push({ kind, requirement: q.key, how });
        }
        break;
      }
      case 'reword-statement': {
        if (s.key.startsWith('new-')) break;
        const [pattern, replacement] = r.pick(STATEMENT_CHANGES);
        const next = s.statement.replace(pattern, replacement);
        if (next === s.statement) break;
        s.statement = next;
        rewordedStandards.add(s.key);
        edits.push({ kind, standard: s.key });
        break;
      }
      case 'split': {
        const i = r.int(0, s.requirements.length - 1);
        const q = s.requirements[i];
        const sentences = sentencesOf(q.blocks[0]);
        if (sentences.length < 2 || restructured.has(q.key) || !q.key.startsWith('r')) break;
        restructured.add(q.key);
        const keep = Math.ceil(sentences.length / 2);
        fresh++;
        // The new requirement takes the later sentences and gets an indicator of its own; the first keeps the rest.
        const second = {
          title: '',
          blocks: [sentences.slice(keep).join(' ')],
          indicators: [`Procedura de lucru, aprobată de coordonator (${r.int(30000, 39999)}).`],
          key: `split-${fresh}`,
        };
        q.blocks[0] = sentences.slice(0, keep).join(' ');
        s.requirements.splice(i + 1, 0, second);
        reworded.add(q.key);
        edits.push({ kind, requirement: q.key, into: second.key });
        break;
      }
      case 'merge': {
        if (s.requirements.length < 2) break;
        // The one that keeps its identity is clearly the larger; new and already split or merged ones are left alone.
        const size = (q) => [...q.blocks, ...q.indicators].join(' ').length;
        const fits = (i) => {
          const [a, b] = [s.requirements[i], s.requirements[i + 1]];
          return size(a) >= 1.5 * size(b) && [a, b].every((q) => !restructured.has(q.key) && q.key.startsWith('r'));
        };
        const start = r.int(0, s.requirements.length - 2);
        let i = start;
        while (!fits(i) && (i = (i + 1) % (s.requirements.length - 1)) !== start);
        if (!fits(i)) break;
        const [a, b] = [s.requirements[i], s.requirements[i + 1]];
        restructured.add(a.key);
        restructured.add(b.key);
        a.blocks[0] = `${a.blocks[0]} ${b.blocks[0]}`;
        a.blocks.push(...b.blocks.slice(1));
        a.indicators.push(...b.indicators);
        s.requirements.splice(i + 1, 1);
        reworded.add(a.key);
        edits.push({ kind, requirement: a.key, merged: b.key });
        break;
      }
      case 'insert-indexed': {
        const q = newRequirement();
        q.indexed = true;
        s.requirements.splice(r.int(1, s.requirements.length), 0, q);
        edits.push({ kind, requirement: q.key, standard: s.key });
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
  const expected = groundTruth(from, to, fromIds, toIds, reworded, typographic, rewordedStandards);
  return { from: printStructure(from), to: printStructure(to), fromStructure: from, toStructure: to, edits, expected };
}

/** The sentences of a text (each ends with a full stop). */
function sentencesOf(text) {
  return text.split(/(?<=\.)[ \n]+/).filter((x) => x !== '');
}

/**
 * A requirement restated by an amending act: at least two of repeal a sentence, turn the sentences into a
 * lettered enumeration, add a clause, add an indicator, add a cross-reference (to a FROM requirement: TO's
 * references follow the renumbering afterwards). Returns what was done.
 */
function amend(r, q, fromStructure) {
  const sentences = sentencesOf(q.blocks[0]);
  const ways = ['clause', 'add-indicator', 'add-reference'];
  if (sentences.length >= 3) ways.push('repeal-sentence');
  if (sentences.length >= 2) ways.push('enumerate');
  const chosen = ways.filter(() => r.chance(0.6));
  while (chosen.length < 2) {
    const w = r.pick(ways);
    if (!chosen.includes(w)) chosen.push(w);
  }
  let list = sentences;
  if (chosen.includes('repeal-sentence')) {
    const drop = r.int(1, list.length - 1);
    list = list.filter((_, i) => i !== drop);
  }
  if (chosen.includes('clause')) list = [list[0].replace(/\.$/, `, ${r.pick(EXTRA_CLAUSES)}.`), ...list.slice(1)];
  if (chosen.includes('add-reference')) {
    const standards = fromStructure.modules.flatMap((m) => m.standards);
    const n = r.int(1, standards.length);
    const k = r.int(1, standards[n - 1].requirements.length);
    list = [...list.slice(0, -1), list[list.length - 1].replace(/\.$/, `, conform S${n}.${k}.`)];
  }
  if (chosen.includes('enumerate')) {
    const letter = (i) => String.fromCharCode(97 + i);
    const items = list.map((x, i) => `${letter(i)}) ${x.charAt(0).toLowerCase()}${x.slice(1).replace(/\.$/, i === list.length - 1 ? '.' : ';')}`);
    q.blocks[0] = [r.pick(LEADS), ...items].join('\n');
  } else {
    q.blocks[0] = list.join(' ');
  }
  if (chosen.includes('add-indicator')) {
    q.indicators.splice(r.int(0, q.indicators.length), 0, `Registrul de monitorizare a cerinței, completat trimestrial (${r.int(40000, 49999)}).`);
  }
  return chosen;
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
      const idOf = requirementNumbering(n);
      s.requirements.forEach((q) => {
        const id = idOf(q);
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

function groundTruth(from, to, fromIds, toIds, reworded, typographic, rewordedStandards) {
  const requirements = { added: [], removed: [], modified: [], moved: [], renumbered: [], 'typographic-only': [] };
  const standards = { added: [], removed: [], renumbered: [], modified: [] };
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
    else if (rewordedStandards.has(key)) standards.modified.push({ from: n, to: next });
    else if (next !== n) standards.renumbered.push({ from: n, to: next });
  }
  // Modules are never added, removed or renumbered by these edits: each keeps its identity and number.
  const modules = { added: [], removed: [], modified: [], renumbered: [], unchanged: to.modules.length };
  const byTo = (a, b) => order(a.to ?? a) - order(b.to ?? b);
  requirements.added.sort(byTo);
  requirements.modified.sort(byTo);
  requirements.moved.sort(byTo);
  requirements.renumbered.sort(byTo);
  void from;
  return { modules, standards, requirements };
}

/** Sort key of an id `S3.12`, `S3.12^1` (document order). */
function order(id) {
  const m = /^S(\d+)\.(\d+)(?:\^(\d+))?$/.exec(id);
  return m ? Number(m[1]) * 1000000 + Number(m[2]) * 100 + Number(m[3] ?? 0) : 0;
}

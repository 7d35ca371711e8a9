// A seeded generator of standards documents (FORMAT.md) of any size, for property tests and benchmarks.
// Plain JavaScript so that both the tests and `npm run bench` (plain Node) can import it.

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const SUBJECTS = ['Centrul', 'Furnizorul de servicii', 'Managerul de caz', 'Psihologul', 'Asistentul social', 'Consilierul juridic', 'Coordonatorul centrului', 'Echipa multidisciplinară'];
const VERBS = ['asigură', 'întocmește', 'actualizează', 'evaluează', 'informează beneficiarul despre', 'păstrează', 'revizuiește', 'comunică'];
const OBJECTS = [
  'planul individualizat de asistență',
  'fișa de evaluare a riscurilor',
  'registrul de evidență a beneficiarilor',
  'dosarul personal al beneficiarului',
  'programul zilnic de activități',
  'procedura de admitere',
  'consimțământul informat',
  'raportul de monitorizare',
  'condițiile de cazare și igienă',
  'asistența medicală și psihologică',
];
const DEADLINES = ['în termen de 24 de ore', 'în cel mult 72 de ore', 'în 5 zile lucrătoare', 'lunar', 'la cel mult 3 luni', 'anual', 'la admitere'];
const TAILS = ['cu acordul beneficiarului', 'în limba pe care acesta o înțelege', 'cu respectarea confidențialității datelor', 'împreună cu echipa multidisciplinară', 'conform procedurii aprobate'];
const DOCS = ['Registrul de evidență', 'Fișa de evaluare', 'Planul individualizat de asistență', 'Procesul-verbal', 'Dosarul beneficiarului', 'Raportul anual', 'Declarația de confidențialitate', 'Ghidul beneficiarului'];
const QUALIFIERS = ['semnat de beneficiar', 'actualizat', 'aprobat de coordonatorul centrului', 'completat integral', 'disponibil la sediu', 'arhivat conform procedurii'];
const TITLES = ['Informarea', 'Admiterea', 'Evaluarea inițială', 'Planificarea', 'Cazarea', 'Hrana și igiena', 'Asistența medicală', 'Consilierea psihologică', 'Consilierea juridică', 'Orientarea vocațională', 'Reintegrarea socială', 'Întoarcerea voluntară', 'Managementul de caz', 'Confidențialitatea', 'Personalul', 'Siguranța'];
const MODULES = ['Accesarea serviciului', 'Evaluare și planificare', 'Activități și servicii', 'Încetarea serviciilor', 'Administrare, organizare și funcționare', 'Drepturi și etică'];

function roman(n) {
  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** A sentence of requirement text; `refs` gives ids that may be cited. */
function sentence(r, refs) {
  let s = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(DEADLINES)}, ${r.pick(TAILS)}`;
  if (refs.length > 0 && r.chance(0.15)) s += `, conform ${r.pick(refs)}`;
  return `${s}.`;
}

function styled(r, text) {
  if (!r.chance(0.1)) return text;
  const words = text.split(' ');
  const i = r.int(1, words.length - 2);
  const kind = r.pick(['**', '*', 'link']);
  if (kind === 'link') words[i] = `[${words[i]}](https://example.org/${r.int(1, 99)})`;
  else words[i] = `${kind}${words[i]}${kind}`;
  return words.join(' ');
}

/**
 * A document as a structure: modules → standards → requirements → indicators (plain strings), so that
 * edits can be made on the structure and both versions printed.
 */
export function generateStructure(seed, options = {}) {
  const r = rng(seed);
  const standardsCount = options.standards ?? 20;
  const modulesCount = Math.min(options.modules ?? 6, standardsCount);
  const modules = [];
  let sn = 0;
  for (let m = 0; m < modulesCount; m++) {
    const perModule = Math.floor(standardsCount / modulesCount) + (m < standardsCount % modulesCount ? 1 : 0);
    const standards = [];
    for (let k = 0; k < perModule; k++) {
      sn++;
      const requirements = [];
      const reqCount = options.requirements ?? r.int(3, 8);
      for (let q = 0; q < reqCount; q++) {
        const refs = sn > 1 ? [`S${r.int(1, sn - 1)}.1`, `Standardul ${r.int(1, sn - 1)}`] : [];
        const blocks = [styled(r, sentence(r, refs))];
        // Sizes follow the published orders: about 600 bytes a requirement, so 400 standards are about 1.4 MB.
        for (let extra = r.int(1, 3); extra > 0; extra--) blocks[0] += `${r.chance(0.5) ? '\n' : ' '}${sentence(r, [])}`;
        if (r.chance(0.15)) {
          blocks.push(`${r.pick(SUBJECTS)} asigură:\na) ${r.pick(OBJECTS)};\nb) ${r.pick(OBJECTS)};\nc) ${r.pick(OBJECTS)}.`);
        }
        if (r.chance(0.04)) {
          blocks.push('| Număr de beneficiari | Manageri de caz | Psihologi |\n| --- | --- | --- |\n| până la 10 | 1 | 1 |\n| 11-20 | 2 | 1 |');
        }
        const indicators = [];
        for (let i = 0, n = r.int(1, 4); i < n; i++) indicators.push(`${r.pick(DOCS)}, ${r.pick(QUALIFIERS)} (${r.int(1, 9999)}).`);
        requirements.push({ title: r.chance(0.15) ? r.pick(TITLES) : '', blocks, indicators, key: `r${seed}-${sn}-${q}` });
      }
      standards.push({
        title: `${r.pick(TITLES)} ${sn}`,
        statement: `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)} (${sn}).`,
        expected: `Beneficiarii primesc ${r.pick(OBJECTS)} ${r.pick(DEADLINES)}.`,
        requirements,
      });
    }
    modules.push({ title: MODULES[m % MODULES.length], standards });
  }
  return {
    meta: {
      title: 'Standarde minime de calitate generate pentru teste',
      version: options.version ?? '2015-09',
      date: options.date ?? '2015-09-22',
      status: options.status ?? 'draft',
      lang: 'ro',
      supersedes: options.supersedes,
      issuer: options.issuer,
      legalBasis: options.legalBasis,
    },
    intro: 'Prezentele standarde se aplică centrelor de asistență și protecție a victimelor traficului de persoane.',
    modules,
  };
}

/**
 * The ids of a standard's requirements in order: plain ones S<n>.1, S<n>.2, …; one marked `indexed` (inserted by an
 * amendment without renumbering) keeps the number of the plain one before it with the next index, S<n>.1^1.
 */
export function requirementNumbering(sn) {
  let plain = 0;
  let index = 0;
  return (q) => {
    if (q.indexed && plain > 0) return `S${sn}.${plain}^${++index}`;
    index = 0;
    return `S${sn}.${++plain}`;
  };
}

/** Prints a structure as a canonical standards document. */
export function printStructure(doc) {
  const out = [];
  out.push('---');
  out.push(`title: ${doc.meta.title}`);
  out.push(`version: '${doc.meta.version}'`);
  out.push(`date: '${doc.meta.date}'`);
  out.push(`status: ${doc.meta.status}`);
  out.push(`lang: ${doc.meta.lang}`);
  if (doc.meta.supersedes) out.push(`supersedes: '${doc.meta.supersedes}'`);
  if (doc.meta.issuer) out.push(`issuer: ${doc.meta.issuer}`);
  if (doc.meta.legalBasis) out.push('legal-basis:', ...doc.meta.legalBasis.map((b) => `  - ${b}`));
  out.push('---', '', doc.intro);
  let sn = 0;
  doc.modules.forEach((m, mi) => {
    out.push('', `# Modulul ${roman(mi + 1)}. ${m.title}`);
    for (const s of m.standards) {
      sn++;
      out.push('', `## Standardul ${sn}. ${s.title}`, '', s.statement, '', `**Rezultate așteptate:** ${s.expected}`);
      const id = requirementNumbering(sn);
      s.requirements.forEach((q) => {
        out.push('', `### ${id(q)}${q.title ? ` ${q.title}` : ''}`);
        for (const b of q.blocks) out.push('', b);
        out.push('', '**Indicatori:**', '');
        for (const i of q.indicators) out.push(`- ${i}`);
      });
    }
  });
  return `${out.join('\n')}\n`;
}

/** A generated document of about `bytes` characters (each standard is about 3.5 KB). */
export function generateDocument(seed, options = {}) {
  const standards = options.standards ?? Math.max(1, Math.round((options.bytes ?? 70000) / 3500));
  return printStructure(generateStructure(seed, { ...options, standards }));
}

/**
 * A less tidy spelling of a canonical document, as drafters type it: other label spellings, `*` bullets,
 * extra blank lines, trailing spaces, keys out of order. `fmt` must bring it back to canonical form.
 */
export function messUp(text, seed) {
  const r = rng(seed);
  let star = false; // a list changes its bullet as a whole: another bullet character would start a new list
  return text
    .split('\n')
    .map((line) => {
      if (line === '**Indicatori:**') star = r.chance(0.3);
      if (line.startsWith('# Modulul ') && r.chance(0.5)) return line.replace('# Modulul ', '# MODULUL ').replace(/\. /, ' ');
      if (line.startsWith('## Standardul ') && r.chance(0.5)) return line.replace('## Standardul ', '## Standard ').replace(/^(## Standard \d+)\. /, '$1 — ');
      if (line.startsWith('- ') && star) return `* ${line.slice(2)}`;
      if (line === '**Indicatori:**' && r.chance(0.3)) return 'Indicatori:';
      if (line.startsWith('**Rezultate așteptate:**') && r.chance(0.3)) return line.replace('**Rezultate așteptate:**', '**Rezultate așteptate**:');
      if (line === '' && r.chance(0.1)) return '\n';
      if (line.length > 0 && !line.startsWith('|') && r.chance(0.05)) return `${line}  `.replace(/\s+$/, ' ');
      return line;
    })
    .join('\n');
}

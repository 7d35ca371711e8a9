/**
 * The static site of a standards set, as files in memory (pure: the CLI reads the inputs and writes the
 * folder). Pages:
 *
 *   index.html                          the standards, the open consultation, the versions, comparisons, registers
 *   VERSION.html, VERSION.LANG.html     each version and its translations, with stable anchors (#S1.1)
 *   sinoptic-FROM-TO.html               each version against the one it supersedes: synoptic table and summary
 *   observatii-REGISTER.html            each observation register and its report
 *   referat.html                        the approval memo, when the templates have one
 *   cautare.html                        client-side search (MiniSearch)
 *   assets/                             site.css, site.js, minisearch.js, search-index.js
 *   proiect-VERSION.docx, referat-VERSION.docx   the consultation draft and memo in Word
 */
import { diffDocuments } from '../diff/index.js';
import type { Changeset, UnitChange } from '../diff/types.js';
import type { Lang, Module, Requirement, Standard, StandardsDoc } from '../model/types.js';
import { countUnits } from '../model/walk.js';
import { compareWords, decisionWord, displayDate } from '../compare/labels.js';
import { registersFor, resolveObservations, type LoadedRegister, type PlacedObservation } from '../compare/observations.js';
import { buildReport } from '../compare/report.js';
import { CHANGE_KINDS, changeCounts } from '../compare/summary.js';
import { synopticHtml } from '../compare/synoptic-html.js';
import { parseMarkdown } from '../parse/markdown.js';
import { fragment, indicatorAnchor, unitAnchor } from './anchors.js';
import { blocksHtml } from './content.js';
import { esc, page, SITE_CSS, type PageSpec } from './layout.js';
import { observationAnchor, registerPage } from './register-page.js';
import { searchIndexScript, siteScript, type SearchDocument } from './search.js';
import { versionPage, type UnitObservation } from './version-page.js';
import { siteWords } from './words.js';

export interface SiteVersion {
  name: string;
  doc: StandardsDoc;
  translations: { lang: Lang; doc: StandardsDoc }[];
}

export interface SiteDownload {
  file: string;
  bytes: Uint8Array;
}

export interface SiteConsultation {
  /** The version in consultation. */
  version: string;
  posted: string | null;
  deadline: string | null;
  days: number | null;
  dayKind: 'calendar' | 'working' | null;
  /** The announcement as the consultation template words it (Markdown), or null. */
  announcement: string | null;
  address: string | null;
  email: string | null;
  website: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  draft: SiteDownload | null;
  memo: { markdown: string; docx: SiteDownload | null } | null;
}

export interface SiteInput {
  set: string;
  /** The site's name (the config's short title, else the standards' title). */
  name: string;
  versions: SiteVersion[];
  registers: LoadedRegister[];
  consultation: SiteConsultation | null;
  /** Absolute URL the site is published at, ending in `/`, or null. */
  baseUrl: string | null;
  /** The browser build of MiniSearch (its UMD file). */
  minisearch: string;
  /** The date the site is built (YYYY-MM-DD), printed in the footer. */
  built: string;
}

export type SiteFiles = Map<string, string | Uint8Array>;

export const versionFile = (name: string, lang?: Lang): string => `${name}${lang ? `.${lang}` : ''}.html`;
export const synopticFile = (from: string, to: string): string => `sinoptic-${from}-${to}.html`;
export const registerFile = (loaded: LoadedRegister): string => `observatii-${loaded.file.replace(/\\/g, '/').split('/').pop()!.replace(/\.ya?ml$/i, '')}.html`;

export function buildSite(input: SiteInput): SiteFiles {
  const files: SiteFiles = new Map();
  const versions = input.versions;
  const byName = new Map(versions.map((v) => [v.name, v]));
  const latest = versions[versions.length - 1];
  const lang: Lang = latest?.doc.lang ?? 'ro';
  const w = siteWords(lang);
  const footer = (l: Lang) => `${esc(siteWords(l).generated(input.set))} ${esc(displayDate(input.built, l))}.`;
  const frame = (spec: Omit<PageSpec, 'site' | 'baseUrl' | 'footer'>): string =>
    page({ ...spec, site: input.name, baseUrl: input.baseUrl, footer: footer(spec.lang) });

  // Observations: every register resolved against the versions of the set.
  const lookup = (name: string) => byName.get(name)?.doc ?? null;
  const placed = resolveObservations(input.registers, lookup, versions.map((v) => v.name));
  const observationsByVersion = new Map<string, Map<Module | Standard | Requirement, UnitObservation[]>>();
  for (const p of placed) {
    const map = observationsByVersion.get(p.version) ?? new Map<Module | Standard | Requirement, UnitObservation[]>();
    observationsByVersion.set(p.version, map);
    const list = map.get(p.unit) ?? [];
    list.push({ id: p.observation.id, by: p.observation.by, decision: p.observation.decision, href: `${registerFile(registerOf(input.registers, p))}#${observationAnchor(p.observation.id)}` });
    map.set(p.unit, list);
  }

  // Pairs: each version and the one it supersedes.
  const pairs: { from: SiteVersion; to: SiteVersion; changeset: Changeset; registers: LoadedRegister[] }[] = [];
  for (const v of versions) {
    const from = v.doc.meta.supersedes ? byName.get(v.doc.meta.supersedes) : undefined;
    if (!from) continue;
    pairs.push({ from, to: v, changeset: diffDocuments(from.doc, v.doc, { fromLabel: from.name, toLabel: v.name }), registers: registersFor(input.registers, from.name, v.name) });
  }

  const documents: SearchDocument[] = [];
  for (const v of versions) {
    const pair = pairs.find((p) => p.to === v);
    const translations = v.translations.map((t) => ({ lang: t.lang, file: versionFile(v.name, t.lang) }));
    const made = versionPage({
      name: v.name,
      doc: v.doc,
      file: versionFile(v.name),
      changes: pair ? changesSection(pair.changeset, v.doc.lang) : null,
      observations: observationsByVersion.get(v.name) ?? new Map(),
      decisionWord: (d) => decisionWord(d, v.doc.lang),
      translationOf: null,
    });
    for (const d of made.documents) documents.push(d);
    files.set(versionFile(v.name), frame({ lang: v.doc.lang, title: `${w.version} ${v.name}`, file: versionFile(v.name), main: made.main, toc: made.toc, alternates: translations, scripts: [], description: made.title }));
    for (const t of v.translations) {
      const file = versionFile(v.name, t.lang);
      const tw = siteWords(t.lang);
      const twin = versionPage({ name: v.name, doc: t.doc, file, changes: null, observations: new Map(), decisionWord: (d) => decisionWord(d, t.lang), translationOf: { name: v.name, file: versionFile(v.name) } });
      for (const d of twin.documents) documents.push(d);
      files.set(file, frame({ lang: t.lang, title: `${tw.version} ${v.name}`, file, main: twin.main, toc: twin.toc, alternates: [{ lang: v.doc.lang, file: versionFile(v.name) }], description: twin.title }));
    }
  }

  for (const pair of pairs) {
    const observations = placed.filter((p) => pair.registers.some((r) => r.register === p.register));
    const sw = siteWords(pair.to.doc.lang);
    const links = [
      { href: 'index.html', text: `${sw.home} — ${input.name}` },
      { href: versionFile(pair.from.name), text: `${sw.version} ${pair.from.name}` },
      { href: versionFile(pair.to.name), text: `${sw.version} ${pair.to.name}` },
      ...pair.registers.map((r) => ({ href: registerFile(r), text: r.register.title })),
      { href: 'cautare.html', text: sw.search },
    ];
    const { html } = synopticHtml(pair.changeset, { registers: pair.registers, observations, links });
    files.set(synopticFile(pair.from.name, pair.to.name), html);
  }

  for (const loaded of input.registers) {
    const doc = lookup(loaded.register.from);
    const rlang = doc?.lang ?? lang;
    const own = placed.filter((p) => p.register === loaded.register);
    const report = buildReport(loaded, rlang, own);
    const pair = pairs.find((p) => p.from.name === loaded.register.from && (loaded.register.to === null || p.to.name === loaded.register.to));
    const made = registerPage({
      report,
      placed: own,
      versionFile: (name) => (byName.has(name) ? versionFile(name) : null),
      anchorOf: (p) => anchorOfPlaced(p, lookup(p.version)?.lang ?? rlang),
      synoptic: pair ? synopticFile(pair.from.name, pair.to.name) : null,
    });
    files.set(registerFile(loaded), frame({ lang: rlang, title: made.title, file: registerFile(loaded), main: made.main }));
  }

  const consultation = input.consultation;
  if (consultation?.draft) files.set(consultation.draft.file, consultation.draft.bytes);
  if (consultation?.memo) {
    files.set('referat.html', frame({ lang, title: w.memo, file: 'referat.html', main: blocksHtml(parseMarkdown(consultation.memo.markdown).children, { minHeading: 1 }) }));
    if (consultation.memo.docx) files.set(consultation.memo.docx.file, consultation.memo.docx.bytes);
  }

  files.set('index.html', frame({ lang, title: input.name, file: 'index.html', main: homeMain(input, pairs, placed), description: latest?.doc.meta.title ?? input.name }));
  files.set('cautare.html', frame({ lang, title: w.search, file: 'cautare.html', main: searchMain(lang), scripts: ['assets/minisearch.js', 'assets/search-index.js'] }));
  files.set('assets/site.css', `${SITE_CSS}\n`);
  files.set('assets/site.js', siteScript());
  files.set('assets/minisearch.js', input.minisearch);
  files.set('assets/search-index.js', searchIndexScript(documents));
  if (input.baseUrl) {
    const pages = [...files.keys()].filter((f) => f.endsWith('.html')).sort();
    files.set('sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.map((p) => `  <url><loc>${esc(input.baseUrl + (p === 'index.html' ? '' : p))}</loc></url>`).join('\n')}\n</urlset>\n`);
  }
  return files;
}

function registerOf(registers: readonly LoadedRegister[], p: PlacedObservation): LoadedRegister {
  return registers.find((r) => r.register === p.register)!;
}

/** An observation's unit anchor: the indicator's own when the target names one. */
function anchorOfPlaced(p: PlacedObservation, lang: Lang): string | null {
  if (p.resolved.kind === 'indicator') return indicatorAnchor(p.resolved.node, p.resolved.requirement);
  return unitAnchor(p.unit, lang);
}

/** What changed since the version superseded: the counts per kind of unit and every unit that changed in substance. */
function changesSection(changeset: Changeset, lang: Lang): string {
  const words = compareWords(lang);
  const sw = siteWords(lang);
  const counts = changeCounts(changeset);
  const out: string[] = [];
  out.push(`<section id="modificari" aria-labelledby="modificari-titlu"><h2 id="modificari-titlu">${esc(sw.changesSince(changeset.from.label))}</h2>`);
  out.push(`<div class="table-wrap" tabindex="0"><table><thead><tr><td></td>${CHANGE_KINDS.map((k) => `<th scope="col" class="number">${esc(words.counts[k])}</th>`).join('')}</tr></thead><tbody>`);
  for (const [name, kind] of [[words.requirements, 'requirement'], [words.standards, 'standard'], [words.modules, 'module']] as const) {
    const c = counts[kind];
    if (CHANGE_KINDS.every((k) => c[k] === 0)) continue;
    out.push(`<tr><th scope="row">${esc(name)}</th>${CHANGE_KINDS.map((k) => `<td class="number">${c[k]}</td>`).join('')}</tr>`);
  }
  out.push('</tbody></table></div>');
  const changed = changeset.units.filter((u) => u.change === 'added' || u.change === 'removed' || u.change === 'modified');
  if (changed.length > 0) {
    out.push('<details><summary>' + esc(lang === 'en' ? `Units added, removed or modified (${changed.length})` : `Unitățile adăugate, eliminate sau modificate (${changed.length})`) + '</summary><ul class="changes">');
    for (const u of changed) out.push(`<li>${changeItem(u, lang)}</li>`);
    out.push('</ul></details>');
  }
  out.push(`<p><a href="${esc(synopticFile(changeset.from.label, changeset.to.label))}">${esc(sw.seeSynoptic)}</a></p>`, '</section>');
  return out.join('\n');
}

function changeItem(u: UnitChange, lang: Lang): string {
  const words = compareWords(lang);
  const what = u.change === 'added' ? words.added : u.change === 'removed' ? words.removed : u.moved ? words.moved : lang === 'en' ? 'modified' : 'modificat';
  const anchor = u.toNode ? unitAnchor(u.toNode, lang) : null;
  const label = u.from && u.to && u.from !== u.to ? `${u.from} → ${u.to}` : (u.to ?? u.from ?? '');
  const linked = anchor ? `<a href="${esc(fragment(anchor))}">${esc(label)}</a>` : esc(label);
  return `${linked}: ${esc(what.toLowerCase())}`;
}

function homeMain(input: SiteInput, pairs: readonly { from: SiteVersion; to: SiteVersion; changeset: Changeset; registers: LoadedRegister[] }[], placed: readonly PlacedObservation[]): string {
  const latest = input.versions[input.versions.length - 1];
  const lang: Lang = latest?.doc.lang ?? 'ro';
  const w = siteWords(lang);
  const out: string[] = [];
  out.push(`<h1>${esc(latest?.doc.meta.title ?? input.name)}</h1>`);
  if (latest?.doc.meta.issuer) out.push(`<p class="meta">${esc(latest.doc.meta.issuer)}</p>`);
  if (latest?.doc.meta.note) out.push(`<p class="note"><strong>${esc(w.note)}:</strong> ${esc(latest.doc.meta.note)}</p>`);

  const c = input.consultation;
  if (c) out.push(consultationSection(c, lang));
  else out.push(`<p class="meta">${esc(w.noConsultation)}</p>`);

  out.push(`<h2 id="versiuni">${esc(w.versions)}</h2>`, '<div class="table-wrap" tabindex="0"><table class="versions">');
  out.push(`<thead><tr><th scope="col">${esc(w.version)}</th><th scope="col">${esc(w.date)}</th><th scope="col">${esc(w.status)}</th><th scope="col">${esc(w.workshop)}</th><th scope="col">${esc(w.counts)}</th></tr></thead><tbody>`);
  for (const v of input.versions) {
    const m = v.doc.meta;
    const twins = v.translations.map((t) => ` · <a href="${esc(versionFile(v.name, t.lang))}" hreflang="${t.lang}" lang="${t.lang}">${esc(siteWords(t.lang)[t.lang === 'en' ? 'english' : 'romanian'])}</a>`).join('');
    out.push(`<tr><th scope="row"><a href="${esc(versionFile(v.name))}">${esc(v.name)}</a>${twins}</th><td>${esc(displayDate(m.date, lang))}</td><td>${esc(m.status ? (w.statuses[m.status] ?? m.status) : '')}</td><td>${esc(m.workshop ?? '')}</td><td>${esc(w.unitCounts(countUnits(v.doc)))}</td></tr>`);
  }
  out.push('</tbody></table></div>');

  if (pairs.length > 0) {
    out.push(`<h2 id="comparatii">${esc(w.comparisons)}</h2>`, '<ul>');
    for (const p of pairs) {
      const s = p.changeset.summary;
      const words = compareWords(lang);
      const counts = CHANGE_KINDS.filter((k) => k !== 'unchanged' && s[k] > 0).map((k) => `${words.counts[k]}: ${s[k]}`).join(', ');
      out.push(`<li><a href="${esc(synopticFile(p.from.name, p.to.name))}">${esc(w.synoptic(p.from.name, p.to.name))}</a>${counts ? ` — ${esc(words.requirements.toLowerCase())}: ${esc(counts)}` : ''}</li>`);
    }
    out.push('</ul>');
  }

  if (input.registers.length > 0) {
    out.push(`<h2 id="observatii">${esc(w.registers)}</h2>`, '<ul>');
    for (const r of input.registers) {
      const n = placed.filter((p) => p.register === r.register).length || r.register.comments.length;
      out.push(`<li><a href="${esc(registerFile(r))}">${esc(r.register.title)}</a> — ${n} ${esc(w.observationsOn(r.register.from))}</li>`);
    }
    out.push('</ul>');
  }
  return out.join('\n');
}

function consultationSection(c: SiteConsultation, lang: Lang): string {
  const w = siteWords(lang);
  const out: string[] = [];
  out.push(`<section class="consultation" id="consultare" aria-labelledby="consultare-titlu">`, `<h2 id="consultare-titlu">${esc(w.consultation)}: <a href="${esc(versionFile(c.version))}">${esc(`${w.version.toLowerCase()} ${c.version}`)}</a></h2>`);
  const facts: string[] = [];
  if (c.posted) facts.push(`<strong>${esc(w.posted)}:</strong> ${esc(displayDate(c.posted, lang))}`);
  if (c.deadline) facts.push(`<strong>${esc(w.deadline)}:</strong> ${esc(displayDate(c.deadline, lang))}${c.days ? ` (${c.days} ${lang === 'en' ? (c.dayKind === 'working' ? 'working days' : 'calendar days') : c.dayKind === 'working' ? 'zile lucrătoare' : 'zile calendaristice'})` : ''}`);
  if (facts.length > 0) out.push(`<p>${facts.join('<br>')}</p>`);
  if (c.deadline) {
    const d = displayDate(c.deadline, lang);
    out.push(`<p class="countdown" role="status" data-deadline="${esc(c.deadline)}" data-left="${esc(w.daysLeft(2).replace('2', '{n}'))}" data-one="${esc(w.daysLeft(1))}" data-last="${esc(w.lastDay)}" data-closed="${esc(w.closed(d))}" hidden></p>`);
  }
  const ways: string[] = [];
  if (c.email) ways.push(`${esc(w.byEmail)}: <a href="mailto:${esc(c.email)}">${esc(c.email)}</a>`);
  if (c.address) ways.push(`${esc(w.byPost)}: ${esc(c.address)}`);
  if (ways.length > 0) out.push(`<h3>${esc(w.send)}</h3>`, `<ul>${ways.map((x) => `<li>${x}</li>`).join('')}</ul>`);
  const contact = [c.contact.name, c.contact.phone, c.contact.email ? `<a href="mailto:${esc(c.contact.email)}">${esc(c.contact.email)}</a>` : null].filter(Boolean);
  if (contact.length > 0) out.push(`<p><strong>${esc(w.contact)}:</strong> ${contact.map((x) => (x!.startsWith('<a') ? x : esc(x!))).join(', ')}</p>`);
  const downloads: string[] = [];
  if (c.draft) downloads.push(`<a href="${esc(c.draft.file)}" download>${esc(w.draftDocx(c.version))}</a>`);
  if (c.memo) downloads.push(`<a href="referat.html">${esc(w.memo)}</a>${c.memo.docx ? ` · <a href="${esc(c.memo.docx.file)}" download>${esc(w.memoDocx)}</a>` : ''}`);
  if (downloads.length > 0) out.push(`<h3>${esc(w.download)}</h3>`, `<ul class="downloads">${downloads.map((x) => `<li>${x}</li>`).join('')}</ul>`);
  if (c.announcement) {
    out.push(`<details class="announcement"><summary>${esc(lang === 'en' ? 'The announcement' : 'Anunțul')}</summary>`, blocksHtml(parseMarkdown(c.announcement).children, { minHeading: 3, idPrefix: 'anunt-' }), '</details>');
  }
  out.push('</section>');
  return out.join('\n');
}

function searchMain(lang: Lang): string {
  const w = siteWords(lang);
  return [
    `<h1>${esc(w.search)}</h1>`,
    `<p>${esc(w.searchHint)}</p>`,
    `<form id="search-form" class="search-page" role="search" action="cautare.html" method="get"><label for="q">${esc(w.searchLabel)}</label> <input id="q" name="q" type="search" placeholder="${esc(w.searchPlaceholder)}" autocomplete="off"> <button type="submit">${esc(w.searchButton)}</button></form>`,
    `<p id="search-status" role="status" aria-live="polite"></p>`,
    `<div id="search-results" data-one="${esc(w.results(1, '{q}'))}" data-many="${esc(w.results(2, '{q}').replace('2', '{n}'))}" data-none="${esc(w.noResults('{q}'))}"></div>`,
    `<noscript><p>${esc(w.searchNeedsScript)}</p></noscript>`,
  ].join('\n');
}

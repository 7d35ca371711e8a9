/**
 * `stdraft site [SET] -o DIR [--base-url URL]` — the static web site of a set for the public consultation
 * (Legea nr. 52/2003: the draft is published on the authority's website): every version with stable anchors,
 * the synoptic tables, the observation registers, the open consultation with the draft order in Word (the
 * `render` command's document) and the approval memo when the templates have one, client-side search.
 *
 * Everything is read, checked and built in memory first; the folder is written next to DIR and then put in
 * its place, so a failed run leaves DIR as it was. DIR must be new, empty, or a site stdraft made before
 * (it holds the `.stdraft-site` marker): any other folder is refused, never overwritten.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { StdraftError, inputError, usageError, outputError } from '../../errors.js';
import { readRegisters } from '../../compare/observations.js';
import type { Register } from '../../comments/index.js';
import type { Lang, StandardsDoc } from '../../model/types.js';
import { parseBytes } from '../../parse/index.js';
import { referenceStyles } from '../../render/reference.js';
import { consultationsHeld } from '../../render/order-data.js';
import { renderDocx } from '../../render/render.js';
import { TEMPLATE_FILE } from '../../render/template-config.js';
import { loadTemplate, templateData, type LoadedTemplate } from '../../render/template.js';
import { buildSite, type SiteConsultation, type SiteVersion } from '../../site/build.js';
import { isDirectory, openWorkspace, readBytes, relativeLabel, resolveSet, type StandardsSet, type Workspace } from '../../workspace/index.js';
import type { Context } from '../context.js';
import { EXIT_OK } from '../exit.js';
import { startProgress } from '../progress.js';
import { readText } from './compare.js';
import { BUILTIN_TEMPLATES, readTemplateFolder, resolveTemplateDir } from './render.js';

export interface SiteOptions {
  output: string;
  baseUrl?: string;
}

/** The marker file of a folder stdraft made: such a folder may be replaced by the next build. */
export const SITE_MARKER = '.stdraft-site';

/** Template folders taken as the approval memo (referatul de aprobare), first found, workspace first. */
export const MEMO_TEMPLATES = ['referat', 'referat-de-aprobare', 'referat-aprobare', 'approval-memo', 'memo'];

export async function run(ctx: Context, args: unknown[], options: SiteOptions): Promise<number> {
  if (!options.output || options.output === '-') throw usageError('a site is a folder: give one with -o', 'e.g. stdraft site -o out/site');
  const baseUrl = options.baseUrl === undefined ? null : normaliseBaseUrl(options.baseUrl);
  const ws = openWorkspace(ctx.cwd);
  const set = resolveSet(ws, args[0] as string | undefined);
  if (set.versions.length === 0) throw usageError(`the set "${set.name}" has no versions`, `add standards/${set.name}/VERSION.md`);
  const outDir = path.resolve(ctx.cwd, options.output);
  const outLabel = relativeLabel(outDir, process.cwd());
  checkOutputFolder(outDir, outLabel, ws);

  const progress = startProgress(ctx, 'building the site');
  progress.update(0, 4, 'reading the versions');
  const versions: SiteVersion[] = set.versions.map((v) => ({
    name: v.name,
    doc: parseVersion(v.file, ctx.cwd),
    translations: set.translations.filter((t) => t.name === v.name).sort((a, b) => a.lang.localeCompare(b.lang)).map((t) => ({ lang: t.lang as Lang, doc: parseVersion(t.file, ctx.cwd) })),
  }));
  for (const v of versions) {
    for (const t of v.translations) {
      if (t.doc.lang === v.doc.lang) throw inputError(relativeLabel(set.translations.find((x) => x.name === v.name && x.lang === t.lang)!.file, ctx.cwd), `Expected lang: ${t.lang} in the front matter of the translation, found ${t.doc.lang}`, { hint: `set lang: ${t.lang}` });
    }
  }
  const registers = readRegisters(set.registers.map((file) => ({ file: relativeLabel(file, ctx.cwd), text: readText(file, relativeLabel(file, ctx.cwd)) })));

  progress.update(1, 4, 'the consultation draft');
  const consultation = await consultationOf(versions, set, ws, ctx.cwd, registers.map((r) => r.register));

  progress.update(2, 4, 'the pages and the search index');
  const files = buildSite({
    set: set.name,
    name: shortTitle(ws, versions),
    versions,
    registers,
    consultation,
    baseUrl,
    minisearch: minisearchBrowserBuild(),
    built: buildDate(ctx.io.env),
  });

  progress.update(3, 4, 'writing');
  writeFolder(outDir, outLabel, files);
  progress.end();
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  ctx.io.stdout(`wrote ${outLabel}/ (${pages} pages, ${files.size} files; set ${set.name}, ${versions.length} version${versions.length === 1 ? '' : 's'}, ${registers.length} register${registers.length === 1 ? '' : 's'}): open ${path.join(outLabel, 'index.html')}\n`);
  return EXIT_OK;
}

/** Today, or the day of SOURCE_DATE_EPOCH (seconds), so that a build can be reproduced byte for byte. */
function buildDate(env: NodeJS.ProcessEnv): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const seconds = epoch && /^\d+$/.test(epoch) ? Number(epoch) : null;
  return new Date(seconds === null ? Date.now() : seconds * 1000).toISOString().slice(0, 10);
}

function normaliseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`--base-url ${value} is not a URL`, 'give the address the site will be published at, e.g. https://www.example.ro/standarde/');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw usageError(`--base-url ${value} is not an http(s) address`, 'e.g. https://www.example.ro/standarde/');
  url.hash = '';
  url.search = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The folder must be new (its parent existing), empty, or a site stdraft made; never the standards themselves. */
function checkOutputFolder(dir: string, label: string, ws: Workspace): void {
  const parent = path.dirname(dir);
  if (!isDirectory(parent)) throw outputError(label, `the folder ${relativeLabel(parent, process.cwd())} does not exist`, `create it first (mkdir -p ${relativeLabel(parent, process.cwd())})`);
  const inside = (a: string, b: string) => a === b || a.startsWith(b + path.sep);
  if (inside(dir, ws.standardsDir) || inside(ws.standardsDir, dir) || dir === ws.root) {
    throw outputError(label, 'would hold or replace the standards', 'choose a folder of its own, e.g. out/site');
  }
  if (!fs.existsSync(dir)) return;
  if (!isDirectory(dir)) throw outputError(label, 'is a file, not a folder', 'choose another path for the site');
  const entries = fs.readdirSync(dir);
  if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw outputError(label, 'exists and is not a site made by stdraft; refusing to replace it', 'give a new or empty folder');
  }
}

function parseVersion(file: string, cwd: string): StandardsDoc {
  const label = relativeLabel(file, cwd);
  const { doc } = parseBytes(readBytes(file, label), label);
  const fatal = doc.problems.find((p) => p.fatal);
  if (fatal) throw inputError(label, fatal.message, { line: fatal.span.start.line, hint: 'fix it first (stdraft validate shows every problem)' });
  return doc;
}

function shortTitle(ws: Workspace, versions: readonly SiteVersion[]): string {
  const short = ws.config.data['short-title'];
  if (typeof short === 'string' && short.trim()) return short.trim();
  return versions[versions.length - 1]?.doc.meta.title ?? 'Standarde';
}

/**
 * The open consultation: the newest version whose status is `consultation`, with the deadline and the
 * announcement of the consultation template, the draft order in Word as `stdraft render` makes it, and the
 * approval memo when a memo template exists.
 */
async function consultationOf(versions: readonly SiteVersion[], set: StandardsSet, ws: Workspace, cwd: string, registers: readonly Register[]): Promise<SiteConsultation | null> {
  const version = versions.filter((v) => v.doc.meta.status === 'consultation').at(-1);
  if (!version) return null;
  const versionFile = relativeLabel(set.versions.find((v) => v.name === version.name)!.file, cwd);
  const configFile = ws.configFile ? relativeLabel(ws.configFile, cwd) : null;
  const config = ws.config.data;

  const consultationDir = resolveTemplateDir('consultation', cwd, ws);
  const consultationTemplate = load(consultationDir, versionFile, configFile, cwd);
  // The workshops the version answers, counted from the registers, as `stdraft render` counts them.
  const held = consultationsHeld(registers, version.name, set.versions.map((v) => v.name));
  const data = templateData({ doc: version.doc, config, template: consultationTemplate.config, set: set.name, consultationsHeld: held });
  const dates = (data['consultation'] ?? {}) as Record<string, unknown>;
  const announcementSection = consultationTemplate.sections.find((s) => /^(anunt|anunț|announcement)/i.test(path.basename(s.spec.file)));
  const announcement = announcementSection ? announcementSection.render(data) : null;
  const draft = await renderDocx({ doc: version.doc, template: consultationTemplate, data, referenceStyles: await stylesOf(consultationTemplate, consultationDir, cwd) });

  let memo: SiteConsultation['memo'] = null;
  const memoDir = memoTemplateDir(ws);
  if (memoDir) {
    const memoTemplate = load(memoDir, versionFile, configFile, cwd);
    const memoData = templateData({ doc: version.doc, config, template: memoTemplate.config, set: set.name, consultationsHeld: held });
    const markdown = memoTemplate.sections.map((s) => s.render(memoData).replace(/<!--\s*stdraft:standards\s*-->/g, '')).join('\n\n');
    let docx: Uint8Array | null = null;
    try {
      docx = await renderDocx({ doc: version.doc, template: memoTemplate, data: memoData, referenceStyles: await stylesOf(memoTemplate, memoDir, cwd) });
    } catch (error) {
      // A memo template without {{standards}} is a document of its own: the page shows it, Word is skipped.
      if (!(error instanceof StdraftError && /\{\{standards\}\}/.test(error.message))) throw error;
    }
    memo = { markdown, docx: docx ? { file: `referat-${version.name}.docx`, bytes: docx } : null };
  } else {
    // The consultation package's own memo section (templates/consultation/referat.md.hbs): its page on the
    // site; in Word it is part of the draft offered for download.
    const memoSection = consultationTemplate.sections.find((s) => /^(referat|nota|notă|memo)/i.test(path.basename(s.spec.file)));
    if (memoSection) memo = { markdown: memoSection.render(data), docx: null };
  }

  const cfg = (config['consultation'] ?? {}) as Record<string, unknown>;
  const contact = (cfg['contact'] ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
  return {
    version: version.name,
    posted: text(dates['posted']),
    deadline: text(dates['deadline']),
    days: typeof dates['days'] === 'number' ? dates['days'] : null,
    dayKind: dates['day-kind'] === 'working' ? 'working' : dates['day-kind'] === 'calendar' ? 'calendar' : null,
    announcement,
    address: text(cfg['address']),
    email: text(cfg['email']),
    website: text(cfg['website']),
    contact: { name: text(contact['name']), phone: text(contact['phone']), email: text(contact['email']) },
    draft: { file: `proiect-${version.name}.docx`, bytes: draft },
    memo,
  };
}

function load(dir: string, documentFile: string, configFile: string | null, cwd: string): LoadedTemplate {
  const { folder } = readTemplateFolder(dir, cwd);
  return loadTemplate(folder, { documentFile, configFile });
}

/** The styles of the template's `reference-docx`, as `stdraft render` takes them; null without one. */
async function stylesOf(template: LoadedTemplate, dir: string, cwd: string): Promise<string | null> {
  const reference = template.config.referenceDocx;
  if (!reference) return null;
  const file = path.resolve(dir, reference.path);
  if (!fs.existsSync(file)) {
    throw new StdraftError('template', `reference-docx ${reference.path} not found`, { file: `${relativeLabel(dir, cwd)}/${TEMPLATE_FILE}`, line: reference.line, hint: 'the path is relative to the template folder' });
  }
  const label = relativeLabel(file, cwd);
  return referenceStyles(readBytes(file, label), label);
}

function memoTemplateDir(ws: Workspace): string | null {
  for (const base of [path.join(ws.root, 'templates'), BUILTIN_TEMPLATES]) {
    for (const name of MEMO_TEMPLATES) {
      const dir = path.join(base, name);
      if (isDirectory(dir) && fs.existsSync(path.join(dir, 'template.yaml'))) return dir;
    }
  }
  return null;
}

/** MiniSearch's browser build (UMD: `window.MiniSearch`), without its source-map comment. */
function minisearchBrowserBuild(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('minisearch');
  const umd = path.join(main.slice(0, main.lastIndexOf(`${path.sep}dist${path.sep}`)), 'dist', 'umd', 'index.js');
  return fs.readFileSync(umd, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

/**
 * Writes the files into a new folder beside `dir`, then puts it in `dir`'s place (the old site, if any, is
 * removed only after that); on failure the new folder is removed and `dir` is left as it was. The writing is
 * synchronous: a Ctrl+C is handled once it is over, never in the middle.
 */
function writeFolder(dir: string, label: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = path.join(path.dirname(dir), `.${path.basename(dir)}.${stamp}.tmp`);
  const old = path.join(path.dirname(dir), `.${path.basename(dir)}.${stamp}.old`);
  try {
    fs.mkdirSync(tmp);
    for (const [name, data] of files) {
      const file = path.join(tmp, ...name.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
    }
    fs.writeFileSync(path.join(tmp, SITE_MARKER), 'This folder was made by `stdraft site`; the next build replaces it whole.\n');
    const existed = fs.existsSync(dir);
    if (existed) fs.renameSync(dir, old);
    try {
      fs.renameSync(tmp, dir);
    } catch (error) {
      if (existed) fs.renameSync(old, dir);
      throw error;
    }
    if (existed) fs.rmSync(old, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw outputError(label, `cannot write the site: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'check the folder is writable');
  }
}

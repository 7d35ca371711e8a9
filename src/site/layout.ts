/**
 * The frame of every page of the site: `lang`, a skip link, the header with the site's name, navigation and
 * search form, the main content (and its table of contents), the footer; the stylesheet (screen and print)
 * and the script are files of the site, so the pages make no external request and work from `file://`.
 */
import type { Lang } from '../model/types.js';
import { siteWords } from './words.js';

export const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageSpec {
  lang: Lang;
  /** The page's own title (the `<title>` adds the site's name). */
  title: string;
  /** The site's name (the standards' short title). */
  site: string;
  /** The page's file name, for the navigation's current page and the canonical link. */
  file: string;
  /** Main content (starts with the page's h1). */
  main: string;
  /** The table of contents (a nav), shown beside the content on wide screens. */
  toc?: string;
  /** Other-language versions of the page. */
  alternates?: { lang: Lang; file: string }[];
  /** Scripts besides site.js (search index and library). */
  scripts?: string[];
  /** `--base-url`: absolute links (canonical). */
  baseUrl: string | null;
  footer: string;
  description?: string;
}

export function page(spec: PageSpec): string {
  const w = siteWords(spec.lang);
  const nav = [
    { file: 'index.html', text: w.home },
    { file: 'cautare.html', text: w.search },
  ];
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${spec.lang}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(spec.title === spec.site ? spec.site : `${spec.title} — ${spec.site}`)}</title>`);
  if (spec.description) out.push(`<meta name="description" content="${esc(spec.description)}">`);
  out.push('<meta name="generator" content="stdraft">');
  if (spec.baseUrl) out.push(`<link rel="canonical" href="${esc(spec.baseUrl + (spec.file === 'index.html' ? '' : spec.file))}">`);
  for (const a of spec.alternates ?? []) out.push(`<link rel="alternate" hreflang="${a.lang}" href="${esc(spec.baseUrl ? spec.baseUrl + a.file : a.file)}">`);
  out.push('<link rel="stylesheet" href="assets/site.css">', '</head>', `<body class="${spec.toc ? 'with-toc' : ''}">`);
  out.push(`<a class="skip" href="#continut">${esc(w.skip)}</a>`);
  out.push('<header class="site">', `<p class="site-name"><a href="index.html">${esc(spec.site)}</a></p>`);
  out.push(`<nav aria-label="${esc(w.navigation)}"><ul>`);
  for (const n of nav) out.push(`<li><a href="${n.file}"${n.file === spec.file ? ' aria-current="page"' : ''}>${esc(n.text)}</a></li>`);
  for (const a of spec.alternates ?? []) out.push(`<li><a href="${esc(a.file)}" hreflang="${a.lang}" lang="${a.lang}">${esc(siteWords(a.lang)[a.lang === 'en' ? 'english' : 'romanian'])}</a></li>`);
  out.push('</ul></nav>');
  if (spec.file !== 'cautare.html') {
    out.push(`<form class="search" role="search" action="cautare.html" method="get"><label for="q-header">${esc(w.searchLabel)}</label> <input id="q-header" name="q" type="search" placeholder="${esc(w.searchPlaceholder)}"> <button type="submit">${esc(w.searchButton)}</button></form>`);
  }
  out.push('</header>');
  out.push('<div class="frame">');
  if (spec.toc) out.push(spec.toc);
  out.push(`<main id="continut" tabindex="-1">`, spec.main, '</main>', '</div>');
  out.push(`<footer class="site"><p>${spec.footer}</p></footer>`);
  for (const s of spec.scripts ?? []) out.push(`<script src="${esc(s)}"></script>`);
  out.push('<script src="assets/site.js"></script>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

/** A table of contents as a nav of nested lists: `[text, anchor, children]`. */
export interface TocEntry {
  text: string;
  href: string;
  children?: TocEntry[];
}

export function tocNav(lang: Lang, entries: readonly TocEntry[]): string {
  const w = siteWords(lang);
  const list = (items: readonly TocEntry[]): string =>
    `<ul>${items.map((e) => `<li><a href="${esc(e.href)}">${esc(e.text)}</a>${e.children && e.children.length > 0 ? list(e.children) : ''}</li>`).join('')}</ul>`;
  return `<nav class="toc" aria-labelledby="toc-title"><details open><summary id="toc-title">${esc(w.contents)}</summary>${list(entries)}</details></nav>`;
}

export const SITE_CSS = `
:root { color-scheme: light; --ink: #16181d; --muted: #4b5563; --line: #c5ccd6; --accent: #0b4f9c; --accent-bg: #e8f0fb; --focus: #c2410c; --mark: #fff4c2; --paper: #fff; --soft: #f4f6f9; }
* { box-sizing: border-box; }
html { font-size: 17px; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; line-height: 1.55; color: var(--ink); background: var(--paper); }
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.skip { position: absolute; left: 0.5rem; top: -3rem; z-index: 10; background: var(--ink); color: #fff; padding: 0.5rem 1rem; border-radius: 0 0 4px 4px; }
.skip:focus { top: 0; }
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.5rem; padding: 0.6rem 1.2rem; border-bottom: 3px solid var(--accent); background: var(--soft); }
.site-name { margin: 0; font-weight: 700; font-size: 1.05rem; }
.site-name a { color: var(--ink); text-decoration: none; }
header.site nav ul { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none; margin: 0; padding: 0; }
header.site nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
form.search { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin-left: auto; }
form.search label { font-size: 0.9rem; }
input[type="search"] { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #6b7280; border-radius: 4px; min-width: 14rem; }
button { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
.frame { max-width: 78rem; margin: 0 auto; padding: 0 1.2rem; }
body.with-toc .frame { display: grid; grid-template-columns: minmax(14rem, 20rem) minmax(0, 1fr); gap: 2rem; }
main { max-width: 50rem; padding: 1rem 0 3rem; }
body:not(.with-toc) main { max-width: 64rem; }
nav.toc { font-size: 0.9rem; padding-top: 1rem; }
nav.toc details { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-bottom: 1rem; }
nav.toc summary { font-weight: 700; cursor: pointer; margin-bottom: 0.3rem; }
nav.toc ul { list-style: none; margin: 0; padding-left: 0.8rem; }
nav.toc > details > ul { padding-left: 0; }
nav.toc li { margin: 0.15rem 0; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.6rem 0 0.6rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
h5, h6 { font-size: 1rem; }
.meta, .muted { color: var(--muted); }
.note { border-left: 4px solid var(--accent); background: var(--accent-bg); padding: 0.5rem 0.8rem; }
section.module, section.standard, article.requirement { scroll-margin-top: 0.5rem; }
article.requirement { border-left: 3px solid var(--line); padding: 0.1rem 0 0.1rem 0.9rem; margin: 1rem 0; }
:target { background: var(--mark); }
article.requirement:target { border-left-color: var(--focus); }
a.self { color: var(--ink); text-decoration: none; }
a.self:hover, a.self:focus-visible { text-decoration: underline; }
.expected { font-style: italic; }
.indicators-label { font-weight: 700; margin: 0.5rem 0 0.2rem; }
ol.indicators { list-style: none; padding-left: 0; margin: 0; }
ol.indicators li { margin: 0.2rem 0; padding-left: 0.2rem; }
.ind-id { font-weight: 700; font-variant-numeric: tabular-nums; margin-right: 0.3rem; }
.obs-links { font-size: 0.9rem; color: var(--muted); }
table { border-collapse: collapse; margin: 0.6rem 0; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.consultation { border: 2px solid var(--accent); border-radius: 6px; padding: 0.2rem 1.2rem 1rem; margin: 1.5rem 0; }
.consultation h2 { margin-top: 1rem; }
.countdown { font-weight: 700; font-size: 1.1rem; }
.downloads a { font-weight: 600; }
.decision-accepted { color: #14532d; } .decision-partially-accepted { color: #713f12; } .decision-rejected { color: #7f1d1d; } .decision-pending { color: #374151; }
.observation { border-top: 1px solid var(--line); padding: 0.4rem 0; }
.observation h4 { margin-top: 0.6rem; }
ol.results { padding-left: 1.2rem; }
ol.results li { margin: 0.6rem 0; }
.excerpt { margin: 0.1rem 0 0; color: var(--muted); }
footer.site { border-top: 1px solid var(--line); margin-top: 2rem; padding: 0.8rem 1.2rem; color: var(--muted); font-size: 0.9rem; }
@media (max-width: 60rem) {
  body.with-toc .frame { display: block; }
  nav.toc details { position: static; max-height: none; }
  nav.toc details:not([open]) { padding-bottom: 0; }
  form.search { margin-left: 0; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.25rem; }
  input[type="search"] { min-width: 0; width: 12rem; }
}
@media print {
  @page { size: A4; margin: 2cm; }
  html { font-size: 11pt; }
  body { font-family: "Times New Roman", "DejaVu Serif", serif; }
  .skip, header.site nav, form.search, nav.toc, footer.site, .no-print { display: none !important; }
  header.site { background: none; border-bottom: 1px solid #000; padding: 0 0 0.3cm; }
  body.with-toc .frame { display: block; }
  .frame, main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  :target { background: none; }
  h2, h3, h4 { break-after: avoid; }
  article.requirement, tr, .observation { break-inside: avoid; }
  article.requirement { border-left: none; padding-left: 0; }
}
`.trim();

/**
 * A version as a readable page: the front matter's facts, what changed since the version it supersedes, the
 * introduction, modules, standards, requirements and indicators with their stable anchors, annexes, links to
 * the observations made on each unit, and a table of contents. Also the search documents of the version.
 */
import { labelsFor } from '../model/labels.js';
import type { ReferenceTarget } from '../model/references.js';
import type { Lang, Module, Requirement, Standard, StandardsDoc } from '../model/types.js';
import { countUnits } from '../model/walk.js';
import { nodeText } from '../model/walk.js';
import { displayDate } from '../compare/labels.js';
import { aliasAnchors, fragment, headingText, indicatorAnchor, unitAnchor } from './anchors.js';
import { blocksHtml, inlineHtml, type ContentOptions } from './content.js';
import { esc, tocNav, type TocEntry } from './layout.js';
import { excerpt, type SearchDocument } from './search.js';
import { siteWords } from './words.js';

/** An observation shown beside the unit it targets. */
export interface UnitObservation {
  id: string;
  by: string;
  decision: string;
  /** The register page and anchor. */
  href: string;
}

export interface VersionPageInput {
  name: string;
  doc: StandardsDoc;
  /** The page's file name. */
  file: string;
  /** What changed since the version it supersedes: already rendered. */
  changes: string | null;
  observations: ReadonlyMap<Module | Standard | Requirement, UnitObservation[]>;
  decisionWord: (decision: string) => string;
  /** Set when the page is a translation: the original version's page. */
  translationOf: { name: string; file: string } | null;
}

export interface VersionPage {
  title: string;
  main: string;
  toc: string;
  documents: SearchDocument[];
}


/** Finds the anchor of a cross-reference's target in the document. */
export function referenceResolver(doc: StandardsDoc): (target: ReferenceTarget) => string | null {
  return (target) => {
    for (const module of doc.modules) {
      if (target.kind === 'module') {
        if (module.numeral?.toUpperCase() === target.numeral.toUpperCase()) return unitAnchor(module, doc.lang);
        continue;
      }
      for (const standard of module.standards) {
        if (target.kind === 'standard') {
          if (standard.number === target.number) return unitAnchor(standard, doc.lang);
          continue;
        }
        for (const r of standard.requirements) if (r.id && r.id.standard === target.standard && r.id.index === target.index) return unitAnchor(r, doc.lang);
      }
    }
    return null;
  };
}

export function versionPage(input: VersionPageInput): VersionPage {
  const { doc, name } = input;
  const lang = doc.lang;
  const w = siteWords(lang);
  const labels = labelsFor(lang);
  const content: ContentOptions = { definitions: doc.definitions, resolve: referenceResolver(doc) };
  const title = doc.meta.title ?? name;
  const documents: SearchDocument[] = [];
  const docId = `${name}${input.translationOf ? `.${lang}` : ''}`;
  const addDocument = (anchor: string, label: string, unitTitle: string, text: string) => {
    documents.push({ id: `${docId}#${anchor}`, label, title: unitTitle, text, url: `${input.file}${fragment(anchor)}`, version: docId, lang, excerpt: excerpt(text) });
  };

  const out: string[] = [];
  const toc: TocEntry[] = [];
  out.push(`<h1>${esc(title)}</h1>`);
  const facts = [
    `${w.version} ${name}`,
    doc.meta.status ? (w.statuses[doc.meta.status] ?? doc.meta.status) : null,
    doc.meta.date ? displayDate(doc.meta.date, lang) : null,
    doc.meta.workshop ?? null,
  ].filter((x): x is string => Boolean(x));
  out.push(`<p class="meta">${esc(facts.join(' · '))}</p>`);
  out.push(`<p class="meta">${esc(w.unitCounts(countUnits(doc)))}${doc.meta.supersedes ? ` · ${esc(w.supersedes)} ${esc(doc.meta.supersedes)}` : ''}</p>`);
  if (input.translationOf) out.push(`<p class="meta">${esc(w.translationOf(input.translationOf.name))}: <a href="${esc(input.translationOf.file)}" hreflang="ro" lang="ro">${esc(siteWords('ro').romanian)}</a></p>`);
  if (doc.meta.note) out.push(`<p class="note"><strong>${esc(w.note)}:</strong> ${esc(doc.meta.note)}</p>`);
  if (input.changes) {
    out.push(input.changes);
    toc.push({ text: w.changesSince(doc.meta.supersedes ?? ''), href: '#modificari' });
  }
  if (doc.intro.length > 0) {
    out.push(`<section id="introducere" aria-labelledby="introducere-titlu"><h2 id="introducere-titlu">${esc(w.introduction)}</h2>`, blocksHtml(doc.intro, { ...content, minHeading: 3, idPrefix: 'intro-' }), '</section>');
    toc.push({ text: w.introduction, href: '#introducere' });
  }

  const observed = (node: Module | Standard | Requirement) => {
    const list = input.observations.get(node) ?? [];
    if (list.length === 0) return '';
    return `<p class="obs-links">${esc(w.observations)}: ${list.map((o) => `<a href="${esc(o.href)}">${esc(`${w.observationOn} ${o.id}`)}</a> (${esc(o.by)}, <span class="decision-${esc(o.decision)}">${esc(input.decisionWord(o.decision))}</span>)`).join('; ')}</p>`;
  };
  // Each anchor once: in a draft with a numbering slip (two S3.2), the first unit keeps it, as a link would expect.
  const used = new Set(['continut', 'toc-title', 'q-header', 'introducere', 'introducere-titlu', 'modificari', 'modificari-titlu']);
  const claim = (id: string | null) => (id && !used.has(id) ? (used.add(id), id) : null);
  const anchors = new Map<object, string | null>();
  const aliases = new Map<Requirement, string[]>();
  for (const module of doc.modules) {
    anchors.set(module, claim(unitAnchor(module, lang)));
    for (const standard of module.standards) {
      anchors.set(standard, claim(unitAnchor(standard, lang)));
      for (const r of standard.requirements) {
        anchors.set(r, claim(unitAnchor(r, lang)));
        for (const i of r.indicators) anchors.set(i, claim(indicatorAnchor(i, r)));
      }
    }
  }
  for (const module of doc.modules) for (const standard of module.standards) for (const r of standard.requirements) aliases.set(r, aliasAnchors(r).filter((a) => claim(a)));
  const anchorOf = (node: object): string | null => anchors.get(node) ?? null;
  const anchorAttrs = (node: Module | Standard | Requirement) => {
    const id = anchorOf(node);
    return { id, attr: id ? ` id="${esc(id)}"` : '', aliases: (node.kind === 'requirement' ? (aliases.get(node) ?? []) : []).map((a) => `<span id="${esc(a)}"></span>`).join('') };
  };

  for (const module of doc.modules) {
    const m = anchorAttrs(module);
    const standardDepth = module.heading ? 3 : 2;
    const moduleEntry: TocEntry | null = module.heading ? { text: headingText(module, lang), href: m.id ? fragment(m.id) : '#', children: [] } : null;
    if (module.heading) {
      out.push(`<section class="module"${m.attr}>`, `<h2>${m.id ? `<a class="self" href="${esc(fragment(m.id))}">${esc(headingText(module, lang))}</a>` : esc(headingText(module, lang))}</h2>`);
      out.push(observed(module));
      if (module.blocks.length > 0) out.push(blocksHtml(module.blocks, { ...content, minHeading: 3, idPrefix: `${m.id ?? 'm'}-` }));
      if (m.id) addDocument(m.id, `${labels.module} ${module.numeral}`, module.title, nodeText({ type: 'root', children: module.blocks }));
      toc.push(moduleEntry!);
    }
    for (const standard of module.standards) {
      const s = anchorAttrs(standard);
      const label = `${labels.standard} ${standard.number ?? '?'}`;
      const standardEntry: TocEntry = { text: headingText(standard, lang), href: s.id ? fragment(s.id) : '#', children: [] };
      (moduleEntry?.children ?? toc).push(standardEntry);
      out.push(`<section class="standard"${s.attr}>`, `<h${standardDepth}>${s.id ? `<a class="self" href="${esc(fragment(s.id))}">${esc(headingText(standard, lang))}</a>` : esc(headingText(standard, lang))}</h${standardDepth}>`);
      out.push(observed(standard));
      out.push(blocksHtml(standard.statement, { ...content, minHeading: standardDepth + 1, idPrefix: `${s.id ?? 's'}-` }));
      for (const er of standard.expectedResults) out.push(`<p class="expected"><strong>${esc(labels.expectedResults)}</strong> ${inlineHtml(er.content.children, content)}</p>`);
      if (standard.unplaced.length > 0) out.push(blocksHtml(standard.unplaced, { ...content, minHeading: standardDepth + 1 }));
      if (s.id) addDocument(s.id, label, standard.title, [nodeText({ type: 'root', children: standard.statement }), ...standard.expectedResults.map((e) => e.text)].join('\n'));
      for (const r of standard.requirements) {
        out.push(requirementHtml(r, standardDepth + 1, lang, content, anchorAttrs(r), observed(r), anchorOf));
        const id = anchorOf(r);
        if (id) {
          standardEntry.children!.push({ text: `${id}${r.title ? ` ${r.title}` : ''}`, href: fragment(id) });
          addDocument(id, id, r.title, [nodeText({ type: 'root', children: r.text }), ...r.indicators.map((i) => i.text)].join('\n'));
          for (const i of r.indicators) {
            const ia = anchorOf(i);
            if (ia) addDocument(ia, ia, '', i.text);
          }
        }
      }
      out.push('</section>');
    }
    if (module.heading) out.push('</section>');
  }

  if (doc.annexes.length > 0) {
    const annexToc: TocEntry[] = [];
    doc.annexes.forEach((annex, i) => {
      const id = claim(`anexa-${i + 1}`) ?? `anexa-${i + 1}-${used.size}`;
      used.add(id);
      const heading = annex.heading.text;
      out.push(`<section class="annex" id="${id}"><h2><a class="self" href="#${id}">${esc(heading)}</a></h2>`, blocksHtml(annex.blocks, { ...content, minHeading: 3, idPrefix: `${id}-` }), '</section>');
      annexToc.push({ text: heading, href: `#${id}` });
      addDocument(id, heading, annex.title, nodeText({ type: 'root', children: annex.blocks }));
    });
    for (const entry of annexToc) toc.push(entry);
  }
  return { title, main: out.join('\n'), toc: tocNav(lang, toc), documents };
}

function requirementHtml(
  r: Requirement,
  depth: number,
  lang: Lang,
  content: ContentOptions,
  a: { id: string | null; attr: string; aliases: string },
  observed: string,
  anchorOf: (node: object) => string | null,
): string {
  const labels = labelsFor(lang);
  const out: string[] = [];
  const label = a.id ?? r.idText;
  out.push(`<article class="requirement"${a.attr}>${a.aliases}`);
  out.push(`<h${depth}>${a.id ? `<a class="self" href="${esc(fragment(a.id))}">${esc(label)}</a>` : esc(label)}${r.title ? ` ${esc(r.title)}` : ''}</h${depth}>`);
  out.push(blocksHtml(r.text, { ...content, minHeading: depth + 1, idPrefix: `${a.id ?? 'r'}-` }));
  if (r.indicators.length > 0) {
    out.push(`<p class="indicators-label">${esc(labels.indicators)}</p>`, '<ol class="indicators">');
    for (const i of r.indicators) {
      const id = anchorOf(i);
      const paragraph = i.node.children[0];
      let body: string;
      if (paragraph && paragraph.type === 'paragraph' && i.node.children.length === 1) {
        const html = inlineHtml(paragraph.children, content);
        body = i.explicit ? stripPrefix(html, i.explicit.text) : html;
      } else {
        body = blocksHtml(i.node.children, { ...content, minHeading: depth + 1 });
        if (i.explicit) body = stripPrefix(body, i.explicit.text);
      }
      out.push(`<li${id ? ` id="${esc(id)}"` : ''}><span class="ind-id">${esc(indicatorAnchor(i, r) ?? `${i.position}`)}:</span> ${body}</li>`);
    }
    out.push('</ol>');
  }
  if (r.unplaced.length > 0) out.push(blocksHtml(r.unplaced, { ...content, minHeading: depth + 1 }));
  out.push(observed, '</article>');
  return out.join('\n');
}

/** The indicator's explicit `Im1S1.1:` prefix is shown once, as the number. */
function stripPrefix(html: string, prefix: string): string {
  const at = html.indexOf(esc(prefix.trim()));
  if (at < 0 || at > 12) return html;
  return html.slice(0, at) + html.slice(at + esc(prefix.trim()).length).replace(/^\s+/, '');
}

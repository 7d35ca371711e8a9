/**
 * Stable anchors of the units of a version, shared by the site's pages and the synoptic HTML table:
 * a requirement is its id as written without the module prefix (`#S1.1`; an id such as `S1.1^1` stays as it
 * is: `#S1.1^1`, or percent-encoded `#S1.1%5E1`, both land on it), an indicator `#Im2S1.1`, a standard
 * `#standardul-3` (`#standard-3` in English), a module `#modulul-ii` (`#module-ii`). The older lower-case
 * requirement anchors of the format's Markdown links (`#s1-1`) are kept as aliases.
 */
import { labelsFor, moduleAnchor, requirementAnchor, standardAnchor } from '../model/labels.js';
import type { Indicator, Lang, Module, Requirement, Standard } from '../model/types.js';

/** The anchor of a module, standard or requirement; null for a unit with no readable number. */
export function unitAnchor(node: Module | Standard | Requirement, lang: Lang): string | null {
  switch (node.kind) {
    case 'module':
      return node.numeral && node.heading ? moduleAnchor(lang, node.numeral) : null;
    case 'standard':
      return node.number === null ? null : standardAnchor(lang, node.number);
    case 'requirement':
      return requirementAnchorOf(node);
  }
}

/** `S1.1` from `### S1.1`, `### M.I.-S1.1` or `### S1.1^1 Title`: the id as written, without the module prefix. */
export function requirementAnchorOf(requirement: Requirement): string | null {
  const written = requirement.idText.trim().replace(/^M\.?\s?[IVXLCDM]+\.?\s?[-–]\s?/u, '').replace(/\s+/g, '');
  if (written && /^S\d/u.test(written)) return written.replace(/\.$/, '');
  return requirement.id ? `S${requirement.id.standard}.${requirement.id.index}` : null;
}

/** `Im2S1.1`: the indicator's position and its requirement's anchor. */
export function indicatorAnchor(indicator: Indicator, requirement: Requirement): string | null {
  const r = requirementAnchorOf(requirement);
  return r ? `Im${indicator.position}${r}` : null;
}

/** Other anchors that land on the same unit (`s1-1` for `S1.1`). */
export function aliasAnchors(node: Module | Standard | Requirement): string[] {
  if (node.kind === 'requirement' && node.id) {
    const alias = requirementAnchor(node.id.standard, node.id.index);
    return alias === requirementAnchorOf(node) ? [] : [alias];
  }
  return [];
}

/** The fragment of a link to an anchor: characters a URL fragment cannot hold percent-encoded. */
export function fragment(anchor: string): string {
  return `#${encodeURI(anchor).replace(/#/g, '%23')}`;
}

/** `Modulul I. Accesarea serviciului`, `Standardul 3. Admiterea`: a module's or standard's heading as the pages show it. */
export function headingText(node: Module | Standard, lang: Lang): string {
  const labels = labelsFor(lang);
  if (node.kind === 'module') return `${labels.module} ${node.numeral ?? ''}.${node.title ? ` ${node.title}` : ''}`.trim();
  return `${labels.standard} ${node.number ?? '?'}.${node.title ? ` ${node.title}` : ''}`;
}

/** The site's pure parts: unit anchors, the search tokenizer, content with cross-reference links. */
import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { parseStandards } from '../../src/parse/index.js';
import type { Requirement } from '../../src/model/types.js';
import { fragment, indicatorAnchor, requirementAnchorOf, unitAnchor } from '../../src/site/anchors.js';
import { blocksHtml } from '../../src/site/content.js';
import { referenceResolver } from '../../src/site/version-page.js';
import { SEARCH_FIELDS, STORE_FIELDS, searchIndexScript, searchProcessTerm, searchTokenize, type SearchDocument } from '../../src/site/search.js';
import { VALID } from '../support/tmp.js';

const requirement = (idText: string, id: Requirement['id']): Requirement => ({ kind: 'requirement', idText, id }) as Requirement;

describe('anchors', () => {
  it('are the requirement id as written, without a module prefix, caret ids included', () => {
    expect(requirementAnchorOf(requirement('S4.2', { standard: 4, index: 2, modulePrefix: null }))).toBe('S4.2');
    expect(requirementAnchorOf(requirement('M.II.-S4.2', { standard: 4, index: 2, modulePrefix: 'II' }))).toBe('S4.2');
    expect(requirementAnchorOf(requirement('S1.1^1', null))).toBe('S1.1^1');
    expect(requirementAnchorOf(requirement('S4.2.', { standard: 4, index: 2, modulePrefix: null }))).toBe('S4.2');
    expect(requirementAnchorOf(requirement('Cerința fără număr', null))).toBeNull();
    expect(fragment('S1.1^1')).toBe('#S1.1%5E1');
    expect(decodeURIComponent(fragment('S1.1^1').slice(1))).toBe('S1.1^1');
  });

  it('name modules, standards, requirements and indicators in the language of the version', () => {
    const doc = parseStandards(VALID);
    const module = doc.modules[0]!;
    const standard = module.standards[0]!;
    const r = standard.requirements[0]!;
    expect([unitAnchor(module, 'ro'), unitAnchor(standard, 'ro'), unitAnchor(r, 'ro'), indicatorAnchor(r.indicators[0]!, r)]).toEqual(['modulul-i', 'standardul-1', 'S1.1', 'Im1S1.1']);
    expect([unitAnchor(module, 'en'), unitAnchor(standard, 'en')]).toEqual(['module-i', 'standard-1']);
  });
});

describe('content', () => {
  it('links the cross-references that resolve, and only those, outside code and links', () => {
    const doc = parseStandards(VALID.replace('Centrul dispune de un ghid.', 'Conform S1.1, Standardul 1 și Modulul I (nu S9.9, nu `S1.1`), vezi [aici](#s1-1).'));
    const html = blocksHtml(doc.modules[0]!.standards[0]!.requirements[0]!.text, { resolve: referenceResolver(doc) });
    expect(html).toBe(
      '<p>Conform <a href="#S1.1">S1.1</a>, <a href="#standardul-1">Standardul 1</a> și <a href="#modulul-i">Modulul I</a> (nu S9.9, nu <code>S1.1</code>), vezi <a href="#S1.1">aici</a>.</p>',
    );
  });

  it('keeps the lines of an a)/b) enumeration written in one paragraph', () => {
    const doc = parseStandards(VALID.replace('Centrul dispune de un ghid.', 'Termenii:\na) beneficiar, conform S1.1;\nb) centru.'));
    const html = blocksHtml(doc.modules[0]!.standards[0]!.requirements[0]!.text, { resolve: referenceResolver(doc) });
    expect(html).toBe('<p>Termenii:<br>\na) beneficiar, conform <a href="#S1.1">S1.1</a>;<br>\nb) centru.</p>');
  });

  it('makes no request outside the site and keeps links to safe addresses', () => {
    const doc = parseStandards(VALID.replace('Centrul dispune de un ghid.', '![Sigla](https://example.org/sigla.png) ![schița](img/schita.png) [rău](javascript:alert(1)) [bun](https://example.org/ghid) [scrie](mailto:a@example.org) [ref][r]\n\n[r]: javascript:alert(2)'));
    const html = blocksHtml(doc.modules[0]!.standards[0]!.requirements[0]!.text, { definitions: doc.definitions });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org/sigla.png">Sigla</a> schița <a href="">rău</a> <a href="https://example.org/ghid">bun</a> <a href="mailto:a@example.org">scrie</a>');
  });

  it('drops raw HTML, keeps headings below the unit and escapes text', () => {
    const doc = parseStandards(VALID.replace('Centrul dispune de un ghid.', 'Un <b>text</b> & <!-- center --> mai mult.\n\n#### Titlu'));
    const html = blocksHtml(doc.modules[0]!.standards[0]!.requirements[0]!.text, { minHeading: 5 });
    expect(html).toContain('Un text &#x26; ');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<!--');
    expect(html).toContain('<h5>Titlu</h5>');
  });
});

describe('search', () => {
  it('keeps ids whole and ignores case and diacritics', () => {
    expect(searchTokenize('Conform S4.2 și Im1S4.2, cerința S1.1^1: informează.')).toEqual(['Conform', 'S4.2', 'și', 'Im1S4.2', 'cerința', 'S1.1^1', 'informează']);
    expect(['Informează', 'informeaza', 'INFORMEAZĂ', 'informeaşă'].map(searchProcessTerm)).toEqual(['informeaza', 'informeaza', 'informeaza', 'informeasa']);
  });

  it('writes an index the browser build of MiniSearch reads back with the same options', () => {
    const docs: SearchDocument[] = [
      { id: 'a#S4.2', label: 'S4.2', title: '', text: 'Evaluarea complexă se realizează de o echipă.', url: 'a.html#S4.2', version: 'a', lang: 'ro', excerpt: '' },
      { id: 'a#S4.3', label: 'S4.3', title: 'Participarea', text: 'Beneficiarul participă la evaluare.', url: 'a.html#S4.3', version: 'a', lang: 'ro', excerpt: '' },
    ];
    const script = searchIndexScript(docs);
    const js = JSON.parse(script.split('\n').find((line) => line.startsWith('window.STDRAFT_SEARCH_INDEX = '))!.replace(/^[^=]*= /, '').replace(/;$/, ''));
    const index = MiniSearch.loadJS(js, { fields: SEARCH_FIELDS, storeFields: STORE_FIELDS, tokenize: searchTokenize, processTerm: searchProcessTerm });
    expect(index.search('complexa').map((r) => r.url)).toEqual(['a.html#S4.2']);
    expect(index.search('S4.3').map((r) => r.url)).toEqual(['a.html#S4.3']);
    expect(index.search('particip', { prefix: true }).map((r) => r.url)).toEqual(['a.html#S4.3']);
  });
});

/**
 * Client-side search with MiniSearch: every module, standard, requirement and indicator of every version
 * (and of its translations) is a document; the index is built here, serialised into a script file
 * (`assets/search-index.js`, loaded by a `<script>` tag, since browsers forbid reading JSON files from
 * `file://`), and loaded in the browser by the same library with the same tokenizer and term processing,
 * so that `S4.2`, `Im1S4.2` and words without diacritics (`informeaza`) are found.
 */
import MiniSearch from 'minisearch';

export interface SearchDocument {
  id: string;
  /** `S4.2`, `Standardul 3`, `Modulul II`, `Im1S4.2`. */
  label: string;
  title: string;
  text: string;
  /** The page and anchor: `2016-02.html#S4.2`. */
  url: string;
  version: string;
  lang: string;
  excerpt: string;
}

/** Ids (`S4.2`, `S4.2^1`, `Im1S4.2`) are one term; other text is split at anything that is not a letter or digit. */
export function searchTokenize(text: string): string[] {
  return text.match(/Im\d+S\d+\.\d+(?:\^\d+)?|S\d+\.\d+(?:\^\d+)?|[\p{L}\p{N}]+/gu) ?? [];
}

/** Lower case without diacritics (ș, ş and s are one letter for the search). */
export function searchProcessTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export const SEARCH_FIELDS = ['label', 'title', 'text'];
export const STORE_FIELDS = ['label', 'title', 'url', 'version', 'lang', 'excerpt'];

/** The index as the script file the pages load. */
export function searchIndexScript(documents: readonly SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>({ fields: SEARCH_FIELDS, storeFields: STORE_FIELDS, tokenize: searchTokenize, processTerm: searchProcessTerm });
  index.addAll(documents);
  // Version names sort chronologically (the format's contract): the newest text comes first among equals.
  const versions = [...new Set(documents.map((d) => baseVersion(d.version)))].sort();
  return `/* The search index of the site (MiniSearch ${MINISEARCH_VERSION}), made by stdraft. */\nwindow.STDRAFT_SEARCH_INDEX = ${JSON.stringify(index)};\nwindow.STDRAFT_SEARCH_VERSIONS = ${JSON.stringify(versions)};\n`;
}

export const MINISEARCH_VERSION = '7.2.0';

/** The version a translation follows (`2016-02.en` → `2016-02`): a twin ranks with its version. */
export function baseVersion(version: string): string {
  return version.replace(/\.[a-z]{2,3}$/, '');
}

/** A short excerpt of a unit's text for the results list. */
export function excerpt(text: string, length = 180): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const cut = clean.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 30))} …`;
}

/**
 * The site's script: the countdown to the consultation deadline, the search page, and the table of contents
 * folded on a phone. The tokenizer and term
 * processing are the functions above, written into the script as they are compiled, so the browser reads
 * the index exactly as it was built.
 */
export function siteScript(): string {
  return `/* stdraft site script: consultation countdown and search. No network request. */
(function () {
  'use strict';
  var tokenize = ${searchTokenize.toString()};
  var processTerm = ${searchProcessTerm.toString()};
  var baseVersion = ${baseVersion.toString()};

  function countdown() {
    var nodes = document.querySelectorAll('[data-deadline]');
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var parts = node.getAttribute('data-deadline').split('-');
      var deadline = Date.UTC(+parts[0], +parts[1] - 1, +parts[2]);
      var now = new Date();
      var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
      var days = Math.round((deadline - today) / 86400000);
      var text = days > 0 ? node.getAttribute('data-left').replace('{n}', String(days)) : days === 0 ? node.getAttribute('data-last') : node.getAttribute('data-closed');
      if (days === 1) text = node.getAttribute('data-one');
      node.textContent = text;
      node.hidden = false;
    }
  }

  function search() {
    var box = document.getElementById('search-results');
    var input = document.getElementById('q');
    if (!box || !input || !window.MiniSearch || !window.STDRAFT_SEARCH_INDEX) return;
    var index = window.MiniSearch.loadJS(window.STDRAFT_SEARCH_INDEX, { fields: ${JSON.stringify(SEARCH_FIELDS)}, storeFields: ${JSON.stringify(STORE_FIELDS)}, tokenize: tokenize, processTerm: processTerm });
    var status = document.getElementById('search-status');
    var versions = window.STDRAFT_SEARCH_VERSIONS || [];
    // The same unit in several versions scores alike: the newer version's comes first.
    function recency(id, term, stored) {
      var rank = versions.indexOf(stored && baseVersion(stored.version));
      return rank < 0 ? 1 : 1 + 0.3 * (rank + 1) / versions.length;
    }
    var words = { one: box.getAttribute('data-one'), many: box.getAttribute('data-many'), none: box.getAttribute('data-none') };
    function show(query) {
      box.textContent = '';
      query = query.trim();
      if (!query) { status.textContent = ''; return; }
      var results = index.search(query, { prefix: true, fuzzy: function (term) { return term.length > 4 ? 0.2 : 0; }, boost: { label: 4, title: 2 }, boostDocument: recency, combineWith: 'AND' });
      status.textContent = (results.length === 0 ? words.none : results.length === 1 ? words.one : words.many).replace('{n}', String(results.length)).replace('{q}', query);
      var list = document.createElement('ol');
      list.className = 'results';
      results.slice(0, 100).forEach(function (r) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = r.url;
        link.textContent = r.label + (r.title ? ' — ' + r.title : '');
        var meta = document.createElement('span');
        meta.className = 'muted';
        meta.textContent = ' (' + r.version + ')';
        var text = document.createElement('p');
        text.className = 'excerpt';
        text.textContent = r.excerpt;
        if (r.lang !== document.documentElement.lang) { link.lang = r.lang; text.lang = r.lang; }
        item.appendChild(link);
        item.appendChild(meta);
        item.appendChild(text);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    var params = new URLSearchParams(window.location.search);
    input.value = params.get('q') || '';
    show(input.value);
    input.addEventListener('input', function () { show(input.value); });
    document.getElementById('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      show(input.value);
      if (window.history && window.location.protocol !== 'file:') window.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    });
  }

  // On a phone the table of contents starts folded, so that the text comes first.
  function foldContents() {
    if (!window.matchMedia || !window.matchMedia('(max-width: 60rem)').matches) return;
    var toc = document.querySelector('nav.toc details');
    if (!toc) return;
    toc.removeAttribute('open');
    // The text moved up: bring the unit the address names back to the top.
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target) target.scrollIntoView();
  }

  countdown();
  search();
  foldContents();
})();
`;
}

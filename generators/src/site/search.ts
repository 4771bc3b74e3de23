/**
 * Search across items: every module, record, typedef, constant, set and rule, with the page
 * and anchor it is on. The index is a script (`search-index.js`), not JSON fetched at run
 * time, so the search works from files opened directly as well as from a web server.
 */
export interface SearchEntry {
  name: string;
  kind: string;
  /** Where it belongs, shown beside the name. @example "stable/dm_op" */
  where: string;
  /** Relative to the site root. @example "reference/stable/dm_op.html#xen_dm_op" */
  href: string;
}

export function searchIndexScript(entries: readonly SearchEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.href < b.href ? -1 : 1));
  return `window.XENABI_SEARCH = ${JSON.stringify(sorted)};\n`;
}

/** The search box's behaviour: filter the index as the reader types, best matches first. */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var input = document.getElementById('search');
  var list = document.getElementById('search-results');
  var root = document.body.getAttribute('data-root') || '';
  var entries = window.XENABI_SEARCH || [];
  function rank(name, q) {
    var n = name.toLowerCase();
    if (n === q) return 0;
    if (n.indexOf(q) === 0) return 1;
    return n.indexOf(q) >= 0 ? 2 : -1;
  }
  function show() {
    var q = input.value.trim().toLowerCase();
    list.textContent = '';
    if (!q) { list.hidden = true; return; }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var r = rank(entries[i].name, q);
      if (r >= 0) hits.push([r, entries[i]]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || (a[1].name < b[1].name ? -1 : 1); });
    hits.slice(0, 30).forEach(function (hit) {
      var e = hit[1];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + e.href;
      a.textContent = e.name;
      var small = document.createElement('small');
      small.textContent = ' ' + e.kind + ' · ' + e.where;
      li.appendChild(a);
      li.appendChild(small);
      list.appendChild(li);
    });
    if (!hits.length) {
      var none = document.createElement('li');
      none.textContent = 'nothing matches';
      list.appendChild(none);
    }
    list.hidden = false;
  }
  input.addEventListener('input', show);
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      var first = list.querySelector('a');
      if (first) window.location.href = first.href;
    }
  });
})();
`;

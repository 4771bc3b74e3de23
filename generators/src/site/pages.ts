/**
 * The frame every page of the docs site shares, the home page, the reference index and the
 * availability matrix.
 */
import { existsIn, XEN_RELEASES } from '../model/releases.js';
import type { AbiModel, ModuleDecl } from '../model/types.js';
import { anchor, esc, modulePage, relativeHref } from './html.js';

export interface NavLink {
  title: string;
  /** Relative to the site root. */
  href: string;
}

export const NAV: NavLink[] = [
  { title: 'Reference', href: 'reference/index.html' },
  { title: 'Availability', href: 'availability.html' },
  { title: 'Rules', href: 'rules/index.html' },
  { title: 'Layout', href: 'layout.html' },
  { title: 'CI recipes', href: 'ci.html' },
  { title: 'Performance', href: 'performance.html' },
];

/** A whole page: `path` is where it is, relative to the site root, for its relative links. */
export function page(path: string, title: string, body: string): string {
  const root = relativeHref(path, '');
  const nav = NAV.map((n) => `<a href="${esc(relativeHref(path, n.href))}"${n.href === path ? ' aria-current="page"' : ''}>${esc(n.title)}</a>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · xenabi</title>
<link rel="stylesheet" href="${esc(root)}site.css">
<link rel="icon" href="data:,">
</head>
<body data-root="${esc(root)}">
<header>
<a class="home" href="${esc(root)}index.html">xenabi</a>
<nav>
${nav}
</nav>
<div class="search"><input id="search" type="search" placeholder="Search items" aria-label="Search items" autocomplete="off"><ul id="search-results" hidden></ul></div>
</header>
<main>
${body}
</main>
<script src="${esc(root)}search-index.js"></script>
<script src="${esc(root)}search.js"></script>
</body>
</html>
`;
}

function sortedModules(modules: readonly ModuleDecl[]): ModuleDecl[] {
  return [...modules].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

export function referenceIndex(view: AbiModel & { release: string }): string {
  const rows = sortedModules(view.modules).map((m) => {
    const count = (items: readonly { module: string; namespace: string }[]) => items.filter((i) => i.module === m.name && i.namespace === m.namespace).length;
    return `<tr><td><a href="${esc(relativeHref('reference/index.html', modulePage(m.namespace, m.name)))}"><code>${esc(`${m.namespace}/${m.name}`)}</code></a></td><td><code>${esc(m.xenHeader)}</code></td><td>${count(view.records)}</td><td>${count(view.constants)}</td><td>${esc(m.doc ?? '')}</td></tr>`;
  });
  return `<h1>Reference, Xen ${esc(view.release)}</h1>
<p>Every module of the registry with its records (and their byte layouts on x86_32, x86_64, arm32 and arm64), typedefs, constants and sets, as the newest release has them. The <a href="../availability.html">availability matrix</a> has the history.</p>
<table><thead><tr><th>module</th><th>Xen header</th><th>records</th><th>constants</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Every item of the history against every Xen release. */
export function availabilityBody(history: AbiModel, newest: string): string {
  const sections = sortedModules(history.modules).map((m) => {
    const items = [...history.records.filter((r) => !r.parent), ...history.aliases, ...history.constants].filter((i) => i.module === m.name && i.namespace === m.namespace);
    const rows = items.map((i) => {
      const cells = XEN_RELEASES.map((r) => (existsIn(i, r) ? '<td class="yes">●</td>' : '<td></td>'));
      const name = existsIn(i, newest) ? `<a href="${esc(`${modulePage(m.namespace, m.name)}#${anchor(i.name)}`)}"><code>${esc(i.name)}</code></a>` : `<code>${esc(i.name)}</code>`;
      return `<tr><td>${name}${i.archs ? ` <small>(${esc(i.archs.join(', '))})</small>` : ''}</td>${cells.join('')}</tr>`;
    });
    return `<h2 id="${anchor(`${m.namespace}-${m.name}`)}"><code>${esc(`${m.namespace}/${m.name}`)}</code></h2>
<table class="matrix"><thead><tr><th>item</th>${XEN_RELEASES.map((r) => `<th>${esc(r)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return `<h1>Availability</h1><p>Which Xen releases have each item (● = present).</p>${sections.join('\n')}`;
}

export function homeBody(view: AbiModel & { release: string }, guides: readonly NavLink[]): string {
  const records = view.records.length;
  return `<h1>xenabi</h1>
<p>The Xen stable ABI, declared once, laid out on four architectures, generated for C, Rust and TypeScript, and checked for breaks in CI. This site is generated from the same model as the headers and bindings (Xen ${esc(view.release)}: ${view.modules.length} modules, ${records} records, ${view.constants.length} constants).</p>
<ul>
<li><a href="reference/index.html">Reference</a>: every module, with a byte-layout diagram of each record on every architecture.</li>
<li><a href="availability.html">Availability</a>: which Xen release has what.</li>
<li><a href="rules/index.html">Rules</a>: what <code>xenabi check</code> reports, and why.</li>
${guides.map((g) => `<li><a href="${esc(g.href)}">${esc(g.title)}</a></li>`).join('\n')}
</ul>`;
}

export const SITE_CSS = `:root { --fg: #1d2330; --muted: #5b6474; --line: #d9dee7; --accent: #2459c9; --differs: #c2410c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); }
header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff; z-index: 2; flex-wrap: wrap; }
header .home { font-weight: 700; color: var(--fg); text-decoration: none; }
nav { display: flex; gap: 1rem; flex-wrap: wrap; }
nav a { color: var(--muted); text-decoration: none; }
nav a[aria-current] { color: var(--accent); }
.search { position: relative; margin-left: auto; }
#search { width: 18rem; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 4px; }
#search-results { position: absolute; right: 0; width: 28rem; max-height: 24rem; overflow: auto; margin: 0; padding: .3rem 0; list-style: none; background: #fff; border: 1px solid var(--line); border-radius: 4px; }
#search-results li { padding: .15rem .6rem; }
main { padding: 1rem 1.5rem 4rem; max-width: 80rem; }
code { font: 13px/1.4 ui-monospace, monospace; }
h1 code, h2 code { font-size: inherit; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border-bottom: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
tr.differs td:first-child code { color: var(--differs); }
td.na { color: var(--muted); }
table.matrix td.yes { text-align: center; color: var(--accent); }
.facts { color: var(--muted); }
figure.diagram { margin: .5rem 0; overflow-x: auto; }
svg.layout text { font: 11px ui-monospace, monospace; fill: var(--fg); }
svg.layout .tick line { stroke: var(--muted); }
svg.layout .tick text { fill: var(--muted); font-size: 9px; }
svg.layout rect.record { fill: none; stroke: var(--fg); }
svg.layout .field rect { fill: #dbe7ff; stroke: #5b7fd1; }
svg.layout .bitfield rect { fill: #e4f5e9; stroke: #3f9a5c; }
svg.layout .padding rect { fill: #eeeeee; stroke: #9aa1ad; }
svg.layout .flex rect { fill: #fff7d6; stroke: #b8952a; }
svg.layout .hole rect, svg.layout .tail rect { fill: #fde2e2; stroke: #d05a5a; stroke-dasharray: 3 2; }
svg.layout .differs rect { stroke: var(--differs); stroke-width: 2; }
svg.layout text.differs { fill: var(--differs); font-weight: 700; }
`;

/**
 * The docs site: static HTML generated from the same model as the headers and bindings — the
 * reference with a byte-layout diagram of every record, the availability matrix, the rules
 * catalogue, the guides (layout rules, CI recipes, performance, formats) — and a search across
 * items. `xenabi site --out DIR` writes it; nothing in it needs a server.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../emit/emitter.js';
import { loadAbi } from '../load/index.js';
import { NEWEST_RELEASE } from '../model/releases.js';
import { atRelease } from '../select/release.js';
import { anchor, modulePage } from './html.js';
import { markdownPage } from './markdown.js';
import { availabilityBody, homeBody, NAV, page, referenceIndex, SITE_CSS, type NavLink } from './pages.js';
import { archLayouts, modulePageBody } from './reference.js';
import { SEARCH_SCRIPT, searchIndexScript, type SearchEntry } from './search.js';

/** The guides: Markdown documents of docs/ shown as pages at the site's root. */
const GUIDES: { source: string; page: string; title: string }[] = [
  { source: 'docs/layout.md', page: 'layout.html', title: 'Layout rules' },
  { source: 'docs/ci.md', page: 'ci.html', title: 'CI recipes' },
  { source: 'docs/performance.md', page: 'performance.html', title: 'Performance' },
  { source: 'docs/check-format.md', page: 'check-format.html', title: 'Check output and policy' },
  { source: 'docs/export-format.md', page: 'export-format.html', title: 'Export format' },
  { source: 'docs/verify.md', page: 'verify.html', title: 'Verifying against Xen\'s headers' },
  { source: 'docs/headers.md', page: 'headers.html', title: 'Checking Xen\'s headers' },
  { source: 'docs/import.md', page: 'import.html', title: 'Importing from Xen\'s headers' },
];

function html(path: string, content: string, sources: string[]): OutputFile {
  return { path, content, sources, comment: 'markdown' };
}

/** Every file of the site, paths relative to its root. */
export async function siteFiles(root: string): Promise<OutputFile[]> {
  const { model } = await loadAbi(join(root, 'abi'), root);
  const view = atRelease(model, NEWEST_RELEASE);
  const layouts = archLayouts(view);
  const rules = existsSync(join(root, 'docs/rules'))
    ? readdirSync(join(root, 'docs/rules')).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()
    : [];
  const guides = GUIDES.filter((g) => existsSync(join(root, g.source)));

  // Repository documents that are pages here: links between them stay inside the site.
  const pages = new Map<string, string>([
    ['README.md', 'index.html'],
    ['docs/rules/README.md', 'rules/index.html'],
    ['docs/reference/index.md', 'reference/index.html'],
    ['docs/reference/availability.md', 'availability.html'],
    ...guides.map((g) => [g.source, g.page] as [string, string]),
    ...rules.map((f) => [`docs/rules/${f}`, `rules/${f.replace(/\.md$/, '.html')}`] as [string, string]),
    ...view.modules.map((m) => [`docs/reference/${m.namespace}/${m.name}.md`, modulePage(m.namespace, m.name)] as [string, string]),
  ]);
  const md = (source: string, path: string, title: string): OutputFile =>
    html(path, page(path, title, markdownPage(readFileSync(join(root, source), 'utf8'), source, path, pages)), [source]);

  const files: OutputFile[] = [
    html('index.html', page('index.html', 'xenabi', homeBody(view, guides.map((g): NavLink => ({ title: g.title, href: g.page })))), ['abi/']),
    html('reference/index.html', page('reference/index.html', 'Reference', referenceIndex(view)), ['abi/']),
    html('availability.html', page('availability.html', 'Availability', availabilityBody(model, NEWEST_RELEASE)), ['abi/']),
    ...view.modules.map((m) => {
      const path = modulePage(m.namespace, m.name);
      return html(path, page(path, `${m.namespace}/${m.name}`, modulePageBody(view, m, layouts)), [m.loc.file]);
    }),
    ...guides.map((g) => md(g.source, g.page, g.title)),
    ...(existsSync(join(root, 'docs/rules/README.md')) ? [md('docs/rules/README.md', 'rules/index.html', 'Rules')] : []),
    ...rules.map((f) => md(`docs/rules/${f}`, `rules/${f.replace(/\.md$/, '.html')}`, f.replace(/\.md$/, ''))),
    { path: 'site.css', content: SITE_CSS, sources: ['generators/src/site/pages.ts'], comment: 'c' },
    { path: 'search.js', content: SEARCH_SCRIPT, sources: ['generators/src/site/search.ts'], comment: 'c' },
    { path: 'search-index.js', content: searchIndexScript(searchEntries(view, rules)), sources: ['abi/', 'docs/rules/'], comment: 'c' },
  ];
  return files;
}

function searchEntries(view: ReturnType<typeof atRelease>, rules: readonly string[]): SearchEntry[] {
  const at = (item: { namespace: string; module: string; name: string }) => `${modulePage(item.namespace, item.module)}#${anchor(item.name)}`;
  return [
    ...view.modules.map((m) => ({ name: m.name, kind: 'module', where: m.namespace, href: modulePage(m.namespace, m.name) })),
    ...view.records.map((r) => ({ name: r.name, kind: r.kind, where: `${r.namespace}/${r.module}`, href: at(r) })),
    ...view.aliases.map((a) => ({ name: a.name, kind: 'typedef', where: `${a.namespace}/${a.module}`, href: at(a) })),
    ...view.constants.map((c) => ({ name: c.name, kind: 'constant', where: `${c.namespace}/${c.module}`, href: at(c) })),
    ...view.sets.map((s) => ({ name: s.name, kind: `${s.kind} set`, where: `${s.namespace}/${s.module}`, href: at(s) })),
    ...rules.map((f) => ({ name: f.replace(/\.md$/, ''), kind: 'rule', where: 'xenabi check', href: `rules/${f.replace(/\.md$/, '.html')}` })),
  ];
}

export { NAV };

/**
 * The reference pages of the docs site: one page per ABI module, as the newest release has
 * it, with every record's byte-layout diagram, its members' offsets on every architecture,
 * and the module's typedefs, constants and sets. Numbers come from the layout engine.
 */
import { ArchLayout, type RecordLayout } from '../layout/engine.js';
import { spellType } from '../layout/spell.js';
import { ARCHES } from '../model/arch.js';
import type { AliasDecl, Arch, ConstantDecl, ConstantSetDecl, ModuleDecl, RecordDecl } from '../model/types.js';
import type { ReleaseModel } from '../select/release.js';
import { differingFields, layoutDiagram } from './diagram.js';
import { anchor, esc } from './html.js';
import { directedDoc } from '../model/directions.js';

/** The layout engine of the release, once per architecture. */
export function archLayouts(view: ReleaseModel): Map<Arch, ArchLayout> {
  return new Map(ARCHES.map((a) => [a, new ArchLayout(view, a)]));
}

/** A record's layouts on the architectures it exists on, in the fixed order. */
export function recordLayouts(layouts: ReadonlyMap<Arch, ArchLayout>, name: string): [Arch, RecordLayout][] {
  return ARCHES.filter((a) => layouts.get(a)?.has(name)).map((a) => [a, layouts.get(a)!.record(name)]);
}

/** Documentation text: escaped, with its `code spans` shown as code. */
export function docText(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function para(text: string | undefined): string {
  return text ? `<p>${docText(text)}</p>` : '';
}

function lifetime(item: { since: string; until?: string }): string {
  return `since Xen ${esc(item.since)}${item.until ? `, until ${esc(item.until)}` : ''}`;
}

function recordSection(r: RecordDecl, layouts: ReadonlyMap<Arch, ArchLayout>): string {
  const per = recordLayouts(layouts, r.name);
  const differs = differingFields(per);
  const head = `<h2 id="${anchor(r.name)}" class="item" data-kind="record"><code>${esc(`${r.kind} ${r.name}`)}</code></h2>`;
  const facts = [r.typedef ? `typedef <code>${esc(r.typedef)}</code>` : '', r.parent ? `inside <a href="#${anchor(r.parent)}"><code>${esc(r.parent)}</code></a>` : '', lifetime(r), per.map(([a, l]) => `${a} ${l.size} B / ${l.align}`).join(', ')].filter(Boolean);
  const rows = r.fields.map((f) => {
    const name = f.name || '(anonymous)';
    const cells = ARCHES.map((a) => {
      const l = per.find(([x]) => x === a)?.[1];
      const fl = l?.fields.find((x) => (x.name || '(anonymous)') === name);
      if (!fl) return '<td class="na">—</td>';
      return `<td>${fl.bitWidth !== undefined ? `bit ${fl.bitOffset} :${fl.bitWidth}` : `${fl.offset} +${fl.size}`}</td>`;
    });
    const type = per[0]?.[1].fields.find((x) => (x.name || '(anonymous)') === name)?.type ?? '';
    return `<tr${differs.has(name) ? ' class="differs"' : ''}><td><code>${esc(name)}</code></td><td><code>${esc(type)}</code></td>${cells.join('')}<td>${docText(directedDoc(f) ?? '')}</td></tr>`;
  });
  const table = `<table class="fields"><thead><tr><th>member</th><th>type</th>${ARCHES.map((a) => `<th>${a}</th>`).join('')}<th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const diagram = per.length ? `<figure class="diagram">${layoutDiagram({ name: r.name, layouts: per })}</figure>` : '';
  return `<section class="record">${head}<p class="facts">${facts.join(' · ')}</p>${para(r.doc)}${diagram}${table}</section>`;
}

function aliasRows(aliases: readonly AliasDecl[], layouts: ReadonlyMap<Arch, ArchLayout>, kindOf: (name: string) => 'struct' | 'union'): string {
  if (!aliases.length) return '';
  const rows = aliases.map((a) => {
    const sizes = ARCHES.map((arch) => `<td>${layouts.get(arch)?.sizeAlign({ kind: 'alias', name: a.name }).size ?? '—'}</td>`).join('');
    return `<tr id="${anchor(a.name)}" class="item" data-kind="typedef"><td><code>${esc(a.name)}</code></td><td><code>${esc(spellType(a.type, kindOf))}</code></td>${sizes}<td>${lifetime(a)}</td><td>${docText(a.doc ?? '')}</td></tr>`;
  });
  return `<h2>Typedefs</h2><table><thead><tr><th>typedef</th><th>type</th>${ARCHES.map((a) => `<th>${a}</th>`).join('')}<th>lifetime</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function constantRows(constants: readonly ConstantDecl[]): string {
  if (!constants.length) return '';
  const rows = constants.map((c) => `<tr id="${anchor(c.name)}" class="item" data-kind="constant"><td><code>${esc(c.name)}</code></td><td><code>${esc(c.value)}</code></td><td>${lifetime(c)}</td><td>${docText(c.doc ?? '')}</td></tr>`);
  return `<h2>Constants</h2><table><thead><tr><th>constant</th><th>value</th><th>lifetime</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function setRows(sets: readonly ConstantSetDecl[]): string {
  if (!sets.length) return '';
  const rows = sets.map((s) => `<tr id="${anchor(s.name)}" class="item" data-kind="set"><td><code>${esc(s.name)}</code></td><td>${esc(s.kind)}</td><td>${docText(s.doc ?? '')}</td></tr>`);
  return `<h2>Sets</h2><table><thead><tr><th>set</th><th>kind</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The body of a module's page. */
export function modulePageBody(view: ReleaseModel, m: ModuleDecl, layouts: ReadonlyMap<Arch, ArchLayout>): string {
  const mine = <T extends { module: string; namespace: string }>(items: readonly T[]) => items.filter((i) => i.module === m.name && i.namespace === m.namespace);
  return [
    `<h1><code>${esc(m.namespace)}/${esc(m.name)}</code></h1>`,
    `<p class="facts">Xen's <code>${esc(m.xenHeader)}</code>${m.archs ? ` · ${esc(m.archs.join(', '))} only` : ''}${m.gates?.length ? ` · needs ${esc(m.gates.map((g) => `${g.kind} ${g.name}`).join('; '))}` : ''}</p>`,
    para(m.doc),
    ...mine(view.records).map((r) => recordSection(r, layouts)),
    aliasRows(mine(view.aliases), layouts, (name) => view.records.find((r) => r.name === name)?.kind ?? 'struct'),
    constantRows(mine(view.constants)),
    setRows(mine(view.sets)),
  ].join('\n');
}

/**
 * The availability matrix: every item of the registry against every Xen release, read from
 * each item's lifetime. One table per module, so a device-model author can see at a glance
 * what the oldest Xen they support has, and in which releases Xen's own header showed a
 * stable item only to tools builds (its tier then).
 */
import { existsIn, XEN_RELEASES } from '../../model/releases.js';
import { toolsOnlyIn } from '../../model/tier.js';
import type { AbiModel, Gate, ModuleDecl } from '../../model/types.js';
import { code } from './names.js';

export interface AvailabilityTable {
  title: string;
  /** Gates of the whole module, said once above its table. */
  gates: string;
  header: string;
  rule: string;
  rows: string[];
}

interface Lived {
  name: string;
  module: string;
  since: string;
  until?: string;
  linuxSince?: string;
  linuxUntil?: string;
  gates?: Gate[];
  archs?: string[];
  toolsOnlyBefore?: string;
  toolsOnlySince?: string;
}

/** A release's cell: present to every includer, present to tools builds only, or absent. */
const PRESENT = '●';
const TOOLS_ONLY = '○';

export function availabilityTables(history: AbiModel): AvailabilityTable[] {
  return [...history.modules]
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((m) => tableFor(m, history));
}

function tableFor(module: ModuleDecl, history: AbiModel): AvailabilityTable {
  const items: Lived[] = [
    ...history.records.filter((r) => !r.parent),
    ...history.aliases,
    ...history.constants,
    ...(history.macros ?? []).map((m) => ({ ...m, name: `${m.name}()` })),
  ].filter((i) => i.module === module.name);
  if (module.namespace === 'linux') return linuxTable(module, items);
  return {
    title: `${module.name} (${module.namespace}, Xen \`${module.xenHeader}\`)`,
    gates: (module.gates ?? []).map(gateLabel).join('; '),
    header: ['item', ...XEN_RELEASES, 'gates'].join(' | '),
    rule: ['---', ...XEN_RELEASES.map(() => ':-:'), '---'].join(' | '),
    rows: byLabel(items).map((runs) => row(runs, module)),
  };
}

/** Linux's interface is in every Xen release: its table lists the Linux release of each item instead. */
function linuxTable(module: ModuleDecl, items: Lived[]): AvailabilityTable {
  return {
    title: `${module.name} (linux, Linux \`${module.xenHeader}\`: in every Xen release)`,
    gates: '',
    header: ['item', 'Linux release', 'until'].join(' | '),
    rule: ['---', ':-:', ':-:'].join(' | '),
    rows: items.map((i) => [code(i.name), i.linuxSince ?? '', i.linuxUntil ?? ''].join(' | ')),
  };
}

/**
 * Items grouped by their row label, in first-declaration order: a name declared once per run of
 * releases (Xen removed it and brought it back, or changed its value) is one row.
 */
function byLabel(items: Lived[]): Lived[][] {
  const rows = new Map<string, Lived[]>();
  for (const i of items) {
    const runs = rows.get(label(i));
    if (runs) runs.push(i);
    else rows.set(label(i), [i]);
  }
  return [...rows.values()];
}

function label(item: Lived): string {
  return `${code(item.name)}${item.archs ? ` (${item.archs.join(', ')})` : ''}`;
}

function row(runs: Lived[], module: ModuleDecl): string {
  const stable = module.namespace === 'stable';
  const cell = (r: string): string => {
    const item = runs.find((i) => existsIn(i, r));
    return !item ? '' : stable && toolsOnlyIn(item, module, r) ? TOOLS_ONLY : PRESENT;
  };
  const gates = runs.flatMap((i) => (i.gates ?? []).map(gateLabel));
  return [label(runs[0]!), ...XEN_RELEASES.map(cell), [...new Set(gates)].join('; ')].join(' | ');
}

function gateLabel(gate: Gate): string {
  return `${gate.kind} ${code(gate.name)} since ${gate.since}${gate.until ? ` until ${gate.until}` : ''}`;
}

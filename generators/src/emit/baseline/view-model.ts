/**
 * Baseline view-model: a side (the model as the newest release has it, read through the
 * layout engine) turned into fact lines, one section per module. Nothing is computed here
 * but grouping: architectures that agree on a fact share its line, so a change on one
 * architecture splits the line and shows in the diff.
 */
import { ARCHES } from '../../model/arch.js';
import type { Arch, Namespace } from '../../model/types.js';
import { fieldKey, type AbiSide, type SideAlias, type SideConstant, type SideField, type SideMacro, type SideRecord, type SideSet } from '../../check/side/types.js';
import { BASELINE_FORMAT, archWord, factLine, keyWord, macroLine, nameWord, samplesWord, textWord } from './names.js';

export interface BaselineModule {
  name: string;
  lines: string[];
}

export interface BaselineView {
  namespace: Namespace;
  release: string;
  header: string;
  modules: BaselineModule[];
}

export function baselineView(side: AbiSide, namespace: Namespace): BaselineView {
  // Each kind of item grouped by module once (not searched again per module), sorted by name.
  const byModule = <T extends { namespace: Namespace; module: string; name: string }>(items: Record<string, T>): Map<string, T[]> => {
    const groups = new Map<string, T[]>();
    for (const i of Object.values(items)) {
      if (i.namespace !== namespace) continue;
      const group = groups.get(i.module);
      if (group) group.push(i);
      else groups.set(i.module, [i]);
    }
    for (const group of groups.values()) group.sort(byName);
    return groups;
  };
  const aliases = byModule(side.aliases);
  const records = byModule(side.records);
  const constants = byModule(side.constants);
  const sets = byModule(side.sets);
  const macros = byModule(side.macros);
  const moduleNames = new Set([
    ...Object.values(side.modules).filter((m) => m.namespace === namespace).map((m) => m.name),
    ...[records, aliases, constants, sets, macros].flatMap((groups) => [...groups.keys()]),
  ]);
  const of = <T>(groups: Map<string, T[]>, module: string): T[] => groups.get(module) ?? [];
  const modules = [...moduleNames].sort().map((name) => ({
    name,
    lines: [
      moduleLine(side, name),
      ...of(aliases, name).flatMap(aliasLines),
      ...of(records, name).flatMap(recordLines),
      ...of(constants, name).map(constantLine),
      ...of(sets, name).flatMap(setLines),
      ...of(macros, name).map(macroFact),
    ],
  }));
  return { namespace, release: side.release, header: `baseline ${BASELINE_FORMAT} namespace=${namespace} release=${side.release}`, modules };
}

/** One line per typedef; one per group of architectures that agree when the target depends on them. */
function aliasLines(a: SideAlias): string[] {
  const line = (archs: readonly Arch[] | undefined, type: string | undefined) =>
    factLine(['typedef', a.name, ...keyWord('since', a.since), ...keyWord('linux', a.linuxSince), ...keyWord('archs', archs ? archWord([...archs]) : undefined)], type);
  if (!a.types) return [line(a.archs, a.type)];
  const groups = new Map<string, Arch[]>();
  for (const arch of ARCHES) {
    const t = a.types[arch];
    if (t !== undefined) groups.set(t, [...(groups.get(t) ?? []), arch]);
  }
  return [...groups].map(([type, archs]) => line(archs, type));
}

function moduleLine(side: AbiSide, name: string): string {
  const m = side.modules[name];
  return factLine(['module', name, ...keyWord('header', m?.xenHeader), ...keyWord('interface', m?.interfaceVersion)]);
}

function recordLines(r: SideRecord): string[] {
  const head = factLine([
    'record',
    r.name,
    r.kind,
    ...keyWord('since', r.since),
    ...keyWord('linux', r.linuxSince),
    ...keyWord('typedef', r.typedef),
    ...keyWord('growable', r.growable?.versionField),
  ]);
  const present = ARCHES.filter((a) => r.layouts[a]);
  const layouts = grouped(present, (a) => `size=${r.layouts[a]?.size} align=${r.layouts[a]?.align}`).map(
    ([archs, facts]) => `layout ${r.name} ${archWord(archs)} ${facts}`,
  );
  const steps = mergeSteps(present.map((a) => (r.layouts[a]?.fields ?? []).map(fieldKey)));
  const fields = steps.flatMap(({ key, lists }) => {
    const withField = lists.map((i) => present[i] as Arch);
    const fieldOn = (a: Arch) => r.layouts[a]?.fields.find((f) => fieldKey(f) === key) as SideField;
    return grouped(withField, (a) => fieldFacts(fieldOn(a), r.fieldSince?.[key])).map(([archs, facts]) => {
      const f = fieldOn(archs[0] as Arch);
      return `field ${r.name} ${nameWord(f.name)} ${archWord(archs)} ${facts}`;
    });
  });
  return [head, ...layouts, ...fields];
}

/** The words of a field fact after its architectures. */
function fieldFacts(f: SideField, since: string | undefined): string {
  const implied = /^(?:struct|union) (\S+)$/.exec(f.type)?.[1];
  return factLine(
    [
      `offset=${f.offset}`,
      `size=${f.size}`,
      ...keyWord('bits', f.bitOffset !== undefined ? `${f.bitOffset}:${f.bitWidth}` : undefined),
      ...keyWord('flexible', f.flexibleArray),
      ...keyWord('padding', f.padding),
      ...keyWord('record', f.record !== implied ? f.record : undefined),
      ...keyWord('since', since),
    ],
    f.type,
  );
}

function constantLine(c: SideConstant): string {
  const word = (v: string | undefined) => (c.string && v !== undefined ? textWord(v) : v);
  const values = c.values ? ARCHES.flatMap((a) => keyWord(a, word(c.values?.[a]))) : keyWord('value', word(c.value));
  return factLine(['constant', c.name, ...keyWord('since', c.since), ...keyWord('linux', c.linuxSince), ...keyWord('archs', c.archs ? archWord(c.archs) : undefined), ...values], c.cType);
}

function macroFact(m: SideMacro): string {
  return macroLine(
    [
      'macro',
      m.name,
      ...keyWord('since', m.since),
      ...keyWord('linux', m.linuxSince),
      ...keyWord('archs', m.archs ? archWord(m.archs) : undefined),
      ...keyWord('params', m.params.join(',')),
      `width=${m.width}`,
      ...keyWord('samples', samplesWord(m.samples)),
    ],
    m.body,
  );
}

function setLines(s: SideSet): string[] {
  const head = factLine([
    'set',
    s.name,
    s.kind,
    ...keyWord('since', s.since),
    ...keyWord('linux', s.linuxSince),
    ...keyWord('field', s.field),
    ...keyWord('dispatch', s.dispatch?.record),
    ...keyWord('opField', s.dispatch?.opField),
    ...keyWord('payload', s.dispatch?.payloadField),
  ]);
  const members = [
    ...(s.flags ?? []).map((f) => factLine(['flag', s.name, f.mask, `bit=${f.bit}`, ...keyWord('bitConstant', f.bitConstant)])),
    ...(s.values ?? []).map((v) => `value ${s.name} ${v}`),
    ...(s.ops ?? []).map((o) => factLine(['op', s.name, o.constant, ...keyWord('member', o.member), ...keyWord('record', o.record)])),
  ];
  return [head, ...members];
}

/** Architectures grouped by the text of their fact, groups in the order of their first architecture. */
function grouped(archs: readonly Arch[], facts: (arch: Arch) => string): [Arch[], string][] {
  const groups = new Map<string, Arch[]>();
  for (const a of archs) {
    const text = facts(a);
    groups.set(text, [...(groups.get(text) ?? []), a]);
  }
  return [...groups].map(([text, list]) => [list, text]);
}

/**
 * One order of all keys that keeps every list's own order: the field order of each
 * architecture, merged. Ties go to the key seen first.
 */
export function mergeOrders(lists: readonly string[][]): string[] {
  const out: string[] = [];
  const positions = lists.map(() => 0);
  const seen = new Set<string>();
  const pending = () => lists.some((l, i) => (positions[i] ?? 0) < l.length);
  while (pending()) {
    const heads = lists.map((l, i) => l[positions[i] ?? 0]).filter((k): k is string => k !== undefined);
    // A head that is not waiting behind another list's earlier position.
    const next = heads.find((k) => lists.every((l, i) => !l.slice((positions[i] ?? 0) + 1).includes(k))) ?? heads[0];
    if (next === undefined) break;
    if (!seen.has(next)) out.push(next);
    seen.add(next);
    lists.forEach((l, i) => {
      if (l[positions[i] ?? 0] === next) positions[i] = (positions[i] ?? 0) + 1;
    });
  }
  return out;
}

/**
 * The lines of a record's fields: `mergeOrders`, each key with the lists (architectures) that
 * take it at that point. Where the lists order keys differently (`cpu_user_regs`: `_pad0`
 * before `saved_upcall_mask` on x86_64, after it on x86_32), a key comes more than once, each
 * time for the lists whose own order it keeps, so reading the lines back in order gives every
 * architecture its own field order.
 */
export function mergeSteps(lists: readonly string[][]): { key: string; lists: number[] }[] {
  const out: { key: string; lists: number[] }[] = [];
  const positions = lists.map(() => 0);
  for (;;) {
    const heads = lists.map((l, i) => l[positions[i] ?? 0]).filter((k): k is string => k !== undefined);
    // A head that is not waiting behind another list's earlier position.
    const next = heads.find((k) => lists.every((l, i) => !l.slice((positions[i] ?? 0) + 1).includes(k))) ?? heads[0];
    if (next === undefined) return out;
    const takers = lists.flatMap((l, i) => (l[positions[i] ?? 0] === next ? [i] : []));
    for (const i of takers) positions[i] = (positions[i] ?? 0) + 1;
    out.push({ key: next, lists: takers });
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

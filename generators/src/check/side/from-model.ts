/**
 * A side from the model, as one release has it: layouts read from the layout engine's
 * tables, everything else copied. An `abi/` tree knows everything, so every capability holds.
 */
import { NAMESPACES } from '../../model/namespaces.js';
import { exportField } from '../../export/abi-json.js';
import { ArchLayout, type FieldLayout } from '../../layout/engine.js';
import { spellType } from '../../layout/spell.js';
import { ARCHES } from '../../model/arch.js';
import { aliasSpellings, aliasTargets } from '../../model/aliases.js';
import { dict } from '../../names/dict.js';
import type { AbiModel, Arch, Field, Namespace, RecordDecl } from '../../model/types.js';
import { printMacroBody } from '../../model/macros.js';
import { XEN_TYPEDEFS_MODULE, xenArchTypedefsOf } from '../../model/xen-typedefs.js';
import type { ReleaseModel } from '../../select/release.js';
import { CAPABILITIES, emptySide, type AbiSide, type SideField, type SideLayout, type SideOrigin, type SideRecord } from './types.js';

/**
 * `history`, when given, is the whole model the view was taken from: a member retyped in place
 * under the same name (`xen_mem_acquire_resource.frame`, 4.14) then keeps the first release of
 * the name as its `fieldSince`, not that of its newest declaration.
 */
export function sideFromModel(view: ReleaseModel, origin: SideOrigin = 'abi', label = 'abi/', history?: AbiModel): AbiSide {
  const namespaces = [...new Set(view.modules.map((m) => m.namespace))].sort() as Namespace[];
  const side = emptySide(origin, label, view.release, [...CAPABILITIES], namespaces.length ? namespaces : [...NAMESPACES]);
  const layouts = ARCHES.map((arch) => new ArchLayout(view, arch));
  const kindOf = (name: string) => view.records.find((r) => r.name === name)?.kind ?? 'struct';
  const older = history ? new Map(history.records.map((r) => [r.name, r])) : undefined;
  for (const r of memberRecords(view.records)) side.records[r.name] = recordOf(r, layouts, older?.get(r.name));
  for (const [name, spellings] of aliasSpellings(view.aliases)) {
    // One typedef, whose target is given per architecture when it is spelled per architecture (`xen_callback_t`).
    side.aliases[name] = { ...item(spellings[0]!), ...aliasTargets(spellings, (a) => spellType(a.type, kindOf)) };
  }
  for (const t of xenArchTypedefsOf(view.modules)) {
    side.aliases[t.name] = { name: t.name, namespace: 'stable', module: XEN_TYPEDEFS_MODULE, since: t.since, types: { ...t.types } };
  }
  for (const c of view.constants) {
    side.constants[c.name] = {
      ...item(c),
      ...(c.values ? { values: { ...c.values } } : { value: c.value }),
      ...(c.archs ? { archs: [...c.archs] } : {}),
      cType: c.cType,
      ...(c.cType === 'string' ? { string: true as const } : {}),
    };
  }
  for (const s of view.sets) {
    side.sets[s.name] = {
      ...item(s),
      kind: s.kind,
      ...(s.field ? { field: s.field } : {}),
      ...(s.flags ? { flags: s.flags.map((f) => ({ mask: f.mask, bit: f.bit, ...(f.bitConstant ? { bitConstant: f.bitConstant } : {}) })) } : {}),
      ...(s.values ? { values: [...s.values] } : {}),
      ...(s.ops ? { ops: s.ops.map((o) => ({ constant: o.constant, ...(o.member ? { member: o.member } : {}), ...(o.record ? { record: o.record } : {}) })) } : {}),
      ...(s.dispatch ? { dispatch: { ...s.dispatch } } : {}),
    };
  }
  for (const m of view.macros ?? []) {
    side.macros[m.name] = {
      ...item(m),
      params: [...m.params],
      body: printMacroBody(m.body),
      width: m.width,
      samples: m.samples.map((args) => [...args]),
      ...(m.archs ? { archs: [...m.archs] } : {}),
    };
  }
  for (const m of view.modules) {
    side.modules[m.name] = {
      name: m.name,
      namespace: m.namespace,
      xenHeader: m.xenHeader,
      ...(m.interfaceVersion ? { interfaceVersion: m.interfaceVersion.constant } : {}),
      loc: m.loc,
    };
  }
  return side;
}

/**
 * The records of the release but the inline ones whose member it does not have: the record of
 * `xendispl_resp.op`, a union member added in 4.15, lives as long as xendispl_resp, so the 4.14
 * view holds it with only the members it had then; but no 4.14 record has it, and comparing
 * it would report its alignment changed in 4.15 where it was new (header mode, rightly, finds
 * it added). Records of anonymous members are named by position, not by a member: kept.
 */
export function memberRecords(records: readonly RecordDecl[]): RecordDecl[] {
  const byName = new Map(records.map((r) => [r.name, r]));
  const kept = (r: RecordDecl | undefined): boolean => {
    if (!r?.parent) return !!r;
    const member = r.name.startsWith(`${r.parent}.`) ? r.name.slice(r.parent.length + 1) : undefined;
    const parent = byName.get(r.parent);
    if (!member || member.startsWith('<anon') || !parent) return true;
    return parent.fields.some((f) => f.name === member) && kept(parent);
  };
  return records.filter(kept);
}

function item(decl: { name: string; namespace: Namespace; module: string; since: string; linuxSince?: string; loc: { file: string; line: number; column: number } }) {
  return { name: decl.name, namespace: decl.namespace, module: decl.module, since: decl.since, ...(decl.linuxSince ? { linuxSince: decl.linuxSince } : {}), loc: { ...decl.loc } };
}

function recordOf(r: RecordDecl, layouts: ArchLayout[], history?: RecordDecl): SideRecord {
  const perArch: Partial<Record<Arch, SideLayout>> = {};
  const fieldLocs = dict<{ file: string; line: number; column: number }>();
  const fieldSince = dict<string>();
  for (const layout of layouts) {
    if (!layout.has(r.name)) continue;
    const table = layout.record(r.name);
    perArch[layout.arch] = { size: table.size, align: table.align, fields: table.fields.map(sideField) };
  }
  for (const f of r.fields) {
    const key = f.name !== '' ? f.name : f.type.kind === 'record' ? f.type.name : '';
    if (!key) continue;
    fieldLocs[key] = { ...f.loc };
    const since = history ? firstOfName(history, f) : f.since;
    if (since && since !== r.since) fieldSince[key] = since;
  }
  return {
    name: r.name,
    kind: r.kind,
    namespace: r.namespace,
    module: r.module,
    since: r.since,
    ...(r.linuxSince ? { linuxSince: r.linuxSince } : {}),
    loc: { ...r.loc },
    ...(r.typedef ? { typedef: r.typedef } : {}),
    layouts: perArch,
    ...(r.growable ? { growable: { versionField: r.growable.versionField } } : {}),
    fieldLocs,
    ...(Object.keys(fieldSince).length ? { fieldSince } : {}),
  };
}

/** The first release of `field`'s name: its own `since`, or that of the same-named member it follows on from. */
function firstOfName(history: RecordDecl, field: Field): string | undefined {
  let since = field.since;
  for (;;) {
    const before = since ? history.fields.find((f) => f.name === field.name && f.until === since) : undefined;
    if (!before) return since;
    since = before.since;
  }
}

/** The export's projection of a field, plus the padding marker the checker's rules read. */
function sideField(f: FieldLayout): SideField {
  return { ...exportField(f), ...(f.padding ? { padding: true } : {}) };
}

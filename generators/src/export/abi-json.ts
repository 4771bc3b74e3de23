/**
 * `xenabi export`: the ABI of one release as JSON, format `xenabi-abi/1`. The format is a
 * public contract that other tools produce and consume (`xenabi check --base`), so every
 * key here is spelled exactly as documented in docs/export-format.md.
 */
import { aliasSpellings, aliasTargets } from '../model/aliases.js';
import { ArchLayout, type FieldLayout } from '../layout/engine.js';
import { spellType } from '../layout/spell.js';
import { ARCHES, onArch } from '../model/arch.js';
import { printMacroBody } from '../model/macros.js';
import type { Arch, FieldDirection, Namespace } from '../model/types.js';
import { XEN_TYPEDEFS_MODULE, xenArchTypedefsOf } from '../model/xen-typedefs.js';
import { dict } from '../names/dict.js';
import type { ReleaseModel } from '../select/release.js';

export const EXPORT_FORMAT = 'xenabi-abi/1';

export interface ExportField {
  name: string;
  offset: number;
  size: number;
  type: string;
  record?: string;
  bitOffset?: number;
  bitWidth?: number;
  flexibleArray?: true;
}

export interface ExportLayout {
  size: number;
  align: number;
  fields: ExportField[];
}

export interface ExportRecord {
  kind: 'struct' | 'union';
  namespace: Namespace;
  module: string;
  since: string;
  layouts: Partial<Record<Arch, ExportLayout>>;
  /** Optional part `aliases`: the record's `typedef` name, when Xen declares one. */
  typedef?: string;
  /** Optional part `growable`: the record grows by design behind this field. */
  growable?: { versionField: string };
  /** Optional part `padding`: names of the fields declared as padding Xen requires to be zero. */
  paddingFields?: string[];
  /** Optional part `directions`: for members of op payloads, which way each travels (`in`, `out`, `inout`). */
  directions?: Record<string, FieldDirection>;
  /** Optional part `linux`: the Linux release that added an item of the `linux` namespace. */
  linuxSince?: string;
}

export interface ExportConstant {
  /** Decimal; in part `strings`, the text. */
  value?: string;
  values?: Partial<Record<Arch, string>>;
  namespace: Namespace;
  module: string;
  since: string;
  /** Optional part `archs`: the architectures a constant is restricted to, when it is. */
  archs?: Arch[];
  linuxSince?: string;
}

/** Optional parts a document may carry; a consumer treats a part not listed as unknown, not as empty. */
export type ExportPart = 'aliases' | 'archs' | 'directions' | 'growable' | 'linux' | 'macros' | 'modules' | 'padding' | 'sets' | 'strings';

export const EXPORT_PARTS: readonly ExportPart[] = ['aliases', 'archs', 'directions', 'growable', 'linux', 'macros', 'modules', 'padding', 'sets', 'strings'];

/**
 * Part `macros`: a function-like macro of pure arithmetic (`XENMEMF_node(x)`). `body` is the
 * DSL's normalised text of a C expression over the parameters, decimal or hex literals, the
 * module's integer constants, `~` and `* + - << >> & ^ |`, evaluated in unsigned arithmetic of
 * `width` bits.
 */
export interface ExportMacro {
  params: string[];
  body: string;
  width: 32 | 64;
  /** Argument lists the registry checks the macro with, decimals, one per parameter. */
  samples: string[][];
  namespace: Namespace;
  module: string;
  since: string;
  /** The first release without it, when Xen removed it later. */
  until?: string;
  archs?: Arch[];
  doc?: string;
}

export interface ExportAlias {
  /** The target type, spelled as field types are; absent when it differs per architecture. */
  type?: string;
  /** The target per architecture, for a typedef whose target depends on it (`xen_ulong_t`). */
  types?: Partial<Record<Arch, string>>;
  namespace: Namespace;
  module: string;
  since: string;
  archs?: Arch[];
  linuxSince?: string;
}

export interface ExportSet {
  kind: 'flags' | 'values' | 'ops';
  namespace: Namespace;
  module: string;
  since: string;
  field?: string;
  flags?: { mask: string; bit: number; bitConstant?: string }[];
  values?: string[];
  ops?: { constant: string; member?: string; record?: string }[];
  dispatch?: { record: string; opField: string; payloadField?: string };
  linuxSince?: string;
}

export interface ExportModule {
  namespace: Namespace;
  xenHeader: string;
  interfaceVersion?: string;
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  xenVersion: string;
  /** The namespaces the document holds (`--namespace`). */
  namespace?: NamespaceFilter;
  /** The optional parts present. */
  includes?: ExportPart[];
  records: Record<string, ExportRecord>;
  constants: Record<string, ExportConstant>;
  aliases?: Record<string, ExportAlias>;
  sets?: Record<string, ExportSet>;
  modules?: Record<string, ExportModule>;
  /**
   * Part `strings`: the string constants (`#define HVM_XS_BIOS "hvmloader/bios"`), shaped as
   * `constants` are with the text as `value` (or `values`). Kept out of `constants`, whose
   * values are decimals for every consumer.
   */
  strings?: Record<string, ExportConstant>;
  /** Part `macros`: the function-like macros, by name. */
  macros?: Record<string, ExportMacro>;
}

export type NamespaceFilter = Namespace | 'all';

export function exportAbi(model: ReleaseModel, namespace: NamespaceFilter = 'all'): ExportDocument {
  const wanted = (item: { namespace: Namespace }) => namespace === 'all' || item.namespace === namespace;
  const layouts = ARCHES.map((arch) => new ArchLayout(model, arch));
  const records = dict<ExportRecord>();
  for (const record of [...model.records].filter(wanted).sort(byName)) {
    const perArch: Partial<Record<Arch, ExportLayout>> = {};
    for (const layout of layouts) {
      if (!layout.has(record.name)) continue;
      const l = layout.record(record.name);
      perArch[layout.arch] = { size: l.size, align: l.align, fields: l.fields.map(exportField) };
    }
    const paddingFields = [...new Set(record.fields.filter((f) => f.padding).map((f) => f.name))];
    records[record.name] = {
      kind: record.kind,
      namespace: record.namespace,
      module: record.module,
      since: record.since,
      layouts: perArch,
      ...(record.typedef ? { typedef: record.typedef } : {}),
      ...(record.growable ? { growable: { versionField: record.growable.versionField } } : {}),
      ...(paddingFields.length ? { paddingFields } : {}),
      ...directionsPart(record.fields),
      ...linuxPart(record),
    };
  }
  const constants = dict<ExportConstant>();
  const strings = dict<ExportConstant>();
  for (const c of [...model.constants].filter(wanted).sort(byName)) {
    const values = c.values ? archValues(c.values, c) : undefined;
    (c.cType === 'string' ? strings : constants)[c.name] = {
      ...(values ? { values } : { value: c.value }),
      namespace: c.namespace,
      module: c.module,
      since: c.since,
      ...(c.archs ? { archs: [...c.archs] } : {}),
      ...linuxPart(c),
    };
  }
  return {
    format: EXPORT_FORMAT,
    xenVersion: model.release,
    namespace,
    includes: [...EXPORT_PARTS],
    records,
    constants,
    ...optionalParts(model, wanted),
    strings,
    macros: exportMacros(model, wanted),
  };
}

/** Part `macros`, sorted by name. */
function exportMacros(model: ReleaseModel, wanted: (item: { namespace: Namespace }) => boolean): Record<string, ExportMacro> {
  const macros = dict<ExportMacro>();
  for (const m of [...(model.macros ?? [])].filter(wanted).sort(byName)) {
    macros[m.name] = {
      params: [...m.params],
      body: printMacroBody(m.body),
      width: m.width,
      samples: m.samples.map((args) => [...args]),
      namespace: m.namespace,
      module: m.module,
      since: m.since,
      ...(m.until ? { until: m.until } : {}),
      ...(m.archs ? { archs: [...m.archs] } : {}),
      ...(m.doc ? { doc: m.doc } : {}),
    };
  }
  return macros;
}

/** The optional parts: typedefs, sets and modules, each map sorted by name. */
function optionalParts(model: ReleaseModel, wanted: (item: { namespace: Namespace }) => boolean) {
  const kindOf = (name: string) => model.records.find((r) => r.name === name)?.kind ?? 'struct';
  const aliases = dict<ExportAlias>();
  const typed = [
    ...[...aliasSpellings(model.aliases).values()].map((spellings) => {
      const a = spellings[0]!;
      const { archs, ...type } = aliasTargets(spellings, (s) => spellType(s.type, kindOf));
      return { name: a.name, namespace: a.namespace, module: a.module, since: a.since, type, archs, linux: linuxPart(a) };
    }),
    ...xenArchTypedefsOf(model.modules).map((t) => ({ name: t.name, namespace: 'stable' as const, module: XEN_TYPEDEFS_MODULE, since: t.since, type: { types: { ...t.types } }, archs: undefined, linux: {} })),
  ];
  for (const a of typed.filter(wanted).sort(byName)) {
    aliases[a.name] = { ...a.type, namespace: a.namespace, module: a.module, since: a.since, ...(a.archs ? { archs: [...a.archs] } : {}), ...a.linux };
  }
  const sets = dict<ExportSet>();
  for (const s of [...model.sets].filter(wanted).sort(byName)) {
    sets[s.name] = {
      kind: s.kind,
      namespace: s.namespace,
      module: s.module,
      since: s.since,
      ...(s.field ? { field: s.field } : {}),
      ...(s.flags ? { flags: s.flags.map((f) => ({ mask: f.mask, bit: f.bit, ...(f.bitConstant ? { bitConstant: f.bitConstant } : {}) })) } : {}),
      ...(s.values ? { values: [...s.values] } : {}),
      ...(s.ops ? { ops: s.ops.map((o) => ({ constant: o.constant, ...(o.member ? { member: o.member } : {}), ...(o.record ? { record: o.record } : {}) })) } : {}),
      ...(s.dispatch ? { dispatch: { ...s.dispatch } } : {}),
      ...linuxPart(s),
    };
  }
  const modules = dict<ExportModule>();
  for (const m of [...model.modules].filter(wanted).sort(byName)) {
    modules[m.name] = { namespace: m.namespace, xenHeader: m.xenHeader, ...(m.interfaceVersion ? { interfaceVersion: m.interfaceVersion.constant } : {}) };
  }
  return { aliases, sets, modules };
}

/** Part `directions`: each directed member by name, sorted (a member renamed in some release is there once). */
function directionsPart(fields: readonly { name: string; direction?: FieldDirection }[]): { directions?: Record<string, FieldDirection> } {
  const directed = fields.filter((f) => f.direction).sort(byName);
  if (!directed.length) return {};
  const directions = dict<FieldDirection>();
  for (const f of directed) directions[f.name] = f.direction!;
  return { directions };
}

/** Part `linux`: the Linux release of an item of Linux's interface (whose `since` is then the oldest Xen release). */
function linuxPart(item: { linuxSince?: string }): { linuxSince?: string } {
  return item.linuxSince ? { linuxSince: item.linuxSince } : {};
}

/**
 * The contract's keys of one laid-out field, and nothing else. Takes a field of the layout
 * engine or of an export document read back, so the checker's sides project fields the
 * same way the export does.
 */
export function exportField(f: FieldLayout | ExportField): ExportField {
  return {
    name: f.name,
    offset: f.offset,
    size: f.size,
    type: f.type,
    ...(f.record ? { record: f.record } : {}),
    ...(f.bitOffset !== undefined ? { bitOffset: f.bitOffset, bitWidth: f.bitWidth } : {}),
    ...(f.flexibleArray ? { flexibleArray: true as const } : {}),
  };
}

/** Per-arch values, listing only the architectures the constant exists on, in arch order. */
function archValues(values: Partial<Record<Arch, string>>, item: { archs?: Arch[] }): Partial<Record<Arch, string>> {
  const out: Partial<Record<Arch, string>> = {};
  for (const arch of ARCHES) if (onArch(item, arch) && values[arch] !== undefined) out[arch] = values[arch];
  return out;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

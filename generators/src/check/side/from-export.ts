/**
 * A side from an export document (`xenabi-abi/1`): layouts and constants always; typedefs,
 * sets, modules, padding markers and growable records only when the document lists them in
 * `includes`. Locations and field lifetimes are never in an export.
 */
import { isNamespace, NAMESPACES } from '../../model/namespaces.js';
import { EXPORT_FORMAT, exportField, type ExportDocument, type ExportPart } from '../../export/abi-json.js';
import type { Arch, Namespace } from '../../model/types.js';
import { own } from '../../names/dict.js';
import validateGenerated from '../generated/export-validator.js';
import { problemLister } from '../problems.js';
import { emptySide, type AbiSide, type Capability, type SideLayout } from './types.js';

/** What each part lets the checker compare; `directions` documents callers' use and is not compared. */
const PART_CAPABILITY: Record<ExportPart, Capability | undefined> = {
  aliases: 'aliases',
  archs: 'constantArchs',
  directions: undefined,
  growable: 'growable',
  linux: 'linuxLifetimes',
  macros: 'macros',
  modules: 'modules',
  padding: 'padding',
  sets: 'sets',
  strings: 'strings',
};

let validate: ((data: unknown) => string[]) | undefined;

/** Problems that make `data` unusable as an export document; empty when it is one. */
export function exportProblems(data: unknown): string[] {
  validate ??= problemLister(validateGenerated);
  return validate(data);
}

/** The side an export document describes. Call `exportProblems` first: this trusts its input. */
export function sideFromExport(doc: ExportDocument, label: string): AbiSide {
  const has = [...new Set((doc.includes ?? []).flatMap((p) => own(PART_CAPABILITY, p) ?? []))].sort();
  const namespaces: Namespace[] = doc.namespace !== undefined && isNamespace(doc.namespace) ? [doc.namespace] : [...NAMESPACES];
  const side = emptySide('export', label, doc.xenVersion, has, namespaces);
  for (const [name, r] of Object.entries(doc.records)) {
    const padding = new Set(r.paddingFields ?? []);
    const layouts: Partial<Record<Arch, SideLayout>> = {};
    for (const [arch, l] of Object.entries(r.layouts) as [Arch, NonNullable<(typeof r.layouts)[Arch]>][]) {
      layouts[arch] = {
        size: l.size,
        align: l.align,
        fields: l.fields.map((f) => ({ ...exportField(f), ...(padding.has(f.name) && f.name !== '' ? { padding: true } : {}) })),
      };
    }
    side.records[name] = {
      name,
      kind: r.kind,
      namespace: r.namespace,
      module: r.module,
      since: r.since,
      ...(r.linuxSince ? { linuxSince: r.linuxSince } : {}),
      layouts,
      ...(r.typedef ? { typedef: r.typedef } : {}),
      ...(r.growable ? { growable: { versionField: r.growable.versionField } } : {}),
    };
  }
  for (const [name, c] of Object.entries(doc.constants)) {
    side.constants[name] = {
      name,
      namespace: c.namespace,
      module: c.module,
      since: c.since,
      ...(c.linuxSince ? { linuxSince: c.linuxSince } : {}),
      ...(c.values ? { values: { ...c.values } } : { value: c.value ?? '' }),
      ...(c.archs ? { archs: [...c.archs] } : {}),
    };
  }
  if (has.includes('strings')) {
    for (const [name, c] of Object.entries(doc.strings ?? {})) {
      side.constants[name] = {
        name,
        namespace: c.namespace,
        module: c.module,
        since: c.since,
        ...(c.linuxSince ? { linuxSince: c.linuxSince } : {}),
        ...(c.values ? { values: { ...c.values } } : { value: c.value ?? '' }),
        ...(c.archs ? { archs: [...c.archs] } : {}),
        string: true,
      };
    }
  }
  if (has.includes('macros')) {
    for (const [name, m] of Object.entries(doc.macros ?? {})) {
      side.macros[name] = {
        name,
        namespace: m.namespace,
        module: m.module,
        since: m.since,
        params: [...m.params],
        body: m.body,
        width: m.width,
        samples: m.samples.map((args) => [...args]),
        ...(m.archs ? { archs: [...m.archs] } : {}),
      };
    }
  }
  if (has.includes('aliases')) for (const [name, a] of Object.entries(doc.aliases ?? {})) side.aliases[name] = { name, ...a };
  if (has.includes('sets')) for (const [name, s] of Object.entries(doc.sets ?? {})) side.sets[name] = { name, ...s };
  if (has.includes('modules')) for (const [name, m] of Object.entries(doc.modules ?? {})) side.modules[name] = { name, ...m };
  return side;
}

/** True when parsed JSON claims to be an export document (so errors can say which format was meant). */
export function looksLikeExport(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === EXPORT_FORMAT;
}

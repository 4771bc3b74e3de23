/**
 * `xenabi export`: the ABI of one release as JSON, format `xenabi-abi/1`. The format is a
 * public contract that other tools produce and consume (`xenabi check --base`), so every
 * key here is spelled exactly as documented in docs/export-format.md.
 */
import { ArchLayout, type FieldLayout } from '../layout/engine.js';
import { ARCHES, onArch } from '../model/arch.js';
import type { Arch, Namespace } from '../model/types.js';
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
}

export interface ExportConstant {
  value?: string;
  values?: Partial<Record<Arch, string>>;
  namespace: Namespace;
  module: string;
  since: string;
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  xenVersion: string;
  records: Record<string, ExportRecord>;
  constants: Record<string, ExportConstant>;
}

export type NamespaceFilter = Namespace | 'all';

export function exportAbi(model: ReleaseModel, namespace: NamespaceFilter = 'all'): ExportDocument {
  const wanted = (item: { namespace: Namespace }) => namespace === 'all' || item.namespace === namespace;
  const layouts = ARCHES.map((arch) => new ArchLayout(model, arch));
  const records: Record<string, ExportRecord> = {};
  for (const record of [...model.records].filter(wanted).sort(byName)) {
    const perArch: Partial<Record<Arch, ExportLayout>> = {};
    for (const layout of layouts) {
      if (!layout.has(record.name)) continue;
      const l = layout.record(record.name);
      perArch[layout.arch] = { size: l.size, align: l.align, fields: l.fields.map(exportField) };
    }
    records[record.name] = { kind: record.kind, namespace: record.namespace, module: record.module, since: record.since, layouts: perArch };
  }
  const constants: Record<string, ExportConstant> = {};
  for (const c of [...model.constants].filter(wanted).sort(byName)) {
    const values = c.values ? archValues(c.values, c) : undefined;
    constants[c.name] = {
      ...(values ? { values } : { value: c.value }),
      namespace: c.namespace,
      module: c.module,
      since: c.since,
    };
  }
  return { format: EXPORT_FORMAT, xenVersion: model.release, records, constants };
}

function exportField(f: FieldLayout): ExportField {
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

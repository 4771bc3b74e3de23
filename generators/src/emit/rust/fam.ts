/**
 * The records that end in a flexible array member, as `xenabi::fam::FamStruct`s: the element
 * type, where the elements start, and the member counting them, when the record has one.
 * `FamStructWrapper` (`templates/fam.rs.hbs`) then owns the record with its elements.
 */
import type { RecordDecl } from '../../model/types.js';
import { ident } from './names.js';
import type { FieldView } from './records.js';

/** The member of a record that counts its flexible array's elements (Xen's docs say so; the model has no field for it). */
const COUNTS: Readonly<Record<string, string>> = {
  xen_argo_ring_data: 'nent',
  xen_build_id: 'len',
  xen_varbuf: 'len',
  tpmif_shared_page: 'nr_extra_pages',
};

export interface FamView {
  /** The element's Rust type. @example "u8" */
  entry: string;
  /** The flexible array member. @example "buf" */
  field: string;
  /** The counting member and its Rust integer type. */
  count?: { field: string; type: string };
}

/**
 * The `FamStruct` of `record`, when it is `IntoBytes` (no union: `plain`) and its flexible array
 * member, and counting member if any, are plain integers or records present wherever it is.
 */
export function famView(record: RecordDecl, fields: readonly FieldView[], plain: boolean): FamView | undefined {
  const flex = record.fields.find((f) => f.flexible);
  if (!flex || !plain || flex.archs || flex.until || (flex.since && flex.since !== record.since)) return undefined;
  const view = fields.find((f) => f.name === ident(flex.name));
  const entry = view && !view.cfg ? /^\[(.+); 0\]$/.exec(view.type)?.[1] : undefined;
  if (!entry) return undefined;
  const countName = Object.hasOwn(COUNTS, record.name) ? COUNTS[record.name] : undefined;
  const countView = countName === undefined ? undefined : fields.find((f) => f.name === ident(countName));
  if (countName !== undefined && (!countView || countView.cfg || !/^[ui](8|16|32|64)$/.test(countView.type))) {
    throw new Error(`rust emitter: ${record.name}.${countName}, which counts ${flex.name}, is not a plain integer member`);
  }
  return { entry, field: ident(flex.name), ...(countView ? { count: { field: countView.name, type: countView.type } } : {}) };
}

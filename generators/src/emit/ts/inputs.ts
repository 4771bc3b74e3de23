/**
 * What encoders take for op payloads with directions (`Field.direction`): the input type of
 * such a record (`<name>_input`: the fields a caller sets required, the others optional and
 * zero when absent) and of the op sets that carry them (`DmOpInput`), and the field names an
 * encoder accepts, so it can reject others by name unless `loose` is set.
 */
import { isDirected } from '../../model/directions.js';
import { onArch } from '../../model/arch.js';
import type { RecordDecl } from '../../model/types.js';
import { str } from './names.js';
import type { Variants } from './variants.js';

/** The input type's name: `xen_dm_op_create_ioreq_server_input`, `DmOpInput`. */
export function inputName(id: string): string {
  return /^[A-Z]/.test(id) ? `${id}Input` : `${id}_input`;
}

/** The names of the members an encoder of `decl` accepts: every member but padding, on any of `archs`. */
export function acceptedFields(decl: RecordDecl, archs: readonly string[]): string[] {
  return [...new Set(decl.fields.filter((f) => !f.padding && f.name !== '' && archs.some((a) => onArch(f, a as never))).map((f) => f.name))];
}

/** An array literal of field names. */
export function fieldList(names: readonly string[]): string {
  return `[${names.map(str).join(', ')}]`;
}

/** True when some op of a dispatched or argument-form set carries a directed payload, and the payloads sit beside `op` (not under `arg`). */
export function directedOps(variants: Variants, plan: { set: { ops?: { record?: string }[] }; nested: boolean }): boolean {
  return !plan.nested && (plan.set.ops ?? []).some((o) => o.record !== undefined && isDirected(variants.decl(o.record)));
}

/**
 * Names of op sets and ops that every emitter spells alike: `XEN_DMOP` is `DmOp` in TypeScript
 * (`encodeDmOp`) and in Rust (`enum DmOp`), and its op `XEN_DMOP_nr_vcpus` is `nr_vcpus`.
 */
import type { ConstantSetDecl } from '../model/types.js';

/** The part after `XEN_`: `XEN_DMOP` → `DmOp`, `EVTCHNOP` → `EvtchnOp`, `XEN_ARGO_OP` → `ArgoOp`. */
export function opSetBase(set: string): string {
  const core = set.replace(/^XEN_/, '').replace(/_?OP$/, '');
  const words = core.split('_').filter(Boolean);
  return `${words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('')}Op`;
}

/** An op's name in the discriminant: the constant without the set's prefix (`XEN_DMOP_nr_vcpus` → `nr_vcpus`). */
export function opName(set: ConstantSetDecl, constant: string, member?: string): string {
  const prefix = `${set.name}_`;
  if (constant.startsWith(prefix) && constant.length > prefix.length) return constant.slice(prefix.length);
  // A member several ops travel in (`view` for create, destroy and switch) cannot name one of them.
  const shared = member !== undefined && (set.ops ?? []).filter((o) => o.member === member).length > 1;
  return member !== undefined && !shared ? member : constant;
}

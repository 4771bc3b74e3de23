/**
 * Names of value and flag sets as types, spelled alike by every emitter that gives a set a
 * type of its own: the set `EVTCHNSTAT` is the type `Evtchnstat`, `XEN_DMOP_IO_RANGE` is
 * `XenDmopIoRange`, and each member is named without the prefix all members share
 * (`EVTCHNSTAT_closed` → `CLOSED`, `GTF_permit_access` → `PERMIT_ACCESS`).
 */
import type { ConstantSetDecl } from '../model/types.js';

/**
 * `XEN_DMOP_IO_RANGE` → `XenDmopIoRange`, `GTF_type` → `GtfType`; with `Values` or `Flags`
 * after it when the plain name is `taken` by another item (`XenbusState` is Xen's typedef).
 */
export function setTypeName(set: Pick<ConstantSetDecl, 'name' | 'kind'>, taken: (name: string) => boolean = () => false): string {
  const plain = set.name
    .split('_')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('');
  return taken(plain) ? `${plain}${set.kind === 'flags' ? 'Flags' : 'Values'}` : plain;
}

/** The members' constant names, in set order. */
export function setMembers(set: Pick<ConstantSetDecl, 'kind' | 'flags' | 'values'>): string[] {
  return set.kind === 'flags' ? (set.flags ?? []).map((f) => f.mask) : set.kind === 'values' ? [...(set.values ?? [])] : [];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Each member's name in its set's type, by constant: the constant without the prefix every
 * member shares (the set's name and `_` when all have it, else the longest common prefix
 * ending in `_`), in upper case. When there is no such prefix, or stripping it leaves a name
 * that is empty, starts with a digit or is not unique, every member keeps its constant's name.
 */
export function setMemberNames(set: Pick<ConstantSetDecl, 'name'>, members: readonly string[]): Map<string, string> {
  const prefix = sharedPrefix(set.name, members);
  if (!prefix) return new Map(members.map((m) => [m, m]));
  const stripped = members.map((m) => m.slice(prefix.length).toUpperCase());
  const ok = stripped.every((s) => IDENT.test(s) && !/^[0-9_]/.test(s) && s !== 'SELF') && new Set(stripped).size === stripped.length;
  return new Map(members.map((m, i) => [m, ok ? stripped[i]! : m]));
}

function sharedPrefix(setName: string, members: readonly string[]): string {
  const own = `${setName}_`;
  if (members.every((m) => m.startsWith(own) && m.length > own.length)) return own;
  if (members.length < 2) return '';
  let common = members[0]!;
  for (const m of members) while (!m.startsWith(common)) common = common.slice(0, -1);
  const cut = common.lastIndexOf('_');
  return cut > 0 ? common.slice(0, cut + 1) : '';
}

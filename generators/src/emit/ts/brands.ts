/**
 * Which ABI integers the TypeScript bindings type as branded numbers (`runtime/runtime-brands.ts`):
 * a typedef (`domid_t` is `DomId`), a per-architecture integer (`xen_pfn_t` is a `FrameNumber`),
 * and the constants of a value set (`DOMID_SELF` is a `DomId`). Records, op builders and
 * decoders then take and give the brand; the zero-copy views keep plain numbers.
 */
import type { TypeRef } from '../../model/types.js';

const ALIAS_BRANDS: Readonly<Record<string, string>> = {
  domid_t: 'DomId',
  evtchn_port_t: 'EvtchnPort',
  grant_ref_t: 'GrantRef',
  ioservid_t: 'IoServId',
};

const ARCH_SCALAR_BRANDS: Readonly<Record<string, string>> = { xen_pfn_t: 'FrameNumber' };

const SET_BRANDS: Readonly<Record<string, string>> = { DOMID: 'DomId' };

/** The brand a typedef's TypeScript alias names instead of its integer type, if any. */
export function aliasBrand(typedef: string): string | undefined {
  return Object.hasOwn(ALIAS_BRANDS, typedef) ? ALIAS_BRANDS[typedef] : undefined;
}

/** The brand a type stands for where it is spelled directly (not through a typedef's alias). */
export function directBrand(type: TypeRef): string | undefined {
  return type.kind === 'archScalar' && Object.hasOwn(ARCH_SCALAR_BRANDS, type.name) ? ARCH_SCALAR_BRANDS[type.name] : undefined;
}

/** The brand of a value set's constants, if any. */
export function setBrand(set: string): string | undefined {
  return Object.hasOwn(SET_BRANDS, set) ? SET_BRANDS[set] : undefined;
}

/**
 * The brand a member of `type` holds, as a TypeScript type (`DomId`, `DomId[]` for an array),
 * with the brand's name; undefined for a member that is no branded number.
 */
export function memberBrand(type: TypeRef): { type: string; brand: string } | undefined {
  if (type.kind === 'array') {
    const inner = memberBrand(type.element);
    return inner ? { type: `${inner.type}[]`, brand: inner.brand } : undefined;
  }
  const brand = type.kind === 'alias' ? aliasBrand(type.name) : directBrand(type);
  return brand ? { type: brand, brand } : undefined;
}

/**
 * Branded numbers: the ids and frame numbers the ABI passes under one integer type but with
 * different meanings, typed apart so that a port cannot be passed where a domain id is meant
 * (the `Branded<'VM'>` style of Xen Orchestra). A brand exists only in the type system: at run
 * time a `DomId` is the number it was made from. Make one with its function (`domId(1)`), which
 * checks the range, or take it from a decoded record or a constant (`DOMID_SELF`).
 */

/** A `T` marked as meaning `Name`: a plain `T` is not one, and neither is another brand's. */
export type Branded<Name extends string, T = number> = T & { readonly __brand: Name };

/** A domain id (`domid_t`); the reserved ids are the `DOMID_*` constants. */
export type DomId = Branded<'DomId'>;
/** An event channel port of one domain (`evtchn_port_t`). */
export type EvtchnPort = Branded<'EvtchnPort'>;
/** A grant reference: an entry of a domain's grant table (`grant_ref_t`). */
export type GrantRef = Branded<'GrantRef'>;
/** An ioreq server of one domain (`ioservid_t`). */
export type IoServId = Branded<'IoServId'>;
/** A guest frame number: a page of a guest's physical address space. */
export type Gfn = Branded<'Gfn', bigint>;
/** A machine frame number: a page of host memory. */
export type Mfn = Branded<'Mfn', bigint>;
/** A pseudo-physical frame number of a PV guest. */
export type Pfn = Branded<'Pfn', bigint>;
/** What `xen_pfn_t` carries: a frame number of any of the three kinds, never a plain bigint. */
export type FrameNumber = Gfn | Mfn | Pfn;

function checked(value: number, bits: 16 | 32, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) throw new RangeError(`${what}: ${String(value)} is not an unsigned ${bits}-bit integer`);
  return value;
}

function checkedFrame(value: bigint | number, what: string): bigint {
  const big = typeof value === 'bigint' ? value : Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (big === undefined || big < 0n || big >= 1n << 64n) throw new RangeError(`${what}: ${String(value)} is not an unsigned 64-bit integer`);
  return big;
}

/** `value` as a domain id. @throws RangeError when it is not a 16-bit unsigned integer. */
export function domId(value: number): DomId {
  return checked(value, 16, 'domId') as DomId;
}

/** `value` as an event channel port. @throws RangeError when it is not a 32-bit unsigned integer. */
export function evtchnPort(value: number): EvtchnPort {
  return checked(value, 32, 'evtchnPort') as EvtchnPort;
}

/** `value` as a grant reference. @throws RangeError when it is not a 32-bit unsigned integer. */
export function grantRef(value: number): GrantRef {
  return checked(value, 32, 'grantRef') as GrantRef;
}

/** `value` as an ioreq server id. @throws RangeError when it is not a 16-bit unsigned integer. */
export function ioServId(value: number): IoServId {
  return checked(value, 16, 'ioServId') as IoServId;
}

/** `value` as a guest frame number. @throws RangeError when it is not a 64-bit unsigned integer. */
export function gfn(value: bigint | number): Gfn {
  return checkedFrame(value, 'gfn') as Gfn;
}

/** `value` as a machine frame number. @throws RangeError when it is not a 64-bit unsigned integer. */
export function mfn(value: bigint | number): Mfn {
  return checkedFrame(value, 'mfn') as Mfn;
}

/** `value` as a pseudo-physical frame number. @throws RangeError when it is not a 64-bit unsigned integer. */
export function pfn(value: bigint | number): Pfn {
  return checkedFrame(value, 'pfn') as Pfn;
}

/**
 * Constants grouped by prefix into the sets the registry declares: `flags` (distinct powers
 * of two, each with its `_NAME` bit-number constant when the header has one), `ops` (a
 * prefix ending in `OP`: `XEN_DMOP_`, `EVTCHNOP_`, `GNTTABOP_`) and `values` (any other
 * prefix shared by distinct values). A constant joins the longest prefix, ending in `_`,
 * it shares with another constant of its header; a group whose prefix is one word longer
 * than another's joins that one when no value repeats (`VM_EVENT_REASON_MEM_ACCESS` is a
 * `VM_EVENT_REASON`, `VM_EVENT_FLAG_SET_EMUL_READ_DATA` a `VM_EVENT_FLAG`). One that repeats
 * a value of its group (`XEN_DOMCTL_CDF_MAX`) stays a plain constant, and so does an OR of
 * a flag set's bits spelled as bits (`MEM_ACCESS_RWX`).
 */

export interface GroupInput {
  name: string;
  value: bigint;
  /** Xen spells it as one shifted bit (`(1 << 3)`): a flag, whatever its value. */
  shift?: boolean;
}

export interface ConstantGroup {
  /** The set's name: the prefix without its last `_`. @example "XEN_DMOP" */
  name: string;
  kind: 'flags' | 'values' | 'ops';
  /** Members in input order; for flags the bit and the bit-number constant. */
  members: { name: string; bit?: number; bitConstant?: string }[];
}

/** The longest prefix ending in `_` (not the whole name) that another constant shares. */
function prefixOf(name: string, all: readonly string[]): string | undefined {
  for (let end = name.lastIndexOf('_', name.length - 2); end > 0; end = name.lastIndexOf('_', end - 1)) {
    const prefix = name.slice(0, end + 1);
    if (prefix.replace(/_/g, '') === '') return undefined;
    if (all.some((other) => other !== name && other.startsWith(prefix))) return prefix;
  }
  return undefined;
}

function isPowerOfTwo(v: bigint): boolean {
  return v > 0n && (v & (v - 1n)) === 0n;
}

/** Groups constants into sets; returns the sets and the constants left alone. */
export function groupConstants(constants: readonly GroupInput[]): { sets: ConstantGroup[]; single: string[] } {
  const values = new Map(constants.map((c) => [c.name, c.value]));
  // A bit-number constant `_NAME` belongs to the flag `NAME`, not to a group of its own.
  const bitOf = new Map<string, string>();
  for (const c of constants) {
    const mask = values.get(c.name.slice(1));
    if (c.name.startsWith('_') && mask !== undefined && isPowerOfTwo(mask) && c.value >= 0n && c.value < 64n && 1n << c.value === mask) bitOf.set(c.name.slice(1), c.name);
  }
  const bitConstants = new Set(bitOf.values());
  const candidates = constants.filter((c) => !bitConstants.has(c.name)).map((c) => c.name);
  const byPrefix = new Map<string, string[]>();
  for (const name of candidates) {
    const prefix = prefixOf(name, candidates);
    if (prefix) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), name]);
  }
  mergeNested(byPrefix, values);
  const position = new Map(candidates.map((n, i) => [n, i]));
  for (const names of byPrefix.values()) names.sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
  const shifted = new Set(constants.filter((c) => c.shift).map((c) => c.name));
  const sets: ConstantGroup[] = [];
  const grouped = new Set<string>();
  for (const [prefix, names] of byPrefix) {
    const seen = new Set<bigint>();
    const distinct = names.filter((n) => {
      const v = values.get(n) as bigint;
      if (seen.has(v)) return false;
      seen.add(v);
      return true;
    });
    const bits = distinct.filter((n) => isPowerOfTwo(values.get(n) as bigint));
    // Bits Xen spells as bits may come with ORs of them; plain numbers that happen to be powers of two may not.
    const spelledBits = bits.every((n) => bitOf.has(n) || shifted.has(n));
    const flags =
      bits.length >= 2 &&
      bits.some((n) => bitOf.has(n) || shifted.has(n) || (values.get(n) as bigint) > 2n) &&
      distinct.every((n) => bits.includes(n) || (spelledBits && isComposite(values.get(n) as bigint, bits, values)));
    const members = flags ? bits : distinct;
    if (members.length < 2) continue;
    const setName = prefix.slice(0, -1);
    const kind = flags ? 'flags' : /OP$/i.test(setName) ? 'ops' : 'values';
    sets.push({
      name: setName,
      kind,
      members: members.map((n) => (kind === 'flags' ? { name: n, bit: (values.get(n) as bigint).toString(2).length - 1, ...(bitOf.has(n) ? { bitConstant: bitOf.get(n) } : {}) } : { name: n })),
    });
    for (const n of members) grouped.add(n);
    for (const n of members) if (kind === 'flags' && bitOf.has(n)) grouped.add(bitOf.get(n) as string);
  }
  return { sets, single: constants.map((c) => c.name).filter((n) => !grouped.has(n)) };
}

/** An OR of two or more of the flags' bits (`MEM_ACCESS_RW`): a plain constant beside the set. */
function isComposite(value: bigint, bits: readonly string[], values: ReadonlyMap<string, bigint>): boolean {
  const all = bits.reduce((acc, n) => acc | (values.get(n) as bigint), 0n);
  return value > 0n && !isPowerOfTwo(value) && (value & ~all) === 0n;
}

/**
 * Folds each group into the group whose prefix is one word shorter (`VM_EVENT_FLAG_SET_EMUL_`
 * into `VM_EVENT_FLAG_SET_`, then that into `VM_EVENT_FLAG_`) when their values stay distinct;
 * longest prefixes first, so a chain folds all the way up.
 */
function mergeNested(byPrefix: Map<string, string[]>, values: ReadonlyMap<string, bigint>): void {
  const prefixes = [...byPrefix.keys()].sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    const parent = prefix.slice(0, prefix.lastIndexOf('_', prefix.length - 2) + 1);
    const child = byPrefix.get(prefix);
    const into = byPrefix.get(parent);
    if (!parent || !child || !into) continue;
    const taken = new Set(into.map((n) => values.get(n)));
    if (child.some((n) => taken.has(values.get(n)))) continue;
    byPrefix.set(parent, [...into, ...child]);
    byPrefix.delete(prefix);
  }
}

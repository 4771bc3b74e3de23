/**
 * What every comparator shares: both sides, the namespaces they both cover, where to point
 * a finding, how to see through typedefs, and the list findings are collected in.
 */
import type { Arch, Namespace, SourceLocation } from '../model/types.js';
import { own } from '../names/dict.js';
import type { ItemKind, RawFinding } from './finding.js';
import type { AbiSide, Capability, SideRecord } from './side/types.js';

export type Which = 'base' | 'head';

export class CheckContext {
  readonly raw: RawFinding[] = [];
  /** Constants a set comparator already explained, per aspect, so the constant comparator stays quiet. */
  readonly explained = { value: new Set<string>(), removed: new Set<string>(), added: new Set<string>() };
  private readonly common: Set<Namespace>;

  constructor(
    readonly base: AbiSide,
    readonly head: AbiSide,
  ) {
    this.common = new Set(base.namespaces.filter((n) => head.namespaces.includes(n)));
  }

  /** True when both sides have the capability. */
  can(capability: Capability): boolean {
    return this.base.has.includes(capability) && this.head.has.includes(capability);
  }

  /** True when both sides cover the namespace, so an item missing from one side is really missing. */
  covers(namespace: Namespace): boolean {
    return this.common.has(namespace);
  }

  emit(finding: RawFinding): void {
    this.raw.push(finding);
  }

  /**
   * A finding about an item, located on the head when it is there, else on the base; on one
   * architecture, where that side declares the item for it.
   */
  report(
    rule: string,
    at: { item: string; itemKind: ItemKind; namespace: Namespace; module: string; loc: SourceLocation; locSide: 'head' | 'base' },
    base: string | null,
    head: string | null,
    message: string,
    arch?: Arch,
  ): void {
    const archLoc = arch ? this[at.locSide].archLocs?.[at.item]?.[arch] : undefined;
    this.emit({ rule, ...at, ...(archLoc ? { loc: archLoc } : {}), base, head, message, ...(arch ? { arch } : {}) });
  }

  // ---- Locations ---------------------------------------------------------------------------

  /** Where a named item is declared: the head's declaration, else the base's, else its module's file. */
  itemAt(kind: 'record' | 'typedef' | 'constant' | 'set' | 'macro', name: string, itemKind: ItemKind = kind === 'set' ? 'constant' : kind) {
    const pick = (side: AbiSide) => (kind === 'record' ? side.records : kind === 'typedef' ? side.aliases : kind === 'constant' ? side.constants : kind === 'macro' ? side.macros : side.sets)[name];
    const h = pick(this.head);
    const b = pick(this.base);
    const item = (h ?? b)!;
    return { item: name, itemKind, namespace: item.namespace, module: item.module, ...this.locate(h?.loc, b?.loc, item) };
  }

  /** Where a field is declared: on the head's record, else the base's, else the record's. */
  fieldAt(recordName: string, key: string, path: string) {
    const h = this.head.records[recordName];
    const b = this.base.records[recordName];
    const record = (h ?? b) as SideRecord;
    const headLoc = h?.fieldLocs?.[key];
    const baseLoc = headLoc ? undefined : b?.fieldLocs?.[key];
    const located = headLoc || baseLoc ? this.locate(headLoc, baseLoc, record) : this.locate(h?.loc, b?.loc, record);
    return { item: path, itemKind: 'field' as const, namespace: record.namespace, module: record.module, ...located };
  }

  /** Where a module is declared, else its file by convention. */
  moduleAt(name: string, namespace: Namespace): { loc: SourceLocation; locSide: 'head' | 'base' } {
    return this.locate(this.head.modules[name]?.loc, this.base.modules[name]?.loc, { namespace, module: name });
  }

  private locate(
    headLoc: SourceLocation | undefined,
    baseLoc: SourceLocation | undefined,
    item: { namespace: Namespace; module: string },
  ): { loc: SourceLocation; locSide: 'head' | 'base' } {
    if (headLoc) return { loc: headLoc, locSide: 'head' };
    if (baseLoc) return { loc: baseLoc, locSide: 'base' };
    const moduleLoc = this.head.modules[item.module]?.loc;
    if (moduleLoc) return { loc: moduleLoc, locSide: 'head' };
    return { loc: { file: `abi/${item.namespace}/${item.module}.ts`, line: 0, column: 0 }, locSide: 'head' };
  }

  // ---- Types -------------------------------------------------------------------------------

  /**
   * A spelled type with every typedef replaced by what it names, as far as the side knows.
   * `uint64_aligned_t` is `uint64_t` with an alignment, which layouts compare on their own.
   */
  resolve(which: Which, type: string): string {
    const memo = this.resolved[which];
    let resolved = memo.get(type);
    if (resolved === undefined) {
      resolved = this.resolveUncached(which, type);
      memo.set(type, resolved);
    }
    return resolved;
  }

  /** `resolve`'s answers by spelling, per side: the sides do not change during a check. */
  private readonly resolved = { base: new Map<string, string>(), head: new Map<string, string>() };

  private resolveUncached(which: Which, type: string): string {
    const side = this[which];
    let current = type;
    for (let depth = 0; depth < 16; depth++) {
      const { element, dims } = splitArray(current);
      const target = side.aliases[element]?.type ?? own(SAME_TYPE, element);
      if (target === undefined) return current;
      current = `${target}${dims}`;
    }
    return current;
  }
}

/**
 * Types that are another type: Xen's `uint64_aligned_t` differs from `uint64_t` in alignment
 * only, and C's `unsigned char`, `int` and `unsigned int` are `uint8_t`, `int32_t` and
 * `uint32_t` on every architecture xenabi knows (`char` is not: its signedness varies).
 */
const SAME_TYPE: Record<string, string> = { uint64_aligned_t: 'uint64_t', int64_aligned_t: 'int64_t', 'unsigned char': 'uint8_t', int: 'int32_t', 'unsigned int': 'uint32_t' };

/** `uint8_t[2][3]` → element `uint8_t`, dims `[2][3]`. */
export function splitArray(type: string): { element: string; dims: string; lengths: string[] } {
  const match = /^(.*?)((?:\[\d*\])+)$/.exec(type);
  if (!match) return { element: type, dims: '', lengths: [] };
  const dims = match[2] ?? '';
  return { element: match[1] ?? type, dims, lengths: [...dims.matchAll(/\[(\d*)\]/g)].map((m) => m[1] ?? '') };
}

/** True when two integer types differ only in signedness: `int32_t` and `uint32_t`. */
export function signednessOnly(a: string, b: string): boolean {
  const strip = (t: string) => t.replace(/\bu?int(8|16|32|64)_t\b/g, 'int$1_t');
  return a !== b && strip(a) === strip(b);
}

/**
 * Op and flag sets, base against head: ops renumbered, removed, given another payload or
 * added; flags moved to another bit, a bit handed to another flag, new flags. Runs before
 * the constant comparator and marks the constants it explained, so each change is reported
 * once, by its most specific rule. Needs both sides to have sets.
 */
import type { CheckContext } from '../context.js';
import type { AbiSide, SideSet } from '../side/types.js';

interface OpInfo {
  set: SideSet;
  constant: string;
  member?: string;
  record?: string;
}

interface FlagInfo {
  set: SideSet;
  mask: string;
  bit: number;
  bitConstant?: string;
}

export function compareSets(ctx: CheckContext): void {
  if (!ctx.can('sets')) return;
  compareOps(ctx, opsOf(ctx.base), opsOf(ctx.head));
  compareFlags(ctx, flagsOf(ctx.base), flagsOf(ctx.head));
}

function opsOf(side: AbiSide): Map<string, OpInfo> {
  const out = new Map<string, OpInfo>();
  for (const set of Object.values(side.sets)) for (const op of set.ops ?? []) out.set(op.constant, { set, ...op });
  return out;
}

function flagsOf(side: AbiSide): Map<string, FlagInfo> {
  const out = new Map<string, FlagInfo>();
  for (const set of Object.values(side.sets)) for (const flag of set.flags ?? []) out.set(flag.mask, { set, ...flag });
  return out;
}

const valueOf = (side: AbiSide, name: string) => side.constants[name]?.value ?? JSON.stringify(side.constants[name]?.values ?? null);

function compareOps(ctx: CheckContext, base: Map<string, OpInfo>, head: Map<string, OpInfo>): void {
  for (const [name, b] of [...base].sort()) {
    const h = head.get(name);
    const at = { ...ctx.itemAt('constant', name, 'op') };
    if (!h) {
      if (!ctx.covers(b.set.namespace)) continue;
      const still = ctx.head.constants[name] ? ` (the constant remains, outside ${b.set.name})` : '';
      ctx.report('OP_REMOVED', at, valueOf(ctx.base, name), null, `op ${name} (number ${valueOf(ctx.base, name)}) was removed from ${b.set.name}${still}`);
      ctx.explained.removed.add(name);
      continue;
    }
    const bv = valueOf(ctx.base, name);
    const hv = valueOf(ctx.head, name);
    if (bv !== hv) {
      ctx.report('OP_RENUMBERED', at, bv, hv, `op ${name} of ${h.set.name} was renumbered from ${bv} to ${hv}`);
      ctx.explained.value.add(name);
    }
    if ((b.member ?? '') !== (h.member ?? '') || (b.record ?? '') !== (h.record ?? '')) {
      ctx.report('OP_PAYLOAD_CHANGED', at, payload(b), payload(h), `op ${name} carries ${payload(h)}, was ${payload(b)}`);
    }
  }
  // The base's first op of each number in each set, for saying which op a new one reuses the number of.
  const byNumber = new Map<string, OpInfo>();
  for (const b of base.values()) {
    const key = `${b.set.name}\n${valueOf(ctx.base, b.constant)}`;
    if (!byNumber.has(key)) byNumber.set(key, b);
  }
  for (const [name, h] of [...head].sort()) {
    if (base.has(name) || !ctx.covers(h.set.namespace)) continue;
    const hv = valueOf(ctx.head, name);
    const previous = byNumber.get(`${h.set.name}\n${hv}`);
    const reuse = previous && previous.constant !== name ? `; it reuses the number of ${previous.constant}` : '';
    ctx.report('OP_ADDED', ctx.itemAt('constant', name, 'op'), null, hv, `op ${name} (number ${hv}) was added to ${h.set.name}${reuse}`);
    ctx.explained.added.add(name);
  }
}

function payload(op: OpInfo): string {
  return [op.member ? `member ${op.member}` : '', op.record ? `record ${op.record}` : ''].filter(Boolean).join(', ') || 'no payload';
}

function compareFlags(ctx: CheckContext, base: Map<string, FlagInfo>, head: Map<string, FlagInfo>): void {
  const byBit = new Map<string, FlagInfo>();
  for (const f of base.values()) if (!byBit.has(`${f.set.name}\n${f.bit}`)) byBit.set(`${f.set.name}\n${f.bit}`, f);
  const baseAt = (set: string, bit: number) => byBit.get(`${set}\n${bit}`);
  for (const [mask, h] of [...head].sort()) {
    const b = base.get(mask);
    const at = ctx.itemAt('constant', mask, 'flag');
    if (b && b.bit !== h.bit) {
      ctx.report('FLAG_BIT_MOVED', at, `bit ${b.bit}`, `bit ${h.bit}`, `flag ${mask} of ${h.set.name} moved from bit ${b.bit} to bit ${h.bit}`);
      for (const c of [mask, h.bitConstant, b.bitConstant]) if (c) ctx.explained.value.add(c);
    }
    if (b && b.bit === h.bit) continue;
    const owner = baseAt(h.set.name, h.bit);
    if (owner && owner.mask !== mask && head.get(owner.mask)?.bit !== h.bit) {
      ctx.report('FLAG_BIT_REUSED', at, `${owner.mask} at bit ${h.bit}`, `${mask} at bit ${h.bit}`, `bit ${h.bit} of ${h.set.name} belonged to ${owner.mask} and now belongs to ${mask}`);
      for (const c of [mask, h.bitConstant]) if (c) ctx.explained.added.add(c);
    } else if (!b && ctx.covers(h.set.namespace)) {
      ctx.report('FLAG_ADDED', at, null, `bit ${h.bit}`, `flag ${mask} (bit ${h.bit}) was added to ${h.set.name}`);
      for (const c of [mask, h.bitConstant]) if (c) ctx.explained.added.add(c);
    }
  }
}

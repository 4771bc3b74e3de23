/**
 * Constants, base against head: gone, new, with another value on some architecture, or with
 * a literal of another size or signedness.
 * Constants a set comparator already explained (an op renumbered, a flag moved) are left
 * to that rule.
 */
import { cIntegerType } from '../../layout/datamodels.js';
import { ARCHES } from '../../model/arch.js';
import type { Arch } from '../../model/types.js';
import type { CheckContext } from '../context.js';
import type { SideConstant } from '../side/types.js';

export function compareConstants(ctx: CheckContext): void {
  const names = [...new Set([...Object.keys(ctx.base.constants), ...Object.keys(ctx.head.constants)])].sort();
  // A side without string constants (an export without part `strings`) cannot say whether one was added or removed.
  const strings = ctx.can('strings');
  for (const name of names) {
    const b = ctx.base.constants[name];
    const h = ctx.head.constants[name];
    if (!strings && (b?.string || h?.string)) continue;
    const at = ctx.itemAt('constant', name);
    if (b && !h) {
      if (ctx.covers(b.namespace) && !ctx.explained.removed.has(name)) {
        ctx.report('CONSTANT_REMOVED', at, describe(b), null, `${name} (${describe(b)}) was removed`);
      }
    } else if (h && !b) {
      if (ctx.covers(h.namespace) && !ctx.explained.added.has(name)) ctx.report('CONSTANT_ADDED', at, null, describe(h), `${name} (${describe(h)}) was added`);
    } else if (b && h && !ctx.explained.value.has(name)) {
      // A side that does not record which architectures a constant is on makes that unknown.
      const knows = ctx.can('constantArchs');
      compareValues(ctx, at, knows ? b : { ...b, archs: undefined }, knows ? h : { ...h, archs: undefined });
      compareTypes(ctx, at, b, h);
    }
  }
}

function compareValues(ctx: CheckContext, at: ReturnType<CheckContext['itemAt']>, b: SideConstant, h: SideConstant): void {
  if (!b.values && !h.values && sameArchs(b, h)) {
    if (b.value !== h.value || !b.string !== !h.string) {
      ctx.report('CONSTANT_VALUE_CHANGED', at, shown(b, b.value) ?? '', shown(h, h.value) ?? '', `${b.name} changed value from ${shown(b, b.value)} to ${shown(h, h.value)}`);
    }
    return;
  }
  for (const arch of ARCHES) {
    const bv = shown(b, valueOn(b, arch));
    const hv = shown(h, valueOn(h, arch));
    if (bv === hv) continue;
    if (hv === undefined) ctx.report('CONSTANT_REMOVED', at, bv ?? '', null, `${b.name} no longer exists`, arch);
    else if (bv === undefined) ctx.report('CONSTANT_ADDED', at, null, hv, `${h.name} was added`, arch);
    else ctx.report('CONSTANT_VALUE_CHANGED', at, bv, hv, `${b.name} changed value from ${bv} to ${hv}`, arch);
  }
}

/**
 * The literal's C type, where both sides know it and the constant exists: reported on the
 * architectures where its size or signedness changed (`long` → `long long` changes nothing
 * on LP64 targets and the size on 32-bit ones).
 */
function compareTypes(ctx: CheckContext, at: ReturnType<CheckContext['itemAt']>, b: SideConstant, h: SideConstant): void {
  if (b.cType === h.cType && !b.cTypes && !h.cTypes) return;
  for (const arch of ARCHES) {
    const bt = typeOn(b, arch);
    const ht = typeOn(h, arch);
    if (bt === undefined || ht === undefined || valueOn(b, arch) === undefined || valueOn(h, arch) === undefined) continue;
    const bi = cIntegerType(arch, bt);
    const hi = cIntegerType(arch, ht);
    if (bi && hi && bi.size === hi.size && bi.signed === hi.signed) continue;
    if (!bi && !hi && bt === ht) continue;
    ctx.report('CONSTANT_TYPE_CHANGED', at, bt, ht, `${b.name} changed C type from ${bt} to ${ht}`, arch);
  }
}

function typeOn(c: SideConstant, arch: Arch): string | undefined {
  return c.cTypes?.[arch] ?? c.cType;
}

/** The value on one architecture; undefined where the constant does not exist. */
function valueOn(c: SideConstant, arch: Arch): string | undefined {
  if (c.archs && !c.archs.includes(arch)) return undefined;
  return c.values ? c.values[arch] : c.value;
}

function sameArchs(b: SideConstant, h: SideConstant): boolean {
  return (b.archs ?? ARCHES).join() === (h.archs ?? ARCHES).join();
}

function describe(c: SideConstant): string {
  return c.values ? ARCHES.filter((a) => c.values?.[a] !== undefined).map((a) => `${a} ${shown(c, c.values?.[a])}`).join(', ') : `value ${shown(c, c.value)}`;
}

/** A value as findings show it: a string constant's text quoted (`"x86_64-abi"`), so it never reads as a number. */
function shown(c: SideConstant, value: string | undefined): string | undefined {
  return c.string && value !== undefined ? JSON.stringify(value) : value;
}

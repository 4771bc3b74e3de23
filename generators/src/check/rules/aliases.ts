/**
 * Typedefs, base against head: gone, new, or naming another type. A typedef retargeted to
 * another spelling of the same type (another typedef of `uint16_t`) is no change. A typedef
 * whose target depends on the architecture (`xen_ulong_t`) is compared architecture by
 * architecture.
 */
import { ARCHES, onArch } from '../../model/arch.js';
import type { Arch } from '../../model/types.js';
import type { CheckContext } from '../context.js';
import type { SideAlias } from '../side/types.js';

export function compareAliases(ctx: CheckContext): void {
  if (!ctx.can('aliases')) return;
  const names = [...new Set([...Object.keys(ctx.base.aliases), ...Object.keys(ctx.head.aliases)])].sort();
  // A typedef that became (or stopped being) the one a record is known by is no typedef gone or new.
  const recordTypedefs = (which: 'base' | 'head') => new Set(Object.values(ctx[which].records).flatMap((r) => (r.typedef ? [r.typedef] : [])));
  const inBase = recordTypedefs('base');
  const inHead = recordTypedefs('head');
  for (const name of names) {
    const b = ctx.base.aliases[name];
    const h = ctx.head.aliases[name];
    const at = ctx.itemAt('typedef', name);
    if (b && !h) {
      if (ctx.covers(b.namespace) && !inHead.has(name)) ctx.report('TYPEDEF_REMOVED', at, aliasTarget(b), null, `typedef ${name} (${aliasTarget(b)}) was removed`);
    } else if (h && !b) {
      if (ctx.covers(h.namespace) && !inBase.has(name)) ctx.report('TYPEDEF_ADDED', at, null, aliasTarget(h), `typedef ${name} (${aliasTarget(h)}) was added`);
    } else if (b && h && !sameTargets(ctx, b, h)) {
      ctx.report('TYPEDEF_CHANGED', at, aliasTarget(b), aliasTarget(h), `typedef ${name} names ${aliasTarget(h)}, was ${aliasTarget(b)}`);
    }
  }
}

/** The target on each architecture the typedef exists on. */
export function targetsByArch(a: SideAlias): Partial<Record<Arch, string>> {
  const out: Partial<Record<Arch, string>> = {};
  for (const arch of ARCHES) {
    const t = a.types ? a.types[arch] : onArch(a, arch) ? a.type : undefined;
    if (t !== undefined) out[arch] = t;
  }
  return out;
}

/** The target as one string: `uint16_t`, or per architecture `unsigned long on x86_32, x86_64; uint64_t on arm32, arm64`. */
export function aliasTarget(a: SideAlias): string {
  if (a.type !== undefined && !a.types) return a.type;
  const groups = new Map<string, Arch[]>();
  for (const [arch, t] of Object.entries(targetsByArch(a)) as [Arch, string][]) groups.set(t, [...(groups.get(t) ?? []), arch]);
  return [...groups].map(([t, archs]) => `${t} on ${archs.join(', ')}`).join('; ');
}

function sameTargets(ctx: CheckContext, b: SideAlias, h: SideAlias): boolean {
  if (!b.types && !h.types) return ctx.resolve('base', b.type ?? '') === ctx.resolve('head', h.type ?? '');
  const bt = targetsByArch(b);
  const ht = targetsByArch(h);
  return ARCHES.every((arch) => (bt[arch] === undefined) === (ht[arch] === undefined) && (bt[arch] === undefined || ctx.resolve('base', bt[arch]) === ctx.resolve('head', ht[arch] as string)));
}

/**
 * Release bookkeeping: an item (or a field) whose first release moved. Later means it was
 * taken out of releases that had it; earlier means it now claims releases that did not.
 */
import type { CheckContext } from '../context.js';
import { fieldKey, fieldPath, type AbiSide, type SideField, type SideItemBase } from '../side/types.js';

type Kind = 'record' | 'typedef' | 'constant' | 'macro';

export function compareLifetimes(ctx: CheckContext): void {
  const kinds: [Kind, (s: AbiSide) => Record<string, SideItemBase>][] = [
    ['record', (s) => s.records],
    ['typedef', (s) => s.aliases],
    ['constant', (s) => s.constants],
    ['macro', (s) => s.macros],
  ];
  for (const [kind, items] of kinds) {
    const base = items(ctx.base);
    const head = items(ctx.head);
    for (const name of Object.keys(base).sort()) {
      const b = base[name];
      const h = head[name];
      if (b && h) compareSince(ctx, () => ctx.itemAt(kind, name), b.since, h.since);
      if (b?.linuxSince && h?.linuxSince) compareSince(ctx, () => ctx.itemAt(kind, name), b.linuxSince, h.linuxSince, 'Linux');
    }
  }
  if (ctx.can('fieldLifetimes')) compareFieldSince(ctx);
}

function compareFieldSince(ctx: CheckContext): void {
  for (const [name, h] of Object.entries(ctx.head.records)) {
    const b = ctx.base.records[name];
    if (!b || b.since !== h.since) continue;
    // Each field by its key, as the head's first layout to have it lists it.
    const fields = new Map<string, SideField>();
    for (const l of Object.values(h.layouts)) for (const f of l.fields) if (!fields.has(fieldKey(f))) fields.set(fieldKey(f), f);
    const inBase = new Set(Object.values(b.layouts).flatMap((l) => l.fields.map(fieldKey)));
    for (const [key, field] of fields) {
      if (!inBase.has(key)) continue;
      compareSince(ctx, () => ctx.fieldAt(name, key, fieldPath(name, field)), b.fieldSince?.[key] ?? b.since, h.fieldSince?.[key] ?? h.since);
    }
  }
}

/**
 * `os` names whose releases they are: Xen's for Xen's ABI, Linux's for the `linux` namespace.
 * `locate` is called only for a finding: nearly every item keeps its first release.
 */
function compareSince(ctx: CheckContext, locate: () => Parameters<CheckContext['report']>[1], base: string, head: string, os: 'Xen' | 'Linux' = 'Xen'): void {
  if (base === head) return;
  const order = compareVersions(base, head);
  if (order === 0) return;
  const at = locate();
  if (order < 0) {
    ctx.report('REMOVED_FROM_RELEASE', at, base, head, `${at.item} now starts in ${os} ${head}, so it is gone from ${os} ${base} up to ${head} exclusive, where it was available`);
  } else {
    ctx.report('SINCE_CHANGED', at, base, head, `${at.item} now claims ${os} ${head}, earlier than its ${base}`);
  }
}

/** Orders `major.minor[.patch]` releases numerically; releases outside xenabi's registry compare too. */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0, ap = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0, bp = 0] = b.split('.').map(Number);
  return am - bm || an - bn || ap - bp;
}

/**
 * Where items live: stable ↔ unstable moves, moves to another module (another header), and
 * stable records that newly refer to unstable records or typedefs.
 */
import type { Namespace } from '../../model/types.js';
import type { CheckContext } from '../context.js';
import type { AbiSide, SideItemBase } from '../side/types.js';
import { splitArray } from '../context.js';

type Kind = 'record' | 'typedef' | 'constant' | 'set' | 'macro';

export function compareNamespaces(ctx: CheckContext): void {
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
      if (!b || !h) continue;
      // Located only when reported: nearly every item stays where it was.
      if (b.namespace === 'stable' && h.namespace === 'unstable') {
        ctx.report('NAMESPACE_MOVED', { ...ctx.itemAt(kind, name), namespace: 'stable' }, `stable (${b.module})`, `unstable (${h.module})`, `${name} moved from the stable namespace to the unstable one`);
      } else if (b.namespace === 'unstable' && h.namespace === 'stable') {
        ctx.report('NAMESPACE_PROMOTED', ctx.itemAt(kind, name), `unstable (${b.module})`, `stable (${h.module})`, `${name} moved from the unstable namespace to the stable one`);
      } else if (b.module !== h.module) {
        ctx.report('MODULE_CHANGED', ctx.itemAt(kind, name), b.module, h.module, `${name} moved from module ${b.module} to ${h.module}, so another header declares it`);
      }
    }
  }
  stableReferences(ctx);
}

/** Each reference a stable record (or op set) makes to an unstable item, as `from → to`. */
function unstableReferences(ctx: CheckContext, which: 'base' | 'head'): Map<string, { from: string; to: string; record: string; key?: string }> {
  const side = ctx[which];
  const out = new Map<string, { from: string; to: string; record: string; key?: string }>();
  // Many fields share a type: each spelling is followed once.
  const seen = new Map<string, { name: string; namespace: Namespace } | undefined>();
  const target = (type: string): { name: string; namespace: Namespace } | undefined => {
    if (seen.has(type)) return seen.get(type);
    const found = follow(type);
    seen.set(type, found);
    return found;
  };
  const follow = (type: string): { name: string; namespace: Namespace } | undefined => {
    let current = type;
    for (let depth = 0; depth < 16; depth++) {
      const element = splitArray(current).element;
      const alias = side.aliases[element];
      if (alias) {
        if (alias.namespace === 'unstable') return alias;
        if (alias.type === undefined) return undefined;
        current = alias.type;
        continue;
      }
      const record = /^(?:struct|union) (\S+)$/.exec(element)?.[1];
      const decl = record ? side.records[record] : undefined;
      return decl && decl.namespace === 'unstable' ? decl : undefined;
    }
    return undefined;
  };
  for (const r of Object.values(side.records)) {
    if (r.namespace !== 'stable') continue;
    for (const layout of Object.values(r.layouts)) {
      for (const f of layout.fields) {
        const t = target(f.type) ?? (f.record && side.records[f.record]?.namespace === 'unstable' ? { name: f.record } : undefined);
        if (!t) continue;
        const from = f.name ? `${r.name}.${f.name}` : (f.record ?? r.name);
        out.set(`${from}→${t.name}`, { from, to: t.name, record: r.name, key: f.name || f.record });
      }
    }
  }
  for (const s of Object.values(side.sets)) {
    if (s.namespace !== 'stable') continue;
    for (const op of s.ops ?? []) {
      if (op.record && side.records[op.record]?.namespace === 'unstable') out.set(`${op.constant}→${op.record}`, { from: op.constant, to: op.record, record: '' });
    }
  }
  return out;
}

function stableReferences(ctx: CheckContext): void {
  const before = unstableReferences(ctx, 'base');
  for (const [key, ref] of unstableReferences(ctx, 'head')) {
    if (before.has(key)) continue;
    const at = ref.record ? ctx.fieldAt(ref.record, ref.key ?? '', ref.from) : ctx.itemAt('constant', ref.from, 'op');
    ctx.report('STABLE_REFERS_TO_UNSTABLE', { ...at, namespace: 'stable' }, null, ref.to, `the stable ${ref.record ? 'field' : 'op'} ${ref.from} refers to the unstable ${ref.to}`);
  }
}

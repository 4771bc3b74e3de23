/**
 * Typedefs, base against head: gone, new, or naming another type. A typedef retargeted to
 * another spelling of the same type (another typedef of `uint16_t`) is no change.
 */
import type { CheckContext } from '../context.js';

export function compareAliases(ctx: CheckContext): void {
  if (!ctx.can('aliases')) return;
  const names = [...new Set([...Object.keys(ctx.base.aliases), ...Object.keys(ctx.head.aliases)])].sort();
  for (const name of names) {
    const b = ctx.base.aliases[name];
    const h = ctx.head.aliases[name];
    const at = ctx.itemAt('typedef', name);
    if (b && !h) {
      if (ctx.covers(b.namespace)) ctx.report('TYPEDEF_REMOVED', at, b.type, null, `typedef ${name} (${b.type}) was removed`);
    } else if (h && !b) {
      if (ctx.covers(h.namespace)) ctx.report('TYPEDEF_ADDED', at, null, h.type, `typedef ${name} (${h.type}) was added`);
    } else if (b && h && ctx.resolve('base', b.type) !== ctx.resolve('head', h.type)) {
      ctx.report('TYPEDEF_CHANGED', at, b.type, h.type, `typedef ${name} names ${h.type}, was ${b.type}`);
    }
  }
}

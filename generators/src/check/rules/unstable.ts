/**
 * The unstable namespace's one rule: a module may change incompatibly only together with a
 * new value of its interface-version constant (`XEN_DOMCTL_INTERFACE_VERSION`), because Xen
 * and its callers agree on a layout by that number alone. Runs on the merged findings.
 */
import type { CheckContext } from '../context.js';
import type { Finding, RawFinding } from '../finding.js';
import { isBreaking, ruleInfo } from './catalogue.js';

export function unstableVersionFindings(ctx: CheckContext, findings: readonly Finding[]): RawFinding[] {
  if (!ctx.can('modules')) return [];
  const byModule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.namespace !== 'unstable' || !f.module || !isBreaking(ruleInfo(f.rule).category)) continue;
    const list = byModule.get(f.module);
    if (list) list.push(f);
    else byModule.set(f.module, [f]);
  }
  const out: RawFinding[] = [];
  for (const [module, changes] of [...byModule].sort()) {
    const decl = ctx.head.modules[module];
    if (!decl || decl.unversioned) continue;
    const list = changes.slice(0, 3).map((f) => `${f.rule} ${f.item}`).join(', ') + (changes.length > 3 ? `, and ${changes.length - 3} more` : '');
    const constant = decl.interfaceVersion;
    if (!constant) {
      const at = ctx.moduleAt(module, 'unstable');
      out.push({ rule: 'UNSTABLE_VERSION_NOT_BUMPED', item: module, itemKind: 'module', namespace: 'unstable', module, base: null, head: null, ...at, message: `unstable module ${module} changed incompatibly (${list}) and declares no interface-version constant to bump` });
      continue;
    }
    const before = valueOf(ctx.base.constants[constant]);
    const after = valueOf(ctx.head.constants[constant]);
    if (before !== after) continue;
    const at = ctx.head.constants[constant] ? ctx.itemAt('constant', constant, 'module') : { ...ctx.moduleAt(module, 'unstable'), namespace: 'unstable' as const, module };
    out.push({
      rule: 'UNSTABLE_VERSION_NOT_BUMPED',
      item: module,
      itemKind: 'module',
      namespace: 'unstable',
      module,
      base: before ?? null,
      head: after ?? null,
      loc: at.loc,
      locSide: at.locSide,
      message: `unstable module ${module} changed incompatibly (${list}) but ${constant} is still ${hex(after)}`,
    });
  }
  return out;
}

function valueOf(c: { value?: string; values?: object } | undefined): string | undefined {
  if (!c) return undefined;
  return c.value ?? JSON.stringify(c.values);
}

function hex(value: string | undefined): string {
  return value && /^\d+$/.test(value) ? `0x${BigInt(value).toString(16)}` : String(value);
}

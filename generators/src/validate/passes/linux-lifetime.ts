/**
 * `linux-lifetime`: Linux releases, not Xen's, version the `linux` namespace. Its items say
 * which Linux release added them (`linuxSince`) and carry no Xen lifetime (they exist in every
 * Xen release); members and set members live within their record or set; `linuxUntil` comes
 * after `linuxSince`. Items of Xen's namespaces carry no Linux lifetime.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { compareLinuxReleases, isLinuxRelease, LINUX_ITEMS_SINCE } from '../../model/linux.js';
import type { AbiModel, LinuxLifetime, Namespace, SourceLocation } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';

const RULE = 'linux-lifetime';

interface Checked extends LinuxLifetime {
  name: string;
  namespace: Namespace;
  loc: SourceLocation;
  since: string;
  until?: string;
  parent?: string;
  set?: string;
}

export const linuxLifetime: ValidationPass = {
  id: RULE,
  description: 'linux items give linuxSince and no Xen since/until; Xen items give no Linux lifetime; linuxUntil follows linuxSince.',
  run(model) {
    const items: Checked[] = [...model.records, ...model.aliases, ...model.constants, ...model.sets];
    return [...items.flatMap((i) => (i.namespace === 'linux' ? linuxItem(i, model) : xenItem(i))), ...model.records.flatMap(members)];
  },
};

function linuxItem(item: Checked, model: AbiModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (item.since !== LINUX_ITEMS_SINCE || item.until) {
    out.push(error(RULE, item.loc, item.name, `Xen releases do not version Linux's interface: drop since/until and say which Linux release added it with linuxSince`));
  }
  if (!item.linuxSince) {
    // Inline records and set members inherit their parent's; a top-level item must say.
    if (!item.parent) out.push(error(RULE, item.loc, item.name, `a linux item needs linuxSince: the Linux release that added it (e.g. '4.11')`));
    return out;
  }
  out.push(...order(item, item.name, item.loc, ''));
  const outer = item.parent ? model.records.find((r) => r.name === item.parent) : item.set ? model.sets.find((s) => s.name === item.set) : undefined;
  if (outer) out.push(...within(item, outer, item.name, item.loc, item.parent ? 'inline record ' : 'set member '));
  return out;
}

function xenItem(item: Checked): Diagnostic[] {
  return item.linuxSince || item.linuxUntil ? [error(RULE, item.loc, item.name, `only items under abi/linux/ carry a Linux lifetime; a ${item.namespace} item is versioned by Xen releases (since/until)`)] : [];
}

function members(record: AbiModel['records'][number]): Diagnostic[] {
  return record.fields.flatMap((f) => {
    if (!f.linuxSince && !f.linuxUntil) return [];
    const item = `${record.name}.${f.name}`;
    if (record.namespace !== 'linux') return [error(RULE, f.loc, item, `only members of linux records carry a Linux lifetime`)];
    const own = order(f, item, f.loc, 'member ');
    return own.length ? own : within(f, record, item, f.loc, 'member ');
  });
}

/** Valid releases (the schema checks the spelling; this repeats it for hand-built models) and until after since. */
function order(span: LinuxLifetime, item: string, loc: SourceLocation, what: string): Diagnostic[] {
  const bad = [span.linuxSince, span.linuxUntil].filter((r): r is string => r !== undefined && !isLinuxRelease(r));
  if (bad.length) return bad.map((r) => error(RULE, loc, item, `${what}${JSON.stringify(r)} is not a Linux release (major.minor, or 2.6.N)`));
  if (span.linuxSince && span.linuxUntil && compareLinuxReleases(span.linuxUntil, span.linuxSince) <= 0) {
    return [error(RULE, loc, item, `${what}linuxUntil ${span.linuxUntil} is not after linuxSince ${span.linuxSince}, so it exists in no Linux release`)];
  }
  return [];
}

function within(inner: LinuxLifetime, outer: LinuxLifetime & { name: string }, item: string, loc: SourceLocation, what: string): Diagnostic[] {
  if (!inner.linuxSince || !outer.linuxSince || !isLinuxRelease(inner.linuxSince) || !isLinuxRelease(outer.linuxSince)) return [];
  if (compareLinuxReleases(inner.linuxSince, outer.linuxSince) < 0) {
    return [error(RULE, loc, item, `${what}linuxSince ${inner.linuxSince} is before ${outer.name}'s linuxSince ${outer.linuxSince}`)];
  }
  if (outer.linuxUntil && isLinuxRelease(outer.linuxUntil) && compareLinuxReleases(inner.linuxSince, outer.linuxUntil) >= 0) {
    return [error(RULE, loc, item, `${what}linuxSince ${inner.linuxSince} is not before ${outer.name}'s linuxUntil ${outer.linuxUntil}`)];
  }
  return [];
}

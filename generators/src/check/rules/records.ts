/**
 * Records, base against head: gone, new, struct↔union, and per architecture their size,
 * alignment and fields. Growing a record is a break unless the record is declared growable
 * and every old field kept its place (`hvm_start_info`, 40 → 56 bytes in Xen 4.11).
 */
import { ARCHES } from '../../model/arch.js';
import type { Arch } from '../../model/types.js';
import type { CheckContext } from '../context.js';
import type { SideLayout, SideRecord } from '../side/types.js';
import { compareFields } from './fields.js';

export function compareRecords(ctx: CheckContext): void {
  const names = [...new Set([...Object.keys(ctx.base.records), ...Object.keys(ctx.head.records)])].sort();
  for (const name of names) {
    const b = ctx.base.records[name];
    const h = ctx.head.records[name];
    if (b && h) compareRecord(ctx, b, h);
    else if (b && ctx.covers(b.namespace)) removed(ctx, b, archsOf(b));
    else if (h && ctx.covers(h.namespace)) added(ctx, h, archsOf(h));
  }
}

function archsOf(r: SideRecord): Arch[] {
  return ARCHES.filter((a) => r.layouts[a]);
}

function removed(ctx: CheckContext, b: SideRecord, archs: Arch[]): void {
  if (!archs.length) return;
  const at = ctx.itemAt('record', b.name);
  for (const arch of archs) ctx.report('RECORD_REMOVED', at, `${b.kind} ${b.name}`, null, `${b.kind} ${b.name} no longer exists`, arch);
}

function added(ctx: CheckContext, h: SideRecord, archs: Arch[]): void {
  if (!archs.length) return;
  const at = ctx.itemAt('record', h.name);
  for (const arch of archs) ctx.report('RECORD_ADDED', at, null, `${h.kind} ${h.name}`, `${h.kind} ${h.name} was added`, arch);
}

function compareRecord(ctx: CheckContext, b: SideRecord, h: SideRecord): void {
  if (ctx.can('aliases') && b.typedef !== h.typedef) recordTypedef(ctx, b, h);
  if (b.kind !== h.kind) ctx.report('RECORD_KIND_CHANGED', ctx.itemAt('record', h.name), b.kind, h.kind, `${h.name} was a ${b.kind} and is now a ${h.kind}`);
  removed(ctx, b, archsOf(b).filter((a) => !h.layouts[a]));
  added(ctx, h, archsOf(h).filter((a) => !b.layouts[a]));
  for (const arch of archsOf(b).filter((a) => h.layouts[a])) compareLayout(ctx, b, h, arch, b.layouts[arch] as SideLayout, h.layouts[arch] as SideLayout);
}

function compareLayout(ctx: CheckContext, b: SideRecord, h: SideRecord, arch: Arch, bl: SideLayout, hl: SideLayout): void {
  const fields = compareFields(ctx, b, h, arch, bl, hl);
  if (bl.size === hl.size && bl.align === hl.align) return;
  const at = ctx.itemAt('record', h.name);
  if (bl.size !== hl.size) {
    const growable = ctx.can('growable') && b.growable && h.growable && b.growable.versionField === h.growable.versionField;
    if (growable && hl.size > bl.size && fields.baseKept && fields.appendedOnly && bl.align === hl.align) {
      const appended = fields.added.map((f) => f.name).join(', ');
      ctx.report('RECORD_GREW', at, String(bl.size), String(hl.size), `${h.name} grew from ${bl.size} to ${hl.size} bytes by appending ${appended} behind its version field ${h.growable?.versionField}`, arch);
    } else {
      const through = h.kind === 'union' && fields.grown.length ? ` through ${fields.grown.join(', ')}` : '';
      ctx.report('RECORD_SIZE_CHANGED', at, String(bl.size), String(hl.size), `${h.kind} ${h.name} changed size from ${bl.size} to ${hl.size} bytes${through}`, arch);
    }
  }
  if (bl.align !== hl.align) {
    ctx.report('RECORD_ALIGNMENT_CHANGED', at, String(bl.align), String(hl.align), `${h.name} changed alignment from ${bl.align} to ${hl.align} bytes`, arch);
  }
}

/** `typedef struct tag name_t;`: the name is source ABI like any typedef. */
function recordTypedef(ctx: CheckContext, b: SideRecord, h: SideRecord): void {
  const at = ctx.itemAt('record', h.name, 'typedef');
  // A name that moves between the record and a typedef of its own (a second typedef came first) stays.
  if (b.typedef && !ctx.head.aliases[b.typedef]) ctx.report('TYPEDEF_REMOVED', { ...at, item: b.typedef }, `${b.kind} ${b.name}`, null, `typedef ${b.typedef} of ${b.kind} ${b.name} was removed${h.typedef ? ` (it is now ${h.typedef})` : ''}`);
  if (h.typedef && !ctx.base.aliases[h.typedef]) ctx.report('TYPEDEF_ADDED', { ...at, item: h.typedef }, null, `${h.kind} ${h.name}`, `typedef ${h.typedef} of ${h.kind} ${h.name} was added`);
}

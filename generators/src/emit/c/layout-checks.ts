/**
 * Layout checks: the numbers of the layout engine turned into C constant expressions that
 * must equal them. The generated headers assert them with `XENABI_STATIC_ASSERT`; the
 * compatibility test against Xen's own headers asserts the same list (Xen's names are ours)
 * and, when one fails, evaluates the expressions to print Xen's numbers. Nothing here
 * computes a layout: every expected number is read from `ArchLayout`.
 */
import type { ArchLayout } from '../../layout/engine.js';
import { ioctlNumber } from '../../layout/ioctl.js';
import type { ArchScalarName, ConstantDecl, HandleType, RecordDecl } from '../../model/types.js';
import { archScalarSpelling, assertionId, handleTypedefName, memberExpression, recordTypeName } from './names.js';

/** One expression that must equal one number on one architecture. */
export interface LayoutCheck {
  /** Unique in a translation unit: `dm_op__xen_dm_op__size`. */
  id: string;
  /** The record or type checked. @example "evtchn_status" */
  item: string;
  /** The member path, or "" for the record itself. @example "u.interdomain.dom" */
  field: string;
  what: 'size' | 'align' | 'offset' | 'value';
  /** A C integer constant expression using XENABI_ALIGNOF / XENABI_OFFSETOF / XENABI_TYPEOF. */
  expr: string;
  expected: number;
  /** How the expected number is printed, when not in decimal (an ioctl number in hex). */
  literal?: string;
}

/**
 * Size, alignment, and every non-bit-field member's offset and size, of a top-level record.
 * `type` names the record in the expressions: its tag or typedef, or for a tag Xen declares
 * inside another record (C++ scopes it there) the type of that record's member. `spell` gives
 * a member path as the expressions name it (the names of an older guest interface).
 */
export function recordChecks(module: string, record: RecordDecl, layout: ArchLayout, type: string = recordTypeName(record), spell: (path: string) => string = (path) => path): LayoutCheck[] {
  const own = layout.record(record.name);
  const check = (path: string, what: LayoutCheck['what'], expr: string, expected: number): LayoutCheck => {
    const field = spell(path);
    return { id: assertionId(module, field ? `${record.name}.${field}` : record.name, what), item: record.name, field, what, expr, expected };
  };
  // A ring's page struct ends in its entries, whose declared length (and so sizeof) depends on
  // the includer; its alignment does not (the engine aligns the page as its entries).
  const checks = [...(record.ring ? [] : [check('', 'size', `sizeof(${type})`, own.size)]), check('', 'align', `XENABI_ALIGNOF(${type})`, own.align)];
  for (const m of layout.members(record.name)) {
    if (m.bitField) continue;
    const path = spell(m.path);
    const member = memberExpression(type, path);
    checks.push(check(m.path, 'offset', `XENABI_OFFSETOF(${type}, ${path})`, m.offset));
    if (!m.flexibleArray) checks.push(check(m.path, 'size', `sizeof(${member})`, m.size));
    if (m.record) checks.push(check(m.path, 'align', `XENABI_ALIGNOF(XENABI_TYPEOF(${member}))`, layout.record(m.record).align));
  }
  if (record.ring) {
    const ring = layout.ring(record.name);
    const entries = record.ring.entries;
    // Where the entries start and how big each is: what the entries per page (ring.entries) follow from.
    checks.push(check(entries, 'offset', `XENABI_OFFSETOF(${type}, ${entries})`, ring.entriesOffset));
    checks.push(check(`${entries}[0]`, 'size', `sizeof(${memberExpression(type, `${entries}[0]`)})`, ring.entrySize));
  }
  return checks;
}

/** Size and alignment of one of our guest-handle typedefs. */
export function handleChecks(module: string, handle: HandleType, layout: ArchLayout): LayoutCheck[] {
  return typeChecks(module, handleTypedefName(handle), layout.sizeAlign(handle));
}

/** Size and alignment of an architecture-dependent integer type as we spell it. */
export function archScalarChecks(module: string, name: ArchScalarName, layout: ArchLayout): LayoutCheck[] {
  return typeChecks(module, archScalarSpelling(name), layout.sizeAlign({ kind: 'archScalar', name }));
}

function typeChecks(module: string, type: string, sa: { size: number; align: number }): LayoutCheck[] {
  return [
    { id: assertionId(module, type, 'size'), item: type, field: '', what: 'size', expr: `sizeof(${type})`, expected: sa.size },
    { id: assertionId(module, type, 'align'), item: type, field: '', what: 'align', expr: `XENABI_ALIGNOF(${type})`, expected: sa.align },
  ];
}

/** An ioctl's number on the layout's architecture, whoever defined the macro (Linux's header may have come first). */
export function ioctlChecks(module: string, constant: ConstantDecl, layout: ArchLayout): LayoutCheck[] {
  if (!constant.ioctl) return [];
  const expected = ioctlNumber(constant.ioctl, layout);
  return [{ id: assertionId(module, constant.name, 'value'), item: constant.name, field: '', what: 'value', expr: constant.name, expected: Number(expected), literal: `0x${expected.toString(16)}U` }];
}

/** The assertion statement the headers print for a check. */
export function assertionStatement(check: LayoutCheck): string {
  return `XENABI_STATIC_ASSERT(${check.id}, ${check.expr} == ${check.literal ?? check.expected});`;
}

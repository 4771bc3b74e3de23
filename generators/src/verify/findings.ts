/**
 * `verify`'s observations as the checker's findings: the registry is the base, Xen's headers
 * the head, and every disagreement is an error under the rule that names it (a record of
 * another size is RECORD_SIZE_CHANGED, a member Xen lacks FIELD_REMOVED, a stable item Xen
 * shows only to tools builds NAMESPACE_MOVED). Findings that differ only in architecture are
 * merged, as `check` merges them.
 */
import { mergeByArch } from '../check/engine.js';
import type { Finding, ItemKind, RawFinding } from '../check/finding.js';
import type { HeaderMode } from '../headers/clang.js';
import type { Arch } from '../model/types.js';
import { readTypeCode } from './c-types.js';
import { bitsText, numberText, type CheckSubject, type CheckWhat, type VerifyCheck } from './checks.js';
import type { Observation, ProbeRun } from './run.js';

const MODE_TEXT: Record<HeaderMode, string> = { tools: 'with __XEN_TOOLS__', plain: 'without __XEN_TOOLS__' };

/** Every disagreement of every run, merged across architectures, all errors. */
export function verifyFindings(runs: readonly ProbeRun[]): Finding[] {
  const raw: RawFinding[] = [];
  const toolsSeen = new Map<string, Observation>();
  for (const run of runs.filter((r) => r.mode === 'tools')) {
    for (const o of run.observations) toolsSeen.set(observationKey(run.arch, o.check), o);
    raw.push(...runFindings(run, () => undefined));
  }
  for (const run of runs.filter((r) => r.mode === 'plain')) raw.push(...runFindings(run, (c) => toolsSeen.get(observationKey(run.arch, c))));
  return mergeByArch(raw, () => 'error');
}

function observationKey(arch: Arch, c: VerifyCheck): string {
  return `${arch} ${c.subject.item} ${c.what}`;
}

/**
 * The findings of one run. An absent item is reported once, not once per check of it; in
 * plain mode, an item tools mode has is reported as shown only to tools builds, and a number
 * is reported only when tools mode did not already report the same disagreement.
 */
function runFindings(run: ProbeRun, tools: (c: VerifyCheck) => Observation | undefined): RawFinding[] {
  const out: RawFinding[] = [];
  const absentItems = new Set<string>();
  for (const o of run.observations) {
    const { subject } = o.check;
    const owner = ownerOf(subject);
    if (absentItems.has(owner) || absentItems.has(subject.item)) continue;
    const seen = tools(o.check);
    if (o.absent !== undefined) {
      absentItems.add(subject.item);
      if (run.mode === 'plain' && seen?.absent !== undefined) continue;
      out.push(absence(run, o, seen !== undefined && seen.absent === undefined));
      continue;
    }
    if (agrees(o.check, o.xen ?? 0n)) continue;
    if (seen && seen.xen === o.xen && seen.check.expected === o.check.expected) continue;
    out.push(disagreement(run, o));
  }
  return out;
}

/** True when Xen's number is ours; for a constant's type, when the size and signedness are. */
export function agrees(check: VerifyCheck, xen: bigint): boolean {
  return check.what === 'type' ? readTypeCode(xen).compatible : xen === check.expected;
}

/** The record a member belongs to; the item itself otherwise. */
function ownerOf(subject: CheckSubject): string {
  return subject.owner ?? subject.item;
}

const REMOVED_RULE: Record<CheckSubject['kind'], string> = { record: 'RECORD_REMOVED', field: 'FIELD_REMOVED', typedef: 'TYPEDEF_REMOVED', constant: 'CONSTANT_REMOVED' };
const ITEM_KIND: Record<CheckSubject['kind'], ItemKind> = { record: 'record', field: 'field', typedef: 'typedef', constant: 'constant' };

function raw(run: ProbeRun, subject: CheckSubject, rule: string, base: string | null, head: string | null, message: string): RawFinding {
  return { rule, item: subject.item, itemKind: ITEM_KIND[subject.kind], namespace: subject.namespace, module: subject.module, arch: run.arch, base, head, message, loc: subject.loc, locSide: 'base' };
}

function absence(run: ProbeRun, o: Observation, toolsOnly: boolean): RawFinding {
  const { subject } = o.check;
  const what = subject.kind === 'field' ? 'member' : subject.kind;
  if (toolsOnly && subject.kind !== 'field') {
    return raw(run, subject, 'NAMESPACE_MOVED', 'stable', 'tools only', `Xen declares ${subject.item} only for __XEN__ and __XEN_TOOLS__ builds, but the registry has it in the stable namespace`);
  }
  const why = toolsOnly ? 'only for __XEN__ and __XEN_TOOLS__ builds' : `nowhere ${MODE_TEXT[run.mode]} (${o.absent})`;
  return raw(run, subject, REMOVED_RULE[subject.kind], 'declared', null, `Xen's headers declare the ${what} ${subject.item} ${why}`);
}

function disagreement(run: ProbeRun, o: Observation): RawFinding {
  const { subject, what } = o.check;
  const ours = shown(o.check, o.check.expected);
  const xens = shown(o.check, o.xen ?? 0n);
  const rule = ruleFor(subject, what);
  return raw(run, subject, rule, ours, xens, `Xen's headers ${MODE_TEXT[run.mode]} give ${subject.item} ${WHAT_TEXT[what]} ${xens}; the registry says ${ours}`);
}

const WHAT_TEXT: Record<CheckWhat, string> = {
  size: 'the size',
  align: 'the alignment',
  offset: 'the offset',
  bits: 'the bit position',
  signed: 'the signedness',
  value: 'the value',
  type: 'the C type',
};

function ruleFor(subject: CheckSubject, what: CheckWhat): string {
  switch (what) {
    case 'size':
      return subject.kind === 'record' ? 'RECORD_SIZE_CHANGED' : subject.kind === 'field' ? 'FIELD_WIDTH_CHANGED' : 'TYPEDEF_CHANGED';
    case 'align':
      return subject.kind === 'typedef' ? 'TYPEDEF_CHANGED' : 'RECORD_ALIGNMENT_CHANGED';
    case 'offset':
      return 'FIELD_OFFSET_CHANGED';
    case 'bits':
      return 'BITFIELD_CHANGED';
    case 'signed':
      return subject.kind === 'field' ? 'FIELD_SIGNEDNESS_CHANGED' : 'TYPEDEF_CHANGED';
    case 'value':
      return 'CONSTANT_VALUE_CHANGED';
    case 'type':
      return 'CONSTANT_TYPE_CHANGED';
  }
}

/** A number as a finding shows it: signed values signed, bits as a position, types by name. */
function shown(check: VerifyCheck, value: bigint): string {
  if (check.probe.kind === 'text') return numberText(value);
  switch (check.what) {
    case 'bits':
      return bitsText(Number(value >> 8n), Number(value & 0xffn));
    case 'signed':
      return value ? 'signed' : 'unsigned';
    case 'type':
      return value === check.expected ? (check.shown ?? '') : readTypeCode(value).type;
    case 'value':
      return (BigInt.asIntN(64, check.expected) < 0n ? BigInt.asIntN(64, value) : value).toString();
    default:
      return value.toString();
  }
}

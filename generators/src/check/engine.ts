/**
 * `checkAbi(base, head)`: runs every comparator over the two sides, merges per-architecture
 * findings, applies the policy (stable breaks are errors, unstable changes need a new
 * interface version, additions are notes), then the waivers. Pure: no files, no git.
 */
import { ARCHES } from '../model/arch.js';
import type { Arch } from '../model/types.js';
import { CheckContext } from './context.js';
import type { Finding, RawFinding, Severity } from './finding.js';
import { compareAliases } from './rules/aliases.js';
import { RULES, ruleInfo, type RuleInfo } from './rules/catalogue.js';
import { compareConstants } from './rules/constants.js';
import { compareMacros } from './rules/macros.js';
import { compareLifetimes } from './rules/lifetimes.js';
import { compareNamespaces } from './rules/namespaces.js';
import { compareRecords } from './rules/records.js';
import { compareSets } from './rules/sets.js';
import { unstableVersionFindings } from './rules/unstable.js';
import type { AbiSide, Capability } from './side/types.js';
import { applyWaivers, type Waiver } from './waivers/index.js';

export interface CheckOptions {
  /** Which breaks fail the check: `source` (default) fails on source and binary breaks, `binary` only on binary ones. */
  failOn?: 'source' | 'binary';
  waivers?: readonly Waiver[];
}

export interface SideSummary {
  label: string;
  origin: AbiSide['origin'];
  release: string;
  namespaces: AbiSide['namespaces'];
}

export interface CheckSummary {
  /** `fail` when an error is left after waivers: the CLI then exits 1. */
  result: 'pass' | 'fail';
  errors: number;
  warnings: number;
  notes: number;
  waived: number;
  /** Findings by category, waived ones included. */
  binary: number;
  source: number;
  compatible: number;
  failOn: 'source' | 'binary';
}

export interface CheckResult {
  base: SideSummary;
  head: SideSummary;
  /** Errors first, then warnings, then notes; each group by file and line. */
  findings: Finding[];
  /** Rules that could not run, and why. */
  skipped: { rule: string; reason: string }[];
  /** What else limited the comparison. */
  notes: string[];
  summary: CheckSummary;
}

/** The comparators, in the order they run: sets before constants, which they explain. */
const COMPARATORS: ((ctx: CheckContext) => void)[] = [compareSets, compareConstants, compareRecords, compareAliases, compareMacros, compareNamespaces, compareLifetimes];

export function checkAbi(base: AbiSide, head: AbiSide, options: CheckOptions = {}): CheckResult {
  const failOn = options.failOn ?? 'source';
  const ctx = new CheckContext(base, head);
  for (const compare of COMPARATORS) compare(ctx);
  const skipped = skippedRules(base, head);
  const skip = new Set(skipped.map((s) => s.rule));
  let findings = merge(ctx.raw.filter((f) => !skip.has(f.rule)), failOn, ctx.can('modules'));
  findings = [...findings, ...merge(unstableVersionFindings(ctx, findings), failOn, true)];
  const waived = applyWaivers(findings, options.waivers ?? [], head.release, base.release);
  findings = sortFindings([...waived.findings, ...waived.own]);
  return { base: summarise(base), head: summarise(head), findings, skipped, notes: limitations(base, head, findings), summary: summaryOf(findings, failOn) };
}

// ---- Merging and policy --------------------------------------------------------------------

function merge(raw: readonly RawFinding[], failOn: 'source' | 'binary', versionRuleRan: boolean): Finding[] {
  return mergeByArch(raw, (info, f) => severityOf(info, f, failOn, versionRuleRan));
}

/**
 * Findings that differ only in architecture become one finding listing them all, with the
 * severity `severity` gives (`xenabi verify` makes every disagreement an error).
 */
export function mergeByArch(raw: readonly RawFinding[], severity: (info: RuleInfo, f: RawFinding) => Severity): Finding[] {
  const groups = new Map<string, { first: RawFinding; archs: Set<Arch>; any: boolean }>();
  for (const f of raw) {
    const key = JSON.stringify([f.rule, f.item, f.base, f.head, f.message, f.loc.file, f.loc.line, f.namespace]);
    const group = groups.get(key) ?? { first: f, archs: new Set<Arch>(), any: false };
    if (f.arch) group.archs.add(f.arch);
    else group.any = true;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ first, archs, any }) => {
    const { arch: _arch, ...rest } = first;
    const info = ruleInfo(first.rule);
    return { ...rest, category: info.category, severity: severity(info, first), archs: any ? [] : ARCHES.filter((a) => archs.has(a)) };
  });
}

function severityOf(info: RuleInfo, f: RawFinding, failOn: 'source' | 'binary', versionRuleRan: boolean): Severity {
  if (info.category === 'waiver') return 'warning';
  if (info.category === 'compatible') return 'note';
  if (info.id === 'UNSTABLE_VERSION_NOT_BUMPED') return 'error';
  // Unstable changes are allowed with a new interface version, which that rule checks; when
  // it could not run, they are left as warnings to review.
  if (f.namespace === 'unstable') return versionRuleRan ? 'note' : 'warning';
  if (info.warningOnly) return 'warning';
  if (info.category === 'source' && failOn === 'binary') return 'warning';
  return 'error';
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Waived last; then errors, warnings, notes; each group by file and line. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      Number(!!a.waived) - Number(!!b.waived) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.loc.file.localeCompare(b.loc.file) ||
      a.loc.line - b.loc.line ||
      a.rule.localeCompare(b.rule) ||
      a.item.localeCompare(b.item) ||
      a.archs.join().localeCompare(b.archs.join()),
  );
}

export function summaryOf(findings: Finding[], failOn: 'source' | 'binary'): CheckSummary {
  const live = findings.filter((f) => !f.waived);
  const count = (p: (f: Finding) => boolean) => findings.filter(p).length;
  const errors = live.filter((f) => f.severity === 'error').length;
  return {
    result: errors ? 'fail' : 'pass',
    errors,
    warnings: live.filter((f) => f.severity === 'warning').length,
    notes: live.filter((f) => f.severity === 'note').length,
    waived: count((f) => !!f.waived),
    binary: count((f) => f.category === 'binary'),
    source: count((f) => f.category === 'source'),
    compatible: count((f) => f.category === 'compatible'),
    failOn,
  };
}

// ---- What could not be checked ---------------------------------------------------------------

const CAPABILITY_TEXT: Record<Capability, string> = {
  aliases: 'no typedefs',
  constantArchs: 'no record of which architectures each constant is on',
  fieldLifetimes: 'no field lifetimes',
  growable: 'no growable markers',
  linuxLifetimes: "no Linux releases for Linux's interface",
  locations: 'no source locations',
  modules: 'no modules (so no interface-version constants)',
  padding: 'no padding markers',
  sets: 'no op or flag sets',
  strings: 'no string constants',
  macros: 'no function-like macros',
};

function skippedRules(base: AbiSide, head: AbiSide): { rule: string; reason: string }[] {
  return RULES.flatMap((rule) => {
    const missing = (rule.needs ?? []).flatMap((c) => [
      ...(base.has.includes(c) ? [] : [`the base (${base.label}) has ${CAPABILITY_TEXT[c]}`]),
      ...(head.has.includes(c) ? [] : [`the head (${head.label}) has ${CAPABILITY_TEXT[c]}`]),
    ]);
    return missing.length ? [{ rule: rule.id, reason: [...new Set(missing)].join('; ') }] : [];
  });
}

function limitations(base: AbiSide, head: AbiSide, findings: readonly Finding[]): string[] {
  const notes = [...(base.notes ?? []).map((n) => `base: ${n}`), ...(head.notes ?? []).map((n) => `head: ${n}`)];
  for (const [name, side] of [['base', base], ['head', head]] as const) {
    if (!side.has.includes('locations') && findings.length) notes.push(`the ${name} (${side.label}) has no source locations: its items are located at their module's file or the head's declaration`);
    if (!side.has.includes('padding')) notes.push(`the ${name} (${side.label}) has no padding markers: PADDING_GIVEN_MEANING reports only fields that take compiler padding`);
    if (!side.has.includes('fieldLifetimes')) notes.push(`the ${name} (${side.label}) has no field lifetimes: SINCE_CHANGED and REMOVED_FROM_RELEASE see records, typedefs and constants only`);
    if (!side.has.includes('sets')) notes.push(`the ${name} (${side.label}) has no sets: ops and flags are compared as plain constants (a removed op is CONSTANT_REMOVED)`);
    if (!side.has.includes('macros')) notes.push(`the ${name} (${side.label}) has no function-like macros: macros are not compared`);
    if (!side.has.includes('strings')) notes.push(`the ${name} (${side.label}) has no string constants: string constants are not compared`);
    if (!side.has.includes('aliases')) notes.push(`the ${name} (${side.label}) has no typedefs: a field respelled with a typedef of the same type is reported as FIELD_TYPE_CHANGED`);
  }
  const common = base.namespaces.filter((n) => head.namespaces.includes(n));
  if (common.length < 2) notes.push(`only the ${common.join(' and ') || 'no'} namespace is on both sides and compared`);
  if (base.release !== head.release) notes.push(`the base is Xen ${base.release} and the head Xen ${head.release}`);
  return notes;
}

function summarise(side: AbiSide): SideSummary {
  return { label: side.label, origin: side.origin, release: side.release, namespaces: side.namespaces };
}

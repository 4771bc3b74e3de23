/**
 * Waivers: breaks the project accepted, in a committed file validated against its schema.
 * A waiver matches findings of its rule on its item (on its architecture, when it names
 * one). A matched finding stays in the report, marked waived, and no longer fails the
 * check. A waiver that matches nothing, or that expired for the release checked, is itself
 * reported as a warning: not an error, because once the accepted break is merged it is in
 * the base and the waiver rightly matches nothing until someone removes it.
 *
 * A waiver may name the Xen `release` whose change it accepts (a break Xen itself made in
 * 4.10, say). It then takes part only in comparisons that cross that release, a base older
 * than it and a head at it or newer, as when the checker compares consecutive release views
 * of the model; in any other comparison (a normal check of the working tree against the
 * baseline, both at the newest release) it is dormant: neither applied nor reported unused.
 */
import { ARCHES } from '../../model/arch.js';
import type { Arch, SourceLocation } from '../../model/types.js';
import type { Finding } from '../finding.js';
import validateGenerated from '../generated/waivers-validator.js';
import { problemLister } from '../problems.js';
import { compareVersions } from '../rules/lifetimes.js';

export const DEFAULT_WAIVERS_PATH = 'abi/waivers.json';

export interface Waiver {
  rule: string;
  item: string;
  reason: string;
  expires?: string;
  arch?: Arch;
  /** The Xen release whose change the waiver accepts: it applies only to comparisons crossing it. @example "4.10" */
  release?: string;
  /** Where the waiver's entry starts in the waivers file. */
  loc: SourceLocation;
}

/** The waivers file is not valid: every problem, one a line. */
export class WaiverFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${path}: not a valid waivers file:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'WaiverFileError';
  }
}

let validate: ((data: unknown) => string[]) | undefined;

/** Parses and validates the waivers file's text; `path` is repository-relative, for locations. */
export function parseWaivers(text: string, path: string): Waiver[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new WaiverFileError(path, [`not JSON: ${(error as Error).message}`]);
  }
  validate ??= problemLister(validateGenerated);
  const problems = validate(data);
  if (problems.length) throw new WaiverFileError(path, problems);
  const lines = entryLines(text);
  return (data as { waivers: Omit<Waiver, 'loc'>[] }).waivers.map((w, i) => ({ ...w, loc: { file: path, line: lines[i] ?? 1, column: 1 } }));
}

/** The line of each waiver entry: where its `"rule"` key is (keys cannot appear inside strings unescaped). */
function entryLines(text: string): number[] {
  return [...text.matchAll(/"rule"\s*:/g)].map((m) => text.slice(0, m.index).split('\n').length);
}

/**
 * Marks the findings the waivers accept. A finding only partly covered (a waiver for one of
 * its architectures) is split so each part is reported for what it is. Returns the
 * findings and the waivers' own findings (unused, expired). `release` is the head's
 * release; `baseRelease` the base's (the same when not given), which decides whether a
 * waiver naming a release is in play.
 */
export function applyWaivers(findings: Finding[], waivers: readonly Waiver[], release: string, baseRelease: string = release): { findings: Finding[]; own: Finding[] } {
  const inPlay = waivers.filter((w) => crosses(w, baseRelease, release));
  const live = inPlay.filter((w) => !w.expires || compareVersions(release, w.expires) < 0);
  const used = new Set<Waiver>();
  const out = findings.flatMap((f) => waive(f, live, used));
  const own: Finding[] = [];
  for (const w of inPlay) {
    if (!live.includes(w)) own.push(waiverFinding('WAIVER_EXPIRED', w, `the waiver for ${w.rule} on ${w.item} expired in Xen ${w.expires} and no longer applies (checking Xen ${release})`));
    else if (!used.has(w)) own.push(waiverFinding('WAIVER_UNUSED', w, `the waiver for ${w.rule} on ${w.item}${w.arch ? ` (${w.arch})` : ''} matches no finding; remove it`));
  }
  return { findings: out, own };
}

/** True when the comparison from `base` to `head` crosses the release a waiver names (or it names none). */
export function crosses(w: Pick<Waiver, 'release'>, base: string, head: string): boolean {
  return !w.release || (compareVersions(base, w.release) < 0 && compareVersions(w.release, head) <= 0);
}

function waive(f: Finding, waivers: readonly Waiver[], used: Set<Waiver>): Finding[] {
  const matching = waivers.filter((w) => w.rule === f.rule && w.item === f.item && (!w.arch || f.archs.length === 0 || f.archs.includes(w.arch)));
  if (!matching.length) return [f];
  matching.forEach((w) => used.add(w));
  const whole = matching.find((w) => !w.arch);
  const covered = whole ? f.archs : f.archs.filter((a) => matching.some((w) => w.arch === a));
  const first = whole ?? (matching[0] as Waiver);
  const mark = { reason: first.reason, ...(first.expires ? { expires: first.expires } : {}) };
  if (whole || f.archs.length === 0 || covered.length === f.archs.length) return [{ ...f, waived: mark }];
  const rest = f.archs.filter((a) => !covered.includes(a));
  return [
    { ...f, archs: ARCHES.filter((a) => covered.includes(a)), waived: mark },
    { ...f, archs: rest },
  ];
}

function waiverFinding(rule: 'WAIVER_UNUSED' | 'WAIVER_EXPIRED', w: Waiver, message: string): Finding {
  return {
    rule,
    category: 'waiver',
    severity: 'warning',
    item: w.item,
    itemKind: 'waiver',
    namespace: null,
    module: null,
    archs: w.arch ? [w.arch] : [],
    base: null,
    head: w.expires ?? null,
    message,
    loc: w.loc,
    locSide: 'waivers',
  };
}

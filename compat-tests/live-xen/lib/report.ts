/**
 * Reads a live-Xen boot's serial log into a structured report. dom0's init and test driver
 * print one "@lx …" line per event on dom0's console, which Xen copies to the serial port:
 *
 *   @lx boot UPTIME                      dom0's kernel started userland
 *   @lx ready UPTIME                     xenstored, xenconsoled and xl work
 *   @lx begin LANGUAGE UPTIME            a language's guest run starts
 *   @lx step LANGUAGE STEP pass|fail DETAIL…
 *   @lx count LANGUAGE NAME VALUE        a figure (requests served, vCPUs)
 *   @lx phase LANGUAGE NAME UPTIME       the guest was unpaused, or it exited
 *   @lx end LANGUAGE UPTIME
 *   @lx done UPTIME                      dom0 is about to power off
 */

export interface Step {
  language: string;
  step: string;
  passed: boolean;
  detail: string;
}

export interface LanguageRun {
  language: string;
  steps: Step[];
  counts: Record<string, number>;
  /** dom0 uptime from begin to end, in seconds; undefined when the run never ended. */
  seconds?: number;
  /** Seconds from begin to each phase ("unpause", "exited"). */
  phases: Record<string, number>;
}

export interface BootReport {
  /** dom0 uptime when userland started and when the toolstack was ready (s). */
  dom0Boot?: number;
  dom0Ready?: number;
  /** Every step, in order, dom0's own included (language "dom0"). */
  steps: Step[];
  languages: Map<string, LanguageRun>;
  done: boolean;
  /** The last "@lx" line seen: where a hung or crashed boot stopped. */
  lastLine?: string;
}

const LINE = /@lx (\S+)(?: (.*))?$/;

function run(report: BootReport, language: string): LanguageRun {
  let r = report.languages.get(language);
  if (!r) report.languages.set(language, (r = { language, steps: [], counts: {}, phases: {} }));
  return r;
}

/** The structured report of a serial log. Lines that are not "@lx" lines are ignored. */
export function parseSerial(serial: string): BootReport {
  const report: BootReport = { steps: [], languages: new Map(), done: false };
  const begins = new Map<string, number>();
  for (const raw of serial.split('\n')) {
    const m = LINE.exec(raw.replace(/\r/g, ''));
    if (!m) continue;
    const [, kind = '', rest = ''] = m;
    report.lastLine = `@lx ${kind} ${rest}`.trim();
    const words = rest.split(' ');
    if (kind === 'boot') report.dom0Boot = Number(words[0]);
    else if (kind === 'ready') report.dom0Ready = Number(words[0]);
    else if (kind === 'done') report.done = true;
    else if (kind === 'begin') {
      run(report, words[0] ?? '');
      begins.set(words[0] ?? '', Number(words[1]));
    } else if (kind === 'end') {
      const start = begins.get(words[0] ?? '');
      if (start !== undefined) run(report, words[0] ?? '').seconds = Number(words[1]) - start;
    } else if (kind === 'phase') {
      const [language = '', name = '', uptime = ''] = words;
      const start = begins.get(language);
      if (start !== undefined) run(report, language).phases[name] = Number(uptime) - start;
    } else if (kind === 'count') {
      const [language = '', name = '', value = ''] = words;
      run(report, language).counts[name] = Number(value);
    } else if (kind === 'step') {
      const [language = '', step = '', result = '', ...detail] = words;
      const s: Step = { language, step, passed: result === 'pass', detail: detail.join(' ') };
      report.steps.push(s);
      run(report, language).steps.push(s);
    }
  }
  return report;
}

/** A reason a run failed, attributed to the language (or "dom0", or "boot") it concerns. */
export interface Problem {
  language: string;
  message: string;
}

/** What a language must report: steps that pass, and figures of exact values. */
export interface Expectation {
  steps: readonly string[];
  counts?: Readonly<Record<string, number>> | undefined;
}

/**
 * The problems of a report against what was expected: every failed step, every expected step
 * of each language that was never reported, every figure off its value, a boot that did not
 * finish. Each message names the release, the language and the step or figure.
 */
export function problems(release: string, report: BootReport, expected: ReadonlyMap<string, Expectation>): Problem[] {
  const out: Problem[] = [];
  for (const s of report.steps.filter((s) => !s.passed)) {
    out.push({ language: s.language, message: `Xen ${release}, ${s.language}: step ${s.step} failed: ${s.detail}` });
  }
  for (const [language, { steps, counts = {} }] of expected) {
    const run = report.languages.get(language);
    const seen = new Set(run?.steps.map((s) => s.step));
    for (const step of steps.filter((s) => !seen.has(s))) {
      out.push({ language, message: `Xen ${release}, ${language}: step ${step} was never reported` });
    }
    for (const [name, want] of Object.entries(counts).filter(([name, want]) => run?.counts[name] !== want)) {
      out.push({ language, message: `Xen ${release}, ${language}: ${name} was ${run?.counts[name] ?? 'never reported'}, expected ${want}` });
    }
  }
  if (!report.done) {
    out.push({ language: 'boot', message: `Xen ${release}: the boot did not finish; the last report line was: ${report.lastLine ?? '(none)'}` });
  }
  return out;
}

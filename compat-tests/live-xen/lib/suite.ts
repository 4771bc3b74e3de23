/**
 * One live-Xen run of a release: fetch (once), build the guest and the payload, boot, and read
 * the serial log into a report checked against every step each language must pass.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boot, type BootResult } from './boot.js';
import { fetchRelease } from './fetch.js';
import { buildGuest } from './guest.js';
import { baseImage, initramfs, payloadImage, type PayloadFile } from './image.js';
import { CACHE, LIVE_DIR, workDir, type LiveRelease } from './releases.js';
import { parseSerial, problems, type BootReport, type Expectation, type Problem } from './report.js';

/** What the guest checks in each mode (guest/guest.S), as the steps run.sh reports. */
export const GUEST_CHECKS = {
  none: [
    'port_in8_unclaimed', 'port_in16_unclaimed', 'port_in32_unclaimed', 'port_write_dropped',
    'mmio_in8_unclaimed', 'mmio_in16_unclaimed', 'mmio_in32_unclaimed', 'mmio_write_dropped',
  ],
  device: [
    'port_id', 'port_scratch32', 'port_scratch16', 'port_scratch8', 'port_counter',
    'mmio_pattern32', 'mmio_echo32', 'mmio_echo16', 'mmio_echo8', 'port_counter_again',
  ],
} as const;

/** A language's run in the boot: the guest alone ("none"), or served by a device model. */
export interface LanguagePlan {
  language: string;
  mode: 'none' | 'device';
  /** The device model's own steps, beyond the guest's. */
  steps?: readonly string[];
  /** Figures it must report ("@lx count"), by name. */
  counts?: Readonly<Record<string, number>>;
}

/** A plan made runnable: the device model's command line inside dom0 and its files. */
export interface LanguageSpec extends LanguagePlan {
  /** Started with the guest's domain id appended; paths under /payload. */
  command?: string[];
  files?: PayloadFile[];
}

/** Every step a language must report as passed. */
export function expectedSteps(plan: LanguagePlan): string[] {
  const guest = ['guest:create', 'guest:start_info_magic', 'guest:mode', ...GUEST_CHECKS[plan.mode].map((c) => `guest:${c}`), 'guest:verdict'];
  return plan.mode === 'device' ? [...guest, ...(plan.steps ?? []), 'dm:exit'] : guest;
}

export interface LiveRun {
  release: LiveRelease;
  boot: BootResult;
  report: BootReport;
  problems: Problem[];
  /** Seconds spent fetching and building before QEMU started. */
  prepareSeconds: number;
  /** Where the serial log of a failed run was kept. */
  keptLog?: string;
}

/**
 * Boots `release` with one guest per language, in order. `languagesOf` is asked for them once
 * the release is fetched (a device model's expectations may read the fetched hypervisor's
 * build configuration).
 */
export async function runRelease(release: LiveRelease, languagesOf: (r: LiveRelease) => Promise<readonly LanguageSpec[]>, timeoutSeconds = 300): Promise<LiveRun> {
  const started = Date.now();
  const fetched = await fetchRelease(release);
  const languages = await languagesOf(release);
  const base = await baseImage(release, fetched);
  const guest = await buildGuest(join(workDir(release), 'guest'));
  const files: PayloadFile[] = [
    { path: 'run.sh', from: join(LIVE_DIR, 'dom0/run.sh'), executable: true },
    { path: 'guest.cfg', from: join(LIVE_DIR, 'dom0/guest.cfg') },
    { path: 'guest.elf', from: guest },
    { path: 'languages', content: languages.map((l) => [l.language, ...(l.command ?? [])].join(' ')).join('\n') + '\n' },
    ...languages.flatMap((l) => l.files ?? []),
  ];
  const initrd = initramfs(release, base, await payloadImage(release, files));
  const prepareSeconds = (Date.now() - started) / 1000;
  const result = await boot(release, fetched, initrd, timeoutSeconds);
  const report = parseSerial(result.serial);
  const expected = new Map<string, Expectation>([
    ['dom0', { steps: ['modules', 'toolstack'] }],
    ...languages.map((l): [string, Expectation] => [l.language, { steps: expectedSteps(l), counts: l.counts }]),
  ]);
  const found = problems(release.xen, report, expected);
  if (result.timedOut) found.push({ language: 'boot', message: `Xen ${release.xen}: QEMU was stopped after ${timeoutSeconds} s` });
  const run: LiveRun = { release, boot: result, report, problems: found, prepareSeconds };
  if (found.length) run.keptLog = keepLog(release, result.serialPath);
  writeFileSync(join(workDir(release), 'report.json'), `${JSON.stringify(reportJson(run), null, 2)}\n`);
  return run;
}

/** The run as plain JSON, written beside the serial log for tools that want the steps. */
export function reportJson(run: LiveRun): object {
  const r = run.report;
  return {
    xen: run.release.xen,
    suite: run.release.suite,
    seconds: { prepare: run.prepareSeconds, ready: run.boot.readySeconds ?? null, total: run.boot.totalSeconds },
    dom0Uptime: { boot: r.dom0Boot ?? null, ready: r.dom0Ready ?? null },
    done: r.done,
    languages: [...r.languages.values()].map((l) => ({
      language: l.language,
      seconds: l.seconds ?? null,
      phases: l.phases,
      counts: l.counts,
      steps: l.steps.map(({ step, passed, detail }) => ({ step, passed, detail })),
    })),
    problems: run.problems,
    serialLog: run.keptLog ?? run.boot.serialPath,
  };
}

/** Copies a failed boot's serial log where the next run will not overwrite it. */
function keepLog(release: LiveRelease, serialPath: string): string {
  const dir = join(CACHE, 'failures');
  mkdirSync(dir, { recursive: true });
  const kept = join(dir, `xen-${release.xen}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  copyFileSync(serialPath, kept);
  return kept;
}

/** A per-language summary of a run: steps passed, counts, times. */
export function summary(run: LiveRun): string {
  const r = run.report;
  const lines = [
    `Xen ${run.release.xen} (${run.release.suite}): prepared in ${run.prepareSeconds.toFixed(1)} s, dom0 ready after ${run.boot.readySeconds?.toFixed(1) ?? '—'} s, ` +
      `boot total ${run.boot.totalSeconds.toFixed(1)} s (dom0 uptime ${r.dom0Ready?.toFixed(1) ?? '—'} s at ready)`,
  ];
  for (const l of r.languages.values()) {
    const passed = l.steps.filter((s) => s.passed).length;
    const counts = Object.entries(l.counts).map(([k, v]) => `${k} ${v}`).join(', ');
    const { unpause, exited } = l.phases;
    const phases = unpause !== undefined && exited !== undefined && l.seconds !== undefined
      ? ` (create and set up ${unpause.toFixed(1)} s, guest ${(exited - unpause).toFixed(1)} s, report and teardown ${(l.seconds - exited).toFixed(1)} s)`
      : '';
    lines.push(`  ${l.language.padEnd(8)} ${passed}/${l.steps.length} steps passed${counts ? `, ${counts}` : ''}, ${l.seconds?.toFixed(1) ?? '—'} s${phases}`);
  }
  if (run.keptLog) lines.push(`  serial log kept: ${run.keptLog}`);
  return lines.join('\n');
}

/**
 * Builds and runs the C vector programs: one per architecture and side, all records in one
 * program, compiled two at a time with GCC (the cross compilers for i686, aarch64 and armhf)
 * and run natively or under qemu-user, then compared byte for byte with the vectors.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INCLUDE_ROOT } from '../../generators/src/emit/c/names.js';
import { atRelease, type ReleaseModel } from '../../generators/src/select/release.js';
import type { AbiModel, Arch } from '../../generators/src/model/types.js';
import { failureReport, runJob, runJobs, type Job } from '../lib/compile.js';
import { TARGETS, XEN_INCLUDE, type Tool } from '../lib/toolchain.js';
import { REPO_ROOT, type Case } from './catalog.js';
import { caseId, cProgram, parseOutput, type Side } from './c-program.js';
import { compareBytes, type Mismatch } from './report.js';
import { archModel, recordShape, type Leaf } from './shape.js';

export const BUILD = join(REPO_ROOT, 'compat-tests/vectors/build');

const QEMU_PACKAGE = 'qemu-user';

/** How a program of each architecture runs on this x86_64 host. */
export const RUNNERS: Record<Arch, { qemu?: Tool; sysroot?: string; native: boolean }> = {
  x86_64: { native: true },
  x86_32: { qemu: { command: 'qemu-i386', debianPackage: QEMU_PACKAGE }, sysroot: '/usr/i686-linux-gnu', native: true },
  arm64: { qemu: { command: 'qemu-aarch64', debianPackage: QEMU_PACKAGE }, sysroot: '/usr/aarch64-linux-gnu', native: false },
  arm32: { qemu: { command: 'qemu-arm', debianPackage: QEMU_PACKAGE }, sysroot: '/usr/arm-linux-gnueabihf', native: false },
};

/** The tools one architecture needs: its GCC and, unless it runs natively, its qemu. */
export function toolsFor(arch: Arch): Tool[] {
  const r = RUNNERS[arch];
  return [TARGETS[arch].gcc, ...(r.qemu && !r.native ? [r.qemu] : [])];
}

export interface SideOutcome {
  arch: Arch;
  cases: Case[];
  mismatches: Mismatch[];
  /** Build or run failure, with the command to repeat it. */
  error: string;
  runner: string;
  bytes: number;
}

/** An include directory holding only `xen/` → /usr/include/xen, so cross compilers see Xen's headers and not the host's libc. */
function xenIncludeDir(): string {
  const dir = join(BUILD, 'xen-include');
  const link = join(dir, 'xen');
  if (!existsSync(link)) {
    mkdirSync(dir, { recursive: true });
    symlinkSync(XEN_INCLUDE, link);
  }
  return dir;
}

function compileJob(side: Side, arch: Arch, source: string, binary: string): Job {
  const includes = side === 'xen' ? ['-I', xenIncludeDir(), '-D__XEN_TOOLS__', '-include', 'stdint.h'] : ['-I', join(REPO_ROOT, INCLUDE_ROOT)];
  return { label: `${TARGETS[arch].gcc.command} ${arch} (${side} headers)`, command: TARGETS[arch].gcc.command, args: ['-std=gnu11', '-O0', ...includes, '-o', binary, source] };
}

/** Runs natively where the host can (x86_64, and i686 when its loader is installed), else under qemu. */
async function runProgram(arch: Arch, binary: string): Promise<{ job: Job; result: Awaited<ReturnType<typeof runJob>> }> {
  const r = RUNNERS[arch];
  if (r.native) {
    const job = { label: `run ${arch}`, command: binary, args: [] };
    const result = await runJob(job);
    if (result.code === 0 || !r.qemu) return { job, result };
  }
  const job = { label: `run ${arch} under ${r.qemu?.command}`, command: r.qemu?.command ?? binary, args: ['-L', r.sysroot ?? '/', binary] };
  return { job, result: await runJob(job) };
}

/** Builds every architecture's program for one side (two compilers at a time), runs each and compares. */
export async function checkSide(side: Side, model: ReleaseModel, perArch: ReadonlyMap<Arch, Case[]>): Promise<SideOutcome[]> {
  const built = [...perArch].map(([arch, cases]) => {
    const dir = join(BUILD, side, arch);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const source = join(dir, 'vectors.c');
    const binary = join(dir, 'vectors');
    writeFileSync(source, cProgram(side, arch, model, cases));
    return { arch, cases, binary, job: compileJob(side, arch, source, binary) };
  });
  const compiled = await runJobs(built.map((b) => b.job), 2);
  return Promise.all(
    built.map(async (b, i): Promise<SideOutcome> => {
      const base = { arch: b.arch, cases: b.cases, mismatches: [], runner: '', bytes: 0 };
      const c = compiled[i];
      if (!c || c.code !== 0) return { ...base, error: c ? failureReport([c], 30) : 'not compiled' };
      chmodSync(b.binary, 0o755);
      const { job, result } = await runProgram(b.arch, b.binary);
      if (result.code !== 0) return { ...base, runner: job.command, error: failureReport([result], 30) };
      return { ...base, runner: job.command === b.binary ? 'native' : job.command, ...compareOutput(`C (${side})`, b.cases, result.stdout) };
    }),
  );
}

function compareOutput(checker: string, cases: readonly Case[], stdout: string): { mismatches: Mismatch[]; bytes: number; error: string } {
  const printed = parseOutput(stdout);
  const mismatches: Mismatch[] = [];
  let bytes = 0;
  for (const c of cases) {
    const got = printed.get(caseId(c));
    if (!got) {
      mismatches.push({ checker, arch: c.arch, vector: caseId(c), member: '(not printed)', offset: -1, expected: '', got: '' });
      continue;
    }
    if (got.size !== c.size) mismatches.push({ checker, arch: c.arch, vector: caseId(c), member: '(sizeof)', offset: -1, expected: String(c.size), got: String(got.size) });
    mismatches.push(...compareBytes(checker, c, got.bytes));
    bytes += got.bytes.length;
  }
  return { mismatches, bytes, error: '' };
}

/** A vector Xen's headers cannot be checked against, and why. */
export interface Excluded {
  arch: Arch;
  record: string;
  reason: string;
}

const leafKey = (l: Leaf) => `${l.path}@${l.offset}:${l.size}:${l.bits}:${l.bitOffset ?? ''}`;

/**
 * The vectors Xen `release`'s headers can reproduce: the record exists in that release on the
 * architecture, has the same size, and every member the vector sets is there at the same
 * place (the model at that release says so). The others are returned with the reason.
 */
export function casesInRelease(history: AbiModel, release: string, arch: Arch, cases: readonly Case[]): { kept: Case[]; excluded: Excluded[] } {
  const am = archModel(atRelease(history, release), arch);
  const kept: Case[] = [];
  const excluded = new Map<string, Excluded>();
  for (const c of cases) {
    // Xen's headers do not declare Linux's interface; compat-tests/linux-headers checks it against Linux's.
    if (c.module.namespace === 'linux') continue;
    const decl = am.records.get(c.record.name);
    const reason = !decl || !am.layout.has(c.record.name) ? `not in Xen ${release}` : differs(recordShape(am, decl), c, release);
    if (reason) excluded.set(c.record.name, { arch, record: c.record.name, reason });
    else kept.push(c);
  }
  return { kept, excluded: [...excluded.values()] };
}

function differs(old: ReturnType<typeof recordShape>, c: Case, release: string): string {
  if (old.size !== c.size) return `sizeof is ${old.size} in Xen ${release}, ${c.size} now`;
  const there = new Set(old.variants.flatMap((v) => v.leaves.map(leafKey)));
  const missing = c.leaves.filter(({ leaf }) => !there.has(leafKey(leaf))).map(({ leaf }) => leaf.path);
  return missing.length ? `Xen ${release} lacks ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''}` : '';
}

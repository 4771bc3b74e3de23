/**
 * Ring round trips across languages (README.md): one blkif ring page driven phase by phase by
 * a front end in one language and a back end in another — C on xenabi's headers, TypeScript,
 * Rust — each pairing checked against the transcript and the page bytes of the same C peer
 * built on Xen's own io/ring.h (Debian's libxen-dev), so every notify decision is Xen's.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHES } from '../../generators/src/model/arch.js';
import type { Arch } from '../../generators/src/model/types.js';
import { runJobs, failureReport, type Job } from '../lib/compile.js';
import { gate, missingPrerequisites, runCommand, RUNNERS, TARGETS, xenSystemDir, type Tool } from '../lib/toolchain.js';
import { play } from './ts-peer.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const HERE = join(ROOT, 'compat-tests/rings');
/** The Rust crate's host target directory, shared with compat-tests/rust so cargo's cache holds. */
const TARGET_DIR = join(ROOT, 'packages/rust-bindings/target');
const PHASES = ['A', 'B', 'C', 'E', 'F', 'G'];
const FRONT = new Set(['A', 'C', 'E', 'G']);
const PAGE = 4096;

const CARGO: Tool = { command: 'cargo', debianPackage: 'cargo' };
const tools = [...ARCHES.flatMap((a) => [TARGETS[a].gcc, ...(RUNNERS[a].native ? [] : [RUNNERS[a].qemu])]), CARGO];
const prerequisites = gate(missingPrerequisites(tools, true));

/** A peer: how to play one phase on the page file, returning its transcript lines. */
type Peer = { name: string; run: (page: string, phase: string) => Promise<string[]> };

function exec(command: string, args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => resolve({ code: -1, out, err: `${err}${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

function programPeer(name: string, arch: Arch, binary: string): Peer {
  return {
    name,
    async run(page, phase) {
      const { command, args } = runCommand(arch, binary);
      const r = await exec(command, [...args, page, phase]);
      if (r.code !== 0) throw new Error(`${name} phase ${phase} failed (${r.code}): ${r.err}`);
      return r.out.trimEnd().split('\n');
    },
  };
}

function tsPeer(arch: Arch): Peer {
  return {
    name: `TypeScript ${arch}`,
    async run(page, phase) {
      const bytes = new Uint8Array(PAGE); // its own buffer: the ring wants the page 8-byte aligned
      if (phase !== 'A') bytes.set(readFileSync(page));
      const lines = play(bytes, phase, arch);
      writeFileSync(page, bytes);
      return lines;
    },
  };
}

/** Plays every phase with `front` for the front end's phases and `back` for the back end's. */
async function roundTrip(dir: string, front: Peer, back: Peer): Promise<{ transcript: string[]; page: Buffer }> {
  const page = join(dir, `${front.name}-${back.name}.page`.replace(/[^A-Za-z0-9.-]+/g, '_'));
  const transcript: string[] = [];
  for (const phase of PHASES) transcript.push(...(await (FRONT.has(phase) ? front : back).run(page, phase)));
  return { transcript, page: readFileSync(page) };
}

function cJob(arch: Arch, binary: string, withXen: boolean, dir: string): Job {
  const include = withXen ? ['-I', xenSystemDir(dir), '-DPEER_WITH_XEN', '-D__XEN_INTERFACE_VERSION__=0x00040e00'] : ['-I', join(ROOT, 'packages/c-headers/include')];
  const args = ['-std=gnu11', '-O2', '-Wall', '-Wextra', '-Werror', ...include, '-o', binary, join(HERE, 'peer.c')];
  return { label: `${TARGETS[arch].gcc.command} ${withXen ? "Xen's" : "xenabi's"} headers`, command: TARGETS[arch].gcc.command, args };
}

describe('ring round trips across languages', () => {
  it('has the C compilers, qemu-user, cargo and libxen-dev', (ctx) => prerequisites.assertPresent(ctx));

  it.skipIf(prerequisites.skip)("carries blkif requests and responses between C, TypeScript and Rust as Xen's ring macros do", { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xenabi-rings-'));
    mkdirSync(join(dir, 'bin'));
    const bin = (arch: Arch, side: string) => join(dir, 'bin', `peer-${side}-${arch}`);
    const builds = await runJobs(ARCHES.flatMap((a) => [cJob(a, bin(a, 'xenabi'), false, dir), cJob(a, bin(a, 'xen'), true, dir)]));
    expect(builds.filter((b) => b.code !== 0), failureReport(builds.filter((b) => b.code !== 0))).toEqual([]);
    const cargo = await exec('cargo', ['build', '--offline', '--locked', '--release', '--manifest-path', join(HERE, 'rust-peer/Cargo.toml')], ROOT, { CARGO_TARGET_DIR: TARGET_DIR, CARGO_TERM_COLOR: 'never' });
    expect(cargo.code, cargo.err).toBe(0);
    const rust: Peer = programPeer('Rust x86_64', 'x86_64', join(TARGET_DIR, 'release/xenabi-ring-peer'));

    const failures: string[] = [];
    for (const arch of ARCHES) {
      const xen = programPeer(`C on Xen's ring.h ${arch}`, arch, bin(arch, 'xen'));
      const ours = programPeer(`C on xenabi ${arch}`, arch, bin(arch, 'xenabi'));
      const ts = tsPeer(arch);
      const reference = await roundTrip(dir, xen, xen);
      // What Xen's macros decide: notify on A's push, none after B's and C's final checks, notify
      // on E's first push and not on its second (req_event 4 was passed), notify on F's push.
      const decisions = reference.transcript.filter((l) => / (push|final) /.test(l)).join('; ');
      expect(decisions).toBe('A push notify=1; B final work=0; B push notify=1; C final work=0; E push notify=1; E push notify=0; F final work=0; F push notify=1; G final work=0');
      const pairs: [Peer, Peer][] = [[ours, ours], [ts, ts], [ours, ts], [ts, ours], [xen, ts], [ts, xen]];
      if (arch === 'x86_64') pairs.push([rust, rust], [ts, rust], [rust, ts], [ours, rust], [rust, ours], [xen, rust], [rust, xen]);
      for (const [front, back] of pairs) {
        const got = await roundTrip(dir, front, back);
        const label = `${arch}: front ${front.name}, back ${back.name}`;
        if (got.transcript.join('\n') !== reference.transcript.join('\n')) failures.push(`${label}: transcript\n${got.transcript.join('\n')}\nexpected\n${reference.transcript.join('\n')}`);
        else if (!got.page.equals(reference.page)) failures.push(`${label}: the page's bytes differ from the reference's`);
      }
      console.log(`rings ${arch}: ${pairs.length} pairings against Xen's ring macros`);
    }
    expect(failures.join('\n\n'), failures.join('\n\n')).toBe('');
  });
});

/**
 * The dom0 initramfs of a release: a base archive (busybox, Linux's Xen drivers, the release's
 * own toolstack and the libraries it runs on, our init) and a payload archive (the guest, the
 * device models, the test driver). Linux unpacks concatenated newc archives in order, so the
 * payload changes without rebuilding the base, which is cached on the hash of its inputs.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Fetched } from './fetch.js';
import { exec } from './exec.js';
import { LIVE_DIR, workDir, type LiveRelease } from './releases.js';

/** Linux's Xen drivers dom0 loads, in load order (xenfs needs privcmd), relative to drivers/xen. */
export const XEN_MODULES = ['xen-privcmd.ko', 'xen-evtchn.ko', 'xen-gntdev.ko', 'xen-gntalloc.ko', 'xenfs/xenfs.ko'];
/** The toolstack programs dom0 runs, from the release's /usr/lib/xen-X.Y/bin. */
export const TOOLSTACK = ['xl', 'xenstored', 'xenconsoled', 'xen-init-dom0'];
/** Library folders copied whole from the release root when present; gconv is never loaded. */
const LIBRARY_DIRS = ['lib', 'lib64', 'usr/lib/x86_64-linux-gnu', 'usr/lib64'];
const SKIPPED_LIBRARY_DIRS = new Set(['gconv']);

/** A file of the payload: its path under /payload and where it comes from. */
export interface PayloadFile {
  path: string;
  from?: string;
  content?: string;
  executable?: boolean;
}

/** Packs `dir` as a newc archive owned by root, entries sorted so the bytes are reproducible. */
export async function packCpio(dir: string, out: string): Promise<void> {
  await exec('sh', ['-c', 'cd "$1" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet > "$2"', 'cpio', dir, out]);
}

function copyExecutable(from: string, to: string): void {
  if (!existsSync(from)) throw new Error(`missing ${from}: is the fetch in ${dirname(from)} complete? (delete .cache/live-xen to fetch again)`);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  chmodSync(to, 0o755);
}

function stageBase(release: LiveRelease, fetched: Fetched, stage: string): void {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  copyExecutable(fetched.busybox, join(stage, 'bin/busybox'));
  copyExecutable(join(LIVE_DIR, 'dom0/init'), join(stage, 'init'));
  for (const m of XEN_MODULES) copyExecutable(join(fetched.xenModules, m), join(stage, 'modules', basename(m)));
  const toolstackDir = `usr/lib/xen-${release.xen}/bin`;
  for (const t of TOOLSTACK) copyExecutable(join(fetched.root, toolstackDir, t), join(stage, toolstackDir, t));
  symlinkSync(`/usr/lib/xen-${release.xen}`, join(stage, 'toolstack'));
  for (const dir of LIBRARY_DIRS) {
    if (!existsSync(join(fetched.root, dir))) continue;
    cpSync(join(fetched.root, dir), join(stage, dir), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => !SKIPPED_LIBRARY_DIRS.has(basename(src)),
    });
  }
  // A merged-/usr suite (trixie) ships its loader and libraries under /usr only.
  if (!existsSync(join(stage, 'lib'))) symlinkSync('usr/lib', join(stage, 'lib'));
  if (!existsSync(join(stage, 'lib64'))) symlinkSync('usr/lib64', join(stage, 'lib64'));
  // xl warns on every command without its global configuration; the defaults are what we want.
  mkdirSync(join(stage, 'etc/xen'), { recursive: true });
  writeFileSync(join(stage, 'etc/xen/xl.conf'), '');
  const usrBin = join(fetched.root, 'usr/bin');
  for (const tool of readdirSync(usrBin).filter((n) => n.startsWith('xenstore'))) {
    cpSync(join(usrBin, tool), join(stage, 'usr/bin', tool), { verbatimSymlinks: true });
  }
}

/** The base archive of `release`, rebuilt only when init, the fetched packages or this file change. */
export async function baseImage(release: LiveRelease, fetched: Fetched): Promise<string> {
  const work = workDir(release);
  const key = createHash('sha256')
    .update(readFileSync(join(LIVE_DIR, 'dom0/init')))
    .update(readFileSync(join(dirname(fetched.root), 'fetched')))
    .update(readFileSync(new URL(import.meta.url)))
    .digest('hex');
  const out = join(work, 'base.cpio');
  const stamp = join(work, 'base.key');
  if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return out;
  mkdirSync(work, { recursive: true });
  const stage = join(work, 'base');
  stageBase(release, fetched, stage);
  await packCpio(stage, out);
  rmSync(stage, { recursive: true, force: true });
  writeFileSync(stamp, key);
  return out;
}

/** The payload archive: `files` under /payload. */
export async function payloadImage(release: LiveRelease, files: readonly PayloadFile[]): Promise<string> {
  const work = workDir(release);
  const stage = join(work, 'payload-stage');
  rmSync(stage, { recursive: true, force: true });
  for (const f of files) {
    const to = join(stage, 'payload', f.path);
    mkdirSync(dirname(to), { recursive: true });
    if (f.from) cpSync(f.from, to, { recursive: true, verbatimSymlinks: true });
    else writeFileSync(to, f.content ?? '');
    if (f.executable) chmodSync(to, 0o755);
  }
  const out = join(work, 'payload.cpio');
  await packCpio(stage, out);
  rmSync(stage, { recursive: true, force: true });
  return out;
}

/** The initramfs Linux gets: the base, then the payload. */
export function initramfs(release: LiveRelease, base: string, payload: string): string {
  const out = join(workDir(release), 'initramfs.cpio');
  writeFileSync(out, Buffer.concat([readFileSync(base), readFileSync(payload)]));
  return out;
}

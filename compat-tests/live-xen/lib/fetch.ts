/**
 * Runs fetch.sh for what a boot of `release` needs (its Xen, the kernel and busybox), once:
 * fetch.sh does nothing when its stamp is there. Returns the paths the image builder reads.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, KERNEL_ROOT, LIVE_DIR, releaseRoot, type LiveRelease } from './releases.js';

export interface Fetched {
  /** The gzipped hypervisor as Debian ships it. */
  hypervisorGz: string;
  /** dom0's kernel as an ELF image (fetch.sh takes it out of Debian's bzImage). */
  vmlinux: string;
  /** The directory holding the kernel's drivers/xen modules. */
  xenModules: string;
  busybox: string;
  root: string;
}

function runFetch(target: string): void {
  const r = spawnSync('bash', [join(LIVE_DIR, 'fetch.sh'), target], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compat-tests/live-xen/fetch.sh ${target} failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
}

/** The one file in `dir` whose name starts with `prefix`. */
function only(dir: string, prefix: string): string {
  const names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one ${prefix}* in ${dir}, found ${names.length}: ${names.join(', ')}`);
  return join(dir, names[0] as string);
}

export function fetchRelease(release: LiveRelease): Fetched {
  runFetch('kernel');
  runFetch(release.suite);
  const root = releaseRoot(release);
  const modulesDir = only(join(KERNEL_ROOT, 'lib/modules'), '');
  return {
    hypervisorGz: join(root, `boot/xen-${release.xen}-amd64.gz`),
    vmlinux: join(CACHE, 'kernel/vmlinux'),
    xenModules: join(modulesDir, 'kernel/drivers/xen'),
    busybox: join(KERNEL_ROOT, 'bin/busybox'),
    root,
  };
}

/**
 * Runs fetch.sh for what a boot of `release` needs (its Xen, the kernel and busybox), once:
 * fetch.sh does nothing when its stamp is there. Returns the paths the image builder reads.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec.js';
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

function runFetch(target: string): Promise<string> {
  return exec('bash', [join(LIVE_DIR, 'fetch.sh'), target]);
}

/** The one file in `dir` whose name starts with `prefix`. */
function only(dir: string, prefix: string): string {
  const names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one ${prefix}* in ${dir}, found ${names.length}: ${names.join(', ')}`);
  return join(dir, names[0] as string);
}

export async function fetchRelease(release: LiveRelease): Promise<Fetched> {
  await runFetch('kernel');
  await runFetch(release.suite);
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

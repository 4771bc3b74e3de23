/**
 * Boots a release under QEMU's TCG (no KVM can run Xen here): the gunzipped hypervisor as a
 * multiboot kernel, dom0's kernel and initramfs as its modules. Returns the serial log, kept in
 * the release's work folder, and the wall-clock times the host saw.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Fetched } from './fetch.js';
import { workDir, type LiveRelease } from './releases.js';

export const QEMU = 'qemu-system-x86_64';
/**
 * Xen's command line: serial console, a fixed dom0 size, guest debug output (port 0xe9) shown,
 * and no scrubbing of free memory, which under TCG would compete with dom0 for the one CPU.
 * dom0 gets 1 GiB: its initramfs (node, the device models and the bindings, about 130 MB
 * uncompressed) is held twice while the kernel unpacks it, and 512 MiB no longer sufficed.
 */
export const XEN_CMDLINE = 'console=com1 com1=115200,8n1 dom0_mem=1024M,max:1024M noreboot guest_loglvl=all bootscrub=false';
/** dom0's command line; QEMU splits modules on commas, so it has none. */
export const DOM0_CMDLINE = 'console=hvc0 quiet loglevel=3';

/** Serial lines after which nothing more will come: Xen stopped with dom0 (noreboot). */
const FATAL = /Hardware Dom0 crashed|Hardware Dom0 shutdown|Panic on CPU \d+/;

export interface BootResult {
  serial: string;
  serialPath: string;
  /** Host seconds from QEMU's start to dom0's "@lx ready" line, and to QEMU's exit. */
  readySeconds?: number;
  totalSeconds: number;
  timedOut: boolean;
  command: string[];
}

export function qemuArgs(xen: string, fetched: Fetched, initrd: string): string[] {
  return [
    '-accel', 'tcg', '-cpu', 'qemu64,+svm,+npt', '-smp', '1', '-m', '2048',
    '-nographic', '-no-reboot', '-nic', 'none',
    '-kernel', xen, '-append', XEN_CMDLINE,
    '-initrd', `${fetched.vmlinux} ${DOM0_CMDLINE},${initrd}`,
  ];
}

/** The hypervisor gunzipped: QEMU's multiboot loader does not read gzip. */
export function hypervisor(release: LiveRelease, fetched: Fetched): string {
  const out = join(workDir(release), `xen-${release.xen}`);
  mkdirSync(workDir(release), { recursive: true });
  writeFileSync(out, gunzipSync(readFileSync(fetched.hypervisorGz)));
  return out;
}

/** Boots and waits for QEMU to exit (dom0 powers off) or for `timeoutSeconds`. */
export function boot(release: LiveRelease, fetched: Fetched, initrd: string, timeoutSeconds: number): Promise<BootResult> {
  const args = qemuArgs(hypervisor(release, fetched), fetched, initrd);
  const serialPath = join(workDir(release), 'serial.log');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(QEMU, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let serial = '';
    let readySeconds: number | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.stdout.on('data', (d: Buffer) => {
      serial += d.toString('latin1');
      if (readySeconds === undefined && serial.includes('@lx ready')) readySeconds = (Date.now() - started) / 1000;
      if (FATAL.test(serial.slice(-4096))) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (serial += d.toString('latin1')));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${QEMU} could not start: ${e.message} (apt-get install qemu-system-x86)`));
    });
    child.on('close', () => {
      clearTimeout(timer);
      writeFileSync(serialPath, serial);
      resolve({ serial, serialPath, readySeconds, totalSeconds: (Date.now() - started) / 1000, timedOut, command: [QEMU, ...args] });
    });
  });
}

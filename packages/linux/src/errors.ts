/**
 * Errors of the devices: a device that cannot be opened says which file, which kernel module
 * provides it and what to do; a failed call is a `XenCallError` with the call's name and the
 * errno code, as Node's own errors have (`ENOTTY`, `EPERM`).
 */
import { constants } from 'node:os';

/** The errno name of a number (`2` → `ENOENT`), as Node's `os.constants.errno` has it. */
export function errnoName(errno: number): string {
  for (const [name, value] of Object.entries(constants.errno)) if (value === errno) return name;
  return `E${errno}`;
}

/** A call to a device failed; `code` is the errno name, `errno` its number. */
export class XenCallError extends Error {
  /** The errno name: `EINVAL`. */
  readonly code: string;
  /** The errno number. */
  readonly errno: number;
  /** The call that failed: `IOCTL_PRIVCMD_DM_OP`. */
  readonly call: string;

  constructor(call: string, errno: number, detail?: string) {
    const code = errnoName(errno);
    super(`${call} failed: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'XenCallError';
    this.code = code;
    this.errno = errno;
    this.call = call;
  }
}

/** Where a device lives and which kernel module makes it. */
export interface DeviceInfo {
  /** The device files tried, the preferred first. @example ["/dev/xen/privcmd", "/proc/xen/privcmd"] */
  paths: readonly string[];
  /** The kernel module that provides it. @example "xen-privcmd" */
  module: string;
}

/** A device file could not be opened: the message names the file, the module and what to do. */
export class XenDeviceError extends Error {
  /** Why: `ENOENT`, `EACCES`. */
  readonly code: string;
  /** The device file. */
  readonly path: string;
  /** The kernel module that provides it. */
  readonly module: string;

  constructor(device: DeviceInfo, code: string) {
    const path = device.paths[0] ?? '';
    super(`${deviceProblem(device, code)}`);
    this.name = 'XenDeviceError';
    this.code = code;
    this.path = path;
    this.module = device.module;
  }
}

function deviceProblem(device: DeviceInfo, code: string): string {
  const path = device.paths[0] ?? '';
  const tried = device.paths.join(' or ');
  switch (code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return `cannot open ${tried}: ${code}. This is not a Xen domain with the ${device.module} kernel module loaded: run in dom0 (or a driver domain) of a Xen host, and load it with \`modprobe ${device.module}\` (check that /proc/xen/capabilities exists).`;
    case 'EACCES':
    case 'EPERM':
      return `cannot open ${path}: ${code}. The device belongs to root: run as root, or give this user access to ${path}.`;
    default:
      return `cannot open ${path}: ${code} (kernel module ${device.module}).`;
  }
}

/** Opening a Xen device file: the first of its paths that exists, or an error that says what to do. */
import { closeSync, constants, openSync } from 'node:fs';
import { errnoName, XenCallError, XenDeviceError, type DeviceInfo } from './errors.js';
import { nativeSyscalls, SyscallError, type Syscalls } from './syscalls.js';

/** How a device is opened: another path (a test's), or other system calls (a test's recorder). */
export interface OpenOptions {
  /** The device file; by default the usual paths in order. */
  path?: string;
  /** The system calls to make; by default the C library's. @internal */
  syscalls?: Syscalls;
}

/** Opens the first path of `device` that exists, read-write (libuv opens every file close-on-exec). */
export function openDevice(device: DeviceInfo, options: OpenOptions = {}, extraFlags = 0): number {
  const paths = options.path ? [options.path] : device.paths;
  let first: string | undefined;
  for (const path of paths) {
    try {
      return openSync(path, constants.O_RDWR | extraFlags);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      first ??= code;
      if (code !== 'ENOENT') throw new XenDeviceError({ ...device, paths: [path] }, code);
    }
  }
  throw new XenDeviceError({ ...device, paths }, first ?? 'ENOENT');
}

/** The open file of a device and the calls made on it; `close()` ends it. */
export class DeviceFile {
  #fd: number;

  constructor(
    fd: number,
    readonly syscalls: Syscalls,
  ) {
    this.#fd = fd;
  }

  /** The file descriptor; throws once closed. */
  get fd(): number {
    if (this.#fd < 0) throw new Error('@xenabi/linux: the device is closed');
    return this.#fd;
  }

  /** An ioctl with its argument in `buffer`; `name` says which in errors. */
  ioctl(name: string, request: number, buffer?: Uint8Array): number {
    try {
      return this.syscalls.ioctl(this.fd, request, buffer, name);
    } catch (e) {
      throw callError(e, name);
    }
  }

  /** An ioctl that takes its argument by value. */
  ioctlValue(name: string, request: number, value: number): number {
    try {
      return this.syscalls.ioctlValue(this.fd, request, value, name);
    } catch (e) {
      throw callError(e, name);
    }
  }

  close(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }
}

/** A system call's failure as a `XenCallError` naming the call. */
export function callError(e: unknown, name: string): unknown {
  if (e instanceof SyscallError) {
    const hint = e.errno === 25 ? 'the kernel does not know this ioctl: it is older than the Linux release that added it' : undefined;
    return new XenCallError(name, e.errno, hint);
  }
  return e;
}

export { errnoName, nativeSyscalls };

/**
 * The few system calls the devices need beyond Node's own `fs`: `ioctl`, `mmap` and
 * `munmap`, through koffi from the C library, plus native scratch memory for records that
 * hold pointers. Kept behind the `Syscalls` interface so the encoding of every call can be
 * tested without a Xen host (`recordingSyscalls` in the tests).
 */
import koffi from 'koffi';

/** Memory mapped from a device: its address, its bytes (no copy), and how to unmap it. */
export interface MappedMemory {
  /** Where it is mapped in this process. */
  address: bigint;
  /** Its bytes, without a copy. */
  buffer: ArrayBuffer;
  /** `munmap`: the memory is gone after it. */
  unmap(): void;
}

/** A block of native memory: its address (for records that point to it) and a view of its bytes. */
export interface NativeBuffer {
  /** Its address, to put in a record. */
  address: bigint;
  /** Its bytes. */
  bytes: Uint8Array;
  /** Releases it. */
  free(): void;
}

/** The system calls a device makes; tests record them instead. */
export interface Syscalls {
  /** `ioctl(fd, request, arg)` with `arg` pointing to `buffer`; returns the result, or throws with the errno. */
  ioctl(fd: number, request: number, buffer: Uint8Array | undefined, name: string): number;
  /** `ioctl(fd, request, value)` for the calls that take their argument by value. */
  ioctlValue(fd: number, request: number, value: number, name: string): number;
  /** `mmap(NULL, length, PROT_READ[|PROT_WRITE], MAP_SHARED, fd, offset)`; `unmap` is its `munmap`. */
  mmap(fd: number, length: number, offset: number, writable: boolean, name: string): MappedMemory;
  /** Native memory that stays in place while a call reads or writes it. */
  alloc(length: number): NativeBuffer;
}

const PROT_READ = 1;
const PROT_WRITE = 2;
const MAP_SHARED = 1;

/** A failed call: the errno and the call's name. */
export class SyscallError extends Error {
  constructor(
    readonly errno: number,
    readonly call: string,
  ) {
    super(`${call}: errno ${errno}`);
  }
}

let libc: ReturnType<typeof bind> | undefined;

function bind() {
  const lib = koffi.load('libc.so.6');
  return {
    ioctl: lib.func('int ioctl(int fd, unsigned long request, void *arg)'),
    ioctlValue: lib.func('int ioctl(int fd, unsigned long request, unsigned long value)'),
    mmap: lib.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, long offset)'),
    munmap: lib.func('int munmap(void *addr, size_t length)'),
  };
}

/** The C library's calls, loaded on first use (a machine without Xen never needs them). */
export const nativeSyscalls: Syscalls = {
  ioctl(fd, request, buffer, name) {
    libc ??= bind();
    const result = libc.ioctl(fd, request, buffer ?? null) as number;
    if (result < 0) throw new SyscallError(koffi.errno(), name);
    return result;
  },
  ioctlValue(fd, request, value, name) {
    libc ??= bind();
    const result = libc.ioctlValue(fd, request, value) as number;
    if (result < 0) throw new SyscallError(koffi.errno(), name);
    return result;
  },
  mmap(fd, length, offset, writable, name) {
    libc ??= bind();
    const pointer: unknown = libc.mmap(null, length, writable ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, fd, offset);
    const address = koffi.address(pointer);
    // MAP_FAILED is (void *)-1.
    if (address === BigInt.asUintN(64, -1n) || address === 0xffffffffn) throw new SyscallError(koffi.errno(), name);
    const { munmap } = libc;
    return { address, buffer: koffi.view(pointer, length), unmap: () => void munmap(pointer, length) };
  },
  alloc(length) {
    const pointer: unknown = koffi.alloc('uint8_t', Math.max(length, 1));
    const bytes = new Uint8Array(koffi.view(pointer, Math.max(length, 1)), 0, length);
    bytes.fill(0);
    return { address: koffi.address(pointer), bytes, free: () => koffi.free(pointer) };
  },
};

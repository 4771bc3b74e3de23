/**
 * Ioctl request numbers, as Linux's `_IOC(dir, type, nr, size)` makes them on the four
 * architectures (all four use the `asm-generic/ioctl.h` layout): bits 0–7 the command number,
 * 8–15 the driver's letter, 16–29 the argument's size, 30–31 the direction. The size is the
 * argument type's size on the architecture, from the layout engine, so a number differs
 * between architectures exactly where the argument does (`privcmd_dm_op` is 8 bytes on x86_32
 * and arm32, 16 elsewhere).
 */
import type { IoctlDirection, IoctlEncoding } from '../model/types.js';
import type { ArchLayout } from './engine.js';

/** `_IOC_NONE`, `_IOC_WRITE`, `_IOC_READ` and `_IOC_READ|_IOC_WRITE`. */
export const IOC_DIRECTION_BITS: Record<IoctlDirection, number> = { none: 0, write: 1, read: 2, readwrite: 3 };

export const IOC_NRSHIFT = 0;
export const IOC_TYPESHIFT = 8;
export const IOC_SIZESHIFT = 16;
export const IOC_DIRSHIFT = 30;
/** The largest size the 14-bit field holds. */
export const IOC_SIZE_MAX = (1 << 14) - 1;

/** The size an ioctl encodes on this architecture: its argument's size there, or 0. */
export function ioctlSize(encoding: IoctlEncoding, layout: ArchLayout): number {
  return encoding.argument ? layout.sizeAlign(encoding.argument).size : 0;
}

/** The request number on this architecture. Throws when the size does not fit 14 bits. */
export function ioctlNumber(encoding: IoctlEncoding, layout: ArchLayout): bigint {
  const size = ioctlSize(encoding, layout);
  if (size > IOC_SIZE_MAX) throw new RangeError(`the argument is ${size} bytes on ${layout.arch}; an ioctl encodes at most ${IOC_SIZE_MAX}`);
  return encodeIoctl(encoding.direction, encoding.type, encoding.nr, size);
}

/** `_IOC(dir, type, nr, size)` as an unsigned 32-bit value. */
export function encodeIoctl(direction: IoctlDirection, type: string, nr: number, size: number): bigint {
  const value =
    (BigInt(IOC_DIRECTION_BITS[direction]) << BigInt(IOC_DIRSHIFT)) |
    (BigInt(size) << BigInt(IOC_SIZESHIFT)) |
    (BigInt(type.charCodeAt(0)) << BigInt(IOC_TYPESHIFT)) |
    (BigInt(nr) << BigInt(IOC_NRSHIFT));
  return value;
}

/** System calls that record what they are asked and answer as a test says, with fake addresses. */
import type { MappedMemory, NativeBuffer, Syscalls } from '../src/syscalls.js';

export interface IoctlCall {
  request: number;
  name: string;
  /** The argument's bytes as the kernel would have read them. */
  bytes: Uint8Array | undefined;
  value?: number;
}

export class RecordingSyscalls implements Syscalls {
  readonly calls: IoctlCall[] = [];
  readonly mmaps: { length: number; offset: number; writable: boolean; unmapped: boolean }[] = [];
  /** Native memory by address, so a test can read what a pointer in an argument points to. */
  readonly memory = new Map<bigint, Uint8Array>();
  // Below 4 GiB, so that records of the 32-bit architectures hold them too.
  #next = 0x4000_1000n;
  /** What the next ioctl does to its argument and returns. */
  answer: (call: IoctlCall) => number = () => 0;

  ioctl(_fd: number, request: number, buffer: Uint8Array | undefined, name: string): number {
    const call = { request, name, bytes: buffer ? buffer.slice() : undefined };
    this.calls.push(call);
    const result = this.answer(call);
    if (buffer && call.bytes) buffer.set(call.bytes);
    return result;
  }

  ioctlValue(_fd: number, request: number, value: number, name: string): number {
    const call = { request, name, bytes: undefined, value };
    this.calls.push(call);
    return this.answer(call);
  }

  mmap(_fd: number, length: number, offset: number, writable: boolean): MappedMemory {
    const record = { length, offset, writable, unmapped: false };
    this.mmaps.push(record);
    const address = this.#take(length);
    return { address, buffer: new ArrayBuffer(length), unmap: () => void (record.unmapped = true) };
  }

  alloc(length: number): NativeBuffer {
    const address = this.#take(length);
    const bytes = new Uint8Array(length);
    this.memory.set(address, bytes);
    return { address, bytes, free: () => void this.memory.delete(address) };
  }

  #take(length: number): bigint {
    const address = this.#next;
    this.#next += BigInt(Math.ceil(Math.max(length, 1) / 4096) * 4096);
    return address;
  }
}

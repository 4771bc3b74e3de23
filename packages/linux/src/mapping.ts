/**
 * Memory a device mapped into this process (an ioreq server's pages, another domain's
 * grants): its bytes as an `ArrayBuffer` with no copy, and zero-copy views of xenabi records
 * over it. Every read and write through a view goes to the shared page itself, so values
 * the other side writes are seen at the next read; order them with the record's own
 * protocol (an ioreq's `state`, a ring's indices) as the C code would with barriers.
 */
import type { Arch, RecordCodec, RecordView } from '@xenabi/ts-bindings';
import type { MappedMemory } from './syscalls.js';

/** Memory a device mapped into this process, with zero-copy views over it. */
export class Mapping {
  #memory: MappedMemory | undefined;
  readonly #release: (() => void) | undefined;

  /** @internal */
  constructor(
    memory: MappedMemory,
    /** Bytes mapped. */
    readonly length: number,
    /** The architecture whose layouts `view` uses. */
    /** The architecture whose layouts `view` uses. */
    readonly arch: Arch,
    release?: () => void,
    /** Where in the device's file it was mapped from (gntdev's index). */
    readonly deviceOffset: bigint = 0n,
  ) {
    this.#memory = memory;
    this.#release = release;
  }

  /** The address in this process. */
  get address(): bigint {
    return this.#live().address;
  }

  /** The mapped bytes, without a copy. Do not touch it after `close()`: the memory is gone. */
  get buffer(): ArrayBuffer {
    return this.#live().buffer;
  }

  /** A zero-copy view of `codec`'s record at `offset` (the ioreq page as `shared_iopage`). */
  view<V, W extends RecordView>(codec: RecordCodec<V, W>, offset = 0): W {
    return codec.view(this.#live().buffer, { arch: this.arch, offset });
  }

  /** Unmaps the memory (and releases what backs it, such as grants); views over it must not be used after. */
  close(): void {
    if (!this.#memory) return;
    this.#memory.unmap();
    this.#memory = undefined;
    this.#release?.();
  }

  /** True once `close()` ran. */
  get closed(): boolean {
    return this.#memory === undefined;
  }

  #live(): MappedMemory {
    if (!this.#memory) throw new Error('@xenabi/linux: the mapping is closed');
    return this.#memory;
  }
}

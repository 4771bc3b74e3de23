/**
 * Test helpers: the buffers whose length changes (resizable `ArrayBuffer`, growable
 * `SharedArrayBuffer`, typed as the ES2024 library has them) and detaching a buffer.
 */

/** A resizable `ArrayBuffer`. */
export interface Resizable extends ArrayBuffer {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(length: number): void;
}

/** A growable `SharedArrayBuffer`. */
export interface Growable extends SharedArrayBuffer {
  readonly growable: boolean;
  readonly maxByteLength: number;
  grow(length: number): void;
}

export const RESIZABLE = ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => Resizable;
export const GROWABLE = SharedArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => Growable;

/** Detaches `buffer` by transferring it away: its views then have no bytes. */
export function detach(buffer: ArrayBufferLike): void {
  structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
}

/**
 * xenstore's wire format: a `struct xsd_sockmsg` header (four 32-bit words in the machine's
 * byte order: type, request id, transaction id, payload length) and up to
 * XENSTORE_PAYLOAD_MAX bytes of payload, mostly NUL-terminated strings. Pure functions over
 * bytes, so golden packets test them exactly.
 */
import type { Arch } from '@xenabi/ts-bindings';
import { XENSTORE_PAYLOAD_MAX, XS_ERROR, xsd_sockmsg } from '@xenabi/ts-bindings/stable/xs_wire';

/** One message, either way. */
export interface XsMessage {
  /** `XS_*`. */
  type: number;
  /** Chosen by the client; echoed by the reply. */
  reqId: number;
  /** The transaction, or 0. */
  txId: number;
  /** What follows the header. */
  payload: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes of a message: header, then payload. */
export function encodeMessage(message: XsMessage, arch: Arch): Uint8Array {
  if (message.payload.length > XENSTORE_PAYLOAD_MAX) throw new RangeError(`a xenstore payload holds at most ${XENSTORE_PAYLOAD_MAX} bytes, not ${message.payload.length}`);
  const header = xsd_sockmsg.size(arch);
  const out = new Uint8Array(header + message.payload.length);
  xsd_sockmsg.encodeInto({ type: message.type, req_id: message.reqId, tx_id: message.txId, len: message.payload.length }, out, { arch, offset: 0 });
  out.set(message.payload, header);
  return out;
}

/** Splits a byte stream into messages; keeps what is incomplete for the next chunk. */
export class MessageReader {
  #pending = new Uint8Array(0);

  constructor(readonly arch: Arch) {}

  /** The messages `chunk` completes, in order. */
  push(chunk: Uint8Array): XsMessage[] {
    const data = this.#pending.length ? concat([this.#pending, chunk]) : chunk;
    const header = xsd_sockmsg.size(this.arch);
    const out: XsMessage[] = [];
    let at = 0;
    while (data.length - at >= header) {
      const h = xsd_sockmsg.decode(data, { arch: this.arch, offset: at });
      if (h.len > XENSTORE_PAYLOAD_MAX) throw new RangeError(`xenstore sent a payload of ${h.len} bytes, more than XENSTORE_PAYLOAD_MAX (${XENSTORE_PAYLOAD_MAX})`);
      if (data.length - at - header < h.len) break;
      out.push({ type: h.type, reqId: h.req_id, txId: h.tx_id, payload: data.slice(at + header, at + header + h.len) });
      at += header + h.len;
    }
    this.#pending = data.slice(at);
    return out;
  }
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Strings, each NUL-terminated: `["a", "b"]` → `a\0b\0`. */
export function terminated(...strings: readonly string[]): Uint8Array {
  return encoder.encode(strings.map((s) => `${s}\0`).join(''));
}

/** The NUL-terminated strings of a payload; a last string without its NUL counts too. */
export function strings(payload: Uint8Array): string[] {
  const text = decoder.decode(payload);
  const parts = text.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** A payload as text, without a trailing NUL. */
export function text(payload: Uint8Array): string {
  return decoder.decode(payload.at(-1) === 0 ? payload.subarray(0, -1) : payload);
}

/** `XS_WRITE`'s payload: the path, NUL, then the value as is. */
export function writePayload(path: string, value: string | Uint8Array): Uint8Array {
  return concat([terminated(path), typeof value === 'string' ? encoder.encode(value) : value]);
}

/** What a domain may do with a node: read, write, both, or nothing. */
export type Access = 'none' | 'read' | 'write' | 'both';

/** One entry of a node's permissions; the first names the owner, whose access is the default for every other domain. */
export interface Permission {
  /** The domain. */
  domid: number;
  /** What it may do. */
  access: Access;
}

const ACCESS_LETTERS: Record<Access, string> = { none: 'n', read: 'r', write: 'w', both: 'b' };

/** `r5` for read access of domain 5. */
export function formatPermission(p: Permission): string {
  return `${ACCESS_LETTERS[p.access]}${p.domid}`;
}

export function parsePermission(word: string): Permission {
  const access = (Object.keys(ACCESS_LETTERS) as Access[]).find((a) => ACCESS_LETTERS[a] === word[0]);
  const domid = Number(word.slice(1));
  if (!access || !/^\d+$/.test(word.slice(1))) throw new Error(`xenstore sent a permission it does not define: ${JSON.stringify(word)}`);
  return { domid, access };
}

/**
 * The error names xenstored sends in an `XS_ERROR` reply, in the order of Xen's table
 * (`xsd_errors` in `io/xs_wire.h`), with the errno Linux gives each on x86, x86_64, arm and
 * aarch64 alike. `EPERM` is sent from Xen 4.17 on. Tested against
 * `compat-tests/xenstore/error-strings.txt`, which is tested against Xen's headers.
 */
export const XSD_ERRORS: readonly (readonly [name: string, errno: number])[] = [
  ['EINVAL', 22],
  ['EACCES', 13],
  ['EEXIST', 17],
  ['EISDIR', 21],
  ['ENOENT', 2],
  ['ENOMEM', 12],
  ['ENOSPC', 28],
  ['EIO', 5],
  ['ENOTEMPTY', 39],
  ['ENOSYS', 38],
  ['EROFS', 30],
  ['EBUSY', 16],
  ['EAGAIN', 11],
  ['EISCONN', 106],
  ['E2BIG', 7],
  ['EPERM', 1],
];

const ERRNO_OF_NAME = new Map(XSD_ERRORS);

/** A request xenstored refused: `code` is the error name it sent (`ENOENT`), `errno` the number Linux gives it. */
export class XenStoreError extends Error {
  /** The error xenstored named: `ENOENT`. */
  readonly code: string;
  /** Linux's number for it, when `XSD_ERRORS` names it. */
  readonly errno: number | undefined;

  constructor(
    code: string,
    /** What was asked: `read /local/domain/1/name`. */
    readonly request: string,
  ) {
    super(`xenstore ${request}: ${code}`);
    this.name = 'XenStoreError';
    this.code = code;
    this.errno = ERRNO_OF_NAME.get(code);
  }
}

/** The error a reply carries, when it is `XS_ERROR`. */
export function replyError(reply: XsMessage, request: string): XenStoreError | undefined {
  return reply.type === XS_ERROR ? new XenStoreError(text(reply.payload), request) : undefined;
}

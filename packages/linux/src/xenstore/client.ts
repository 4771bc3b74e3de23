/**
 * A xenstore client over any byte stream to xenstored: its Unix socket
 * (`/run/xenstored/socket`) or Linux's `/dev/xen/xenbus`. Requests carry their own id and
 * may be in flight together; replies are matched by id; watch events are routed by token to
 * their `Watch`, which is an async iterable. Transactions retry their body on `EAGAIN`.
 */
import { closeSync, constants as fsConstants, createReadStream, createWriteStream, existsSync, openSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import type { Duplex, Readable, Writable } from 'node:stream';
import type { Arch } from '@xenabi/ts-bindings';
import {
  XS_DIRECTORY,
  XS_GET_DOMAIN_PATH,
  XS_GET_PERMS,
  XS_MKDIR,
  XS_READ,
  XS_RM,
  XS_SET_PERMS,
  XS_TRANSACTION_END,
  XS_TRANSACTION_START,
  XS_UNWATCH,
  XS_WATCH,
  XS_WATCH_EVENT,
  XS_WRITE,
} from '@xenabi/ts-bindings/stable/xs_wire';
import { HOST_ARCH } from '../arch.js';
import { XenDeviceError } from '../errors.js';
import { encodeMessage, formatPermission, MessageReader, parsePermission, replyError, strings, terminated, text, writePayload, XenStoreError, type Permission, type XsMessage } from './wire.js';

/** Where xenstored is reached, in the order `connect()` tries them. */
export const XENSTORE_PATHS = ['/run/xenstored/socket', '/var/run/xenstored/socket', '/dev/xen/xenbus'];

/** A change a watch saw: the path that changed (at or below the watched one) and the watch's token. */
export interface WatchEvent {
  /** The path that changed. */
  path: string;
  /** The watch's token. */
  token: string;
}

/** The byte stream to xenstored. */
export interface XenStoreStream {
  /** Bytes from xenstored. */
  readable: Readable;
  /** Bytes to xenstored. */
  writable: Writable;
  /** Ends the stream. */
  close(): void;
}

interface Pending {
  resolve: (reply: XsMessage) => void;
  reject: (e: unknown) => void;
  request: string;
}

/** The calls every context (outside a transaction, or inside one) offers. */
abstract class Operations {
  /** @internal */
  protected abstract request(type: number, payload: Uint8Array, what: string): Promise<XsMessage>;

  /** The value of `path`, as UTF-8 text. */
  async read(path: string): Promise<string> {
    return new TextDecoder().decode(await this.readBytes(path));
  }

  /** The value of `path`, as bytes. */
  async readBytes(path: string): Promise<Uint8Array> {
    return (await this.request(XS_READ, terminated(path), `read ${path}`)).payload;
  }

  /** Writes `value` to `path`, creating it and its parents. */
  async write(path: string, value: string | Uint8Array): Promise<void> {
    await this.request(XS_WRITE, writePayload(path, value), `write ${path}`);
  }

  /** Creates `path` with an empty value, if it does not exist. */
  async mkdir(path: string): Promise<void> {
    await this.request(XS_MKDIR, terminated(path), `mkdir ${path}`);
  }

  /** Removes `path` and everything below it. */
  async rm(path: string): Promise<void> {
    await this.request(XS_RM, terminated(path), `rm ${path}`);
  }

  /** The names of the children of `path`. */
  async directory(path: string): Promise<string[]> {
    return strings((await this.request(XS_DIRECTORY, terminated(path), `directory ${path}`)).payload);
  }

  /** The permissions of `path`: the owner first. */
  async getPermissions(path: string): Promise<Permission[]> {
    return strings((await this.request(XS_GET_PERMS, terminated(path), `get-perms ${path}`)).payload).map(parsePermission);
  }

  /** Sets the permissions of `path`: the owner first, whose access is every other domain's default. */
  async setPermissions(path: string, permissions: readonly Permission[]): Promise<void> {
    await this.request(XS_SET_PERMS, terminated(path, ...permissions.map(formatPermission)), `set-perms ${path}`);
  }
}

/** A transaction: the same calls, seen by others only if it commits. */
export class Transaction extends Operations {
  /** @internal */
  constructor(
    private readonly store: XenStore,
    /** xenstored's id of the transaction. */
    readonly id: number,
  ) {
    super();
  }

  /** @internal */
  protected request(type: number, payload: Uint8Array, what: string): Promise<XsMessage> {
    return this.store.send(type, payload, what, this.id);
  }
}

/** A connection to xenstored. */
export class XenStore extends Operations {
  readonly #stream: XenStoreStream;
  readonly #reader: MessageReader;
  readonly #pending = new Map<number, Pending>();
  readonly #watches = new Map<string, Watch>();
  #nextId = 1;
  #nextToken = 1;
  #failure: Error | undefined;
  /** The architecture whose `xsd_sockmsg` layout the messages use (this machine's). */
  readonly arch: Arch;

  /** A client over an open stream to xenstored (a socket, the xenbus device, or a test's fake). */
  constructor(stream: XenStoreStream, arch: Arch = HOST_ARCH) {
    super();
    this.#stream = stream;
    this.arch = arch;
    this.#reader = new MessageReader(arch);
    stream.readable.on('data', (chunk: Buffer) => this.#receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    stream.readable.on('error', (e: Error) => this.#fail(e));
    stream.readable.on('close', () => this.#fail(new Error('xenstore: the connection closed')));
  }

  /**
   * Connects to xenstored: `path` if given (a socket or the xenbus device), else the first
   * of XENSTORE_PATHS that exists. None there is a `XenDeviceError` saying what to do.
   */
  static async connect(options: { path?: string } = {}): Promise<XenStore> {
    const path = options.path ?? process.env.XENSTORED_PATH ?? XENSTORE_PATHS.find((p) => existsSync(p));
    if (!path) {
      throw new XenDeviceError({ paths: XENSTORE_PATHS, module: 'xenfs (or xen-xenbus built in)' }, 'ENOENT');
    }
    return new XenStore(statSync(path).isSocket() ? await socketStream(path) : deviceStream(path));
  }

  /** xenstored's home path of a domain: `/local/domain/<domid>`. */
  async getDomainPath(domid: number): Promise<string> {
    return text((await this.request(XS_GET_DOMAIN_PATH, terminated(String(domid)), `get-domain-path ${domid}`)).payload);
  }

  /**
   * Watches `path` and everything below it; xenstored reports the watch once at once, then at
   * each change. Iterate the result for events; `close()` removes the watch.
   */
  async watch(path: string, token = `xenabi-${this.#nextToken++}`): Promise<Watch> {
    if (this.#watches.has(token)) throw new Error(`xenstore: a watch with token ${token} exists`);
    const watch: Watch = new Watch(path, token, (): Promise<void> => this.#unwatch(watch));
    this.#watches.set(token, watch);
    try {
      await this.request(XS_WATCH, terminated(path, token), `watch ${path}`);
    } catch (e) {
      this.#watches.delete(token);
      throw e;
    }
    return watch;
  }

  /**
   * Runs `body` in a transaction and commits it; when the commit fails with EAGAIN (another
   * client changed what the transaction read), runs it again, up to `attempts` times.
   */
  async transaction<T>(body: (tx: Transaction) => Promise<T>, options: { attempts?: number } = {}): Promise<T> {
    const attempts = options.attempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      const id = Number(text((await this.request(XS_TRANSACTION_START, terminated(''), 'transaction start')).payload));
      const tx = new Transaction(this, id);
      let result: T;
      try {
        result = await body(tx);
      } catch (e) {
        await this.send(XS_TRANSACTION_END, terminated('F'), 'transaction abort', id).catch(() => undefined);
        throw e;
      }
      try {
        await this.send(XS_TRANSACTION_END, terminated('T'), 'transaction commit', id);
        return result;
      } catch (e) {
        if (!(e instanceof XenStoreError) || e.code !== 'EAGAIN' || attempt >= attempts) throw e;
      }
    }
  }

  /** Ends the connection; pending requests and watches end with an error. */
  close(): void {
    this.#fail(new Error('xenstore: the client was closed'));
    this.#stream.close();
  }

  /** @internal */
  protected request(type: number, payload: Uint8Array, what: string): Promise<XsMessage> {
    return this.send(type, payload, what, 0);
  }

  /** Sends one request and resolves with its reply; an `XS_ERROR` reply rejects with a `XenStoreError`. @internal */
  send(type: number, payload: Uint8Array, what: string, txId: number): Promise<XsMessage> {
    if (this.#failure) return Promise.reject(this.#failure);
    const reqId = this.#nextId;
    this.#nextId = (this.#nextId % 0xffffffff) + 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(reqId, { resolve, reject, request: what });
      this.#stream.writable.write(encodeMessage({ type, reqId, txId, payload }, this.arch));
    });
  }

  async #unwatch(watch: Watch): Promise<void> {
    if (!this.#watches.delete(watch.token) || this.#failure) return;
    await this.request(XS_UNWATCH, terminated(watch.path, watch.token), `unwatch ${watch.path}`);
  }

  #receive(chunk: Uint8Array): void {
    let messages: XsMessage[];
    try {
      messages = this.#reader.push(chunk);
    } catch (e) {
      this.#fail(e as Error);
      this.#stream.close();
      return;
    }
    for (const m of messages) {
      if (m.type === XS_WATCH_EVENT) {
        const [path = '', token = ''] = strings(m.payload);
        this.#watches.get(token)?.push({ path, token });
        continue;
      }
      const pending = this.#pending.get(m.reqId);
      if (!pending) continue;
      this.#pending.delete(m.reqId);
      const error = replyError(m, pending.request);
      if (error) pending.reject(error);
      else pending.resolve(m);
    }
  }

  #fail(e: Error): void {
    if (this.#failure) return;
    this.#failure = e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
    for (const w of this.#watches.values()) w.end(e);
    this.#watches.clear();
  }
}

/** A watch: an async iterable of its events, until `close()`. */
export class Watch implements AsyncIterable<WatchEvent> {
  readonly #queue: WatchEvent[] = [];
  readonly #waiters: { resolve: (r: IteratorResult<WatchEvent>) => void; reject: (e: unknown) => void }[] = [];
  #ended: { error?: unknown } | undefined;

  /** @internal */
  constructor(
    /** The watched path. */
    readonly path: string,
    /** The token xenstored reports events with. */
    readonly token: string,
    private readonly remove: () => Promise<void>,
  ) {}

  /** Removes the watch (XS_UNWATCH); iterators end. */
  async close(): Promise<void> {
    this.end();
    await this.remove();
  }

  /** @internal */
  push(event: WatchEvent): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve({ value: event, done: false });
    else this.#queue.push(event);
  }

  /** @internal */
  end(error?: unknown): void {
    if (this.#ended) return;
    this.#ended = error === undefined ? {} : { error };
    for (const w of this.#waiters.splice(0)) {
      if (error === undefined) w.resolve({ value: undefined, done: true });
      else w.reject(error);
    }
  }

  /** Each event as it arrives; leaving the loop removes the watch. */
  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    return {
      next: () => {
        const queued = this.#queue.shift();
        if (queued) return Promise.resolve({ value: queued, done: false });
        if (this.#ended) return this.#ended.error === undefined ? Promise.resolve({ value: undefined, done: true }) : Promise.reject(this.#ended.error);
        return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
      },
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }
}

function socketStream(path: string): Promise<XenStoreStream> {
  return new Promise((resolve, reject) => {
    const socket: Duplex = createConnection(path);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({ readable: socket, writable: socket, close: () => socket.destroy() });
    });
  });
}

/** `/dev/xen/xenbus`: one open file for both directions (two opens would be two connections). */
function deviceStream(path: string): XenStoreStream {
  const fd = openSync(path, fsConstants.O_RDWR);
  const readable = createReadStream('', { fd, autoClose: false });
  const writable = createWriteStream('', { fd, autoClose: false });
  return {
    readable,
    writable,
    close: () => {
      readable.destroy();
      writable.destroy();
      closeSync(fd);
    },
  };
}

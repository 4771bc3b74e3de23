/**
 * A small xenstored for the tests, on a Unix socket, speaking the wire format itself (its
 * own framing with DataView, not the client's): a tree of nodes with values and permissions,
 * directory, mkdir, rm, watches that fire on registration and on every change below them,
 * and transactions — the first commit of each transaction fails with EAGAIN when
 * `conflictOnce` is set, as xenstored does when another client wrote what it read.
 */
import { createServer, type Server, type Socket } from 'node:net';

const T = { DIRECTORY: 1, READ: 2, GET_PERMS: 3, WATCH: 4, UNWATCH: 5, TRANSACTION_START: 6, TRANSACTION_END: 7, GET_DOMAIN_PATH: 10, WRITE: 11, MKDIR: 12, RM: 13, SET_PERMS: 14, WATCH_EVENT: 15, ERROR: 16 } as const;

interface Node {
  value: Buffer;
  perms: string[];
}

export class FakeXenstored {
  readonly nodes = new Map<string, Node>([['/', { value: Buffer.alloc(0), perms: ['n0'] }]]);
  readonly received: { type: number; reqId: number; txId: number; payload: Buffer }[] = [];
  conflictOnce = false;
  #server: Server;
  #clients = new Set<Socket>();
  #watches: { socket: Socket; path: string; token: string }[] = [];
  #nextTx = 1;
  #conflicted = new Set<number>();
  /** Writes of each open transaction, applied when it commits. */
  #transactions = new Map<number, Map<string, Buffer>>();

  constructor(readonly path: string) {
    this.#server = createServer((socket) => this.#serve(socket));
  }

  listen(): Promise<void> {
    return new Promise((resolve) => this.#server.listen(this.path, resolve));
  }

  close(): Promise<void> {
    for (const c of this.#clients) c.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #serve(socket: Socket): void {
    this.#clients.add(socket);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 16) {
        const len = pending.readUInt32LE(12);
        if (pending.length < 16 + len) break;
        const message = { type: pending.readUInt32LE(0), reqId: pending.readUInt32LE(4), txId: pending.readUInt32LE(8), payload: pending.subarray(16, 16 + len) };
        pending = pending.subarray(16 + len);
        this.received.push(message);
        this.#answer(socket, message);
      }
    });
    socket.on('close', () => {
      this.#clients.delete(socket);
      this.#watches = this.#watches.filter((w) => w.socket !== socket);
    });
  }

  #send(socket: Socket, type: number, reqId: number, txId: number, payload: Buffer): void {
    const header = Buffer.alloc(16);
    header.writeUInt32LE(type, 0);
    header.writeUInt32LE(reqId, 4);
    header.writeUInt32LE(txId, 8);
    header.writeUInt32LE(payload.length, 12);
    socket.write(Buffer.concat([header, payload]));
  }

  #answer(socket: Socket, m: { type: number; reqId: number; txId: number; payload: Buffer }): void {
    const args = m.payload.toString('latin1').split('\0');
    const reply = (payload: Buffer | string) => this.#send(socket, m.type, m.reqId, m.txId, typeof payload === 'string' ? Buffer.from(payload) : payload);
    const fail = (code: string) => this.#send(socket, T.ERROR, m.reqId, m.txId, Buffer.from(`${code}\0`));
    const path = args[0] ?? '';
    switch (m.type) {
      case T.READ: {
        const written = this.#transactions.get(m.txId)?.get(path);
        if (written) return reply(written);
        const node = this.nodes.get(path);
        return node ? reply(node.value) : fail('ENOENT');
      }
      case T.WRITE: {
        const at = m.payload.indexOf(0);
        const value = Buffer.from(m.payload.subarray(at + 1));
        if (m.txId) this.#transactions.get(m.txId)?.set(path, value);
        else this.#set(path, value);
        return reply('OK\0');
      }
      case T.MKDIR:
        if (!this.nodes.has(path)) this.#set(path, Buffer.alloc(0));
        return reply('OK\0');
      case T.RM:
        if (!this.nodes.has(path)) return fail('ENOENT');
        for (const key of [...this.nodes.keys()]) if (key === path || key.startsWith(`${path}/`)) this.nodes.delete(key);
        this.#fire(path);
        return reply('OK\0');
      case T.DIRECTORY: {
        if (!this.nodes.has(path)) return fail('ENOENT');
        const prefix = path === '/' ? '/' : `${path}/`;
        const children = [...this.nodes.keys()].filter((k) => k.startsWith(prefix) && k !== path && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
        return reply(children.map((c) => `${c}\0`).join(''));
      }
      case T.GET_PERMS: {
        const node = this.nodes.get(path);
        return node ? reply(node.perms.map((p) => `${p}\0`).join('')) : fail('ENOENT');
      }
      case T.SET_PERMS: {
        const node = this.nodes.get(path);
        if (!node) return fail('ENOENT');
        node.perms = args.slice(1, -1);
        return reply('OK\0');
      }
      case T.WATCH:
        this.#watches.push({ socket, path, token: args[1] ?? '' });
        reply('OK\0');
        return this.#send(socket, T.WATCH_EVENT, 0, 0, Buffer.from(`${path}\0${args[1]}\0`));
      case T.UNWATCH:
        this.#watches = this.#watches.filter((w) => !(w.socket === socket && w.path === path && w.token === args[1]));
        return reply('OK\0');
      case T.TRANSACTION_START:
        this.#transactions.set(this.#nextTx, new Map());
        return reply(`${this.#nextTx++}\0`);
      case T.TRANSACTION_END: {
        const writes = this.#transactions.get(m.txId);
        this.#transactions.delete(m.txId);
        if (!writes) return fail('ENOENT');
        if (path === 'T' && this.conflictOnce && !this.#conflicted.has(m.txId)) {
          this.#conflicted.add(m.txId);
          this.conflictOnce = false;
          return fail('EAGAIN');
        }
        if (path === 'T') for (const [p, v] of writes) this.#set(p, v);
        return reply('OK\0');
      }
      case T.GET_DOMAIN_PATH:
        return reply(`/local/domain/${path}\0`);
      default:
        return fail('EINVAL');
    }
  }

  #set(path: string, value: Buffer): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const parent = `/${parts.slice(0, i).join('/')}`;
      if (!this.nodes.has(parent)) this.nodes.set(parent, { value: Buffer.alloc(0), perms: ['n0'] });
    }
    this.nodes.set(path, { value: Buffer.from(value), perms: this.nodes.get(path)?.perms ?? ['n0'] });
    this.#fire(path);
  }

  #fire(path: string): void {
    for (const w of this.#watches) {
      if (path === w.path || path.startsWith(`${w.path}/`)) this.#send(w.socket, T.WATCH_EVENT, 0, 0, Buffer.from(`${path}\0${w.token}\0`));
    }
  }
}

/**
 * The xenstore client: golden packets of the wire format, framing across chunks, and every
 * call against an in-process xenstored (fake-xenstored.ts) on a Unix socket: values, trees,
 * permissions, errors by name and errno, watches as async iterators, transactions retried on
 * EAGAIN, and a missing xenstored reported with what to do.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { XS_READ, XS_WATCH_EVENT, XS_WRITE } from '@xenabi/ts-bindings/stable/xs_wire';
import { encodeMessage, MessageReader, XenDeviceError, XenStore, XenStoreError, XSD_ERRORS } from '../src/index.js';
import { strings, type XsMessage } from '../src/xenstore/wire.js';
import { FakeXenstored } from './fake-xenstored.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const ARCHES = ['x86_32', 'x86_64', 'arm32', 'arm64'] as const;

/** compat-tests/xenstore/golden-packets.txt: name, type, req_id, tx_id, payload (escaped), bytes (hex). */
function goldenPackets(): { name: string; message: XsMessage; bytes: string }[] {
  const text = readFileSync(new URL('../../../compat-tests/xenstore/golden-packets.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [name, type, reqId, txId, payload, bytes, ...rest] = line.split('\t');
      if (rest.length || bytes === undefined) throw new Error(`golden packet line ${JSON.stringify(line)}: 6 tab-separated fields expected`);
      return { name: name!, message: { type: Number(type), reqId: Number(reqId), txId: Number(txId), payload: unescapePayload(payload!) }, bytes };
    });
}

/** A payload as the golden file writes it: `\0` is a NUL, `\\` a backslash, `\xNN` any other byte. */
function unescapePayload(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') {
      out.push(...Buffer.from(text[i]!, 'utf8'));
      continue;
    }
    const next = text[++i];
    if (next === '0') out.push(0);
    else if (next === '\\') out.push(0x5c);
    else if (next === 'x') {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else throw new Error(`unknown escape \\${next} in the golden packets`);
  }
  return Uint8Array.from(out);
}

describe('the xenstore wire format', () => {
  it('encodes and decodes the golden packets shared with the Rust client, on every architecture', () => {
    const packets = goldenPackets();
    expect(packets.length).toBeGreaterThanOrEqual(9);
    for (const arch of ARCHES) {
      for (const { name, message, bytes } of packets) expect(hex(encodeMessage(message, arch)), `${name} on ${arch}`).toBe(bytes);
      const stream = Buffer.concat(packets.map((p) => Buffer.from(p.bytes, 'hex')));
      const reader = new MessageReader(arch);
      const got = [...reader.push(stream.subarray(0, 17)), ...reader.push(stream.subarray(17))];
      expect(got.map((m) => ({ ...m, payload: hex(m.payload) }))).toEqual(packets.map((p) => ({ ...p.message, payload: hex(p.message.payload) })));
    }
    expect(() => encodeMessage({ type: XS_WRITE, reqId: 1, txId: 0, payload: new Uint8Array(4097) }, 'x86_64')).toThrow(/at most 4096 bytes/);
  });

  it("maps every error name xenstored sends to Linux's errno, as the shared table does", () => {
    const shared = readFileSync(new URL('../../../compat-tests/xenstore/error-strings.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t').slice(0, 2).join('\t'));
    expect(XSD_ERRORS.map(([name, errno]) => `${name}\t${errno}`)).toEqual(shared);
    expect(new XenStoreError('EPERM', 'rm /x').errno).toBe(1);
    expect(new XenStoreError('EWHATEVER', 'rm /x').errno).toBeUndefined();
  });

  it('splits a stream into messages however it is chunked, and refuses an oversized payload', () => {
    const a = encodeMessage({ type: XS_WATCH_EVENT, reqId: 0, txId: 0, payload: new TextEncoder().encode('/x\0tok\0') }, 'x86_64');
    const b = encodeMessage({ type: XS_READ, reqId: 5, txId: 0, payload: new TextEncoder().encode('hello') }, 'x86_64');
    const all = Buffer.concat([a, b]);
    for (const cut of [1, 15, 16, 17, a.length, a.length + 3]) {
      const reader = new MessageReader('x86_64');
      const got = [...reader.push(all.subarray(0, cut)), ...reader.push(all.subarray(cut))];
      expect(got.map((m) => [m.type, m.reqId, strings(m.payload)])).toEqual([
        [XS_WATCH_EVENT, 0, ['/x', 'tok']],
        [XS_READ, 5, ['hello']],
      ]);
    }
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setUint32(12, 5000, true);
    expect(() => new MessageReader('x86_64').push(huge)).toThrow(/more than XENSTORE_PAYLOAD_MAX/);
  });
});

describe('the xenstore client against a xenstored on a Unix socket', () => {
  let dir: string;
  let daemon: FakeXenstored;
  let store: XenStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xenabi-xs-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    daemon = new FakeXenstored(join(dir, `socket-${Math.random().toString(36).slice(2)}`));
    await daemon.listen();
    store = await XenStore.connect({ path: daemon.path });
  });
  afterEach(async () => {
    store.close();
    await daemon.close();
  });

  it('writes, reads, lists, makes and removes nodes', async () => {
    await store.write('/local/domain/1/name', 'guest');
    await store.write('/local/domain/1/data', new Uint8Array([0, 1, 255]));
    await store.mkdir('/local/domain/1/device');
    expect(await store.read('/local/domain/1/name')).toBe('guest');
    expect(await store.readBytes('/local/domain/1/data')).toEqual(new Uint8Array([0, 1, 255]));
    expect((await store.directory('/local/domain/1')).sort()).toEqual(['data', 'device', 'name']);
    await store.rm('/local/domain/1/device');
    expect((await store.directory('/local/domain/1')).sort()).toEqual(['data', 'name']);
    expect(await store.getDomainPath(3)).toBe('/local/domain/3');
    // Requests in flight together are matched to their replies by id.
    const [a, b] = await Promise.all([store.read('/local/domain/1/name'), store.read('/local/domain/1/name')]);
    expect([a, b]).toEqual(['guest', 'guest']);
    expect(new Set(daemon.received.map((m) => m.reqId)).size).toBe(daemon.received.length);
  });

  it('maps xenstored\'s error strings to errors with the name and errno', async () => {
    const error = await store.read('/nowhere').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XenStoreError);
    expect(error).toMatchObject({ code: 'ENOENT', errno: 2, request: 'read /nowhere', message: 'xenstore read /nowhere: ENOENT' });
  });

  it('gets and sets permissions', async () => {
    await store.write('/shared', 'x');
    await store.setPermissions('/shared', [{ domid: 0, access: 'none' }, { domid: 5, access: 'read' }, { domid: 6, access: 'both' }]);
    expect(daemon.received.at(-1)!.payload.toString()).toBe('/shared\0n0\0r5\0b6\0');
    expect(await store.getPermissions('/shared')).toEqual([{ domid: 0, access: 'none' }, { domid: 5, access: 'read' }, { domid: 6, access: 'both' }]);
  });

  it('watches a path as an async iterator, until the watch is closed', async () => {
    const watch = await store.watch('/local/domain/2', 'tok');
    const events: { path: string; token: string }[] = [];
    const done = (async () => {
      for await (const e of watch) {
        events.push(e);
        if (events.length === 3) break;
      }
    })();
    await store.write('/local/domain/2/state', '4');
    await store.write('/elsewhere', '1');
    await store.write('/local/domain/2/backend', 'x');
    await done;
    expect(events).toEqual([
      { path: '/local/domain/2', token: 'tok' },
      { path: '/local/domain/2/state', token: 'tok' },
      { path: '/local/domain/2/backend', token: 'tok' },
    ]);
    // Leaving the loop removed the watch.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(daemon.received.at(-1)!.payload.toString()).toBe('/local/domain/2\0tok\0');
    expect(daemon.received.at(-1)!.type).toBe(5);
  });

  it('runs a transaction, retrying its body when the commit fails with EAGAIN, and aborts on an exception', async () => {
    await store.write('/counter', '1');
    daemon.conflictOnce = true;
    let runs = 0;
    const result = await store.transaction(async (tx) => {
      runs++;
      const n = Number(await tx.read('/counter'));
      await tx.write('/counter', String(n + 1));
      return n + 1;
    });
    expect([result, runs]).toEqual([2, 2]);
    const ends = daemon.received.filter((m) => m.type === 7).map((m) => [m.txId, m.payload.toString()]);
    expect(ends).toEqual([
      [1, 'T\0'],
      [2, 'T\0'],
    ]);
    expect(daemon.received.filter((m) => m.type === 2).map((m) => m.txId)).toEqual([1, 2]);
    expect(await store.read('/counter')).toBe('2');
    await expect(store.transaction(async () => Promise.reject(new Error('stop')))).rejects.toThrow('stop');
    expect(daemon.received.at(-1)!.payload.toString()).toBe('F\0');
  });

  it('fails pending requests and ends watches when the connection drops', async () => {
    const watch = await store.watch('/a');
    const iterator = watch[Symbol.asyncIterator]();
    await iterator.next();
    const next = iterator.next();
    await daemon.close();
    await expect(next).rejects.toThrow(/connection closed/);
    await expect(store.read('/a')).rejects.toThrow(/connection closed/);
  });
});

describe('connecting without xenstored', () => {
  it('names the paths it tried and what to do', async () => {
    const saved = process.env.XENSTORED_PATH;
    process.env.XENSTORED_PATH = '/nonexistent/xenstored/socket';
    try {
      const error = await XenStore.connect().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ENOENT' });
    } finally {
      if (saved === undefined) delete process.env.XENSTORED_PATH;
      else process.env.XENSTORED_PATH = saved;
    }
    expect(new XenDeviceError({ paths: ['/run/xenstored/socket', '/dev/xen/xenbus'], module: 'xenfs' }, 'ENOENT').message).toMatch(
      /cannot open \/run\/xenstored\/socket or \/dev\/xen\/xenbus: ENOENT\. .*xenfs kernel module loaded.*modprobe xenfs/,
    );
  });
});

/**
 * Opening the devices on a machine without Xen fails with an error naming the device file,
 * the kernel module and what to do; and event-channel waits hand over ports without blocking
 * the event loop (over a FIFO standing in for /dev/xen/evtchn, polled by libuv through koffi).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Evtchn, Gntdev, Privcmd, XenDeviceError } from '../src/index.js';
import { DeviceFile } from '../src/device.js';
import { nativeSyscalls } from '../src/syscalls.js';

const dir = mkdtempSync(join(tmpdir(), 'xenabi-dev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a device that is not there', () => {
  it.each([
    ['Privcmd', () => Privcmd.open({ path: '/nonexistent/dev/xen/privcmd' }), '/nonexistent/dev/xen/privcmd', 'xen-privcmd'],
    ['Evtchn', () => Evtchn.open({ path: '/nonexistent/dev/xen/evtchn' }), '/nonexistent/dev/xen/evtchn', 'xen-evtchn'],
    ['Gntdev', () => Gntdev.open({ path: '/nonexistent/dev/xen/gntdev' }), '/nonexistent/dev/xen/gntdev', 'xen-gntdev'],
  ])('%s names the file, the module and what to do', (_name, open, path, module) => {
    let error: unknown;
    try {
      open();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XenDeviceError);
    expect(error).toMatchObject({ code: 'ENOENT', path, module });
    expect((error as Error).message).toContain(`cannot open ${path}: ENOENT`);
    expect((error as Error).message).toContain(`modprobe ${module}`);
    expect((error as Error).message).toContain('dom0');
  });

  it('tries /dev/xen/privcmd, then /proc/xen/privcmd, on this machine', () => {
    if (existsSync('/dev/xen/privcmd') || existsSync('/proc/xen/privcmd')) return;
    expect(() => Privcmd.open()).toThrow(/cannot open \/dev\/xen\/privcmd or \/proc\/xen\/privcmd: ENOENT\. This is not a Xen domain with the xen-privcmd kernel module loaded/);
  });

  it('says to run as root when the file is not accessible', () => {
    expect(new XenDeviceError({ paths: ['/dev/xen/privcmd'], module: 'xen-privcmd' }, 'EACCES').message).toMatch(/run as root/);
  });
});

describe('waiting for event-channel ports', () => {
  function fifoEvtchn(): { evtchn: Evtchn; send: (...ports: number[]) => void; end: () => void } {
    const path = join(dir, `fifo-${Math.random().toString(36).slice(2)}`);
    execFileSync('mkfifo', [path]);
    const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
    const writer = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    const evtchn = new Evtchn(new DeviceFile(fd, nativeSyscalls), 'x86_64');
    const send = (...ports: number[]) => void writeSync(writer, new Uint8Array(new Uint32Array(ports).buffer));
    return { evtchn, send, end: () => closeSync(writer) };
  }

  it('resolves with the ports that fired, letting the event loop run meanwhile', async () => {
    const { evtchn, send, end } = fifoEvtchn();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const waiting = evtchn.wait();
    setTimeout(() => send(3, 7), 60);
    const ports = await waiting;
    clearInterval(timer);
    expect(ports).toEqual([3, 7]);
    expect(ticks).toBeGreaterThan(3);
    send(9);
    expect(await evtchn.wait()).toEqual([9]);
    evtchn.close();
    end();
  });

  it('iterates ports as they fire and ends when the file is closed', async () => {
    const { evtchn, send, end } = fifoEvtchn();
    const seen: number[] = [];
    const done = (async () => {
      for await (const port of evtchn) {
        seen.push(port);
        if (seen.length === 3) setTimeout(() => evtchn.close(), 10);
      }
    })();
    send(1);
    setTimeout(() => send(2, 3), 20);
    await done;
    expect(seen).toEqual([1, 2, 3]);
    await expect(evtchn.wait()).rejects.toThrow(/closed/);
    end();
  });

  it('unmasks a port by writing its number to the device', () => {
    const path = join(dir, 'unmask');
    execFileSync('mkfifo', [path]);
    const reader = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
    const evtchn = new Evtchn(new DeviceFile(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK), nativeSyscalls), 'x86_64');
    evtchn.unmask(0x01020304);
    const bytes = new Uint8Array(8);
    const n = readSync(reader, bytes);
    expect([...bytes.subarray(0, n)]).toEqual([4, 3, 2, 1]);
    evtchn.close();
    closeSync(reader);
  });
});

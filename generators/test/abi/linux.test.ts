// abi/linux: the ioctl numbers the layout engine gives, the layouts behind them, the Linux
// lifetimes, and the table of numbers in docs/linux.md kept equal to the model.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchLayout } from '../../src/layout/engine.js';
import { encodeIoctl, ioctlNumber } from '../../src/layout/ioctl.js';
import { loadAbi } from '../../src/load/index.js';
import { ARCHES } from '../../src/model/arch.js';
import { existsInLinux, linuxVersionHex } from '../../src/model/linux.js';
import { XEN_RELEASES } from '../../src/model/releases.js';
import type { AbiModel, Arch, ConstantDecl } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
const DOC = new URL('../../../docs/linux.md', import.meta.url);
let model: AbiModel;
const constant = (name: string) => model.constants.find((c) => c.name === name) as ConstantDecl;
const numberOn = (c: ConstantDecl, arch: Arch) => BigInt(c.values?.[arch] ?? c.value);

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('the _IOC encoding', () => {
  it('puts direction, size, letter and number where asm-generic/ioctl.h does', () => {
    expect(encodeIoctl('none', 'P', 5, 16)).toBe(0x105005n);
    expect(encodeIoctl('write', 'P', 8, 24)).toBe(0x40185008n);
    expect(encodeIoctl('read', 'E', 0, 4)).toBe(0x80044500n);
    expect(encodeIoctl('readwrite', 'G', 255, 0x3fff)).toBe(0xffff47ffn);
    expect(encodeIoctl('none', 'B', 1, 0)).toBe(0x4201n);
  });
});

describe('abi/linux', () => {
  it('numbers privcmd per architecture from its records\' sizes (the table of xen-abi-history.md §6)', () => {
    const expected: Record<string, Record<Arch, bigint>> = {
      IOCTL_PRIVCMD_HYPERCALL: { x86_32: 0x305000n, x86_64: 0x305000n, arm32: 0x305000n, arm64: 0x305000n },
      IOCTL_PRIVCMD_MMAP: { x86_32: 0xc5002n, x86_64: 0x105002n, arm32: 0xc5002n, arm64: 0x105002n },
      IOCTL_PRIVCMD_MMAPBATCH: { x86_32: 0x145003n, x86_64: 0x185003n, arm32: 0x185003n, arm64: 0x185003n },
      IOCTL_PRIVCMD_MMAPBATCH_V2: { x86_32: 0x185004n, x86_64: 0x205004n, arm32: 0x185004n, arm64: 0x205004n },
      IOCTL_PRIVCMD_DM_OP: { x86_32: 0x85005n, x86_64: 0x105005n, arm32: 0x85005n, arm64: 0x105005n },
      IOCTL_PRIVCMD_RESTRICT: { x86_32: 0x25006n, x86_64: 0x25006n, arm32: 0x25006n, arm64: 0x25006n },
      IOCTL_PRIVCMD_MMAP_RESOURCE: { x86_32: 0x205007n, x86_64: 0x205007n, arm32: 0x205007n, arm64: 0x205007n },
      IOCTL_PRIVCMD_PCIDEV_GET_GSI: { x86_32: 0x8500an, x86_64: 0x8500an, arm32: 0x8500an, arm64: 0x8500an },
    };
    for (const [name, perArch] of Object.entries(expected)) for (const arch of ARCHES) expect(numberOn(constant(name), arch), `${name} ${arch}`).toBe(perArch[arch]);
  });

  it('stores the number the layout engine computes for every ioctl, as value when all architectures agree', () => {
    const view = atRelease(model, '4.22');
    const ioctls = model.constants.filter((c) => c.ioctl);
    expect(ioctls.length).toBe(33);
    for (const c of ioctls) {
      for (const arch of ARCHES) expect(numberOn(c, arch), `${c.name} ${arch}`).toBe(ioctlNumber(c.ioctl!, new ArchLayout(view, arch)));
      const distinct = new Set(ARCHES.map((a) => numberOn(c, a)));
      expect(c.values === undefined, c.name).toBe(distinct.size === 1);
    }
  });

  it('lays privcmd_dm_op out with a pointer-wide ubufs: 8 bytes on the 32-bit architectures, 16 on the 64-bit ones', () => {
    for (const arch of ARCHES) {
      const wide = arch === 'x86_64' || arch === 'arm64';
      const l = new ArchLayout(atRelease(model, '4.22'), arch);
      expect(l.record('privcmd_dm_op')).toMatchObject({ size: wide ? 16 : 8, align: wide ? 8 : 4 });
      expect(l.record('privcmd_dm_op_buf').fields.map((f) => [f.name, f.offset, f.size, f.type])).toEqual([
        ['uptr', 0, wide ? 8 : 4, 'void *'],
        ['size', wide ? 8 : 4, wide ? 8 : 4, 'size_t'],
      ]);
    }
  });

  it('keeps every linux item in every Xen release, and versions it by Linux releases', () => {
    const linux = [...model.records, ...model.constants, ...model.aliases, ...model.sets].filter((i) => i.namespace === 'linux');
    expect(linux.length).toBeGreaterThan(60);
    for (const item of linux) {
      expect(item.since, item.name).toBe(XEN_RELEASES[0]);
      expect(item.until, item.name).toBeUndefined();
      expect(item.linuxSince, item.name).toMatch(/^\d+\.\d+(\.\d+)?$/);
    }
    for (const r of XEN_RELEASES) expect(atRelease(model, r).constants.some((c) => c.name === 'IOCTL_PRIVCMD_DM_OP')).toBe(true);
    expect(existsInLinux(constant('IOCTL_PRIVCMD_IRQFD'), '6.1')).toBe(false);
    expect(existsInLinux(constant('IOCTL_PRIVCMD_IRQFD'), '6.6')).toBe(true);
    expect(existsInLinux(constant('IOCTL_PRIVCMD_HYPERCALL'), '2.6.37')).toBe(true);
    expect(existsInLinux(constant('IOCTL_PRIVCMD_HYPERCALL'), '2.6.36')).toBe(false);
    expect(linuxVersionHex('2.6.37')).toBe('0x020625');
    expect(linuxVersionHex('6.12')).toBe('0x060c00');
  });

  it('has the numbers and Linux releases of docs/linux.md', () => {
    const rows = readFileSync(DOC, 'utf8')
      .split('\n')
      .map((l) => /^\| `(IOCTL_[A-Z_0-9]+)` \| (0x[0-9a-f]+) \| (0x[0-9a-f]+) \| (0x[0-9a-f]+) \| (0x[0-9a-f]+) \| ([0-9.]+) \|$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    const ioctls = model.constants.filter((c) => c.ioctl).map((c) => c.name).sort();
    expect(rows.map((m) => m[1]).sort()).toEqual(ioctls);
    for (const [, name, ...cells] of rows) {
      const c = constant(name!);
      expect(ARCHES.map((a, i) => [a, BigInt(cells[i]!)]), name).toEqual(ARCHES.map((a) => [a, numberOn(c, a)]));
      expect(cells[4], name).toBe(c.linuxSince);
    }
  });
});

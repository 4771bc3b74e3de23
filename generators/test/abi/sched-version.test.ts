// Layouts of abi/stable/sched.ts and version.ts, as clang lays out Xen's sched.h and
// version.h at every release 4.6-4.22 on i386, x86_64, armhf and aarch64.
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchLayout } from '../../src/layout/engine.js';
import { loadAbi } from '../../src/load/index.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const layout = (arch: Arch, name: string, release = '4.22') => new ArchLayout(atRelease(model, release), arch).record(name);

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('sched', () => {
  it('lays sched_poll out with a 4-byte handle on x86_32 and an 8-aligned deadline elsewhere', () => {
    expect(layout('x86_32', 'sched_poll')).toMatchObject({ size: 16, align: 4, holes: [] });
    expect(layout('x86_32', 'sched_poll').fields.map((f) => f.offset)).toEqual([0, 4, 8]);
    for (const arch of ['x86_64', 'arm32', 'arm64'] as const) {
      expect(layout(arch, 'sched_poll')).toMatchObject({ size: 24, align: 8 });
      expect(layout(arch, 'sched_poll').fields.map((f) => f.offset)).toEqual([0, 8, 16]);
    }
  });

  it('ties each SCHEDOP_* to its argument record, and SHUTDOWN_MAX to the newest reason', () => {
    const ops = atRelease(model, '4.22').sets.find((s) => s.name === 'SCHEDOP');
    expect(ops?.ops).toContainEqual({ constant: 'SCHEDOP_remote_shutdown', record: 'sched_remote_shutdown' });
    expect(ops?.ops).toContainEqual({ constant: 'SCHEDOP_shutdown_code', record: 'sched_shutdown' });
    const max = (release: string) => atRelease(model, release).constants.find((c) => c.name === 'SHUTDOWN_MAX')?.value;
    expect([max('4.6'), max('4.7')]).toEqual(['4', '5']);
    for (const arch of ARCHES) expect(layout(arch, 'sched_remote_shutdown').holes).toEqual([{ after: 'domain_id', offset: 2, size: 2, bits: 16, tail: false }]);
  });
});

describe('version', () => {
  it('lays out the text records as bytes and the platform parameters as one xen_ulong_t', () => {
    for (const arch of ARCHES) expect(layout(arch, 'xen_compile_info')).toMatchObject({ size: 144, align: 1 });
    expect(layout('x86_32', 'xen_platform_parameters')).toMatchObject({ size: 4, align: 4 });
    expect(layout('arm32', 'xen_platform_parameters')).toMatchObject({ size: 8, align: 8 });
  });

  it('adds the length-prefixed twins of the text ops in 4.20', () => {
    const ops = (release: string) => atRelease(model, release).sets.find((s) => s.name === 'XENVER')?.ops?.map((o) => o.constant);
    expect(ops('4.19')).not.toContain('XENVER_extraversion2');
    expect(ops('4.20')).toContain('XENVER_commandline2');
    expect(layout('x86_64', 'xen_varbuf', '4.20')).toMatchObject({ size: 4, fields: [{ name: 'len' }, { name: 'buf', flexibleArray: true }] });
  });
});

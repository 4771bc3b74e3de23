// Layouts and history of abi/stable/memory.ts, vcpu.ts and kexec.ts, as clang lays out Xen's
// headers at every release 4.6-4.22 on i386, x86_64, armhf and aarch64 (scripts/verify-history.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchLayout } from '../../src/layout/engine.js';
import { loadAbi } from '../../src/load/index.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const layout = (arch: Arch, name: string, release = '4.22') => new ArchLayout(atRelease(model, release), arch).record(name);
const constant = (name: string, release = '4.22') => atRelease(model, release).constants.find((c) => c.name === name);

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('memory', () => {
  it('lays xen_mem_acquire_resource out in 28 bytes on x86_32 (a 4-byte handle, a 4-aligned frame) and 32 elsewhere', () => {
    expect(layout('x86_32', 'xen_mem_acquire_resource')).toMatchObject({ size: 28, align: 4, holes: [] });
    for (const arch of ['x86_64', 'arm32', 'arm64'] as const) expect(layout(arch, 'xen_mem_acquire_resource')).toMatchObject({ size: 32, align: 8, holes: [] });
    for (const arch of ARCHES) expect(layout(arch, 'xen_mem_acquire_resource').fields.map((f) => f.offset)).toEqual([0, 2, 4, 8, 12, 16, 24]);
  });

  it('declares resource mapping from 4.11, shown to tools builds only before 4.14, and the trace buffers from 4.15', () => {
    expect(constant('XENMEM_acquire_resource', '4.10')).toBeUndefined();
    expect(constant('XENMEM_acquire_resource', '4.11')).toMatchObject({ value: '28', toolsOnlyBefore: '4.14' });
    expect(constant('XENMEM_acquire_resource', '4.14')?.value).toBe('28');
    expect(constant('XENMEM_resource_vmtrace_buf', '4.14')).toBeUndefined();
    expect(constant('XENMEM_resource_vmtrace_buf', '4.15')?.value).toBe('2');
    const ops = atRelease(model, '4.22').sets.find((s) => s.name === 'XENMEM');
    expect(ops?.ops).toContainEqual({ constant: 'XENMEM_acquire_resource', record: 'xen_mem_acquire_resource' });
    expect(ops?.ops).toContainEqual({ constant: 'XENMEM_populate_physmap', record: 'xen_memory_reservation' });
  });

  it('widens the handle-and-pad unions of xen_vnuma_topology_info to 8 bytes on every architecture', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'xen_vnuma_topology_info').fields.map((f) => f.offset)).toEqual([0, 2, 4, 8, 12, 16, 24, 32]);
      expect(layout(arch, 'xen_vnuma_topology_info').size).toBe(40);
    }
  });

  it('pads the domain id of a reservation to the width of its handle and counts', () => {
    expect(layout('x86_32', 'xen_memory_reservation')).toMatchObject({ size: 20, holes: [{ after: 'domid', offset: 18, size: 2, tail: true }] });
    for (const arch of ['x86_64', 'arm32', 'arm64'] as const) expect(layout(arch, 'xen_memory_reservation')).toMatchObject({ size: 32, holes: [{ after: 'domid', offset: 26, size: 6, tail: true }] });
  });
});

describe('vcpu', () => {
  it('lays the runstate out with a 4-aligned 64-bit time on x86_32 and a hole after state elsewhere', () => {
    expect(layout('x86_32', 'vcpu_runstate_info')).toMatchObject({ size: 44, align: 4, holes: [] });
    for (const arch of ['x86_64', 'arm32', 'arm64'] as const) expect(layout(arch, 'vcpu_runstate_info')).toMatchObject({ size: 48, align: 8, holes: [{ after: 'state', offset: 4, size: 4, tail: false }] });
  });

  it('makes the registration address 8 bytes on every architecture, although a pointer is 4 on the 32-bit ones', () => {
    for (const arch of ARCHES) expect(layout(arch, 'vcpu_register_runstate_memory_area').size).toBe(8);
  });

  it('adds the physical-address registrations in 4.18, and XEN_RUNSTATE_UPDATE (bit 63) in 4.8', () => {
    expect(constant('VCPUOP_register_runstate_phys_area', '4.17')).toBeUndefined();
    expect(constant('VCPUOP_register_vcpu_time_phys_area', '4.18')?.value).toBe('15');
    expect(constant('XEN_RUNSTATE_UPDATE', '4.7')).toBeUndefined();
    expect(constant('XEN_RUNSTATE_UPDATE', '4.8')?.value).toBe((1n << 63n).toString());
  });
});

describe('kexec', () => {
  it('gives xen_kexec_image its page list on x86 only, in unsigned longs', () => {
    expect(layout('x86_32', 'xen_kexec_image').size).toBe(76);
    expect(layout('x86_64', 'xen_kexec_image').size).toBe(152);
    expect(layout('arm32', 'xen_kexec_image').size).toBe(8);
    expect(layout('arm64', 'xen_kexec_image').size).toBe(16);
  });

  it('widens the segment handles to 8 bytes, and keeps the v1 numbers as the legacy values of load and unload', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'xen_kexec_segment').size).toBe(32);
      expect(layout(arch, 'xen_kexec_load').fields.map((f) => f.offset)).toEqual([0, 1, 2, 4, 8, 16]);
    }
    expect(constant('KEXEC_CMD_kexec_load')?.legacyValue).toEqual({ value: '1', belowInterfaceVersion: '0x00040400' });
    expect(constant('KEXEC_CMD_kexec_status', '4.8')).toBeUndefined();
    expect(constant('KEXEC_CMD_kexec_status', '4.9')?.value).toBe('6');
  });
});

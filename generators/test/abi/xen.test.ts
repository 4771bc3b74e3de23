// Facts of abi/stable/xen.ts, checked against clang's view of Xen's headers at every release
// 4.6-4.22 on i386, x86_64, armhf and aarch64 (tools mode, and guest mode at the newest
// interface): hypercall numbers, reserved domain ids, per-architecture values.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel, ConstantDecl } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const constant = (name: string, release = '4.22'): ConstantDecl | undefined => atRelease(model, release).constants.find((c) => c.name === name);

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('xen', () => {
  it('declares the real hypercall numbers, and the legacy ones only below their interface version', () => {
    expect(constant('__HYPERVISOR_event_channel_op')).toMatchObject({ value: '32', legacyValue: { value: '16', belowInterfaceVersion: '0x00030202' } });
    expect(constant('__HYPERVISOR_physdev_op')).toMatchObject({ value: '33', legacyValue: { value: '19', belowInterfaceVersion: '0x00030202' } });
    expect(constant('__HYPERVISOR_sched_op')).toMatchObject({ value: '29', legacyValue: { value: '6', belowInterfaceVersion: '0x00030101' } });
    expect(constant('__HYPERVISOR_dm_op')).toMatchObject({ value: '41', since: '4.9' });
    expect(constant('__HYPERVISOR_dm_op', '4.8')).toBeUndefined();
  });

  it('gives number 39 to XenClient until 4.12 and to Argo from 4.12', () => {
    expect(constant('__HYPERVISOR_xc_reserved_op', '4.11')?.value).toBe('39');
    expect(constant('__HYPERVISOR_xc_reserved_op', '4.12')).toBeUndefined();
    expect(constant('__HYPERVISOR_argo_op', '4.12')?.value).toBe('39');
    expect(constant('VIRQ_ARGO', '4.12')?.value).toBe('11');
  });

  it('spells the reserved domain ids as unsigned hex, with DOMID_ANY from 4.22', () => {
    expect(constant('DOMID_SELF')).toMatchObject({ value: '32752', cType: 'unsigned int', spelling: 'hex' });
    expect(constant('DOMID_INVALID')?.value).toBe('32756');
    expect(constant('DOMID_ANY', '4.21')).toBeUndefined();
    expect(constant('DOMID_ANY')?.value).toBe('32757');
  });

  it('gives the per-architecture numbers per architecture', () => {
    expect(constant('XEN_LEGACY_MAX_VCPUS')?.values).toEqual({ x86_32: '32', x86_64: '32', arm32: '1', arm64: '1' });
    expect(constant('HYPERVISOR_VIRT_START')).toMatchObject({ cType: 'unsigned long', values: { x86_32: '4118806528', x86_64: '18446603336221196288' } });
    expect(constant('FLAT_RING1_CS')?.archs).toEqual(['x86_32']);
    expect(constant('XEN_HYPERCALL_TAG')?.archs).toEqual(['arm32', 'arm64']);
  });

  it('drops the upper-case VGCF spellings in 4.22', () => {
    expect(constant('VGCF_IN_KERNEL', '4.21')?.value).toBe('4');
    expect(constant('VGCF_IN_KERNEL')).toBeUndefined();
    expect(constant('VGCF_in_kernel')).toMatchObject({ value: '4', bitConstant: '_VGCF_in_kernel' });
  });
});

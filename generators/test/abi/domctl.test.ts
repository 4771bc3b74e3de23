// Layouts and history of abi/unstable/domctl.ts. Every size, offset and constant here was
// checked against clang (-D__XEN_TOOLS__; i386, x86_64, armhf, aarch64) on the Xen 4.17
// headers in /usr/include/xen and on Xen's headers at each tag from 4.6 to 4.22.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { ArchLayout } from '../../src/layout/engine.js';
import { ARCHES } from '../../src/model/arch.js';
import { XEN_RELEASES } from '../../src/model/releases.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const layout = (arch: Arch, name: string, release = '4.22') => new ArchLayout(atRelease(model, release), arch).record(name);
const fieldsAt = (arch: Arch, name: string, release: string) => layout(arch, name, release).fields.map((f) => `${f.name}@${f.offset}:${f.size}`);
const valueAt = (name: string, release: string) => atRelease(model, release).constants.find((c) => c.name === name)?.value;

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

/** sizeof(struct xen_domctl_createdomain) as x86_64, x86_32, arm64, arm32. */
const CREATEDOMAIN_SIZES: Record<string, [number, number, number, number]> = {
  '4.6': [28, 28, 36, 36], '4.7': [28, 28, 36, 36], '4.8': [28, 28, 36, 36], '4.9': [28, 28, 36, 36],
  '4.10': [28, 28, 36, 36], '4.11': [28, 28, 36, 36], '4.12': [44, 44, 52, 52], '4.13': [48, 48, 56, 56],
  '4.14': [48, 48, 56, 56], '4.15': [56, 56, 60, 60], '4.16': [60, 60, 64, 64], '4.17': [64, 64, 68, 68],
  '4.18': [64, 64, 68, 68], '4.19': [68, 68, 72, 72], '4.20': [68, 68, 72, 72], '4.21': [68, 68, 76, 76],
  '4.22': [68, 68, 76, 76],
};

describe('domctl', () => {
  it('sizes xen_domctl_createdomain as Xen did in every release', () => {
    for (const release of XEN_RELEASES) {
      const sizes = (['x86_64', 'x86_32', 'arm64', 'arm32'] as const).map((arch) => layout(arch, 'xen_domctl_createdomain', release).size);
      expect([release, ...sizes]).toEqual([release, ...CREATEDOMAIN_SIZES[release]!]);
    }
  });

  it('lays out the 4.17 and 4.22 createdomain field by field', () => {
    const common417 = ['ssidref@0:4', 'handle@4:16', 'flags@20:4', 'iommu_opts@24:4', 'max_vcpus@28:4', 'max_evtchn_port@32:4',
      'max_grant_frames@36:4', 'max_maptrack_frames@40:4', 'grant_opts@44:4', 'vmtrace_size@48:4', 'cpupool_id@52:4'];
    const common422 = [...common417.slice(0, 9), 'altp2m@48:4', 'vmtrace_size@52:4', 'cpupool_id@56:4'];
    for (const arch of ARCHES) {
      const x86 = arch.startsWith('x86');
      expect(layout(arch, 'xen_domctl_createdomain', '4.17')).toMatchObject({ size: x86 ? 64 : 68, align: 4, holes: [] });
      expect(fieldsAt(arch, 'xen_domctl_createdomain', '4.17')).toEqual([...common417, x86 ? 'arch@56:8' : 'arch@56:12']);
      expect(layout(arch, 'xen_domctl_createdomain', '4.22')).toMatchObject({ size: x86 ? 68 : 76, align: 4, holes: [] });
      expect(fieldsAt(arch, 'xen_domctl_createdomain', '4.22')).toEqual([...common422, x86 ? 'arch@60:8' : 'arch@60:16']);
      expect(fieldsAt(arch, 'xen_domctl_createdomain.altp2m', '4.22')).toEqual(['opts@0:2', 'nr@2:2']);
    }
  });

  it('keeps renamed fields at their offsets: config to arch in 4.11, altp2m_opts to altp2m in 4.21', () => {
    for (const arch of ARCHES) {
      expect(fieldsAt(arch, 'xen_domctl_createdomain', '4.10').at(-1)).toMatch(/^config@24:/);
      expect(fieldsAt(arch, 'xen_domctl_createdomain', '4.11').at(-1)).toMatch(/^arch@24:/);
      expect(fieldsAt(arch, 'xen_domctl_createdomain', '4.20')).toContain('altp2m_opts@48:4');
      expect(fieldsAt(arch, 'xen_domctl_createdomain', '4.21')).toContain('altp2m@48:4');
    }
  });

  it('gives x86 and Arm entirely different xen_arch_domainconfig layouts', () => {
    for (const arch of ['x86_32', 'x86_64'] as const) {
      expect(fieldsAt(arch, 'xen_arch_domainconfig', '4.6')).toEqual(['dummy@0:1']);
      expect(fieldsAt(arch, 'xen_arch_domainconfig', '4.14')).toEqual(['emulation_flags@0:4']);
      expect(fieldsAt(arch, 'xen_arch_domainconfig', '4.22')).toEqual(['emulation_flags@0:4', 'misc_flags@4:4']);
      expect(layout(arch, 'xen_domctl_createdomain', '4.6').holes).toEqual([{ after: 'config', offset: 25, size: 3, bits: 24, tail: true }]);
    }
    for (const arch of ['arm32', 'arm64'] as const) {
      expect(fieldsAt(arch, 'xen_arch_domainconfig', '4.12')).toEqual(['gic_version@0:1', 'nr_spis@4:4', 'clock_frequency@8:4']);
      expect(layout(arch, 'xen_arch_domainconfig', '4.12').holes).toEqual([{ after: 'gic_version', offset: 1, size: 3, bits: 24, tail: false }]);
      expect(layout(arch, 'xen_arch_domainconfig', '4.17').holes).toEqual([{ after: 'gic_version', offset: 1, size: 1, bits: 8, tail: false }]);
      expect(layout(arch, 'xen_arch_domainconfig', '4.18')).toMatchObject({ size: 12, holes: [] });
      expect(layout(arch, 'xen_arch_domainconfig', '4.21')).toMatchObject({ size: 16, holes: [{ after: 'arm_sci_type', offset: 13, size: 3, tail: true }] });
      expect(fieldsAt(arch, 'xen_arch_domainconfig', '4.22')).toEqual([
        'gic_version@0:1', 'sve_vl@1:1', 'tee_type@2:2', 'nr_spis@4:4', 'clock_frequency@8:4', 'arm_sci_type@12:1', 'v8r_el1_msa@13:1', 'pad@14:2',
      ]);
    }
  });

  it('declares exactly the holes the layout engine finds, per release and arch', () => {
    for (const release of XEN_RELEASES) {
      const view = atRelease(model, release);
      for (const arch of ARCHES) {
        // Every domctl record on the architectures it exists on (cpuid, vcpu_msrs: x86; dt_overlay: Arm).
        for (const r of view.records.filter((x) => x.module === 'domctl' && (!x.archs || x.archs.includes(arch)))) {
          const found = new ArchLayout(view, arch).record(r.name).holes.map((h) => h.after);
          const declared = (r.holes ?? []).filter((h) => h.archs.includes(arch)).map((h) => h.after);
          expect([release, arch, r.name, ...found]).toEqual([release, arch, r.name, ...declared]);
        }
      }
    }
  });

  it('follows XEN_DOMCTL_INTERFACE_VERSION through every release and names it as the module version', () => {
    const versions = XEN_RELEASES.map((r) => Number(valueAt('XEN_DOMCTL_INTERFACE_VERSION', r)));
    expect(versions).toEqual([0x0b, 0x0b, 0x0c, 0x0d, 0x0e, 0x10, 0x11, 0x12, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x17, 0x17, 0x18]);
    expect(model.modules.find((m) => m.name === 'domctl')?.interfaceVersion).toEqual({ constant: 'XEN_DOMCTL_INTERFACE_VERSION' });
  });

  it('keeps the history of the XEN_DOMCTL_CDF_* flags', () => {
    expect([valueAt('XEN_DOMCTL_CDF_xs_domain', '4.8'), valueAt('XEN_DOMCTL_CDF_xs_domain', '4.9')]).toEqual(['32', '16']);
    expect([valueAt('_XEN_DOMCTL_CDF_xs_domain', '4.8'), valueAt('_XEN_DOMCTL_CDF_xs_domain', '4.9')]).toEqual(['5', '4']);
    const xsBits = (release: string) =>
      atRelease(model, release).sets.find((s) => s.name === 'XEN_DOMCTL_CDF')?.flags?.filter((f) => f.mask === 'XEN_DOMCTL_CDF_xs_domain').map((f) => f.bit);
    expect([xsBits('4.6'), xsBits('4.8'), xsBits('4.9'), xsBits('4.22')]).toEqual([[], [5], [4], [4]]);
    expect([valueAt('XEN_DOMCTL_CDF_pvh_guest', '4.8'), valueAt('XEN_DOMCTL_CDF_pvh_guest', '4.9')]).toEqual(['16', undefined]);
    expect([valueAt('XEN_DOMCTL_CDF_hvm_guest', '4.12'), valueAt('XEN_DOMCTL_CDF_hvm_guest', '4.13')]).toEqual(['1', undefined]);
    expect([valueAt('XEN_DOMCTL_CDF_hvm', '4.12'), valueAt('XEN_DOMCTL_CDF_hvm', '4.13')]).toEqual([undefined, '1']);
    const max = ['4.12', '4.13', '4.15', '4.16', '4.20', '4.21'].map((r) => valueAt('XEN_DOMCTL_CDF_MAX', r));
    expect(max).toEqual([undefined, '32', '64', '128', '128', '256']);
    const cdf = atRelease(model, '4.22').sets.find((s) => s.name === 'XEN_DOMCTL_CDF');
    expect(cdf?.field).toBe('xen_domctl_createdomain.flags');
    expect(cdf?.flags?.map((f) => f.mask)).toEqual([
      'XEN_DOMCTL_CDF_hvm', 'XEN_DOMCTL_CDF_hap', 'XEN_DOMCTL_CDF_s3_integrity', 'XEN_DOMCTL_CDF_oos_off', 'XEN_DOMCTL_CDF_xs_domain',
      'XEN_DOMCTL_CDF_iommu', 'XEN_DOMCTL_CDF_nested_virt', 'XEN_DOMCTL_CDF_vpmu', 'XEN_DOMCTL_CDF_trap_unmapped_accesses',
    ]);
  });

  it('keeps the arch-config constants on their own architecture', () => {
    const archsOf = (name: string) => model.constants.find((c) => c.name === name)?.archs;
    expect(archsOf('XEN_X86_EMU_VPCI')).toEqual(['x86_32', 'x86_64']);
    expect(archsOf('_XEN_X86_EMU_VPCI')).toEqual(['x86_32', 'x86_64']);
    expect(archsOf('XEN_DOMCTL_CONFIG_GIC_V3')).toEqual(['arm32', 'arm64']);
    expect(archsOf('XEN_DOMCTL_CONFIG_TEE_FFA')).toEqual(['arm32', 'arm64']);
    expect(['4.7', '4.9', '4.11'].map((r) => valueAt('XEN_X86_EMU_ALL', r))).toEqual(['511', '1023', '2047']);
  });
});

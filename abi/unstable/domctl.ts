/**
 * Domain creation, the part of the unstable domain-control interface (`XEN_DOMCTL_*`) that
 * xenabi covers: `struct xen_domctl_createdomain`, the per-architecture configuration it
 * embeds and the constants of their fields.
 *
 * Nothing here is a stable ABI. The layout changes in almost every release, and Xen
 * rejects a call whose interface version is not the one it was built with, so a caller
 * must be built for exactly one release. Xen only shows this header to tools builds
 * (`__XEN_TOOLS__`). `xen_arch_domainconfig` comes from Xen's architecture headers (tools
 * builds only); it is declared here because this is its only user in xenabi. The handle
 * type, `xen_domain_handle_t`, is the stable `xen` module's.
 */
import {
  ARM,
  X86,
  abiModule,
  array,
  constant,
  field,
  flag,
  flagSet,
  i32,
  i8,
  inlineStruct,
  pad,
  struct,
  typedef,
  u16,
  u32,
  u8,
  valueSet,
} from 'xenabi/dsl';
import { xen_domain_handle_t } from '../stable/xen.ts';

/** Xen declares these outside domctl.h: the arch configuration in the arch headers (tools builds only). */
const IN_X86_XEN_H = { header: 'arch-x86/xen.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_H__', archs: [...X86], tools: true };
const IN_ARCH_ARM_H = { header: 'arch-arm.h', guard: '__XEN_PUBLIC_ARCH_ARM_H__', archs: [...ARM], tools: true };

// ---- Per-architecture configuration ---------------------------------------------------------

export const xen_arch_domainconfig = struct('xen_arch_domainconfig', {
  since: '4.6',
  xenOrigin: [IN_X86_XEN_H, IN_ARCH_ARM_H],
  doc:
    'Architecture-specific settings for a new domain. The x86 and Arm versions share only the ' +
    'name: each field exists on one architecture family.',
  fields: [
    field('dummy', i8, {
      archs: [...X86],
      until: '4.7',
      doc: 'x86, before 4.7: a placeholder (a C `char`) that keeps the struct from being empty; carries nothing.',
    }),
    field('emulation_flags', u32, {
      archs: [...X86],
      since: '4.7',
      doc: 'x86: which devices Xen emulates for the domain, XEN_X86_EMU_* bits. Example: 0x7ff (XEN_X86_EMU_ALL).',
    }),
    field('misc_flags', u32, {
      archs: [...X86],
      since: '4.15',
      doc: 'x86: other behaviour switches, XEN_X86_MSR_RELAXED or 0. Example: 0.',
    }),
    field('gic_version', u8, {
      archs: [...ARM],
      doc: 'Arm, in and out: the interrupt controller to emulate, XEN_DOMCTL_CONFIG_GIC_*; Xen writes back the one it chose. Example: 2 (GICv3).',
    }),
    field('sve_vl', u8, {
      archs: [...ARM],
      since: '4.18',
      doc: 'Arm, in: the SVE vector length in units of 128 bits; 0 disables SVE. Example: 2 (256-bit vectors).',
    }),
    field('tee_type', u16, {
      archs: [...ARM],
      since: '4.13',
      doc: 'Arm, in: which trusted execution environment mediator the domain uses, XEN_DOMCTL_CONFIG_TEE_*. Example: 0.',
    }),
    field('nr_spis', u32, {
      archs: [...ARM],
      doc: 'Arm, in: how many shared peripheral interrupts the virtual interrupt controller has. Example: 32.',
    }),
    field('clock_frequency', u32, {
      archs: [...ARM],
      doc:
        'Arm, out: the timer frequency in Hz that the guest device tree must state, because firmware ' +
        'left the counter frequency register wrong; 0 when the host device tree gives none. Example: 0.',
    }),
    field('arm_sci_type', u8, {
      archs: [...ARM],
      since: '4.21',
      doc: 'Arm, in: which system control interface the domain gets, XEN_DOMCTL_CONFIG_ARM_SCI_*. Example: 0.',
    }),
    field('v8r_el1_msa', u8, {
      archs: [...ARM],
      since: '4.22',
      doc: 'Arm, in: the EL1 memory system of an Armv8-R guest, XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_*. Example: 0.',
    }),
    pad('pad', u16, { archs: [...ARM], since: '4.22', doc: 'Arm: reserved; must be zero.' }),
  ],
  holes: [
    {
      after: 'gic_version',
      archs: [...ARM],
      until: '4.18',
      reason: 'the next field is 4-byte (before 4.13) or 2-byte (4.13 to 4.17) aligned; sve_vl fills the byte from 4.18',
    },
    {
      after: 'arm_sci_type',
      archs: [...ARM],
      since: '4.21',
      until: '4.22',
      reason: 'tail padding to the 4-byte alignment; v8r_el1_msa and pad fill it from 4.22',
    },
  ],
});

export const XEN_X86_EMU = flagSet('XEN_X86_EMU', {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.7',
  archs: [...X86],
  field: 'xen_arch_domainconfig.emulation_flags',
  doc: 'Devices Xen can emulate for an x86 domain.',
  flags: [
    flag('XEN_X86_EMU_LAPIC', 0, { bitConstant: '_XEN_X86_EMU_LAPIC', since: '4.7', archs: [...X86], doc: 'Local APICs.' }),
    flag('XEN_X86_EMU_HPET', 1, { bitConstant: '_XEN_X86_EMU_HPET', since: '4.7', archs: [...X86], doc: 'The HPET timer.' }),
    flag('XEN_X86_EMU_PM', 2, { bitConstant: '_XEN_X86_EMU_PM', since: '4.7', archs: [...X86], doc: 'ACPI power-management timer and registers.' }),
    flag('XEN_X86_EMU_RTC', 3, { bitConstant: '_XEN_X86_EMU_RTC', since: '4.7', archs: [...X86], doc: 'The real-time clock.' }),
    flag('XEN_X86_EMU_IOAPIC', 4, { bitConstant: '_XEN_X86_EMU_IOAPIC', since: '4.7', archs: [...X86], doc: 'The IO-APIC.' }),
    flag('XEN_X86_EMU_PIC', 5, { bitConstant: '_XEN_X86_EMU_PIC', since: '4.7', archs: [...X86], doc: 'The legacy 8259 interrupt controllers.' }),
    flag('XEN_X86_EMU_VGA', 6, { bitConstant: '_XEN_X86_EMU_VGA', since: '4.7', archs: [...X86], doc: 'Standard VGA.' }),
    flag('XEN_X86_EMU_IOMMU', 7, { bitConstant: '_XEN_X86_EMU_IOMMU', since: '4.7', archs: [...X86], doc: 'A virtual IOMMU.' }),
    flag('XEN_X86_EMU_PIT', 8, { bitConstant: '_XEN_X86_EMU_PIT', since: '4.7', archs: [...X86], doc: 'The 8254 interval timer.' }),
    flag('XEN_X86_EMU_USE_PIRQ', 9, {
      bitConstant: '_XEN_X86_EMU_USE_PIRQ',
      since: '4.9',
      archs: [...X86],
      doc: 'Let the guest route interrupts through event channels (PIRQs).',
    }),
    flag('XEN_X86_EMU_VPCI', 10, { bitConstant: '_XEN_X86_EMU_VPCI', since: '4.11', archs: [...X86], doc: 'PCI config space handled by Xen (vPCI).' }),
  ],
});

export const XEN_X86_EMU_ALL = constant('XEN_X86_EMU_ALL', 0x1ff, {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.7',
  archs: [...X86],
  history: [
    { since: '4.9', value: 0x3ff },
    { since: '4.11', value: 0x7ff },
  ],
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'All XEN_X86_EMU_* bits of the release OR-ed together. Example: 0x7ff from 4.11.',
});

export const XEN_X86_misc_flags = flagSet('XEN_X86_misc_flags', {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.15',
  archs: [...X86],
  field: 'xen_arch_domainconfig.misc_flags',
  doc: 'Other switches of an x86 domain.',
  flags: [
    flag('XEN_X86_MSR_RELAXED', 0, {
      since: '4.15',
      archs: [...X86],
      doc: 'Treat guest accesses to MSRs that Xen does not handle leniently instead of injecting #GP; the real MSR stays out of reach either way.',
    }),
  ],
});

export const XEN_X86_MISC_FLAGS_MAX = constant('XEN_X86_MISC_FLAGS_MAX', 0x1, {
  xenOrigin: [IN_X86_XEN_H],
  since: '4.17',
  archs: [...X86],
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The highest misc_flags bit of the release, for range checks.',
});

export const XEN_DOMCTL_CONFIG_GIC = valueSet('XEN_DOMCTL_CONFIG_GIC', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.6',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.gic_version',
  doc: 'The interrupt controller an Arm domain gets.',
  values: [
    constant('XEN_DOMCTL_CONFIG_GIC_NATIVE', 0, { since: '4.6', archs: [...ARM], doc: 'The same version as the host.' }),
    constant('XEN_DOMCTL_CONFIG_GIC_V2', 1, { since: '4.6', archs: [...ARM], doc: 'GICv2.' }),
    constant('XEN_DOMCTL_CONFIG_GIC_V3', 2, { since: '4.6', archs: [...ARM], doc: 'GICv3.' }),
  ],
});

export const XEN_DOMCTL_CONFIG_TEE = valueSet('XEN_DOMCTL_CONFIG_TEE', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.13',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.tee_type',
  doc: 'The trusted execution environment an Arm domain may talk to through Xen.',
  values: [
    constant('XEN_DOMCTL_CONFIG_TEE_NONE', 0, { since: '4.13', archs: [...ARM], doc: 'None.' }),
    constant('XEN_DOMCTL_CONFIG_TEE_OPTEE', 1, { since: '4.13', archs: [...ARM], doc: 'OP-TEE.' }),
    constant('XEN_DOMCTL_CONFIG_TEE_FFA', 2, { since: '4.18', archs: [...ARM], doc: 'Firmware Framework for Arm (FF-A) partitions.' }),
  ],
});

export const XEN_DOMCTL_CONFIG_ARM_SCI = valueSet('XEN_DOMCTL_CONFIG_ARM_SCI', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.21',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.arm_sci_type',
  doc: 'The system control interface an Arm domain uses to manage clocks, power and resets.',
  values: [
    constant('XEN_DOMCTL_CONFIG_ARM_SCI_NONE', 0, { since: '4.21', archs: [...ARM], doc: 'None.' }),
    constant('XEN_DOMCTL_CONFIG_ARM_SCI_SCMI_SMC', 1, {
      since: '4.21',
      archs: [...ARM],
      doc: 'SCMI messages passed to firmware through SMC calls.',
    }),
  ],
});

export const XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA = valueSet('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA', {
  xenOrigin: [IN_ARCH_ARM_H],
  since: '4.22',
  archs: [...ARM],
  field: 'xen_arch_domainconfig.v8r_el1_msa',
  doc: 'The memory system architecture an Armv8-R guest runs at EL1.',
  values: [
    constant('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_NONE', 0, { since: '4.22', archs: [...ARM], doc: 'Not an Armv8-R guest.' }),
    constant('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_PMSA', 1, { since: '4.22', archs: [...ARM], doc: 'A protected memory system (MPU).' }),
    constant('XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA_VMSA', 2, { since: '4.22', archs: [...ARM], doc: 'A virtual memory system (MMU).' }),
  ],
});

// ---- Domain creation ------------------------------------------------------------------------

export const XEN_DOMCTL_INTERFACE_VERSION = constant('XEN_DOMCTL_INTERFACE_VERSION', 0x0b, {
  since: '4.6',
  history: [
    { since: '4.8', value: 0x0c },
    { since: '4.9', value: 0x0d },
    { since: '4.10', value: 0x0e },
    { since: '4.11', value: 0x10 },
    { since: '4.12', value: 0x11 },
    { since: '4.13', value: 0x12 },
    { since: '4.15', value: 0x13 },
    { since: '4.16', value: 0x14 },
    { since: '4.17', value: 0x15 },
    { since: '4.18', value: 0x16 },
    { since: '4.19', value: 0x17 },
    { since: '4.22', value: 0x18 },
  ],
  spelling: 'hex',
  doc: 'The domctl interface version a caller must pass; Xen refuses every other. Example: 0x15 for 4.17.',
});

export const xen_domctl_createdomain = struct('xen_domctl_createdomain', {
  since: '4.6',
  doc: 'Argument of XEN_DOMCTL_createdomain: everything fixed when a domain is created.',
  fields: [
    field('ssidref', u32, { doc: 'In: the security label (XSM/Flask SID) of the domain. Example: 0.' }),
    field('handle', xen_domain_handle_t, { doc: 'In: the tag the toolstack identifies the domain by. Example: its UUID.' }),
    field('flags', u32, { doc: 'In: XEN_DOMCTL_CDF_* bits. Example: 0x3 (HVM with HAP).' }),
    field('iommu_opts', u32, { since: '4.13', doc: 'In: XEN_DOMCTL_IOMMU_* bits. Example: 0.' }),
    field('max_vcpus', u32, { since: '4.12', doc: 'In: the most vCPUs the domain may ever have. Example: 4.' }),
    field('max_evtchn_port', u32, { since: '4.12', doc: 'In: the highest event channel port the domain may use. Example: 1023.' }),
    field('max_grant_frames', u32, {
      since: '4.12',
      until: '4.13',
      doc: 'In: the most grant-table frames the domain may have; signed from 4.13.',
    }),
    field('max_grant_frames', i32, {
      since: '4.13',
      doc: 'In: the most grant-table frames the domain may have; a negative value takes the hypervisor default. Example: 64.',
    }),
    field('max_maptrack_frames', u32, {
      since: '4.12',
      until: '4.13',
      doc: 'In: the most frames for tracking grants the domain maps; signed from 4.13.',
    }),
    field('max_maptrack_frames', i32, {
      since: '4.13',
      doc: 'In: the most frames for tracking grants the domain maps; a negative value takes the hypervisor default. Example: 1024.',
    }),
    field('grant_opts', u32, {
      since: '4.16',
      doc: 'In: grant-table options; the bits under XEN_DOMCTL_GRANT_version_mask give the highest grant version. Example: 2.',
    }),
    field('altp2m_opts', u32, {
      since: '4.19',
      until: '4.21',
      doc: 'In: alternate-p2m options, a XEN_DOMCTL_ALTP2M_* mode in the low bits; became the `altp2m` struct in 4.21.',
    }),
    field(
      'altp2m',
      inlineStruct({
        since: '4.21',
        doc: 'Alternate-p2m settings of the domain.',
        fields: [
          field('opts', u16, { doc: 'In: a XEN_DOMCTL_ALTP2M_* mode in the low bits; 0 disables altp2m. Example: 2.' }),
          field('nr', u16, { doc: 'In: how many alternate p2m views to allow. Example: 10.' }),
        ],
      }),
      { since: '4.21', doc: 'In: alternate-p2m settings.' },
    ),
    field('vmtrace_size', u32, { since: '4.15', doc: 'In: bytes of processor trace buffer per vCPU; 0 disables tracing. Example: 65536.' }),
    field('cpupool_id', u32, { since: '4.17', doc: 'In: the CPU pool the domain starts in; 0 is the default pool. Example: 0.' }),
    field('config', xen_arch_domainconfig, { until: '4.11', doc: 'In/out: the architecture settings; renamed `arch` in 4.11.' }),
    field('arch', xen_arch_domainconfig, { since: '4.11', doc: 'In/out: the architecture settings.' }),
  ],
  holes: [
    {
      after: 'config',
      archs: [...X86],
      until: '4.7',
      reason: 'tail padding: the x86 configuration was a single char before 4.7',
    },
  ],
});

export const XEN_DOMCTL_CDF = flagSet('XEN_DOMCTL_CDF', {
  since: '4.6',
  field: 'xen_domctl_createdomain.flags',
  doc: 'Properties of a new domain.',
  flags: [
    flag('XEN_DOMCTL_CDF_hvm_guest', 0, {
      bitConstant: '_XEN_DOMCTL_CDF_hvm_guest',
      since: '4.6',
      until: '4.13',
      doc: 'A fully virtualised (HVM) guest; renamed XEN_DOMCTL_CDF_hvm in 4.13.',
    }),
    flag('XEN_DOMCTL_CDF_hvm', 0, {
      bitConstant: '_XEN_DOMCTL_CDF_hvm',
      since: '4.13',
      doc: 'A fully virtualised (HVM or PVH) guest rather than a PV one.',
    }),
    flag('XEN_DOMCTL_CDF_hap', 1, {
      bitConstant: '_XEN_DOMCTL_CDF_hap',
      since: '4.6',
      doc: 'Use hardware-assisted paging when the host has it.',
    }),
    flag('XEN_DOMCTL_CDF_s3_integrity', 2, {
      bitConstant: '_XEN_DOMCTL_CDF_s3_integrity',
      since: '4.6',
      doc: 'Have tboot check the domain memory across S3 suspend.',
    }),
    flag('XEN_DOMCTL_CDF_oos_off', 3, {
      bitConstant: '_XEN_DOMCTL_CDF_oos_off',
      since: '4.6',
      doc: 'Keep shadow page tables in sync (no out-of-sync optimisation).',
    }),
    flag('XEN_DOMCTL_CDF_pvh_guest', 4, {
      bitConstant: '_XEN_DOMCTL_CDF_pvh_guest',
      since: '4.6',
      until: '4.9',
      doc: 'The first, PV-based PVH mode; removed in 4.9.',
    }),
    // Renumbered in 4.9: one declaration per numbering, each with its own lifetime.
    flag('XEN_DOMCTL_CDF_xs_domain', 5, {
      bitConstant: '_XEN_DOMCTL_CDF_xs_domain',
      since: '4.7',
      until: '4.9',
      doc: 'The domain runs xenstore. Bit 5 in 4.7 and 4.8; bit 4 from 4.9, once pvh_guest had left it free.',
    }),
    flag('XEN_DOMCTL_CDF_xs_domain', 4, {
      bitConstant: '_XEN_DOMCTL_CDF_xs_domain',
      since: '4.9',
      doc: 'The domain runs xenstore (bit 5 in 4.7 and 4.8).',
    }),
    flag('XEN_DOMCTL_CDF_iommu', 5, {
      bitConstant: '_XEN_DOMCTL_CDF_iommu',
      since: '4.13',
      doc: 'The domain may use the IOMMU, so devices can be passed through to it.',
    }),
    flag('XEN_DOMCTL_CDF_nested_virt', 6, {
      bitConstant: '_XEN_DOMCTL_CDF_nested_virt',
      since: '4.15',
      doc: 'Offer nested virtualisation to the guest.',
    }),
    flag('XEN_DOMCTL_CDF_vpmu', 7, { since: '4.16', doc: 'Expose the virtual performance monitoring unit.' }),
    flag('XEN_DOMCTL_CDF_trap_unmapped_accesses', 8, {
      since: '4.21',
      doc: 'Trap guest accesses to guest physical addresses with nothing mapped.',
    }),
  ],
});

export const XEN_DOMCTL_CDF_MAX = constant('XEN_DOMCTL_CDF_MAX', 0x20, {
  since: '4.13',
  history: [
    { since: '4.15', value: 0x40 },
    { since: '4.16', value: 0x80 },
    { since: '4.21', value: 0x100 },
  ],
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The highest XEN_DOMCTL_CDF_* flag of the release, for range checks. Example: 0x80 in 4.16 to 4.20.',
});

export const XEN_DOMCTL_IOMMU = flagSet('XEN_DOMCTL_IOMMU', {
  since: '4.13',
  field: 'xen_domctl_createdomain.iommu_opts',
  doc: 'IOMMU options of a new domain.',
  flags: [
    flag('XEN_DOMCTL_IOMMU_no_sharept', 0, {
      bitConstant: '_XEN_DOMCTL_IOMMU_no_sharept',
      since: '4.13',
      doc: 'Give the IOMMU its own page tables instead of sharing the CPU second-stage ones.',
    }),
  ],
});

export const XEN_DOMCTL_IOMMU_MAX = constant('XEN_DOMCTL_IOMMU_MAX', 0x1, {
  since: '4.13',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The highest XEN_DOMCTL_IOMMU_* flag, for range checks.',
});

export const XEN_DOMCTL_GRANT_version_mask = constant('XEN_DOMCTL_GRANT_version_mask', 0xf, {
  since: '4.16',
  spelling: 'hex',
  doc: 'The bits of grant_opts that hold the highest grant-table version the domain may use. Example: 0xf.',
});

export const XEN_DOMCTL_ALTP2M = valueSet('XEN_DOMCTL_ALTP2M', {
  since: '4.19',
  doc:
    'Alternate-p2m modes, in the bits under XEN_DOMCTL_ALTP2M_mode_mask of xen_domctl_createdomain.altp2m_opts ' +
    '(4.19 and 4.20) or xen_domctl_createdomain.altp2m.opts (from 4.21).',
  values: [
    constant('XEN_DOMCTL_ALTP2M_mixed', 1, {
      since: '4.19',
      cType: 'unsigned int',
      doc: 'Both the guest and an external agent may manage the views.',
    }),
    constant('XEN_DOMCTL_ALTP2M_external', 2, {
      since: '4.19',
      cType: 'unsigned int',
      doc: 'Only an external agent manages the views.',
    }),
    constant('XEN_DOMCTL_ALTP2M_limited', 3, {
      since: '4.19',
      cType: 'unsigned int',
      doc: 'An external agent manages the views; the guest may only switch between them.',
    }),
  ],
});

export const XEN_DOMCTL_ALTP2M_mode_mask = constant('XEN_DOMCTL_ALTP2M_mode_mask', 0x3, {
  since: '4.19',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'The bits of the altp2m options that hold the XEN_DOMCTL_ALTP2M_* mode.',
});

export default abiModule({
  name: 'domctl',
  xenHeader: 'domctl.h',
  xenGuard: '__XEN_PUBLIC_DOMCTL_H__',
  coverage: 'partial',
  doc: 'Domain creation from the unstable domctl interface: xen_domctl_createdomain and what it embeds.',
  interfaceVersion: XEN_DOMCTL_INTERFACE_VERSION,
  items: [
    xen_arch_domainconfig,
    XEN_X86_EMU,
    XEN_X86_EMU_ALL,
    XEN_X86_misc_flags,
    XEN_X86_MISC_FLAGS_MAX,
    XEN_DOMCTL_CONFIG_GIC,
    XEN_DOMCTL_CONFIG_TEE,
    XEN_DOMCTL_CONFIG_ARM_SCI,
    XEN_DOMCTL_CONFIG_ARM_V8R_EL1_MSA,
    XEN_DOMCTL_INTERFACE_VERSION,
    xen_domctl_createdomain,
    XEN_DOMCTL_CDF,
    XEN_DOMCTL_CDF_MAX,
    XEN_DOMCTL_IOMMU,
    XEN_DOMCTL_IOMMU_MAX,
    XEN_DOMCTL_GRANT_version_mask,
    XEN_DOMCTL_ALTP2M,
    XEN_DOMCTL_ALTP2M_mode_mask,
  ],
});

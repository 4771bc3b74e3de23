/**
 * x86-specific domctl payloads: the hypercall page, CPUID and MSR policy, TSC mode, extended
 * (XSAVE) state, MSRs of a vCPU, and Intel resource-director (PSR) controls.
 */
import { array, constant, field, handle64, pad, struct, u32, u64, uint64_aligned_t, valueSet } from 'xenabi/dsl';

export const xen_domctl_hypercall_init = struct('xen_domctl_hypercall_init', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_hypercall_init: have Xen write the hypercall trampolines into a guest page.',
  fields: [
    field('gmfn', uint64_aligned_t, { doc: 'IN: the guest frame to fill. Example: 0xfeff0.' }),
  ]
});

export const xen_domctl_cpuid = struct('xen_domctl_cpuid', {
  since: '4.6',
  until: '4.13',
  doc: 'Payload of XEN_DOMCTL_set_cpuid (until 4.13): one CPUID leaf of the domain\'s policy.',
  archs: ['x86_32', 'x86_64'],
  fields: [
    field('input', array(u32, 2), { doc: 'IN: the leaf and the subleaf, XEN_CPUID_INPUT_UNUSED for a leaf without subleaves.' }),
    field('eax', u32, { doc: 'IN: the EAX the guest reads.' }),
    field('ebx', u32, { doc: 'IN: the EBX the guest reads.' }),
    field('ecx', u32, { doc: 'IN: the ECX the guest reads.' }),
    field('edx', u32, { doc: 'IN: the EDX the guest reads.' }),
  ]
});

export const XEN_CPUID_INPUT_UNUSED = constant('XEN_CPUID_INPUT_UNUSED', 0xffffffff, { since: '4.6', cType: 'unsigned int', spelling: 'hex', archs: ['x86_32', 'x86_64'], doc: 'The subleaf of xen_domctl_cpuid.input for a leaf that has none.' });

export const xen_domctl_tsc_info = struct('xen_domctl_tsc_info', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_gettscinfo and XEN_DOMCTL_settscinfo: how the domain\'s TSC behaves, saved and restored across migration.',
  fields: [
    field('tsc_mode', u32, { doc: 'IN/OUT: the TSC mode (native, always emulated, ...). Example: 0.' }),
    field('gtsc_khz', u32, { doc: 'IN/OUT: the TSC frequency the guest sees, in kHz. Example: 2400000.' }),
    field('incarnation', u32, { doc: 'IN/OUT: how many times the domain was migrated or restored.' }),
    pad('pad', u32, { doc: 'Reserved; must be zero.' }),
    field('elapsed_nsec', uint64_aligned_t, { doc: 'IN/OUT: nanoseconds the domain has run, across migrations. Example: 120000000000.' }),
  ]
});

export const xen_domctl_vcpuextstate = struct('xen_domctl_vcpuextstate', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_setvcpuextstate and XEN_DOMCTL_getvcpuextstate: a vCPU\'s XSAVE state.',
  archs: ['x86_32', 'x86_64'],
  holes: [
    { after: 'vcpu', archs: ['x86_32', 'x86_64'], reason: 'the compiler aligns the next member, `xfeature_mask`' },
  ],
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    field('xfeature_mask', uint64_aligned_t, { doc: 'IN (set) or OUT (get): the XSAVE features the state covers (XCR0). Example: 0x7.' }),
    field('size', uint64_aligned_t, { doc: 'IN: the size of the buffer; OUT (get): the size needed, when the buffer is null. Example: 1088.' }),
    field('buffer', handle64('uint64', 'uint64_t'), { doc: 'IN (set) or OUT (get): the state.' }),
  ]
});

export const xen_domctl_vcpu_msr = struct('xen_domctl_vcpu_msr', {
  typedef: 'xen_domctl_vcpu_msr_t',
  since: '4.6',
  doc: 'One MSR of a vCPU, in the list of xen_domctl_vcpu_msrs.',
  archs: ['x86_32', 'x86_64'],
  fields: [
    field('index', u32, { doc: 'IN/OUT: the MSR index. Example: 0xc0000103 (TSC_AUX).' }),
    field('reserved', u32, { doc: 'Reserved; must be zero.' }),
    field('value', uint64_aligned_t, { doc: 'IN (set) or OUT (get): its value.' }),
  ]
});

export const xen_domctl_vcpu_msrs = struct('xen_domctl_vcpu_msrs', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_get_vcpu_msrs and XEN_DOMCTL_set_vcpu_msrs: the MSRs of a vCPU that migration carries.',
  archs: ['x86_32', 'x86_64'],
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    field('msr_count', u32, { doc: 'IN: the capacity (get) or length (set) of the list. OUT (get): the entries written, or needed. Example: 4.' }),
    field('msrs', handle64(xen_domctl_vcpu_msr), { doc: 'IN (set) or OUT (get): the list.' }),
  ]
});

export const xen_domctl_psr_cmt_op = struct('xen_domctl_psr_cmt_op', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_psr_cmt_op: Intel cache monitoring for a domain.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_DOMCTL_PSR_CMT_OP_* command.' }),
    field('data', u32, { doc: 'OUT (QUERY_RMID): the resource monitoring ID of the domain. Example: 3.' }),
  ]
});

export const XEN_DOMCTL_PSR_CMT_OP = valueSet('XEN_DOMCTL_PSR_CMT_OP', {
  since: '4.6',
  field: 'xen_domctl_psr_cmt_op.cmd',
  doc: 'The commands of XEN_DOMCTL_psr_cmt_op.',
  values: [
    constant('XEN_DOMCTL_PSR_CMT_OP_DETACH', 0, { since: '4.6', doc: 'Stop monitoring the domain and free its monitoring ID.' }),
    constant('XEN_DOMCTL_PSR_CMT_OP_ATTACH', 1, { since: '4.6', doc: 'Start monitoring the domain with a new monitoring ID.' }),
    constant('XEN_DOMCTL_PSR_CMT_OP_QUERY_RMID', 2, { since: '4.6', doc: 'Read the domain\'s monitoring ID.' }),
  ],
});

export const xen_domctl_psr_cat_op = struct('xen_domctl_psr_cat_op', {
  since: '4.6',
  until: '4.11',
  doc: 'Payload of XEN_DOMCTL_psr_cat_op (until 4.11, then xen_domctl_psr_alloc): Intel cache allocation for a domain.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_DOMCTL_PSR_CAT_OP_* command.' }),
    field('target', u32, { doc: 'IN: the cache (socket) the command is for. Example: 0.' }),
    field('data', u64, { doc: 'IN (set) or OUT (get): the capacity bitmask. Example: 0xff.' }),
  ]
});

export const XEN_DOMCTL_PSR_CAT_OP = valueSet('XEN_DOMCTL_PSR_CAT_OP', {
  since: '4.6',
  until: '4.11',
  field: 'xen_domctl_psr_cat_op.cmd',
  doc: 'The commands of XEN_DOMCTL_psr_cat_op.',
  values: [
    constant('XEN_DOMCTL_PSR_CAT_OP_SET_L3_CBM', 0, { since: '4.6', until: '4.11', doc: 'Set the L3 capacity bitmask.' }),
    constant('XEN_DOMCTL_PSR_CAT_OP_GET_L3_CBM', 1, { since: '4.6', until: '4.11', doc: 'Read the L3 capacity bitmask.' }),
    constant('XEN_DOMCTL_PSR_CAT_OP_SET_L3_CODE', 2, { since: '4.7', until: '4.11', doc: 'Set the L3 mask for code (with code/data prioritisation).' }),
    constant('XEN_DOMCTL_PSR_CAT_OP_SET_L3_DATA', 3, { since: '4.7', until: '4.11', doc: 'Set the L3 mask for data.' }),
    constant('XEN_DOMCTL_PSR_CAT_OP_GET_L3_CODE', 4, { since: '4.7', until: '4.11', doc: 'Read the L3 mask for code.' }),
    constant('XEN_DOMCTL_PSR_CAT_OP_GET_L3_DATA', 5, { since: '4.7', until: '4.11', doc: 'Read the L3 mask for data.' }),
    constant('XEN_DOMCTL_PSR_CAT_OP_SET_L2_CBM', 6, { since: '4.10', until: '4.11', doc: 'Set the L2 capacity bitmask.' }),
    constant('XEN_DOMCTL_PSR_CAT_OP_GET_L2_CBM', 7, { since: '4.10', until: '4.11', doc: 'Read the L2 capacity bitmask.' }),
  ],
});

export const xen_domctl_psr_alloc = struct('xen_domctl_psr_alloc', {
  since: '4.11',
  doc: 'Payload of XEN_DOMCTL_psr_alloc: Intel cache and memory-bandwidth allocation for a domain.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_DOMCTL_PSR_* command.' }),
    field('target', u32, { doc: 'IN: the socket the command is for. Example: 0.' }),
    field('data', u64, { doc: 'IN (set) or OUT (get): the bitmask or throttling value.' }),
  ]
});

export const XEN_DOMCTL_PSR = valueSet('XEN_DOMCTL_PSR', {
  since: '4.11',
  field: 'xen_domctl_psr_alloc.cmd',
  doc: 'The commands of XEN_DOMCTL_psr_alloc.',
  values: [
    constant('XEN_DOMCTL_PSR_SET_L3_CBM', 0, { since: '4.11', doc: 'Set the L3 capacity bitmask.' }),
    constant('XEN_DOMCTL_PSR_GET_L3_CBM', 1, { since: '4.11', doc: 'Read the L3 capacity bitmask.' }),
    constant('XEN_DOMCTL_PSR_SET_L3_CODE', 2, { since: '4.11', doc: 'Set the L3 mask for code.' }),
    constant('XEN_DOMCTL_PSR_SET_L3_DATA', 3, { since: '4.11', doc: 'Set the L3 mask for data.' }),
    constant('XEN_DOMCTL_PSR_GET_L3_CODE', 4, { since: '4.11', doc: 'Read the L3 mask for code.' }),
    constant('XEN_DOMCTL_PSR_GET_L3_DATA', 5, { since: '4.11', doc: 'Read the L3 mask for data.' }),
    constant('XEN_DOMCTL_PSR_SET_L2_CBM', 6, { since: '4.11', doc: 'Set the L2 capacity bitmask.' }),
    constant('XEN_DOMCTL_PSR_GET_L2_CBM', 7, { since: '4.11', doc: 'Read the L2 capacity bitmask.' }),
    constant('XEN_DOMCTL_PSR_SET_MBA_THRTL', 8, { since: '4.11', doc: 'Set the memory-bandwidth throttling value.' }),
    constant('XEN_DOMCTL_PSR_GET_MBA_THRTL', 9, { since: '4.11', doc: 'Read the memory-bandwidth throttling value.' }),
  ],
});

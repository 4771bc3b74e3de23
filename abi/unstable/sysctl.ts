/**
 * The system-control interface (`__HYPERVISOR_sysctl`, `XEN_SYSCTL_*`): host-wide queries and
 * settings for the toolstack. It describes the host (physinfo, CPU and NUMA topology, PCI device
 * nodes, CPU featuresets and policies), reads the console ring, trace buffers, performance and
 * lock counters and code coverage, runs CPU pools and their schedulers, CPU hotplug, frequency
 * scaling and idle states, page offlining, live patching and (Arm) device-tree overlays.
 *
 * Nothing here is a stable ABI. Every call carries XEN_SYSCTL_INTERFACE_VERSION and Xen refuses
 * any other, so a caller is built for one release; the version went from 0x0c (4.6) to 0x16
 * (4.21 and 4.22). Xen shows the header to tools builds (`__XEN_TOOLS__`) only.
 *
 * Coverage is partial, and says so. Not declared: the transcendent-memory operation
 * (XEN_SYSCTL_tmem_op, until 4.13), whose payload took six layouts between 4.6 and 4.12 and
 * needs records of tmem.h, a header the registry lacks; and xen_sysctl_cpu_policy before 4.18,
 * on purpose: Xen renamed its two handles in point releases (4.14.6, 4.15.5, 4.16.5, 4.17.2)
 * without changing a byte, so no declaration under 4.12–4.17 is right for a whole series (see
 * "Point releases" in docs/verify.md).
 * XEN_SYSCTL_coverage_op and its read and reset commands are declared over two runs of releases,
 * 4.6–4.8 and from 4.11: Xen dropped the names in 4.9 and 4.10 (gcov_op took the op number) and
 * brought them back in 4.11. Its 4.6–4.8 payload is not declared: `xen_sysctl_coverage_op` then
 * held a command and a union of a size and a byte handle, and came back in 4.11 with another
 * layout, but a record, unlike a constant, has one declaration over one unbroken run of releases
 * (validation refuses a second one, rule `record-runs`), so the first layout waits for records
 * that can be declared over two runs.
 * `xenctl_bitmap`, from Xen's `xen.h` (tools
 * builds only), is the stable `xen_guest` module's, so that sysctl.h needs no domctl
 * interface version.
 */
import { abiModule, array, c_char, constant, field, flag, flagSet, handle, handle64, i32, inlineStruct, inlineUnion, op, opSet, pad, stringConstant, struct, typedef, u16, u32, u64, u8, uint64_aligned_t, valueSet } from 'xenabi/dsl';
import { domid_t, xen_domain_handle_t } from '../stable/xen.ts';
import { xenctl_bitmap } from '../stable/xen_guest.ts';

export const xen_sysctl_readconsole = struct('xen_sysctl_readconsole', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_readconsole: read from the hypervisor\'s console ring buffer.',
  holes: [
    { after: 'count', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of the record' },
  ],
  fields: [
    field('clear', u8, { doc: 'IN: non-zero to empty the ring after reading. Example: 0.' }),
    field('incremental', u8, { doc: 'IN: non-zero to start at `index` instead of the oldest byte still held. Example: 1.' }),
    pad('pad0', u8, { doc: 'Reserved; zero.' }),
    pad('pad1', u8, { doc: 'Reserved; zero.' }),
    field('index', u32, { doc: 'IN (incremental reads): the ring position to start at. OUT: the position after the last byte read, for the next incremental read.' }),
    field('buffer', handle64('char', 'char'), { doc: 'IN: where to write the text.' }),
    field('count', u32, { doc: 'IN: the size of `buffer`. OUT: how many bytes were written. Example: 16384.' }),
  ]
});

export const xen_sysctl_tbuf_op = struct('xen_sysctl_tbuf_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_tbuf_op: control the hypervisor\'s trace buffers (xentrace).',
  holes: [
    { after: 'cmd', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'cpu_mask holds a 64-bit handle and is 8-byte aligned' },
    { after: 'evt_mask', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
    { after: 'size', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of the record' },
  ],
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_SYSCTL_TBUFOP_* command. Example: 0 (get_info).' }),
    field('cpu_mask', xenctl_bitmap, { doc: 'IN (set_cpu_mask): the physical CPUs to trace.' }),
    field('evt_mask', u32, { doc: 'IN (set_evt_mask): the trace event classes to record, TRC_* class bits.' }),
    field('buffer_mfn', uint64_aligned_t, { doc: 'OUT (get_info): the machine frame of the trace buffer metadata, for the tool to map.' }),
    field('size', u32, { doc: 'IN (set_size): pages per CPU buffer. OUT (get_info): the size of each CPU\'s buffer in bytes.' }),
  ]
});

export const xen_sysctl_physinfo = struct('xen_sysctl_physinfo', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_physinfo: the host\'s processors, memory and capabilities.',
  holes: [
    { after: 'cpu_khz', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.10', reason: 'total_pages is 8-byte aligned (capabilities sat at the end until 4.10)' },
    { after: 'capabilities', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], until: '4.10', reason: 'tail padding to the 8-byte alignment of the record' },
  ],
  fields: [
    field('threads_per_core', u32, { doc: 'OUT: hardware threads per core. Example: 2.' }),
    field('cores_per_socket', u32, { doc: 'OUT: cores per socket. Example: 8.' }),
    field('nr_cpus', u32, { doc: 'OUT: physical CPUs online. Example: 16.' }),
    field('max_cpu_id', u32, { doc: 'OUT: the highest physical CPU number Xen may use, for sizing per-CPU arrays. Example: 15.' }),
    field('nr_nodes', u32, { doc: 'OUT: NUMA nodes online. Example: 1.' }),
    field('max_node_id', u32, { doc: 'OUT: the highest NUMA node number, for sizing per-node arrays. Example: 0.' }),
    field('cpu_khz', u32, { doc: 'OUT: the CPU clock in kHz. Example: 2400000.' }),
    field('total_pages', uint64_aligned_t, { until: '4.10', doc: 'OUT: pages of RAM Xen manages. Example: 4194304 (16 GiB).' }),
    field('free_pages', uint64_aligned_t, { until: '4.10', doc: 'OUT: pages not allocated to anything.' }),
    field('scrub_pages', uint64_aligned_t, { until: '4.10', doc: 'OUT: freed pages still waiting to be scrubbed.' }),
    field('outstanding_pages', uint64_aligned_t, { until: '4.10', doc: 'OUT: pages claimed for domains under construction but not yet allocated.' }),
    field('hw_cap', array(u32, 8), { until: '4.10', doc: 'OUT: the CPU feature words of the host (x86 featureset words); zero on Arm.' }),
    field('capabilities', u32, { doc: 'OUT: XEN_SYSCTL_PHYSCAP_* bits. Example: 0x3 (HVM and PV).' }),
    field('arch_capabilities', u32, { since: '4.17', doc: 'OUT: architecture-specific capabilities; on Arm the largest SVE vector length under XEN_SYSCTL_PHYSCAP_ARM_SVE_MASK. Example: 0.' }),
    pad('pad', u32, { since: '4.17', doc: 'Reserved; zero.' }),
    field('total_pages', uint64_aligned_t, { since: '4.10', doc: 'OUT: pages of RAM Xen manages. Example: 4194304 (16 GiB).' }),
    field('free_pages', uint64_aligned_t, { since: '4.10', doc: 'OUT: pages not allocated to anything.' }),
    field('scrub_pages', uint64_aligned_t, { since: '4.10', doc: 'OUT: freed pages still waiting to be scrubbed.' }),
    field('outstanding_pages', uint64_aligned_t, { since: '4.10', doc: 'OUT: pages claimed for domains under construction but not yet allocated.' }),
    field('max_mfn', uint64_aligned_t, { since: '4.10', doc: 'OUT: the highest machine frame number of the host.' }),
    field('hw_cap', array(u32, 8), { since: '4.10', doc: 'OUT: the CPU feature words of the host (x86 featureset words); zero on Arm.' }),
  ]
});

export const xen_sysctl_sched_id = struct('xen_sysctl_sched_id', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_sched_id: which scheduler the default CPU pool runs.',
  fields: [
    field('sched_id', u32, { doc: 'OUT: a XEN_SCHEDULER_* number (domctl.h). Example: 7 (credit2).' }),
  ]
});

export const xen_sysctl_perfc_desc = struct('xen_sysctl_perfc_desc', {
  typedef: 'xen_sysctl_perfc_desc_t',
  since: '4.6',
  doc: 'One performance counter\'s description, as XEN_SYSCTL_perfc_op returns them.',
  fields: [
    field('name', array(c_char, 80), { doc: 'OUT: the counter\'s name, NUL-terminated.' }),
    field('nr_vals', u32, { doc: 'OUT: how many values it has (one, or one per CPU or per array slot).' }),
  ]
});

export const xen_sysctl_perfc_val_t = typedef('xen_sysctl_perfc_val_t', u32, { since: '4.6', doc: 'One performance counter value.' });

export const xen_sysctl_perfc_op = struct('xen_sysctl_perfc_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_perfc_op: reset or read the hypervisor\'s performance counters (a build with CONFIG_PERF_COUNTERS).',
  holes: [
    { after: 'nr_vals', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
  ],
  fields: [
    field('cmd', u32, { doc: 'IN: XEN_SYSCTL_PERFCOP_reset or XEN_SYSCTL_PERFCOP_query.' }),
    field('nr_counters', u32, { doc: 'OUT: how many counters there are.' }),
    field('nr_vals', u32, { doc: 'OUT: how many values they have in all.' }),
    field('desc', handle64('xen_sysctl_perfc_desc_t'), { doc: 'IN: where to write `nr_counters` descriptions; a null handle asks only for the counts.' }),
    field('val', handle64('xen_sysctl_perfc_val_t'), { doc: 'IN: where to write `nr_vals` values; a null handle asks only for the counts.' }),
  ]
});

export const xen_sysctl_getdomaininfolist = struct('xen_sysctl_getdomaininfolist', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_getdomaininfolist: the state of several domains at once, in domain ID order.',
  holes: [
    { after: 'first_domain', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'max_domains is 4-byte aligned' },
    { after: 'num_domains', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of the record' },
  ],
  fields: [
    field('first_domain', domid_t, { doc: 'IN: the lowest domain ID to report. Example: 0.' }),
    field('max_domains', u32, { doc: 'IN: how many entries `buffer` holds. Example: 1024.' }),
    field('buffer', handle64('xen_domctl_getdomaininfo_t', 'void'), { doc: 'IN: where to write the entries, each a domctl xen_domctl_getdomaininfo record of the same release.' }),
    field('num_domains', u32, { doc: 'OUT: how many entries were written.' }),
  ]
});

export const xen_sysctl_debug_keys = struct('xen_sysctl_debug_keys', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_debug_keys: act as if these keys had been pressed on the hypervisor\'s serial console.',
  holes: [
    { after: 'nr_keys', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of the record' },
  ],
  fields: [
    field('keys', handle64('char', 'char', { const: true }), { since: '4.14', doc: 'IN: the key characters.' }),
    field('keys', handle64('char', 'char'), { until: '4.14', doc: 'IN: the key characters.' }),
    field('nr_keys', u32, { doc: 'IN: how many. Example: 1.' }),
  ]
});

export const xen_sysctl_cpuinfo = struct('xen_sysctl_cpuinfo', {
  typedef: 'xen_sysctl_cpuinfo_t',
  since: '4.6',
  doc: 'One physical CPU\'s entry of XEN_SYSCTL_getcpuinfo.',
  fields: [
    field('idletime', uint64_aligned_t, { doc: 'OUT: the time the CPU has spent idle, in nanoseconds.' }),
  ]
});

export const xen_sysctl_getcpuinfo = struct('xen_sysctl_getcpuinfo', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_getcpuinfo: idle time per physical CPU.',
  holes: [
    { after: 'max_cpus', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
    { after: 'nr_cpus', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of the record' },
  ],
  fields: [
    field('max_cpus', u32, { doc: 'IN: how many entries `info` holds. Example: 16.' }),
    field('info', handle64('xen_sysctl_cpuinfo_t'), { doc: 'IN: where to write one xen_sysctl_cpuinfo per CPU.' }),
    field('nr_cpus', u32, { doc: 'OUT: how many entries were written.' }),
  ]
});

export const xen_sysctl_availheap = struct('xen_sysctl_availheap', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_availheap: how much free memory the heap has within an address width and node.',
  holes: [
    { after: 'node', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
  ],
  fields: [
    field('min_bitwidth', u32, { doc: 'IN: the smallest address width to count, in bits; 0 for no lower bound. Example: 0.' }),
    field('max_bitwidth', u32, { doc: 'IN: the largest address width to count, in bits; 0 for no upper bound. Example: 32.' }),
    field('node', i32, { doc: 'IN: the NUMA node, or -1 for all. Example: -1.' }),
    field('avail_bytes', uint64_aligned_t, { doc: 'OUT: the free bytes found.' }),
  ]
});

export const pm_px_val = struct('pm_px_val', {
  typedef: 'pm_px_val_t',
  since: '4.6',
  doc: 'One P-state (performance state) entry of the P-state statistics.',
  fields: [
    field('freq', uint64_aligned_t, { doc: 'OUT: the frequency of the state, in MHz.' }),
    field('residency', uint64_aligned_t, { doc: 'OUT: how long the CPU has been in it, in nanoseconds.' }),
    field('count', uint64_aligned_t, { doc: 'OUT: how many times it entered it.' }),
  ]
});

export const pm_px_stat = struct('pm_px_stat', {
  since: '4.6',
  doc: 'P-state statistics of one CPU (PMSTAT_get_pxstat).',
  holes: [
    { after: 'cur', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
  ],
  fields: [
    field('total', u8, { doc: 'OUT: how many P-states the CPU has. Example: 8.' }),
    field('usable', u8, { doc: 'OUT: how many of them firmware allows now.' }),
    field('last', u8, { doc: 'OUT: the previous P-state.' }),
    field('cur', u8, { doc: 'OUT: the current P-state.' }),
    field('trans_pt', handle64('uint64', 'uint64_t'), { doc: 'IN: where to write the transition counts, a total-by-total matrix of 64-bit counters.' }),
    field('pt', handle64('pm_px_val_t'), { doc: 'IN: where to write `total` pm_px_val entries.' }),
  ]
});

export const pm_cx_stat = struct('pm_cx_stat', {
  since: '4.6',
  doc: 'C-state (idle state) statistics of one CPU (PMSTAT_get_cxstat).',
  fields: [
    field('nr', u32, { doc: 'IN: how many C-states the buffers hold. OUT: how many the CPU has. Example: 4.' }),
    field('last', u32, { doc: 'OUT: the C-state entered last.' }),
    field('idle_time', uint64_aligned_t, { doc: 'OUT: the total idle time, in nanoseconds.' }),
    field('triggers', handle64('uint64', 'uint64_t'), { doc: 'IN: where to write how many times each C-state was entered.' }),
    field('residencies', handle64('uint64', 'uint64_t'), { doc: 'IN: where to write the time spent in each C-state, in nanoseconds.' }),
    field('nr_pc', u32, { doc: 'IN: how many package C-state counters `pc` holds. OUT: how many there are.' }),
    field('nr_cc', u32, { doc: 'IN: how many core C-state counters `cc` holds. OUT: how many there are.' }),
    field('pc', handle64('uint64', 'uint64_t'), { doc: 'IN: where to write the package C-state residencies, as the hardware counts them.' }),
    field('cc', handle64('uint64', 'uint64_t'), { doc: 'IN: where to write the core C-state residencies, as the hardware counts them.' }),
  ]
});

export const xen_sysctl_get_pmstat = struct('xen_sysctl_get_pmstat', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_get_pmstat: power-management statistics of one physical CPU.',
  fields: [
    field('type', u32, { doc: 'IN: a PMSTAT_* request.' }),
    field('cpuid', u32, { doc: 'IN: the physical CPU. Example: 0.' }),
    field('u', inlineUnion({
      doc: 'The statistics `type` asks for.',
      fields: [
        field('getpx', pm_px_stat, { doc: 'P-state requests.' }),
        field('getcx', pm_cx_stat, { doc: 'C-state requests.' }),
      ]
    }), { doc: 'IN/OUT: the statistics of the request.' }),
  ]
});

export const xen_sysctl_cpu_hotplug = struct('xen_sysctl_cpu_hotplug', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_cpu_hotplug: bring physical CPUs online or take them offline.',
  fields: [
    field('cpu', u32, { doc: 'IN: the physical CPU (ignored by the SMT commands). Example: 3.' }),
    field('op', u32, { doc: 'IN: a XEN_SYSCTL_CPU_HOTPLUG_* command.' }),
  ]
});

export const xen_userspace = struct('xen_userspace', {
  since: '4.6',
  doc: 'Settings of the userspace cpufreq governor, which runs the CPU at a speed the toolstack picks.',
  fields: [
    field('scaling_setspeed', u32, { doc: 'The frequency to run at, in kHz. Example: 1800000.' }),
  ]
});

export const xen_ondemand = struct('xen_ondemand', {
  since: '4.6',
  doc: 'Settings of the ondemand cpufreq governor, which raises the speed when the load passes a threshold.',
  fields: [
    field('sampling_rate_max', u32, { doc: 'OUT: the longest sampling period allowed, in microseconds.' }),
    field('sampling_rate_min', u32, { doc: 'OUT: the shortest sampling period allowed, in microseconds.' }),
    field('sampling_rate', u32, { doc: 'How often the load is sampled, in microseconds. Example: 20000.' }),
    field('up_threshold', u32, { doc: 'The load, in percent, above which the governor speeds up. Example: 80.' }),
  ]
});

export const xen_get_cppc_para = struct('xen_get_cppc_para', {
  since: '4.21',
  doc: 'CPPC performance settings of one CPU (Intel HWP or AMD CPPC): Payload of GET_CPUFREQ_CPPC from 4.21.',
  fields: [
    field('features', u32, { doc: 'OUT: XEN_SYSCTL_CPPC_FEAT_* bits.' }),
    field('lowest', u32, { doc: 'OUT: the lowest performance level the hardware offers, 0-255.' }),
    field('lowest_nonlinear', u32, { doc: 'OUT: the most energy-efficient level, 0-255.' }),
    field('nominal', u32, { doc: 'OUT: the level the hardware guarantees, 0-255.' }),
    field('highest', u32, { doc: 'OUT: the highest level, 0-255.' }),
    field('minimum', u32, { doc: 'OUT: the lowest level currently requested, 0-255.' }),
    field('maximum', u32, { doc: 'OUT: the highest level currently requested, 0-255.' }),
    field('desired', u32, { doc: 'OUT: the explicit level requested; 0 leaves the choice to the hardware.' }),
    field('energy_perf', u32, { doc: 'OUT: the energy/performance preference, 0 (performance) to 255 (power saving). Example: 128.' }),
    field('activity_window', u32, { doc: 'OUT: the averaging window, a 7-bit mantissa and 3-bit decimal exponent of microseconds (XEN_CPPC_ACT_WINDOW_*).' }),
  ]
});

export const xen_cppc_para = struct('xen_cppc_para', {
  since: '4.18',
  until: '4.21',
  doc: 'Hardware-controlled performance (Intel HWP, through CPPC terms) settings of one CPU, as GET_CPUFREQ_PARA reported them in 4.18 to 4.20.',
  fields: [
    field('features', u32, { doc: 'OUT: XEN_SYSCTL_CPPC_FEAT_* bits.' }),
    field('lowest', u32, { doc: 'OUT: the lowest performance level the hardware offers, 0-255.' }),
    field('lowest_nonlinear', u32, { doc: 'OUT: the most energy-efficient level, 0-255.' }),
    field('nominal', u32, { doc: 'OUT: the level the hardware guarantees, 0-255.' }),
    field('highest', u32, { doc: 'OUT: the highest level, 0-255.' }),
    field('minimum', u32, { doc: 'OUT: the lowest level currently requested, 0-255.' }),
    field('maximum', u32, { doc: 'OUT: the highest level currently requested, 0-255.' }),
    field('desired', u32, { doc: 'OUT: the explicit level requested; 0 leaves the choice to the hardware.' }),
    field('energy_perf', u32, { doc: 'OUT: the energy/performance preference, 0 (performance) to 255 (power saving). Example: 128.' }),
    field('activity_window', u32, { doc: 'OUT: the averaging window, a 7-bit mantissa and 3-bit decimal exponent of microseconds (XEN_CPPC_ACT_WINDOW_*).' }),
  ]
});

export const xen_set_cppc_para = struct('xen_set_cppc_para', {
  since: '4.18',
  doc: 'Payload of SET_CPUFREQ_CPPC: change a CPU\'s CPPC performance requests.',
  fields: [
    field('set_params', u32, { doc: 'IN: XEN_SYSCTL_CPPC_SET_* bits naming the members to apply, and a preset in the top four bits. OUT: the bits Xen applied.' }),
    field('minimum', u32, { doc: 'IN: the lowest level to request, 0-255.' }),
    field('maximum', u32, { doc: 'IN: the highest level to request, 0-255.' }),
    field('desired', u32, { doc: 'IN: an explicit level; 0 lets the hardware choose.' }),
    field('energy_perf', u32, { doc: 'IN: the energy/performance preference, 0-255.' }),
    field('activity_window', u32, { doc: 'IN: the averaging window, encoded as in xen_get_cppc_para.' }),
  ]
});

export const xen_get_cpufreq_para = struct('xen_get_cpufreq_para', {
  since: '4.6',
  doc: 'Payload of GET_CPUFREQ_PARA: a CPU\'s frequency-scaling driver, governor and limits. The caller sizes the three lists first (with the counts), then calls again with buffers.',
  holes: [
    { after: 'gov_num', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
    { after: 'turbo_enabled', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the 8-byte alignment of the record' },
  ],
  fields: [
    field('cpu_num', u32, { doc: 'IN: how many entries `affected_cpus` holds. OUT: how many CPUs share the CPU\'s frequency domain.' }),
    field('freq_num', u32, { doc: 'IN: how many entries `scaling_available_frequencies` holds. OUT: how many frequencies there are.' }),
    field('gov_num', u32, { doc: 'IN: how many names `scaling_available_governors` holds. OUT: how many governors there are.' }),
    field('affected_cpus', handle64('uint32', 'uint32_t'), { doc: 'IN: where to write the CPUs sharing the frequency domain.' }),
    field('scaling_available_frequencies', handle64('uint32', 'uint32_t'), { doc: 'IN: where to write the frequencies the CPU supports, in kHz.' }),
    field('scaling_available_governors', handle64('char', 'char'), { doc: 'IN: where to write the governor names, CPUFREQ_NAME_LEN bytes each.' }),
    field('scaling_driver', array(c_char, 16), { doc: 'OUT: the frequency driver\'s name, such as `acpi-cpufreq` or `hwp`.' }),
    field('cpuinfo_cur_freq', u32, { doc: 'OUT: the current frequency, in kHz.' }),
    field('cpuinfo_max_freq', u32, { doc: 'OUT: the highest frequency of the hardware, in kHz.' }),
    field('cpuinfo_min_freq', u32, { doc: 'OUT: the lowest frequency of the hardware, in kHz.' }),
    field('s', inlineStruct({
      since: '4.21',
      doc: 'The governor\'s state, for software frequency drivers.',
      fields: [
        field('scaling_cur_freq', u32, { doc: 'OUT: the frequency the governor last set, in kHz.' }),
        field('scaling_governor', array(c_char, 16), { doc: 'OUT: the governor\'s name. Example: `ondemand`.' }),
        field('scaling_max_freq', u32, { doc: 'OUT: the highest frequency the governor may pick, in kHz.' }),
        field('scaling_min_freq', u32, { doc: 'OUT: the lowest frequency the governor may pick, in kHz.' }),
        field('u', inlineUnion({
          doc: 'The settings of the governor named in scaling_governor.',
          fields: [
            field('userspace', xen_userspace, { doc: 'The userspace governor.' }),
            field('ondemand', xen_ondemand, { doc: 'The ondemand governor.' }),
          ]
        }), { doc: 'OUT: the settings of the governor in use.' }),
      ]
    }), { since: '4.21', doc: 'OUT: the governor\'s state, for software frequency drivers.' }),
    field('scaling_cur_freq', u32, { until: '4.18', doc: 'OUT: the frequency the governor last set, in kHz.' }),
    field('scaling_governor', array(c_char, 16), { until: '4.18', doc: 'OUT: the governor\'s name. Example: `ondemand`.' }),
    field('scaling_max_freq', u32, { until: '4.18', doc: 'OUT: the highest frequency the governor may pick, in kHz.' }),
    field('scaling_min_freq', u32, { until: '4.18', doc: 'OUT: the lowest frequency the governor may pick, in kHz.' }),
    field('u', inlineUnion({
      until: '4.21',
      doc: 'The frequency state: governor settings, or hardware-controlled performance settings (4.18 to 4.20).',
      fields: [
        field('s', inlineStruct({
          since: '4.18',
          until: '4.21',
          doc: 'The governor\'s state, for software frequency drivers.',
          fields: [
            field('scaling_cur_freq', u32, { until: '4.21', doc: 'OUT: the frequency the governor last set, in kHz.' }),
            field('scaling_governor', array(c_char, 16), { until: '4.21', doc: 'OUT: the governor\'s name. Example: `ondemand`.' }),
            field('scaling_max_freq', u32, { until: '4.21', doc: 'OUT: the highest frequency the governor may pick, in kHz.' }),
            field('scaling_min_freq', u32, { until: '4.21', doc: 'OUT: the lowest frequency the governor may pick, in kHz.' }),
            field('u', inlineUnion({
              until: '4.21',
              doc: 'The settings of the governor named in scaling_governor.',
              fields: [
                field('userspace', xen_userspace, { until: '4.21', doc: 'The userspace governor.' }),
                field('ondemand', xen_ondemand, { until: '4.21', doc: 'The ondemand governor.' }),
              ]
            }), { until: '4.21', doc: 'OUT: the settings of the governor in use.' }),
          ]
        }), { since: '4.18', until: '4.21', doc: 'Software frequency scaling: the governor\'s state.' }),
        field('cppc_para', xen_cppc_para, { since: '4.18', until: '4.21', doc: 'Hardware-controlled performance (HWP) settings.' }),
        field('userspace', xen_userspace, { until: '4.18', doc: 'The userspace governor.' }),
        field('ondemand', xen_ondemand, { until: '4.18', doc: 'The ondemand governor.' }),
      ]
    }), { until: '4.21', doc: 'OUT: the settings of the governor, or (4.18 to 4.20) of hardware-controlled performance.' }),
    field('turbo_enabled', i32, { doc: 'OUT: 1 when the CPU may use turbo frequencies.' }),
  ]
});

export const xen_set_cpufreq_gov = struct('xen_set_cpufreq_gov', {
  since: '4.6',
  doc: 'Payload of SET_CPUFREQ_GOV: switch a CPU to another cpufreq governor.',
  fields: [
    field('scaling_governor', array(c_char, 16), { doc: 'IN: the governor\'s name, NUL-terminated. Example: `performance`.' }),
  ]
});

export const xen_set_cpufreq_para = struct('xen_set_cpufreq_para', {
  since: '4.6',
  doc: 'Payload of SET_CPUFREQ_PARA: change one setting of a CPU\'s frequency governor.',
  fields: [
    field('ctrl_type', u32, { doc: 'IN: which setting: SCALING_MAX_FREQ, SCALING_MIN_FREQ, SCALING_SETSPEED, SAMPLING_RATE or UP_THRESHOLD.' }),
    field('ctrl_value', u32, { doc: 'IN: its new value (kHz, microseconds or percent as the setting goes). Example: 2000000.' }),
  ]
});

export const xen_sysctl_pm_op = struct('xen_sysctl_pm_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_pm_op: read and change frequency scaling, idle states and related scheduler settings.',
  fields: [
    field('cmd', u32, { doc: 'IN: the command, a cpufreq command (GET_CPUFREQ_PARA, SET_CPUFREQ_GOV, …) or a XEN_SYSCTL_pm_op_* command.' }),
    field('cpuid', u32, { doc: 'IN: the physical CPU the command is about. Example: 0.' }),
    field('u', inlineUnion({
      doc: 'The data of the command in `cmd`.',
      fields: [
        field('get_para', xen_get_cpufreq_para, { doc: 'GET_CPUFREQ_PARA.' }),
        field('get_cppc', xen_get_cppc_para, { since: '4.21', doc: 'GET_CPUFREQ_CPPC.' }),
        field('set_gov', xen_set_cpufreq_gov, { doc: 'SET_CPUFREQ_GOV.' }),
        field('set_para', xen_set_cpufreq_para, { doc: 'SET_CPUFREQ_PARA.' }),
        field('set_cppc', xen_set_cppc_para, { since: '4.18', doc: 'SET_CPUFREQ_CPPC.' }),
        field('get_avgfreq', uint64_aligned_t, { doc: 'OUT (GET_CPUFREQ_AVGFREQ): the average frequency since the last query, in kHz.' }),
        field('set_sched_opt_smt', u32, { doc: 'IN: 1 to have the scheduler prefer idle cores over idle threads of busy cores (power saving); OUT: the previous setting.' }),
        field('get_max_cstate', u32, { doc: 'OUT: the deepest C-state allowed (or C-sub-state, when `cpuid` is 1); XEN_SYSCTL_CX_UNLIMITED for no limit.' }),
        field('set_max_cstate', u32, { doc: 'IN: the deepest C-state to allow (or C-sub-state, when `cpuid` is 1); XEN_SYSCTL_CX_UNLIMITED for no limit.' }),
        field('get_vcpu_migration_delay', u32, { until: '4.11', doc: 'OUT: that delay, in microseconds.' }),
        field('set_vcpu_migration_delay', u32, { until: '4.11', doc: 'IN: how long a vCPU must have run before the credit scheduler migrates it, in microseconds.' }),
      ]
    }), { doc: 'IN/OUT: the command\'s data.' }),
  ]
});

export const xen_sysctl_page_offline_op = struct('xen_sysctl_page_offline_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_page_offline_op: take a range of machine pages out of use (for example after memory errors), put them back, or ask their state.',
  holes: [
    { after: 'end', archs: ['x86_64', 'arm32', 'arm64'], reason: 'the status handle is pointer-aligned (8 bytes on 64-bit targets)' },
  ],
  fields: [
    field('cmd', u32, { doc: 'IN: sysctl_page_offline, sysctl_page_online or sysctl_query_page_offline.' }),
    field('start', u32, { doc: 'IN: the first machine frame of the range.' }),
    field('end', u32, { doc: 'IN: the last machine frame of the range (inclusive).' }),
    field('status', handle('uint32', 'uint32_t'), { doc: 'IN: where to write one PG_OFFLINE_*/PG_ONLINE_* status word per page, with the owning domain above PG_OFFLINE_OWNER_SHIFT.' }),
  ]
});

export const xen_sysctl_lockprof_data = struct('xen_sysctl_lockprof_data', {
  typedef: 'xen_sysctl_lockprof_data_t',
  since: '4.6',
  doc: 'One lock\'s profile, as XEN_SYSCTL_LOCKPROF_query returns them.',
  fields: [
    field('name', array(c_char, 40), { doc: 'OUT: the lock\'s name, NUL-terminated.' }),
    field('type', i32, { doc: 'OUT: a LOCKPROF_TYPE_* value: a global lock or one instance per domain.' }),
    field('idx', i32, { doc: 'OUT: for a per-domain lock, the domain ID.' }),
    field('lock_cnt', uint64_aligned_t, { doc: 'OUT: how many times the lock was taken.' }),
    field('block_cnt', uint64_aligned_t, { doc: 'OUT: how many times a taker had to wait.' }),
    field('lock_time', uint64_aligned_t, { doc: 'OUT: the time it was held, in nanoseconds.' }),
    field('block_time', uint64_aligned_t, { doc: 'OUT: the time takers waited for it, in nanoseconds.' }),
  ]
});

export const xen_sysctl_lockprof_op = struct('xen_sysctl_lockprof_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_lockprof_op: reset or read the spinlock profile (a build with CONFIG_DEBUG_LOCK_PROFILE).',
  holes: [
    { after: 'nr_elem', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
  ],
  fields: [
    field('cmd', u32, { doc: 'IN: XEN_SYSCTL_LOCKPROF_reset or XEN_SYSCTL_LOCKPROF_query.' }),
    field('max_elem', u32, { doc: 'IN: how many entries `data` holds.' }),
    field('nr_elem', u32, { doc: 'OUT: how many locks are profiled.' }),
    field('time', uint64_aligned_t, { doc: 'OUT: how long the profile has been running, in nanoseconds.' }),
    field('data', handle64('xen_sysctl_lockprof_data_t'), { doc: 'IN: where to write the profiles; may be null to get only the count.' }),
  ]
});

export const xen_sysctl_cputopo = struct('xen_sysctl_cputopo', {
  typedef: 'xen_sysctl_cputopo_t',
  since: '4.6',
  doc: 'The place of one physical CPU in the topology.',
  fields: [
    field('core', u32, { doc: 'OUT: the core ID; XEN_INVALID_CORE_ID for a CPU that is not present.' }),
    field('socket', u32, { doc: 'OUT: the socket ID; XEN_INVALID_SOCKET_ID for a CPU that is not present.' }),
    field('node', u32, { doc: 'OUT: the NUMA node; XEN_INVALID_NODE_ID when unknown.' }),
  ]
});

export const xen_sysctl_cputopoinfo = struct('xen_sysctl_cputopoinfo', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_cputopoinfo: the core, socket and node of every physical CPU.',
  holes: [
    { after: 'num_cpus', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
  ],
  fields: [
    field('num_cpus', u32, { doc: 'IN: how many entries `cputopo` holds. OUT: how many CPUs Xen knows (max CPU ID + 1); with a null handle, only that count. Example: 16.' }),
    field('cputopo', handle64('xen_sysctl_cputopo_t'), { doc: 'IN: where to write one xen_sysctl_cputopo per CPU, indexed by CPU number.' }),
  ]
});

export const xen_sysctl_meminfo = struct('xen_sysctl_meminfo', {
  typedef: 'xen_sysctl_meminfo_t',
  since: '4.6',
  doc: 'The memory of one NUMA node.',
  fields: [
    field('memsize', u64, { doc: 'OUT: the node\'s memory in bytes; XEN_INVALID_MEM_SZ for a node not present.' }),
    field('memfree', u64, { doc: 'OUT: its free memory in bytes.' }),
  ]
});

export const xen_sysctl_numainfo = struct('xen_sysctl_numainfo', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_numainfo: the memory of each NUMA node and the distances between nodes.',
  holes: [
    { after: 'num_nodes', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
  ],
  fields: [
    field('num_nodes', u32, { doc: 'IN: how many nodes the buffers are sized for. OUT: how many nodes Xen knows (max node ID + 1); with null handles, only that count. Example: 2.' }),
    field('meminfo', handle64('xen_sysctl_meminfo_t'), { doc: 'IN: where to write one xen_sysctl_meminfo per node.' }),
    field('distance', handle64('uint32', 'uint32_t'), { doc: 'IN: where to write the distance matrix, num_nodes by num_nodes entries as the firmware\'s SLIT gives them; XEN_INVALID_NODE_DIST where unknown.' }),
  ]
});

export const xen_sysctl_cpupool_op = struct('xen_sysctl_cpupool_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_cpupool_op: create, destroy, inspect and populate CPU pools, each a set of physical CPUs with its own scheduler.',
  fields: [
    field('op', u32, { doc: 'IN: a XEN_SYSCTL_CPUPOOL_OP_* command.' }),
    field('cpupool_id', u32, { doc: 'IN (create, destroy, info, add/remove CPU, move domain): the pool; XEN_SYSCTL_CPUPOOL_PAR_ANY lets create pick the ID. OUT (create, info): the pool\'s ID.' }),
    field('sched_id', u32, { doc: 'IN (create): the scheduler, a XEN_SCHEDULER_* number. OUT (info): the pool\'s scheduler.' }),
    field('domid', u32, { doc: 'IN (move domain): the domain to move into the pool.' }),
    field('cpu', u32, { doc: 'IN (add/remove CPU): the physical CPU; XEN_SYSCTL_CPUPOOL_PAR_ANY lets Xen pick one.' }),
    field('n_dom', u32, { doc: 'OUT (info): how many domains the pool has.' }),
    field('cpumap', xenctl_bitmap, { doc: 'OUT (info): the pool\'s CPUs; (free info) the CPUs in no pool.' }),
  ]
});

export const xen_sysctl_credit_schedule = struct('xen_sysctl_credit_schedule', {
  since: '4.6',
  doc: 'Settings of the credit scheduler for a CPU pool.',
  fields: [
    field('tslice_ms', u32, { since: '4.17', doc: 'The time slice in milliseconds, XEN_SYSCTL_CSCHED_TSLICE_MIN to _MAX. Example: 30.' }),
    field('ratelimit_us', u32, { since: '4.17', doc: 'The least time a vCPU runs before it can be preempted, in microseconds; 0 disables the limit. Example: 1000.' }),
    field('vcpu_migr_delay_us', u32, { since: '4.17', doc: 'How long after running a vCPU counts as cache-hot and is not migrated, in microseconds, up to XEN_SYSCTL_CSCHED_MGR_DLY_MAX_US.' }),
    field('tslice_ms', u32, { until: '4.17', doc: 'The time slice in milliseconds, XEN_SYSCTL_CSCHED_TSLICE_MIN to _MAX. Example: 30.' }),
    field('ratelimit_us', u32, { until: '4.17', doc: 'The least time a vCPU runs before it can be preempted, in microseconds; 0 disables the limit. Example: 1000.' }),
    field('vcpu_migr_delay_us', u32, { since: '4.11', until: '4.17', doc: 'How long after running a vCPU counts as cache-hot and is not migrated, in microseconds, up to XEN_SYSCTL_CSCHED_MGR_DLY_MAX_US.' }),
  ]
});

export const xen_sysctl_credit2_schedule = struct('xen_sysctl_credit2_schedule', {
  since: '4.8',
  doc: 'Settings of the credit2 scheduler for a CPU pool.',
  fields: [
    field('ratelimit_us', u32, { since: '4.17', doc: 'The least time a vCPU runs before it can be preempted, in microseconds. Example: 1000.' }),
    field('ratelimit_us', u32, { until: '4.17', doc: 'The least time a vCPU runs before it can be preempted, in microseconds. Example: 1000.' }),
  ]
});

export const xen_sysctl_arinc653_schedule = struct('xen_sysctl_arinc653_schedule', {
  typedef: 'xen_sysctl_arinc653_schedule_t',
  since: '4.6',
  doc: 'An ARINC 653 schedule: a major frame cut into time slots, each slot given to one vCPU of one domain. The caller passes it to Xen (putinfo) or gets Xen\'s current one back (getinfo) through xen_sysctl_sched_arinc653.schedule.',
  holes: [
    { after: 'num_sched_entries', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `sched_entries`, whose entries hold 8-byte aligned runtimes' },
  ],
  fields: [
    field('major_frame', uint64_aligned_t, { doc: 'The length of the major frame, in nanoseconds; the slots repeat with this period. Example: 10000000.' }),
    field('num_sched_entries', u8, { doc: 'How many leading entries of `sched_entries` are used. Example: 2.' }),
    field(
      'sched_entries',
      array(
        inlineStruct({
          doc: 'One time slot of the major frame.',
          holes: [{ after: 'vcpu_id', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `runtime`' }],
          fields: [
            field('dom_handle', xen_domain_handle_t, { doc: 'The UUID of the domain the slot runs.' }),
            field('vcpu_id', u32, { doc: 'Which vCPU of that domain runs; 0 for a single-vCPU domain. Example: 0.' }),
            field('runtime', uint64_aligned_t, { doc: 'How long the slot lasts, in nanoseconds. Example: 5000000.' }),
          ],
        }),
        64,
        'ARINC653_MAX_DOMAINS_PER_SCHEDULE',
      ),
      { doc: 'The slots, in the order they run.' },
    ),
  ],
});

export const xen_sysctl_sched_arinc653 = struct('xen_sysctl_sched_arinc653', {
  since: '4.6',
  doc: 'ARINC 653 scheduler data of XEN_SYSCTL_scheduler_op: the schedule to load or read.',
  fields: [
    field('schedule', handle64('xen_sysctl_arinc653_schedule_t'), { doc: 'IN: the caller\'s xen_sysctl_arinc653_schedule, read by putinfo and written by getinfo.' }),
  ]
});

export const xen_sysctl_scheduler_op = struct('xen_sysctl_scheduler_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_scheduler_op: read or set the settings of the scheduler of a CPU pool.',
  holes: [
    { after: 'cmd', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the union holds a 64-bit handle and is 8-byte aligned' },
  ],
  fields: [
    field('cpupool_id', u32, { doc: 'IN: the CPU pool. Example: 0.' }),
    field('sched_id', u32, { doc: 'IN: the scheduler the caller expects, a XEN_SCHEDULER_* number; Xen refuses a mismatch.' }),
    field('cmd', u32, { doc: 'IN: XEN_SYSCTL_SCHEDOP_putinfo or XEN_SYSCTL_SCHEDOP_getinfo.' }),
    field('u', inlineUnion({
      doc: 'The settings of the scheduler `sched_id` names.',
      holes: [
        { after: 'sched_credit', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], since: '4.11', reason: 'tail padding: the ARINC 653 member makes the union 8 bytes, 8-byte aligned' },
      ],
      fields: [
        field('sched_arinc653', xen_sysctl_sched_arinc653, { doc: 'ARINC 653.' }),
        field('sched_credit', xen_sysctl_credit_schedule, { doc: 'Credit.' }),
        field('sched_credit2', xen_sysctl_credit2_schedule, { since: '4.8', doc: 'Credit2.' }),
      ]
    }), { doc: 'IN/OUT: the settings, by scheduler.' }),
  ]
});

/** The shape gcov_op (4.9, 4.10) and coverage_op (from 4.11) share: a command, a buffer size and a buffer. */
const coverageRecord = (name: string, options: { typedef?: string; since: '4.9' | '4.11'; until?: '4.11'; doc: string; commands: string; buffer: string }) =>
  struct(name, {
    ...(options.typedef ? { typedef: options.typedef } : {}),
    since: options.since,
    ...(options.until ? { until: options.until } : {}),
    doc: options.doc,
    fields: [
      field('cmd', u32, { doc: `IN: a ${options.commands} command.` }),
      field('size', u32, { doc: 'IN (read): the size of `buffer`. OUT (get_size): the bytes a read needs.' }),
      field('buffer', handle64('char', 'char'), { doc: options.buffer }),
    ],
  });

export const xen_sysctl_gcov_op = coverageRecord('xen_sysctl_gcov_op', {
  typedef: 'xen_sysctl_gcov_op_t',
  since: '4.9',
  until: '4.11',
  doc: 'Payload of XEN_SYSCTL_gcov_op in 4.9 and 4.10, where it replaced coverage_op: read or reset the gcov counters.',
  commands: 'XEN_SYSCTL_GCOV_*',
  buffer: 'IN (read): where to write the counters, in the XEN_GCOV_FORMAT_MAGIC format.',
});

export const xen_sysctl_coverage_op = coverageRecord('xen_sysctl_coverage_op', {
  since: '4.11',
  doc: 'Payload of XEN_SYSCTL_coverage_op (from 4.11): read or reset the hypervisor\'s code-coverage counters (a build with CONFIG_COVERAGE).',
  commands: 'XEN_SYSCTL_COVERAGE_*',
  buffer: 'IN (read): where to write the coverage data, in gcov or LLVM profile format.',
});

export const xen_sysctl_psr_cmt_op = struct('xen_sysctl_psr_cmt_op', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_psr_cmt_op: what Intel cache monitoring technology (platform shared resource monitoring) the host has.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_SYSCTL_PSR_CMT_* query.' }),
    field('flags', u32, { doc: 'Reserved; zero.' }),
    field('u', inlineUnion({
      doc: 'The answer, or the CPU an L3 query is about.',
      fields: [
        field('data', u64, { doc: 'OUT: the answer (an RMID count, an upscaling factor, a cache size in KiB, an event mask, or 1 when monitoring is on).' }),
        field('l3_cache', inlineStruct({
          doc: 'The CPU whose L3 cache an L3 query is about.',
          fields: [
            field('cpu', u32, { doc: 'IN: the physical CPU. Example: 0.' }),
            field('rsvd', u32, { doc: 'Reserved; zero.' }),
          ]
        }), { doc: 'IN: the CPU whose L3 cache an L3 query is about.' }),
      ]
    }), { doc: 'IN/OUT: the query\'s argument and answer.' }),
  ]
});

export const xen_sysctl_pcitopoinfo = struct('xen_sysctl_pcitopoinfo', {
  since: '4.6',
  doc: 'Payload of XEN_SYSCTL_pcitopoinfo: the NUMA node of each of a list of PCI devices. Xen may stop early and say how far it got; the caller continues from there.',
  holes: [
    { after: 'num_devs', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the next member, a 64-bit handle or integer, is 8-byte aligned' },
  ],
  fields: [
    field('num_devs', u32, { doc: 'IN: how many devices `devs` and `nodes` hold. OUT: how many Xen handled.' }),
    field('devs', handle64('physdev_pci_device_t', 'void'), { doc: 'IN: the devices, physdev_pci_device entries (segment, bus, devfn); the handle is declared untyped here, so that sysctl.h needs no physdev.h.' }),
    field('nodes', handle64('uint32', 'uint32_t'), { doc: 'IN: where to write each device\'s node; XEN_INVALID_NODE_ID for no node, XEN_INVALID_DEV for a device Xen does not know.' }),
  ]
});

export const xen_sysctl_psr_alloc = struct('xen_sysctl_psr_alloc', {
  since: '4.11',
  doc: 'Payload of XEN_SYSCTL_psr_alloc (from 4.11): what resource allocation (cache and memory bandwidth) a socket offers.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_SYSCTL_PSR_* query.' }),
    field('target', u32, { doc: 'IN: the socket. Example: 0.' }),
    field('u', inlineUnion({
      doc: 'The answer, by resource.',
      fields: [
        field('cat_info', inlineStruct({
          doc: 'What a cache\'s allocation technology offers.',
          fields: [
            field('cbm_len', u32, { doc: 'OUT: the width of a capacity bitmask, in bits. Example: 20.' }),
            field('cos_max', u32, { doc: 'OUT: the highest class of service. Example: 15.' }),
            field('flags', u32, { doc: 'OUT: XEN_SYSCTL_PSR_CAT_L3_CDP when code and data prioritisation is on.' }),
          ]
        }), { doc: 'OUT (L2 and L3 queries): cache allocation.' }),
        field('mba_info', inlineStruct({
          doc: 'What memory bandwidth allocation offers.',
          fields: [
            field('thrtl_max', u32, { doc: 'OUT: the largest throttling value. Example: 90.' }),
            field('cos_max', u32, { doc: 'OUT: the highest class of service. Example: 7.' }),
            field('flags', u32, { doc: 'OUT: XEN_SYSCTL_PSR_MBA_LINEAR when throttling values are linear.' }),
          ]
        }), { doc: 'OUT (get_mba_info): memory bandwidth allocation.' }),
      ]
    }), { doc: 'OUT: the answer.' }),
  ]
});

export const xen_sysctl_psr_cat_op = struct('xen_sysctl_psr_cat_op', {
  since: '4.6',
  until: '4.11',
  doc: 'Payload of XEN_SYSCTL_psr_cat_op until 4.11 (replaced by psr_alloc): the cache allocation technology of a socket.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_SYSCTL_PSR_CAT_* query.' }),
    field('target', u32, { doc: 'IN: the socket. Example: 0.' }),
    field('u', inlineUnion({
      until: '4.11',
      doc: 'What a socket\'s cache allocation offers.',
      fields: [
        field('cat_info', inlineStruct({
          since: '4.10',
          until: '4.11',
          doc: 'What a cache\'s allocation technology offers.',
          fields: [
            field('cbm_len', u32, { until: '4.11', doc: 'OUT: the width of a capacity bitmask, in bits. Example: 20.' }),
            field('cos_max', u32, { until: '4.11', doc: 'OUT: the highest class of service. Example: 15.' }),
            field('flags', u32, { until: '4.11', doc: 'OUT: XEN_SYSCTL_PSR_CAT_L3_CDP when code and data prioritisation is on.' }),
          ]
        }), { since: '4.10', until: '4.11', doc: 'OUT (from 4.10): the L2 or L3 cache\'s allocation.' }),
        field('l3_info', inlineStruct({
          until: '4.10',
          doc: 'What a cache\'s allocation technology offers.',
          fields: [
            field('cbm_len', u32, { until: '4.10', doc: 'OUT: the width of a capacity bitmask, in bits. Example: 20.' }),
            field('cos_max', u32, { until: '4.10', doc: 'OUT: the highest class of service. Example: 15.' }),
            field('flags', u32, { since: '4.7', until: '4.10', doc: 'OUT: XEN_SYSCTL_PSR_CAT_L3_CDP when code and data prioritisation is on.' }),
          ]
        }), { until: '4.10', doc: 'OUT (get_l3_info, until 4.10): the L3 cache\'s allocation.' }),
      ]
    }), { doc: 'OUT: the answer.' }),
  ]
});

export const xen_sysctl_cpu_levelling_caps = struct('xen_sysctl_cpu_levelling_caps', {
  since: '4.7',
  until: '4.22',
  doc: 'Payload of XEN_SYSCTL_get_cpu_levelling_caps (4.7 to 4.21): which CPUID masking and faulting features the host has for hiding features from PV guests.',
  fields: [
    field('caps', u32, { doc: 'OUT: XEN_SYSCTL_CPU_LEVELCAP_* bits.' }),
  ]
});

export const xen_sysctl_cpu_featureset = struct('xen_sysctl_cpu_featureset', {
  since: '4.7',
  doc: 'Payload of XEN_SYSCTL_get_cpu_featureset: one of Xen\'s CPU featuresets (x86), as an array of 32-bit feature words.',
  fields: [
    field('index', u32, { doc: 'IN: which featureset, a XEN_SYSCTL_cpu_featureset_* value.' }),
    field('nr_features', u32, { doc: 'IN: how many words `features` holds. OUT: how many Xen wrote; too small a buffer gets ENOBUFS and the size needed.' }),
    field('features', handle64('uint32', 'uint32_t'), { doc: 'IN: where to write the feature words.' }),
  ]
});

export const xen_livepatch_name = struct('xen_livepatch_name', {
  since: '4.7',
  doc: 'The name of a live patch, in the caller\'s memory.',
  fields: [
    field('name', handle64('char', 'char'), { doc: 'IN: the name, not NUL-terminated.' }),
    field('size', u16, { doc: 'IN: its length, up to XEN_LIVEPATCH_NAME_SIZE. Example: 12.' }),
    pad('pad', array(u16, 3), { doc: 'Reserved; zero.' }),
  ]
});

export const xen_sysctl_livepatch_upload = struct('xen_sysctl_livepatch_upload', {
  since: '4.7',
  doc: 'Payload of XEN_SYSCTL_LIVEPATCH_UPLOAD: load a live patch, an ELF object, for later application.',
  fields: [
    field('name', xen_livepatch_name, { doc: 'IN: the name to give it.' }),
    field('size', u64, { doc: 'IN: the size of the ELF object in bytes.' }),
    field('payload', handle64('uint8', 'uint8_t'), { doc: 'IN: the ELF object.' }),
  ]
});

export const xen_livepatch_status = struct('xen_livepatch_status', {
  typedef: 'xen_livepatch_status_t',
  since: '4.7',
  doc: 'The state of a live patch.',
  fields: [
    field('state', u32, { doc: 'OUT: a LIVEPATCH_STATE_* value.' }),
    field('rc', i32, { doc: 'OUT: 0, or the negative error code of the last action on the patch.' }),
  ]
});

export const xen_sysctl_livepatch_get = struct('xen_sysctl_livepatch_get', {
  since: '4.7',
  doc: 'Payload of XEN_SYSCTL_LIVEPATCH_GET: the state of one live patch.',
  fields: [
    field('name', xen_livepatch_name, { doc: 'IN: the patch.' }),
    field('status', xen_livepatch_status, { doc: 'OUT: its state.' }),
  ]
});

export const xen_sysctl_livepatch_list = struct('xen_sysctl_livepatch_list', {
  since: '4.7',
  doc: 'Payload of XEN_SYSCTL_LIVEPATCH_LIST: the loaded live patches, a window at a time.',
  fields: [
    field('version', u32, { doc: 'OUT: a stamp that changes whenever the list does; a caller restarts when it changes between calls.' }),
    field('idx', u32, { doc: 'IN: the index of the first patch to report.' }),
    field('nr', u32, { doc: 'IN: how many entries the buffers hold (0 asks only for counts). OUT: how many patches remain after this window.' }),
    pad('pad', u32, { doc: 'Reserved; zero.' }),
    field('name_total_size', u32, { since: '4.14', doc: 'IN: the size of the `name` buffer. OUT: the bytes of names written.' }),
    field('metadata_total_size', u32, { since: '4.14', doc: 'IN: the size of the `metadata` buffer. OUT: the bytes of metadata written.' }),
    field('status', handle64('xen_livepatch_status_t'), { doc: 'IN: where to write each patch\'s state.' }),
    field('name', handle64('char', 'char'), { doc: 'IN: where to write the names.' }),
    field('len', handle64('uint32', 'uint32_t'), { doc: 'IN: where to write the length of each name.' }),
    field('metadata', handle64('char', 'char'), { since: '4.14', doc: 'IN: where to write each patch\'s metadata strings, packed.' }),
    field('metadata_len', handle64('uint32', 'uint32_t'), { since: '4.14', doc: 'IN: where to write the length of each patch\'s metadata.' }),
  ]
});

export const xen_sysctl_livepatch_action = struct('xen_sysctl_livepatch_action', {
  since: '4.7',
  doc: 'Payload of XEN_SYSCTL_LIVEPATCH_ACTION: apply, revert, replace or unload a live patch.',
  fields: [
    field('name', xen_livepatch_name, { doc: 'IN: the patch.' }),
    field('cmd', u32, { doc: 'IN: a LIVEPATCH_ACTION_* value.' }),
    field('timeout', u32, { doc: 'IN: the longest the action may take, in nanoseconds; 0 for the hypervisor\'s default.' }),
    field('flags', u32, { since: '4.14', doc: 'IN: LIVEPATCH_ACTION_APPLY_NODEPS to skip the build-ID dependency check.' }),
    pad('pad', u32, { since: '4.14', doc: 'Reserved; zero.' }),
  ]
});

export const xen_sysctl_livepatch_op = struct('xen_sysctl_livepatch_op', {
  since: '4.7',
  doc: 'Payload of XEN_SYSCTL_livepatch_op: manage live patches of the running hypervisor.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_SYSCTL_LIVEPATCH_* command.' }),
    field('flags', u32, { since: '4.19', doc: 'IN: LIVEPATCH_FLAG_* bits; zero before 4.19 (a reserved pad until then).' }),
    pad('pad', u32, { until: '4.19', doc: 'Reserved; zero.' }),
    field('u', inlineUnion({
      doc: 'The data of the command in `cmd`.',
      fields: [
        field('upload', xen_sysctl_livepatch_upload, { doc: 'XEN_SYSCTL_LIVEPATCH_UPLOAD.' }),
        field('list', xen_sysctl_livepatch_list, { doc: 'XEN_SYSCTL_LIVEPATCH_LIST.' }),
        field('get', xen_sysctl_livepatch_get, { doc: 'XEN_SYSCTL_LIVEPATCH_GET.' }),
        field('action', xen_sysctl_livepatch_action, { doc: 'XEN_SYSCTL_LIVEPATCH_ACTION.' }),
      ]
    }), { doc: 'IN/OUT: the command\'s data.' }),
  ]
});

export const xen_sysctl_set_parameter = struct('xen_sysctl_set_parameter', {
  since: '4.10',
  until: '4.14',
  doc: 'Payload of XEN_SYSCTL_set_parameter (4.10 to 4.13, replaced by hypfs): change run-time hypervisor command-line parameters.',
  fields: [
    field('params', handle64('char', 'char'), { doc: 'IN: the parameters, as on the command line, separated by spaces.' }),
    field('size', u16, { doc: 'IN: their length in bytes.' }),
    pad('pad', array(u16, 3), { doc: 'Reserved; zero.' }),
  ]
});

export const xen_sysctl_cpu_policy = struct('xen_sysctl_cpu_policy', {
  typedef: 'xen_sysctl_cpu_policy_t',
  since: '4.18',
  doc: 'Payload of XEN_SYSCTL_get_cpu_policy (x86): one of Xen\'s CPU policies, as CPUID leaves and MSR values. Declared from 4.18: 4.12 to 4.17 released it with the handles named cpuid_policy and msr_policy, and their later point releases took the 4.18 names.',
  archs: ['x86_32', 'x86_64'],
  fields: [
    field('index', u32, { doc: 'IN: which policy, a XEN_SYSCTL_cpu_policy_* value.' }),
    field('nr_leaves', u32, { doc: 'IN: how many entries `leaves` holds. OUT: how many Xen wrote; with a null handle, how many it needs.' }),
    field('nr_msrs', u32, { doc: 'IN: how many entries `msrs` holds. OUT: how many Xen wrote; with a null handle, how many it needs.' }),
    field('_rsvd', u32, { doc: 'Reserved; zero.' }),
    field('leaves', handle64('xen_cpuid_leaf_t', 'void'), { doc: 'IN: where to write the CPUID leaves (xen_cpuid_leaf entries of arch-x86/xen.h).' }),
    field('msrs', handle64('xen_msr_entry_t', 'void'), { doc: 'IN: where to write the MSRs (xen_msr_entry entries of arch-x86/xen.h).' }),
  ]
});

export const xen_sysctl_dt_overlay = struct('xen_sysctl_dt_overlay', {
  since: '4.18',
  doc: 'Payload of XEN_SYSCTL_dt_overlay (Arm): add devices to the host device tree at run time from a device-tree overlay, or remove them.',
  archs: ['arm32', 'arm64'],
  fields: [
    field('overlay_fdt', handle64('void', 'void', { const: true }), { doc: 'IN: the overlay blob (a flattened device tree).' }),
    field('overlay_fdt_size', u32, { doc: 'IN: its size in bytes.' }),
    field('overlay_op', u8, { doc: 'IN: XEN_SYSCTL_DT_OVERLAY_ADD or XEN_SYSCTL_DT_OVERLAY_REMOVE.' }),
    pad('pad', array(u8, 3), { doc: 'Reserved; zero.' }),
  ]
});

export const xen_sysctl = struct('xen_sysctl', {
  typedef: 'xen_sysctl_t',
  since: '4.6',
  doc: 'The argument of __HYPERVISOR_sysctl: a host-wide operation for the toolstack, its interface version and its payload.',
  fields: [
    field('cmd', u32, { doc: 'IN: a XEN_SYSCTL_* operation. Example: 3 (XEN_SYSCTL_physinfo).' }),
    field('interface_version', u32, { doc: 'IN: XEN_SYSCTL_INTERFACE_VERSION of the release the caller was built for. Example: 0x15 for 4.17.' }),
    field('u', inlineUnion({
      doc: 'The payload; `cmd` says which member. Xen keeps the union 128 bytes so that new payloads do not move anything.',
      fields: [
        field('readconsole', xen_sysctl_readconsole, { doc: 'XEN_SYSCTL_readconsole.' }),
        field('tbuf_op', xen_sysctl_tbuf_op, { doc: 'XEN_SYSCTL_tbuf_op.' }),
        field('physinfo', xen_sysctl_physinfo, { doc: 'XEN_SYSCTL_physinfo.' }),
        field('cputopoinfo', xen_sysctl_cputopoinfo, { doc: 'XEN_SYSCTL_cputopoinfo.' }),
        field('pcitopoinfo', xen_sysctl_pcitopoinfo, { doc: 'XEN_SYSCTL_pcitopoinfo.' }),
        field('numainfo', xen_sysctl_numainfo, { doc: 'XEN_SYSCTL_numainfo.' }),
        field('sched_id', xen_sysctl_sched_id, { doc: 'XEN_SYSCTL_sched_id.' }),
        field('perfc_op', xen_sysctl_perfc_op, { doc: 'XEN_SYSCTL_perfc_op.' }),
        field('getdomaininfolist', xen_sysctl_getdomaininfolist, { doc: 'XEN_SYSCTL_getdomaininfolist.' }),
        field('debug_keys', xen_sysctl_debug_keys, { doc: 'XEN_SYSCTL_debug_keys.' }),
        field('getcpuinfo', xen_sysctl_getcpuinfo, { doc: 'XEN_SYSCTL_getcpuinfo.' }),
        field('availheap', xen_sysctl_availheap, { doc: 'XEN_SYSCTL_availheap.' }),
        field('get_pmstat', xen_sysctl_get_pmstat, { doc: 'XEN_SYSCTL_get_pmstat.' }),
        field('cpu_hotplug', xen_sysctl_cpu_hotplug, { doc: 'XEN_SYSCTL_cpu_hotplug.' }),
        field('pm_op', xen_sysctl_pm_op, { doc: 'XEN_SYSCTL_pm_op.' }),
        field('page_offline', xen_sysctl_page_offline_op, { doc: 'XEN_SYSCTL_page_offline_op.' }),
        field('lockprof_op', xen_sysctl_lockprof_op, { doc: 'XEN_SYSCTL_lockprof_op.' }),
        field('cpupool_op', xen_sysctl_cpupool_op, { doc: 'XEN_SYSCTL_cpupool_op.' }),
        field('scheduler_op', xen_sysctl_scheduler_op, { doc: 'XEN_SYSCTL_scheduler_op.' }),
        field('gcov_op', xen_sysctl_gcov_op, { since: '4.9', until: '4.11', doc: 'XEN_SYSCTL_gcov_op (4.9 and 4.10).' }),
        field('coverage_op', xen_sysctl_coverage_op, { since: '4.11', doc: 'XEN_SYSCTL_coverage_op (from 4.11; the 4.6–4.8 layout is not declared).' }),
        field('psr_cmt_op', xen_sysctl_psr_cmt_op, { doc: 'XEN_SYSCTL_psr_cmt_op.' }),
        field('psr_alloc', xen_sysctl_psr_alloc, { since: '4.11', doc: 'XEN_SYSCTL_psr_alloc.' }),
        field('psr_cat_op', xen_sysctl_psr_cat_op, { until: '4.11', doc: 'XEN_SYSCTL_psr_cat_op (until 4.11).' }),
        field('cpu_levelling_caps', xen_sysctl_cpu_levelling_caps, { since: '4.7', until: '4.22', doc: 'XEN_SYSCTL_get_cpu_levelling_caps.' }),
        field('cpu_featureset', xen_sysctl_cpu_featureset, { since: '4.7', doc: 'XEN_SYSCTL_get_cpu_featureset.' }),
        field('livepatch', xen_sysctl_livepatch_op, { since: '4.7', doc: 'XEN_SYSCTL_livepatch_op.' }),
        field('set_parameter', xen_sysctl_set_parameter, { since: '4.10', until: '4.14', doc: 'XEN_SYSCTL_set_parameter.' }),
        pad('pad', array(u8, 128), { doc: 'Sizes the union: 128 bytes in every release, whatever the payloads.' }),
        field('dt_overlay', xen_sysctl_dt_overlay, { since: '4.18', archs: ['arm32', 'arm64'], doc: 'XEN_SYSCTL_dt_overlay (Arm).' }),
      ]
    }), { doc: 'IN/OUT: the payload of `cmd`.' }),
  ]
});

export const XEN_SYSCTL_INTERFACE_VERSION = constant('XEN_SYSCTL_INTERFACE_VERSION', 12, { since: '4.6', spelling: 'hex', history: [{ since: '4.7', value: 13 }, { since: '4.8', value: 14 }, { since: '4.9', value: 15 }, { since: '4.10', value: 16 }, { since: '4.11', value: 17 }, { since: '4.12', value: 18 }, { since: '4.14', value: 19 }, { since: '4.16', value: 20 }, { since: '4.17', value: 21 }, { since: '4.21', value: 22 }], doc: 'The sysctl interface version a caller writes into xen_sysctl.interface_version; Xen refuses every other. Example: 0x15 for 4.17 to 4.20.' });

export const XEN_SYSCTL_TBUFOP = valueSet('XEN_SYSCTL_TBUFOP', {
  since: '4.6',
  field: 'xen_sysctl_tbuf_op.cmd',
  doc: 'Trace-buffer commands of xen_sysctl_tbuf_op.',
  values: [
    constant('XEN_SYSCTL_TBUFOP_get_info', 0, { since: '4.6', doc: 'Report the buffers\' location and size.' }),
    constant('XEN_SYSCTL_TBUFOP_set_cpu_mask', 1, { since: '4.6', doc: 'Choose the CPUs to trace.' }),
    constant('XEN_SYSCTL_TBUFOP_set_evt_mask', 2, { since: '4.6', doc: 'Choose the event classes to record.' }),
    constant('XEN_SYSCTL_TBUFOP_set_size', 3, { since: '4.6', doc: 'Set the buffer size (before tracing is first enabled).' }),
    constant('XEN_SYSCTL_TBUFOP_enable', 4, { since: '4.6', doc: 'Start tracing.' }),
    constant('XEN_SYSCTL_TBUFOP_disable', 5, { since: '4.6', doc: 'Stop tracing.' }),
  ],
});

export const XEN_SYSCTL_PHYSCAP = flagSet('XEN_SYSCTL_PHYSCAP', {
  since: '4.6',
  field: 'xen_sysctl_physinfo.capabilities',
  doc: 'What the host can run, in xen_sysctl_physinfo.capabilities.',
  flags: [
    flag('XEN_SYSCTL_PHYSCAP_hvm', 0, { since: '4.6', bitConstant: '_XEN_SYSCTL_PHYSCAP_hvm', doc: 'HVM guests.' }),
    flag('XEN_SYSCTL_PHYSCAP_hvm_directio', 1, { since: '4.6', until: '4.12', bitConstant: '_XEN_SYSCTL_PHYSCAP_hvm_directio', doc: 'Device pass-through to HVM guests (until 4.12, when bit 1 went to pv).' }),
    flag('XEN_SYSCTL_PHYSCAP_pv', 1, { since: '4.12', bitConstant: '_XEN_SYSCTL_PHYSCAP_pv', doc: 'PV guests.' }),
    flag('XEN_SYSCTL_PHYSCAP_directio', 2, { since: '4.12', bitConstant: '_XEN_SYSCTL_PHYSCAP_directio', doc: 'Device pass-through (an IOMMU is on).' }),
    flag('XEN_SYSCTL_PHYSCAP_hap', 3, { since: '4.13', bitConstant: '_XEN_SYSCTL_PHYSCAP_hap', doc: 'Hardware-assisted paging.' }),
    flag('XEN_SYSCTL_PHYSCAP_shadow', 4, { since: '4.13', bitConstant: '_XEN_SYSCTL_PHYSCAP_shadow', doc: 'Shadow paging.' }),
    flag('XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share', 5, { since: '4.13', bitConstant: '_XEN_SYSCTL_PHYSCAP_iommu_hap_pt_share', spelling: 'dec', cType: 'unsigned int', doc: 'IOMMU and HAP page tables may be shared.' }),
    flag('XEN_SYSCTL_PHYSCAP_vmtrace', 6, { since: '4.15', history: [{ since: '4.16', cType: 'unsigned int' }], cType: 'int', doc: 'Processor tracing of guests (vmtrace).' }),
    flag('XEN_SYSCTL_PHYSCAP_vpmu', 7, { since: '4.16', doc: 'A virtual PMU for guests.' }),
    flag('XEN_SYSCTL_PHYSCAP_gnttab_v1', 8, { since: '4.16', doc: 'Grant tables version 1.' }),
    flag('XEN_SYSCTL_PHYSCAP_gnttab_v2', 9, { since: '4.16', doc: 'Grant tables version 2.' }),
  ],
});

export const XEN_SYSCTL_PHYSCAP_MAX = constant('XEN_SYSCTL_PHYSCAP_MAX', 32, { since: '4.13', cType: 'unsigned int', history: [{ since: '4.15', value: 64, cType: 'int' }, { since: '4.16', value: 512, cType: 'unsigned int' }], doc: 'The highest XEN_SYSCTL_PHYSCAP_* bit of the release, for range checks. Example: 0x200 from 4.16.' });

export const XEN_SYSCTL_PHYSCAP_ARM_SVE_MASK = constant('XEN_SYSCTL_PHYSCAP_ARM_SVE_MASK', 31, { since: '4.18', archs: ['arm32', 'arm64'], cType: 'unsigned int', spelling: 'hex', doc: 'Arm: the bits of xen_sysctl_physinfo.arch_capabilities that hold the largest SVE vector length, in units of 128 bits.' });

export const XEN_SYSCTL_PERFCOP = valueSet('XEN_SYSCTL_PERFCOP', {
  since: '4.6',
  field: 'xen_sysctl_perfc_op.cmd',
  doc: 'Commands of xen_sysctl_perfc_op.',
  values: [
    constant('XEN_SYSCTL_PERFCOP_reset', 1, { since: '4.6', doc: 'Zero every counter.' }),
    constant('XEN_SYSCTL_PERFCOP_query', 2, { since: '4.6', doc: 'Read the counters.' }),
  ],
});

export const PMSTAT_CATEGORY_MASK = constant('PMSTAT_CATEGORY_MASK', 240, { since: '4.6', spelling: 'hex', doc: 'The bits of a PMSTAT_* request that say its category (P-states or C-states).' });

export const PMSTAT_PX = constant('PMSTAT_PX', 16, { since: '4.6', spelling: 'hex', doc: 'The category of P-state requests.' });

export const PMSTAT_CX = constant('PMSTAT_CX', 32, { since: '4.6', spelling: 'hex', doc: 'The category of C-state requests.' });

export const PMSTAT = valueSet('PMSTAT', {
  since: '4.6',
  field: 'xen_sysctl_get_pmstat.type',
  doc: 'Requests of XEN_SYSCTL_get_pmstat: a category and a command.',
  values: [
    constant('PMSTAT_get_max_px', 17, { since: '4.6', spelling: 'hex', doc: 'How many P-states the CPU has (in u.getpx.total).' }),
    constant('PMSTAT_get_pxstat', 18, { since: '4.6', spelling: 'hex', doc: 'The P-state statistics.' }),
    constant('PMSTAT_reset_pxstat', 19, { since: '4.6', spelling: 'hex', doc: 'Zero the P-state statistics.' }),
    constant('PMSTAT_get_max_cx', 33, { since: '4.6', spelling: 'hex', doc: 'How many C-states the CPU has (in u.getcx.nr).' }),
    constant('PMSTAT_get_cxstat', 34, { since: '4.6', spelling: 'hex', doc: 'The C-state statistics.' }),
    constant('PMSTAT_reset_cxstat', 35, { since: '4.6', spelling: 'hex', doc: 'Zero the C-state statistics.' }),
  ],
});

export const XEN_SYSCTL_CPU_HOTPLUG = valueSet('XEN_SYSCTL_CPU_HOTPLUG', {
  since: '4.6',
  field: 'xen_sysctl_cpu_hotplug.op',
  doc: 'Commands of xen_sysctl_cpu_hotplug.',
  values: [
    constant('XEN_SYSCTL_CPU_HOTPLUG_ONLINE', 0, { since: '4.6', doc: 'Bring `cpu` online.' }),
    constant('XEN_SYSCTL_CPU_HOTPLUG_OFFLINE', 1, { since: '4.6', doc: 'Take `cpu` offline.' }),
    constant('XEN_SYSCTL_CPU_HOTPLUG_SMT_ENABLE', 2, { since: '4.13', doc: 'Bring every secondary hardware thread online (from 4.13).' }),
    constant('XEN_SYSCTL_CPU_HOTPLUG_SMT_DISABLE', 3, { since: '4.13', doc: 'Take every secondary hardware thread offline (from 4.13).' }),
  ],
});

export const XEN_SYSCTL_CPPC_FEAT_ACT_WINDOW = constant('XEN_SYSCTL_CPPC_FEAT_ACT_WINDOW', 1, { since: '4.18', spelling: 'shift', doc: 'xen_get_cppc_para.features: the activity window can be set.' });

export const XEN_SYSCTL_CPPC_ACT_WINDOW_MASK = constant('XEN_SYSCTL_CPPC_ACT_WINDOW_MASK', 1023, { since: '4.18', doc: 'Every bit an activity window may use.' });

export const XEN_CPPC_ACT_WINDOW_MANTISSA_MASK = constant('XEN_CPPC_ACT_WINDOW_MANTISSA_MASK', 127, { since: '4.18', spelling: 'hex', doc: 'The mantissa bits of an activity window.' });

export const XEN_CPPC_ACT_WINDOW_EXPONENT_MASK = constant('XEN_CPPC_ACT_WINDOW_EXPONENT_MASK', 896, { since: '4.18', spelling: 'hex', doc: 'The exponent bits of an activity window (a power of ten).' });

export const XEN_SYSCTL_CPPC_SET_MINIMUM = constant('XEN_SYSCTL_CPPC_SET_MINIMUM', 1, { since: '4.18', cType: 'unsigned int', spelling: 'shift', doc: 'xen_set_cppc_para.set_params: apply `minimum`.' });

export const XEN_SYSCTL_CPPC_SET_MAXIMUM = constant('XEN_SYSCTL_CPPC_SET_MAXIMUM', 2, { since: '4.18', cType: 'unsigned int', spelling: 'shift', doc: 'xen_set_cppc_para.set_params: apply `maximum`.' });

export const XEN_SYSCTL_CPPC_SET_DESIRED = constant('XEN_SYSCTL_CPPC_SET_DESIRED', 4, { since: '4.18', cType: 'unsigned int', spelling: 'shift', doc: 'xen_set_cppc_para.set_params: apply `desired`.' });

export const XEN_SYSCTL_CPPC_SET_ENERGY_PERF = constant('XEN_SYSCTL_CPPC_SET_ENERGY_PERF', 8, { since: '4.18', cType: 'unsigned int', spelling: 'shift', doc: 'xen_set_cppc_para.set_params: apply `energy_perf`.' });

export const XEN_SYSCTL_CPPC_SET_ACT_WINDOW = constant('XEN_SYSCTL_CPPC_SET_ACT_WINDOW', 16, { since: '4.18', cType: 'unsigned int', spelling: 'shift', doc: 'xen_set_cppc_para.set_params: apply `activity_window`.' });

export const XEN_SYSCTL_CPPC_SET_PARAM_MASK = constant('XEN_SYSCTL_CPPC_SET_PARAM_MASK', 4026531871, { since: '4.18', cType: 'unsigned int', doc: 'Every bit set_params may have.' });

export const XEN_SYSCTL_CPPC_SET_PRESET_MASK = constant('XEN_SYSCTL_CPPC_SET_PRESET_MASK', 4026531840, { since: '4.18', cType: 'unsigned int', spelling: 'hex', doc: 'The bits of set_params that hold a preset.' });

export const XEN_SYSCTL_CPPC_SET_PRESET_NONE = constant('XEN_SYSCTL_CPPC_SET_PRESET_NONE', 0, { since: '4.18', cType: 'unsigned int', spelling: 'hex', doc: 'set_params preset: no preset.' });

export const XEN_SYSCTL_CPPC_SET_PRESET_ONDEMAND = constant('XEN_SYSCTL_CPPC_SET_PRESET_ONDEMAND', 268435456, { since: '4.21', cType: 'unsigned int', spelling: 'hex', doc: 'set_params preset: a preset that follows the load.' });

export const XEN_SYSCTL_CPPC_SET_PRESET_BALANCE = constant('XEN_SYSCTL_CPPC_SET_PRESET_BALANCE', 268435456, { since: '4.18', until: '4.21', cType: 'unsigned int', spelling: 'hex', doc: 'set_params preset: a balanced preset (until 4.21, when the value became ONDEMAND).' });

export const XEN_SYSCTL_CPPC_SET_PRESET_POWERSAVE = constant('XEN_SYSCTL_CPPC_SET_PRESET_POWERSAVE', 536870912, { since: '4.18', cType: 'unsigned int', spelling: 'hex', doc: 'set_params preset: a power-saving preset.' });

export const XEN_SYSCTL_CPPC_SET_PRESET_PERFORMANCE = constant('XEN_SYSCTL_CPPC_SET_PRESET_PERFORMANCE', 805306368, { since: '4.18', cType: 'unsigned int', spelling: 'hex', doc: 'set_params preset: a full-performance preset.' });

export const XEN_AMD_CPPC_DRIVER_NAME = stringConstant('XEN_AMD_CPPC_DRIVER_NAME', 'amd-cppc', { since: '4.21', doc: 'The scaling_driver name of AMD\'s CPPC driver.' });

export const XEN_AMD_CPPC_EPP_DRIVER_NAME = stringConstant('XEN_AMD_CPPC_EPP_DRIVER_NAME', 'amd-cppc-epp', { since: '4.21', doc: 'The scaling_driver name of AMD\'s CPPC driver in energy-performance-preference mode.' });

export const XEN_HWP_DRIVER_NAME = stringConstant('XEN_HWP_DRIVER_NAME', 'hwp', { since: '4.18', doc: 'The scaling_driver name of Intel\'s hardware P-state driver.' });

export const CPUFREQ_NAME_LEN = constant('CPUFREQ_NAME_LEN', 16, { since: '4.6', doc: 'The size of a governor or driver name buffer, NUL included.' });

export const SCALING_MAX_FREQ = constant('SCALING_MAX_FREQ', 1, { since: '4.6', doc: 'xen_set_cpufreq_para.ctrl_type: the highest frequency the governor may pick, in kHz.' });

export const SCALING_MIN_FREQ = constant('SCALING_MIN_FREQ', 2, { since: '4.6', doc: 'xen_set_cpufreq_para.ctrl_type: the lowest frequency the governor may pick, in kHz.' });

export const SCALING_SETSPEED = constant('SCALING_SETSPEED', 3, { since: '4.6', doc: 'xen_set_cpufreq_para.ctrl_type: the userspace governor\'s frequency, in kHz.' });

export const SAMPLING_RATE = constant('SAMPLING_RATE', 4, { since: '4.6', doc: 'xen_set_cpufreq_para.ctrl_type: the ondemand governor\'s sampling period, in microseconds.' });

export const UP_THRESHOLD = constant('UP_THRESHOLD', 5, { since: '4.6', doc: 'xen_set_cpufreq_para.ctrl_type: the ondemand governor\'s load threshold, in percent.' });

export const PM_PARA_CATEGORY_MASK = constant('PM_PARA_CATEGORY_MASK', 240, { since: '4.6', spelling: 'hex', doc: 'The bits of a pm_op command that say its category.' });

export const CPUFREQ_PARA = constant('CPUFREQ_PARA', 16, { since: '4.6', spelling: 'hex', doc: 'The category of the cpufreq commands of pm_op.' });

export const GET_CPUFREQ_PARA = constant('GET_CPUFREQ_PARA', 17, { since: '4.6', spelling: 'hex', doc: 'pm_op: read the frequency-scaling state (u.get_para).' });

export const GET_CPUFREQ_AVGFREQ = constant('GET_CPUFREQ_AVGFREQ', 20, { since: '4.6', spelling: 'hex', doc: 'pm_op: the average frequency (u.get_avgfreq).' });

export const GET_CPUFREQ_CPPC = constant('GET_CPUFREQ_CPPC', 22, { since: '4.21', spelling: 'hex', doc: 'pm_op: read CPPC performance settings (u.get_cppc).' });

export const SET_CPUFREQ_GOV = constant('SET_CPUFREQ_GOV', 18, { since: '4.6', spelling: 'hex', doc: 'pm_op: change the governor (u.set_gov).' });

export const SET_CPUFREQ_PARA = constant('SET_CPUFREQ_PARA', 19, { since: '4.6', spelling: 'hex', doc: 'pm_op: change a governor setting (u.set_para).' });

export const SET_CPUFREQ_CPPC = constant('SET_CPUFREQ_CPPC', 21, { since: '4.18', spelling: 'hex', doc: 'pm_op: change CPPC performance requests (u.set_cppc).' });

export const XEN_SYSCTL_pm_op_set_sched_opt_smt = constant('XEN_SYSCTL_pm_op_set_sched_opt_smt', 33, { since: '4.6', spelling: 'hex', doc: 'pm_op: set the scheduler\'s SMT power-saving preference (u.set_sched_opt_smt).' });

export const XEN_SYSCTL_pm_op_set_max_cstate = constant('XEN_SYSCTL_pm_op_set_max_cstate', 35, { since: '4.6', spelling: 'hex', doc: 'pm_op: limit the deepest C-state (u.set_max_cstate).' });

export const XEN_SYSCTL_pm_op_set_vcpu_migration_delay = constant('XEN_SYSCTL_pm_op_set_vcpu_migration_delay', 36, { since: '4.6', spelling: 'hex', doc: 'pm_op: set the credit scheduler\'s migration delay.' });

export const XEN_SYSCTL_pm_op_get_max_cstate = constant('XEN_SYSCTL_pm_op_get_max_cstate', 34, { since: '4.6', spelling: 'hex', doc: 'pm_op: the deepest C-state allowed (u.get_max_cstate).' });

export const XEN_SYSCTL_pm_op_get_vcpu_migration_delay = constant('XEN_SYSCTL_pm_op_get_vcpu_migration_delay', 37, { since: '4.6', spelling: 'hex', doc: 'pm_op: read the credit scheduler\'s migration delay.' });

export const XEN_SYSCTL_pm_op_enable_turbo = constant('XEN_SYSCTL_pm_op_enable_turbo', 38, { since: '4.6', spelling: 'hex', doc: 'pm_op: allow turbo frequencies on `cpuid`.' });

export const XEN_SYSCTL_pm_op_disable_turbo = constant('XEN_SYSCTL_pm_op_disable_turbo', 39, { since: '4.6', spelling: 'hex', doc: 'pm_op: forbid turbo frequencies on `cpuid`.' });

export const XEN_SYSCTL_CX_UNLIMITED = constant('XEN_SYSCTL_CX_UNLIMITED', 4294967295, { since: '4.13', cType: 'unsigned int', spelling: 'hex', doc: 'A C-state limit meaning no limit.' });

export const sysctl_page_offline = constant('sysctl_page_offline', 1, { since: '4.6', doc: 'page_offline_op: take the pages out of use.' });

export const sysctl_page_online = constant('sysctl_page_online', 2, { since: '4.6', doc: 'page_offline_op: put the pages back in use.' });

export const sysctl_query_page_offline = constant('sysctl_query_page_offline', 3, { since: '4.6', doc: 'page_offline_op: report the pages\' state.' });

export const PG_OFFLINE_STATUS_MASK = constant('PG_OFFLINE_STATUS_MASK', 255, { since: '4.6', cType: 'unsigned long', spelling: 'hex', doc: 'The bits of a page status word that hold the result.' });

export const PG_OFFLINE_STATUS_OFFLINED = constant('PG_OFFLINE_STATUS_OFFLINED', 2, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Query: the page is offline.' });

export const PG_OFFLINE_STATUS_ONLINE = constant('PG_OFFLINE_STATUS_ONLINE', 4, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Query: the page is online.' });

export const PG_OFFLINE_STATUS_OFFLINE_PENDING = constant('PG_OFFLINE_STATUS_OFFLINE_PENDING', 8, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Query: the page is waiting to go offline.' });

export const PG_OFFLINE_STATUS_BROKEN = constant('PG_OFFLINE_STATUS_BROKEN', 16, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Query: the page is marked broken.' });

export const PG_OFFLINE_INVALID = constant('PG_OFFLINE_INVALID', 1, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Result: the page is invalid.' });

export const PG_OFFLINE_OFFLINED = constant('PG_OFFLINE_OFFLINED', 2, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Result: the page is offline.' });

export const PG_OFFLINE_PENDING = constant('PG_OFFLINE_PENDING', 4, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Result: the page will go offline once its owner frees it.' });

export const PG_OFFLINE_FAILED = constant('PG_OFFLINE_FAILED', 8, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Result: the request failed.' });

export const PG_OFFLINE_AGAIN = constant('PG_OFFLINE_AGAIN', 16, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'Result: try again.' });

export const PG_OFFLINE_MISC_MASK = constant('PG_OFFLINE_MISC_MASK', 4080, { since: '4.6', cType: 'unsigned long', spelling: 'hex', doc: 'The bits of a status word that say more about the page.' });

export const PG_OFFLINE_XENPAGE = constant('PG_OFFLINE_XENPAGE', 256, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'The page belongs to Xen.' });

export const PG_OFFLINE_DOM0PAGE = constant('PG_OFFLINE_DOM0PAGE', 512, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'The page belongs to dom0.' });

export const PG_OFFLINE_ANONYMOUS = constant('PG_OFFLINE_ANONYMOUS', 1024, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'The page belongs to no domain.' });

export const PG_OFFLINE_NOT_CONV_RAM = constant('PG_OFFLINE_NOT_CONV_RAM', 2048, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'The frame is not conventional RAM.' });

export const PG_OFFLINE_OWNED = constant('PG_OFFLINE_OWNED', 4096, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'The page belongs to a domain, named above PG_OFFLINE_OWNER_SHIFT.' });

export const PG_OFFLINE_BROKEN = constant('PG_OFFLINE_BROKEN', 8192, { since: '4.6', cType: 'unsigned long', spelling: 'shift', doc: 'The page is broken (memory errors).' });

export const PG_ONLINE_FAILED = constant('PG_ONLINE_FAILED', 8, { since: '4.6', cType: 'unsigned long', doc: 'Result of onlining: failed (the value of PG_OFFLINE_FAILED).' });

export const PG_ONLINE_ONLINED = constant('PG_ONLINE_ONLINED', 2, { since: '4.6', cType: 'unsigned long', doc: 'Result of onlining: the page is in use again (the value of PG_OFFLINE_OFFLINED).' });

export const PG_ONLINE_BROKEN = constant('PG_ONLINE_BROKEN', 8192, { since: '4.6', cType: 'unsigned long', doc: 'Onlining: the page is broken (the value of PG_OFFLINE_BROKEN).' });

export const PG_OFFLINE_OWNER_SHIFT = constant('PG_OFFLINE_OWNER_SHIFT', 16, { since: '4.6', doc: 'The shift of the owning domain\'s ID in a status word.' });

export const XEN_SYSCTL_LOCKPROF = valueSet('XEN_SYSCTL_LOCKPROF', {
  since: '4.6',
  field: 'xen_sysctl_lockprof_op.cmd',
  doc: 'Commands of xen_sysctl_lockprof_op.',
  values: [
    constant('XEN_SYSCTL_LOCKPROF_reset', 1, { since: '4.6', doc: 'Zero the profile.' }),
    constant('XEN_SYSCTL_LOCKPROF_query', 2, { since: '4.6', doc: 'Read the profile.' }),
  ],
});

export const LOCKPROF_TYPE = valueSet('LOCKPROF_TYPE', {
  since: '4.6',
  field: 'xen_sysctl_lockprof_data.type',
  doc: 'Kinds of profiled lock, in xen_sysctl_lockprof_data.type.',
  values: [
    constant('LOCKPROF_TYPE_GLOBAL', 0, { since: '4.6', doc: 'A single lock; `idx` means nothing.' }),
    constant('LOCKPROF_TYPE_PERDOM', 1, { since: '4.6', doc: 'A lock of each domain; `idx` is the domain ID.' }),
  ],
});

export const LOCKPROF_TYPE_N = constant('LOCKPROF_TYPE_N', 2, { since: '4.6', doc: 'How many kinds there are.' });

export const XEN_INVALID_CORE_ID = constant('XEN_INVALID_CORE_ID', 4294967295, { since: '4.6', cType: 'unsigned int', doc: 'xen_sysctl_cputopo.core of a CPU not present.' });

export const XEN_INVALID_DEV = constant('XEN_INVALID_DEV', 4294967294, { since: '4.6', cType: 'unsigned int', doc: 'pcitopoinfo: a device Xen does not know.' });

export const XEN_INVALID_SOCKET_ID = constant('XEN_INVALID_SOCKET_ID', 4294967295, { since: '4.6', cType: 'unsigned int', doc: 'xen_sysctl_cputopo.socket of a CPU not present.' });

export const XEN_INVALID_NODE_ID = constant('XEN_INVALID_NODE_ID', 4294967295, { since: '4.6', cType: 'unsigned int', doc: 'No NUMA node.' });

export const XEN_INVALID_MEM_SZ = constant('XEN_INVALID_MEM_SZ', 4294967295, { since: '4.6', cType: 'unsigned int', doc: 'xen_sysctl_meminfo.memsize of a node not present.' });

export const XEN_INVALID_NODE_DIST = constant('XEN_INVALID_NODE_DIST', 4294967295, { since: '4.6', cType: 'unsigned int', doc: 'An unknown node distance.' });

export const XEN_SYSCTL_CPUPOOL_OP = valueSet('XEN_SYSCTL_CPUPOOL_OP', {
  since: '4.6',
  field: 'xen_sysctl_cpupool_op.op',
  doc: 'Commands of xen_sysctl_cpupool_op.',
  values: [
    constant('XEN_SYSCTL_CPUPOOL_OP_CREATE', 1, { since: '4.6', doc: 'Create a pool.' }),
    constant('XEN_SYSCTL_CPUPOOL_OP_DESTROY', 2, { since: '4.6', doc: 'Destroy an empty pool.' }),
    constant('XEN_SYSCTL_CPUPOOL_OP_INFO', 3, { since: '4.6', doc: 'Describe a pool (the first with an ID at or above cpupool_id).' }),
    constant('XEN_SYSCTL_CPUPOOL_OP_ADDCPU', 4, { since: '4.6', doc: 'Add a free CPU to a pool.' }),
    constant('XEN_SYSCTL_CPUPOOL_OP_RMCPU', 5, { since: '4.6', doc: 'Remove a CPU from a pool.' }),
    constant('XEN_SYSCTL_CPUPOOL_OP_MOVEDOMAIN', 6, { since: '4.6', doc: 'Move a domain into a pool.' }),
    constant('XEN_SYSCTL_CPUPOOL_OP_FREEINFO', 7, { since: '4.6', doc: 'The CPUs in no pool.' }),
  ],
});

export const XEN_SYSCTL_CPUPOOL_PAR_ANY = constant('XEN_SYSCTL_CPUPOOL_PAR_ANY', 4294967295, { since: '4.6', cType: 'unsigned int', spelling: 'hex', doc: 'Any pool ID or CPU: let Xen choose.' });

export const ARINC653_MAX_DOMAINS_PER_SCHEDULE = constant('ARINC653_MAX_DOMAINS_PER_SCHEDULE', 64, { since: '4.6', doc: 'The most entries an ARINC 653 schedule holds.' });

export const XEN_SYSCTL_CSCHED_TSLICE_MAX = constant('XEN_SYSCTL_CSCHED_TSLICE_MAX', 1000, { since: '4.6', doc: 'The longest credit time slice, in milliseconds.' });

export const XEN_SYSCTL_CSCHED_TSLICE_MIN = constant('XEN_SYSCTL_CSCHED_TSLICE_MIN', 1, { since: '4.6', doc: 'The shortest credit time slice, in milliseconds.' });

export const XEN_SYSCTL_CSCHED_MGR_DLY_MAX_US = constant('XEN_SYSCTL_CSCHED_MGR_DLY_MAX_US', 100000, { since: '4.11', doc: 'The longest credit migration delay, in microseconds.' });

export const XEN_SYSCTL_SCHED_RATELIMIT_MAX = constant('XEN_SYSCTL_SCHED_RATELIMIT_MAX', 500000, { since: '4.6', doc: 'The largest scheduler rate limit, in microseconds.' });

export const XEN_SYSCTL_SCHED_RATELIMIT_MIN = constant('XEN_SYSCTL_SCHED_RATELIMIT_MIN', 100, { since: '4.6', doc: 'The smallest non-zero scheduler rate limit, in microseconds.' });

export const XEN_SYSCTL_SCHEDOP = valueSet('XEN_SYSCTL_SCHEDOP', {
  since: '4.6',
  field: 'xen_sysctl_scheduler_op.cmd',
  doc: 'Commands of xen_sysctl_scheduler_op.',
  values: [
    constant('XEN_SYSCTL_SCHEDOP_putinfo', 0, { since: '4.6', doc: 'Set the settings.' }),
    constant('XEN_SYSCTL_SCHEDOP_getinfo', 1, { since: '4.6', doc: 'Read the settings.' }),
  ],
});

export const XEN_GCOV_FORMAT_MAGIC = constant('XEN_GCOV_FORMAT_MAGIC', 1480806230, { since: '4.9', spelling: 'hex', doc: 'The first word of Xen\'s coverage data (the ASCII letters XCOV).' });

export const XEN_SYSCTL_COVERAGE = valueSet('XEN_SYSCTL_COVERAGE', {
  since: '4.6',
  doc: 'Commands of xen_sysctl_coverage_op.',
  values: [
    constant('XEN_SYSCTL_COVERAGE_get_total_size', 0, { since: '4.6', until: '4.9', doc: 'The bytes a read needs (until 4.9).' }),
    constant('XEN_SYSCTL_COVERAGE_get_size', 0, { since: '4.11', doc: 'The bytes a read needs (from 4.11).' }),
    constant('XEN_SYSCTL_COVERAGE_read', 1, { since: '4.6', until: '4.9', doc: 'Read the data (4.6 to 4.8; back in 4.11).' }),
    constant('XEN_SYSCTL_COVERAGE_read', 1, { since: '4.11', doc: 'Read the data (from 4.11; also 4.6 to 4.8).' }),
    constant('XEN_SYSCTL_COVERAGE_reset', 2, { since: '4.6', until: '4.9', doc: 'Zero the counters (4.6 to 4.8; back in 4.11).' }),
    constant('XEN_SYSCTL_COVERAGE_reset', 2, { since: '4.11', doc: 'Zero the counters (from 4.11; also 4.6 to 4.8).' }),
    constant('XEN_SYSCTL_COVERAGE_read_and_reset', 3, { since: '4.6', until: '4.9', doc: 'Read the data and zero the counters (until 4.9).' }),
  ],
});

export const XEN_SYSCTL_PSR_CMT = valueSet('XEN_SYSCTL_PSR_CMT', {
  since: '4.6',
  field: 'xen_sysctl_psr_cmt_op.cmd',
  doc: 'Queries of xen_sysctl_psr_cmt_op.',
  values: [
    constant('XEN_SYSCTL_PSR_CMT_get_total_rmid', 0, { since: '4.6', doc: 'How many resource monitoring IDs there are.' }),
    constant('XEN_SYSCTL_PSR_CMT_get_l3_upscaling_factor', 1, { since: '4.6', doc: 'The factor that turns an L3 occupancy count into bytes.' }),
    constant('XEN_SYSCTL_PSR_CMT_get_l3_cache_size', 2, { since: '4.6', doc: 'The L3 cache size of a CPU, in KiB.' }),
    constant('XEN_SYSCTL_PSR_CMT_enabled', 3, { since: '4.6', doc: 'Whether monitoring is on.' }),
    constant('XEN_SYSCTL_PSR_CMT_get_l3_event_mask', 4, { since: '4.6', doc: 'Which L3 events can be monitored.' }),
  ],
});

export const XEN_SYSCTL_PSR = valueSet('XEN_SYSCTL_PSR', {
  since: '4.11',
  field: 'xen_sysctl_psr_alloc.cmd',
  doc: 'Queries of xen_sysctl_psr_alloc.',
  values: [
    constant('XEN_SYSCTL_PSR_get_l3_info', 0, { since: '4.11', doc: 'L3 cache allocation.' }),
    constant('XEN_SYSCTL_PSR_get_l2_info', 1, { since: '4.11', doc: 'L2 cache allocation.' }),
    constant('XEN_SYSCTL_PSR_get_mba_info', 2, { since: '4.11', doc: 'Memory bandwidth allocation.' }),
  ],
});

export const XEN_SYSCTL_PSR_CAT = valueSet('XEN_SYSCTL_PSR_CAT', {
  since: '4.6',
  until: '4.11',
  field: 'xen_sysctl_psr_cat_op.cmd',
  doc: 'Queries of xen_sysctl_psr_cat_op (until 4.11).',
  values: [
    constant('XEN_SYSCTL_PSR_CAT_get_l3_info', 0, { since: '4.6', until: '4.11', doc: 'The L3 cache allocation of a socket.' }),
    constant('XEN_SYSCTL_PSR_CAT_get_l2_info', 1, { since: '4.10', until: '4.11', doc: 'The L2 cache allocation of a socket (4.10).' }),
  ],
});

export const XEN_SYSCTL_PSR_CAT_L3_CDP = constant('XEN_SYSCTL_PSR_CAT_L3_CDP', 1, { since: '4.7', cType: 'unsigned int', spelling: 'shift', doc: 'cat_info.flags: code and data prioritisation is on.' });

export const XEN_SYSCTL_PSR_MBA_LINEAR = constant('XEN_SYSCTL_PSR_MBA_LINEAR', 1, { since: '4.11', cType: 'unsigned int', spelling: 'shift', doc: 'mba_info.flags: throttling values are linear.' });

export const XEN_SYSCTL_CPU_LEVELCAP = flagSet('XEN_SYSCTL_CPU_LEVELCAP', {
  since: '4.7',
  until: '4.22',
  field: 'xen_sysctl_cpu_levelling_caps.caps',
  doc: 'CPUID levelling capabilities, in xen_sysctl_cpu_levelling_caps.caps.',
  flags: [
    flag('XEN_SYSCTL_CPU_LEVELCAP_faulting', 0, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'CPUID faulting.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_ecx', 1, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 1 ECX.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_edx', 2, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 1 EDX.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_extd_ecx', 3, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 0x80000001 ECX.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_extd_edx', 4, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 0x80000001 EDX.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_xsave_eax', 5, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 0xd sub-leaf 1 EAX.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_thermal_ecx', 6, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 6 ECX.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_l7s0_eax', 7, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 7 sub-leaf 0 EAX.' }),
    flag('XEN_SYSCTL_CPU_LEVELCAP_l7s0_ebx', 8, { since: '4.7', until: '4.22', cType: 'unsigned long', doc: 'Masking of leaf 7 sub-leaf 0 EBX.' }),
  ],
});

export const XEN_SYSCTL_cpu_featureset = valueSet('XEN_SYSCTL_cpu_featureset', {
  since: '4.7',
  field: 'xen_sysctl_cpu_featureset.index',
  doc: 'Which featureset xen_sysctl_cpu_featureset.index asks for.',
  values: [
    constant('XEN_SYSCTL_cpu_featureset_raw', 0, { since: '4.7', doc: 'What the hardware reports.' }),
    constant('XEN_SYSCTL_cpu_featureset_host', 1, { since: '4.7', doc: 'What Xen uses.' }),
    constant('XEN_SYSCTL_cpu_featureset_pv', 2, { since: '4.7', doc: 'The default for PV guests.' }),
    constant('XEN_SYSCTL_cpu_featureset_hvm', 3, { since: '4.7', doc: 'The default for HVM guests.' }),
    constant('XEN_SYSCTL_cpu_featureset_pv_max', 4, { since: '4.18', doc: 'The most a PV guest may get (from 4.18).' }),
    constant('XEN_SYSCTL_cpu_featureset_hvm_max', 5, { since: '4.18', doc: 'The most an HVM guest may get (from 4.18).' }),
  ],
});

export const LIVEPATCH_PAYLOAD_VERSION = constant('LIVEPATCH_PAYLOAD_VERSION', 1, { since: '4.7', history: [{ since: '4.14', value: 2 }], doc: 'The version of the patch-function records a live patch must carry. Example: 2.' });

export const LIVEPATCH_FLAG_FORCE = constant('LIVEPATCH_FLAG_FORCE', 1, { since: '4.19', cType: 'unsigned int', spelling: 'shift', doc: 'xen_sysctl_livepatch_op.flags: skip some safety checks.' });

export const XEN_LIVEPATCH_NAME_SIZE = constant('XEN_LIVEPATCH_NAME_SIZE', 128, { since: '4.7', doc: 'The longest live patch name, in bytes.' });

export const XEN_SYSCTL_GCOV = valueSet('XEN_SYSCTL_GCOV', {
  since: '4.9',
  until: '4.11',
  field: 'xen_sysctl_gcov_op.cmd',
  doc: 'Commands of xen_sysctl_gcov_op (4.9 and 4.10).',
  values: [
    constant('XEN_SYSCTL_GCOV_get_size', 0, { since: '4.9', until: '4.11', doc: 'The bytes a read needs.' }),
    constant('XEN_SYSCTL_GCOV_read', 1, { since: '4.9', until: '4.11', doc: 'Read the counters.' }),
    constant('XEN_SYSCTL_GCOV_reset', 2, { since: '4.9', until: '4.11', doc: 'Zero the counters.' }),
  ],
});

export const XEN_SYSCTL_LIVEPATCH = valueSet('XEN_SYSCTL_LIVEPATCH', {
  since: '4.7',
  field: 'xen_sysctl_livepatch_op.cmd',
  doc: 'Commands of xen_sysctl_livepatch_op.',
  values: [
    constant('XEN_SYSCTL_LIVEPATCH_UPLOAD', 0, { since: '4.7', doc: 'Load a patch.' }),
    constant('XEN_SYSCTL_LIVEPATCH_GET', 1, { since: '4.7', doc: 'The state of a patch.' }),
    constant('XEN_SYSCTL_LIVEPATCH_LIST', 2, { since: '4.7', doc: 'List the patches.' }),
    constant('XEN_SYSCTL_LIVEPATCH_ACTION', 3, { since: '4.7', doc: 'Act on a patch.' }),
  ],
});

export const LIVEPATCH_STATE = valueSet('LIVEPATCH_STATE', {
  since: '4.7',
  field: 'xen_livepatch_status.state',
  doc: 'States of a live patch, in xen_livepatch_status.state.',
  values: [
    constant('LIVEPATCH_STATE_CHECKED', 1, { since: '4.7', doc: 'Loaded and checked, not applied.' }),
    constant('LIVEPATCH_STATE_APPLIED', 2, { since: '4.7', doc: 'Applied.' }),
  ],
});

export const LIVEPATCH_ACTION = valueSet('LIVEPATCH_ACTION', {
  since: '4.7',
  field: 'xen_sysctl_livepatch_action.cmd',
  doc: 'Actions of xen_sysctl_livepatch_action.',
  values: [
    constant('LIVEPATCH_ACTION_UNLOAD', 1, { since: '4.7', doc: 'Unload a patch that is not applied.' }),
    constant('LIVEPATCH_ACTION_REVERT', 2, { since: '4.7', doc: 'Undo a patch.' }),
    constant('LIVEPATCH_ACTION_APPLY', 3, { since: '4.7', doc: 'Apply a patch.' }),
    constant('LIVEPATCH_ACTION_REPLACE', 4, { since: '4.7', doc: 'Revert every applied patch and apply this one.' }),
  ],
});

export const LIVEPATCH_ACTION_APPLY_NODEPS = constant('LIVEPATCH_ACTION_APPLY_NODEPS', 1, { since: '4.14', spelling: 'shift', doc: 'xen_sysctl_livepatch_action.flags: apply without checking the build-ID dependencies.' });

export const LIVEPATCH_FLAGS_MASK = constant('LIVEPATCH_FLAGS_MASK', 1, { since: '4.19', cType: 'unsigned int', doc: 'Every bit xen_sysctl_livepatch_op.flags may have.' });

export const XEN_SYSCTL_cpu_policy = valueSet('XEN_SYSCTL_cpu_policy', {
  since: '4.12',
  doc: 'Which policy xen_sysctl_cpu_policy.index asks for.',
  values: [
    constant('XEN_SYSCTL_cpu_policy_raw', 0, { since: '4.12', archs: ['x86_32', 'x86_64'], doc: 'What the hardware reports.' }),
    constant('XEN_SYSCTL_cpu_policy_host', 1, { since: '4.12', archs: ['x86_32', 'x86_64'], doc: 'What Xen uses.' }),
    constant('XEN_SYSCTL_cpu_policy_pv_max', 2, { since: '4.12', archs: ['x86_32', 'x86_64'], doc: 'The most a PV guest may get.' }),
    constant('XEN_SYSCTL_cpu_policy_hvm_max', 3, { since: '4.12', archs: ['x86_32', 'x86_64'], doc: 'The most an HVM guest may get.' }),
    constant('XEN_SYSCTL_cpu_policy_pv_default', 4, { since: '4.12', archs: ['x86_32', 'x86_64'], doc: 'The default for PV guests.' }),
    constant('XEN_SYSCTL_cpu_policy_hvm_default', 5, { since: '4.12', archs: ['x86_32', 'x86_64'], doc: 'The default for HVM guests.' }),
  ],
});

export const XEN_SYSCTL_DT_OVERLAY = valueSet('XEN_SYSCTL_DT_OVERLAY', {
  since: '4.18',
  doc: 'Commands of xen_sysctl_dt_overlay.overlay_op (Arm).',
  values: [
    constant('XEN_SYSCTL_DT_OVERLAY_ADD', 1, { since: '4.18', archs: ['arm32', 'arm64'], doc: 'Add the overlay\'s nodes.' }),
    constant('XEN_SYSCTL_DT_OVERLAY_REMOVE', 2, { since: '4.18', archs: ['arm32', 'arm64'], doc: 'Remove them.' }),
  ],
});

/**
 * The op number of coverage_op in its first run of releases (4.6 to 4.8), kept out of the op set
 * because its payload of those releases is not declared (see the module's doc).
 */
export const XEN_SYSCTL_coverage_op_first = constant('XEN_SYSCTL_coverage_op', 20, {
  since: '4.6',
  until: '4.9',
  doc: 'Read or reset code coverage (4.6 to 4.8, with a payload of another layout, not declared; 4.9 and 4.10 used the number for gcov_op; back in 4.11).',
});

export const XEN_SYSCTL_ops = opSet('XEN_SYSCTL', {
  since: '4.6',
  field: 'xen_sysctl.cmd',
  doc: 'The sysctl operations, each with the member of `xen_sysctl.u` that carries its payload.',
  dispatch: { record: xen_sysctl, opField: 'cmd', payloadField: 'u' },
  ops: [
    op(constant('XEN_SYSCTL_readconsole', 1, { since: '4.6', doc: 'Read the hypervisor console ring.' }), { member: 'readconsole', record: xen_sysctl_readconsole }),
    op(constant('XEN_SYSCTL_tbuf_op', 2, { since: '4.6', doc: 'Control trace buffers.' }), { member: 'tbuf_op', record: xen_sysctl_tbuf_op }),
    op(constant('XEN_SYSCTL_physinfo', 3, { since: '4.6', doc: 'Describe the host.' }), { member: 'physinfo', record: xen_sysctl_physinfo }),
    op(constant('XEN_SYSCTL_sched_id', 4, { since: '4.6', doc: 'The default CPU pool\'s scheduler.' }), { member: 'sched_id', record: xen_sysctl_sched_id }),
    op(constant('XEN_SYSCTL_perfc_op', 5, { since: '4.6', doc: 'Reset or read performance counters.' }), { member: 'perfc_op', record: xen_sysctl_perfc_op }),
    op(constant('XEN_SYSCTL_getdomaininfolist', 6, { since: '4.6', doc: 'The state of several domains.' }), { member: 'getdomaininfolist', record: xen_sysctl_getdomaininfolist }),
    op(constant('XEN_SYSCTL_debug_keys', 7, { since: '4.6', doc: 'Inject debug keys.' }), { member: 'debug_keys', record: xen_sysctl_debug_keys }),
    op(constant('XEN_SYSCTL_getcpuinfo', 8, { since: '4.6', doc: 'Idle time per CPU.' }), { member: 'getcpuinfo', record: xen_sysctl_getcpuinfo }),
    op(constant('XEN_SYSCTL_availheap', 9, { since: '4.6', doc: 'Free heap memory by address width and node.' }), { member: 'availheap', record: xen_sysctl_availheap }),
    op(constant('XEN_SYSCTL_get_pmstat', 10, { since: '4.6', doc: 'Power-management statistics of a CPU.' }), { member: 'get_pmstat', record: xen_sysctl_get_pmstat }),
    op(constant('XEN_SYSCTL_cpu_hotplug', 11, { since: '4.6', doc: 'Bring CPUs online or offline.' }), { member: 'cpu_hotplug', record: xen_sysctl_cpu_hotplug }),
    op(constant('XEN_SYSCTL_pm_op', 12, { since: '4.6', doc: 'Frequency scaling and idle-state control.' }), { member: 'pm_op', record: xen_sysctl_pm_op }),
    op(constant('XEN_SYSCTL_page_offline_op', 14, { since: '4.6', doc: 'Offline, online or query machine pages.' }), { member: 'page_offline', record: xen_sysctl_page_offline_op }),
    op(constant('XEN_SYSCTL_lockprof_op', 15, { since: '4.6', doc: 'Reset or read the lock profile.' }), { member: 'lockprof_op', record: xen_sysctl_lockprof_op }),
    op(constant('XEN_SYSCTL_cputopoinfo', 16, { since: '4.6', doc: 'CPU topology.' }), { member: 'cputopoinfo', record: xen_sysctl_cputopoinfo }),
    op(constant('XEN_SYSCTL_numainfo', 17, { since: '4.6', doc: 'NUMA node memory and distances.' }), { member: 'numainfo', record: xen_sysctl_numainfo }),
    op(constant('XEN_SYSCTL_cpupool_op', 18, { since: '4.6', doc: 'Manage CPU pools.' }), { member: 'cpupool_op', record: xen_sysctl_cpupool_op }),
    op(constant('XEN_SYSCTL_scheduler_op', 19, { since: '4.6', doc: 'Read or set a pool\'s scheduler settings.' }), { member: 'scheduler_op', record: xen_sysctl_scheduler_op }),
    op(constant('XEN_SYSCTL_coverage_op', 20, { since: '4.11', doc: 'Read or reset code coverage (from 4.11; also 4.6 to 4.8 with another payload; 4.9 and 4.10 used the number for gcov_op).' }), { member: 'coverage_op', record: xen_sysctl_coverage_op }),
    op(constant('XEN_SYSCTL_gcov_op', 20, { since: '4.9', until: '4.11', doc: 'Read or reset gcov counters (4.9 and 4.10).' }), { member: 'gcov_op', record: xen_sysctl_gcov_op }),
    op(constant('XEN_SYSCTL_psr_cmt_op', 21, { since: '4.6', doc: 'Cache monitoring capabilities.' }), { member: 'psr_cmt_op', record: xen_sysctl_psr_cmt_op }),
    op(constant('XEN_SYSCTL_pcitopoinfo', 22, { since: '4.6', doc: 'NUMA nodes of PCI devices.' }), { member: 'pcitopoinfo', record: xen_sysctl_pcitopoinfo }),
    op(constant('XEN_SYSCTL_psr_cat_op', 23, { since: '4.6', until: '4.11', doc: 'Cache allocation capabilities (until 4.11).' }), { member: 'psr_cat_op', record: xen_sysctl_psr_cat_op }),
    op(constant('XEN_SYSCTL_psr_alloc', 23, { since: '4.11', doc: 'Resource allocation capabilities (from 4.11).' }), { member: 'psr_alloc', record: xen_sysctl_psr_alloc }),
    op(constant('XEN_SYSCTL_get_cpu_levelling_caps', 25, { since: '4.7', until: '4.22', doc: 'CPUID levelling capabilities (4.7 to 4.21).' }), { member: 'cpu_levelling_caps', record: xen_sysctl_cpu_levelling_caps }),
    op(constant('XEN_SYSCTL_get_cpu_featureset', 26, { since: '4.7', doc: 'A CPU featureset.' }), { member: 'cpu_featureset', record: xen_sysctl_cpu_featureset }),
    op(constant('XEN_SYSCTL_livepatch_op', 27, { since: '4.7', doc: 'Manage live patches.' }), { member: 'livepatch', record: xen_sysctl_livepatch_op }),
    op(constant('XEN_SYSCTL_set_parameter', 28, { since: '4.10', until: '4.14', doc: 'Change run-time parameters (4.10 to 4.13).' }), { member: 'set_parameter', record: xen_sysctl_set_parameter }),
    op(constant('XEN_SYSCTL_get_cpu_policy', 29, { since: '4.12', doc: 'A CPU policy (x86); its payload is declared from 4.18 only, see xen_sysctl_cpu_policy.' })),
    op(constant('XEN_SYSCTL_dt_overlay', 30, { since: '4.18', doc: 'Apply or remove a device-tree overlay (Arm).' })),
  ],
});

export const XEN_SYSCTL_tmem_op = constant('XEN_SYSCTL_tmem_op', 24, { since: '4.6', until: '4.13', doc: 'Transcendent memory control (until 4.13); not declared.' });

export default abiModule({
  name: 'sysctl',
  xenHeader: 'sysctl.h',
  xenGuard: '__XEN_PUBLIC_SYSCTL_H__',
  coverage: 'partial',
  doc: 'The unstable system-control interface (XEN_SYSCTL_*): host-wide queries and settings for the toolstack.',
  interfaceVersion: XEN_SYSCTL_INTERFACE_VERSION,
  items: [
    xen_sysctl_readconsole,
    xen_sysctl_tbuf_op,
    xen_sysctl_physinfo,
    xen_sysctl_sched_id,
    xen_sysctl_perfc_desc,
    xen_sysctl_perfc_val_t,
    xen_sysctl_perfc_op,
    xen_sysctl_getdomaininfolist,
    xen_sysctl_debug_keys,
    xen_sysctl_cpuinfo,
    xen_sysctl_getcpuinfo,
    xen_sysctl_availheap,
    pm_px_val,
    pm_px_stat,
    pm_cx_stat,
    xen_sysctl_get_pmstat,
    xen_sysctl_cpu_hotplug,
    xen_userspace,
    xen_ondemand,
    xen_get_cppc_para,
    xen_cppc_para,
    xen_set_cppc_para,
    xen_get_cpufreq_para,
    xen_set_cpufreq_gov,
    xen_set_cpufreq_para,
    xen_sysctl_pm_op,
    xen_sysctl_page_offline_op,
    xen_sysctl_lockprof_data,
    xen_sysctl_lockprof_op,
    xen_sysctl_cputopo,
    xen_sysctl_cputopoinfo,
    xen_sysctl_meminfo,
    xen_sysctl_numainfo,
    xen_sysctl_cpupool_op,
    xen_sysctl_credit_schedule,
    xen_sysctl_credit2_schedule,
    ARINC653_MAX_DOMAINS_PER_SCHEDULE,
    xen_sysctl_arinc653_schedule,
    xen_sysctl_sched_arinc653,
    xen_sysctl_scheduler_op,
    xen_sysctl_gcov_op,
    xen_sysctl_coverage_op,
    xen_sysctl_psr_cmt_op,
    xen_sysctl_pcitopoinfo,
    xen_sysctl_psr_alloc,
    xen_sysctl_psr_cat_op,
    xen_sysctl_cpu_levelling_caps,
    xen_sysctl_cpu_featureset,
    xen_livepatch_name,
    xen_sysctl_livepatch_upload,
    xen_livepatch_status,
    xen_sysctl_livepatch_get,
    xen_sysctl_livepatch_list,
    xen_sysctl_livepatch_action,
    xen_sysctl_livepatch_op,
    xen_sysctl_set_parameter,
    xen_sysctl_cpu_policy,
    xen_sysctl_dt_overlay,
    xen_sysctl,
    XEN_SYSCTL_INTERFACE_VERSION,
    XEN_SYSCTL_TBUFOP,
    XEN_SYSCTL_PHYSCAP,
    XEN_SYSCTL_PHYSCAP_MAX,
    XEN_SYSCTL_PHYSCAP_ARM_SVE_MASK,
    XEN_SYSCTL_PERFCOP,
    PMSTAT_CATEGORY_MASK,
    PMSTAT_PX,
    PMSTAT_CX,
    PMSTAT,
    XEN_SYSCTL_CPU_HOTPLUG,
    XEN_SYSCTL_CPPC_FEAT_ACT_WINDOW,
    XEN_SYSCTL_CPPC_ACT_WINDOW_MASK,
    XEN_CPPC_ACT_WINDOW_MANTISSA_MASK,
    XEN_CPPC_ACT_WINDOW_EXPONENT_MASK,
    XEN_SYSCTL_CPPC_SET_MINIMUM,
    XEN_SYSCTL_CPPC_SET_MAXIMUM,
    XEN_SYSCTL_CPPC_SET_DESIRED,
    XEN_SYSCTL_CPPC_SET_ENERGY_PERF,
    XEN_SYSCTL_CPPC_SET_ACT_WINDOW,
    XEN_SYSCTL_CPPC_SET_PARAM_MASK,
    XEN_SYSCTL_CPPC_SET_PRESET_MASK,
    XEN_SYSCTL_CPPC_SET_PRESET_NONE,
    XEN_SYSCTL_CPPC_SET_PRESET_ONDEMAND,
    XEN_SYSCTL_CPPC_SET_PRESET_BALANCE,
    XEN_SYSCTL_CPPC_SET_PRESET_POWERSAVE,
    XEN_SYSCTL_CPPC_SET_PRESET_PERFORMANCE,
    XEN_AMD_CPPC_DRIVER_NAME,
    XEN_AMD_CPPC_EPP_DRIVER_NAME,
    XEN_HWP_DRIVER_NAME,
    CPUFREQ_NAME_LEN,
    SCALING_MAX_FREQ,
    SCALING_MIN_FREQ,
    SCALING_SETSPEED,
    SAMPLING_RATE,
    UP_THRESHOLD,
    PM_PARA_CATEGORY_MASK,
    CPUFREQ_PARA,
    GET_CPUFREQ_PARA,
    GET_CPUFREQ_AVGFREQ,
    GET_CPUFREQ_CPPC,
    SET_CPUFREQ_GOV,
    SET_CPUFREQ_PARA,
    SET_CPUFREQ_CPPC,
    XEN_SYSCTL_pm_op_set_sched_opt_smt,
    XEN_SYSCTL_pm_op_set_max_cstate,
    XEN_SYSCTL_pm_op_set_vcpu_migration_delay,
    XEN_SYSCTL_pm_op_get_max_cstate,
    XEN_SYSCTL_pm_op_get_vcpu_migration_delay,
    XEN_SYSCTL_pm_op_enable_turbo,
    XEN_SYSCTL_pm_op_disable_turbo,
    XEN_SYSCTL_CX_UNLIMITED,
    sysctl_page_offline,
    sysctl_page_online,
    sysctl_query_page_offline,
    PG_OFFLINE_STATUS_MASK,
    PG_OFFLINE_STATUS_OFFLINED,
    PG_OFFLINE_STATUS_ONLINE,
    PG_OFFLINE_STATUS_OFFLINE_PENDING,
    PG_OFFLINE_STATUS_BROKEN,
    PG_OFFLINE_INVALID,
    PG_OFFLINE_OFFLINED,
    PG_OFFLINE_PENDING,
    PG_OFFLINE_FAILED,
    PG_OFFLINE_AGAIN,
    PG_OFFLINE_MISC_MASK,
    PG_OFFLINE_XENPAGE,
    PG_OFFLINE_DOM0PAGE,
    PG_OFFLINE_ANONYMOUS,
    PG_OFFLINE_NOT_CONV_RAM,
    PG_OFFLINE_OWNED,
    PG_OFFLINE_BROKEN,
    PG_ONLINE_FAILED,
    PG_ONLINE_ONLINED,
    PG_ONLINE_BROKEN,
    PG_OFFLINE_OWNER_SHIFT,
    XEN_SYSCTL_LOCKPROF,
    LOCKPROF_TYPE,
    LOCKPROF_TYPE_N,
    XEN_INVALID_CORE_ID,
    XEN_INVALID_DEV,
    XEN_INVALID_SOCKET_ID,
    XEN_INVALID_NODE_ID,
    XEN_INVALID_MEM_SZ,
    XEN_INVALID_NODE_DIST,
    XEN_SYSCTL_CPUPOOL_OP,
    XEN_SYSCTL_CPUPOOL_PAR_ANY,
    XEN_SYSCTL_CSCHED_TSLICE_MAX,
    XEN_SYSCTL_CSCHED_TSLICE_MIN,
    XEN_SYSCTL_CSCHED_MGR_DLY_MAX_US,
    XEN_SYSCTL_SCHED_RATELIMIT_MAX,
    XEN_SYSCTL_SCHED_RATELIMIT_MIN,
    XEN_SYSCTL_SCHEDOP,
    XEN_GCOV_FORMAT_MAGIC,
    XEN_SYSCTL_COVERAGE,
    XEN_SYSCTL_PSR_CMT,
    XEN_SYSCTL_PSR,
    XEN_SYSCTL_PSR_CAT,
    XEN_SYSCTL_PSR_CAT_L3_CDP,
    XEN_SYSCTL_PSR_MBA_LINEAR,
    XEN_SYSCTL_CPU_LEVELCAP,
    XEN_SYSCTL_cpu_featureset,
    LIVEPATCH_PAYLOAD_VERSION,
    LIVEPATCH_FLAG_FORCE,
    XEN_LIVEPATCH_NAME_SIZE,
    XEN_SYSCTL_GCOV,
    XEN_SYSCTL_LIVEPATCH,
    LIVEPATCH_STATE,
    LIVEPATCH_ACTION,
    LIVEPATCH_ACTION_APPLY_NODEPS,
    LIVEPATCH_FLAGS_MASK,
    XEN_SYSCTL_cpu_policy,
    XEN_SYSCTL_DT_OVERLAY,
    XEN_SYSCTL_ops,
    XEN_SYSCTL_coverage_op_first,
    XEN_SYSCTL_tmem_op,
  ],
});

/**
 * Xen's `xen.h` and the guest parts of its architecture headers, as far as they are numbers
 * and plain typedefs: hypercall numbers, reserved domain ids, virtual IRQs, the memory-
 * management command numbers and flags, VM-assist types and the console, start-info and
 * pvclock flags, on every architecture. Every other xenabi module includes this one.
 *
 * Its records (the shared-info page, vCPU info, start info, MMU and multicall arguments,
 * register contexts) live in the `xen_guest` module: this one declares only what can coexist
 * with Xen's own `xen.h` in either include order, so it never defines Xen's include guard.
 *
 * Everything here is what Xen shows a guest built for the newest interface and a tools build.
 * Names Xen offers only to guests that define an old `__XEN_INTERFACE_VERSION__` (below
 * 0x00040600: `MAX_VMASST_TYPE`, `NR_EVENT_CHANNELS`, `__HYPERVISOR_dom0_op`) are not declared;
 * the three hypercalls whose numbers Xen moves for such guests carry that as a legacy value.
 */
import { ARM, X86, abiModule, array, constant, flag, flagSet, typedef, u16, u8, valueSet } from 'xenabi/dsl';

/** Every architecture. */
const ALL = [...X86, ...ARM];

export const domid_t = typedef('domid_t', u16, {
  since: '4.6',
  doc: 'A domain identifier. Values from DOMID_FIRST_RESERVED (0x7FF0) up are reserved (DOMID_SELF, DOMID_INVALID, …).',
});

// ---- Hypercall numbers -------------------------------------------------------------------

interface HypercallOptions {
  since?: string;
  until?: string;
  archs?: typeof ALL;
  /** Xen's header moves the name to the compat hypercall for guests below this interface version. */
  legacy?: { value: number; belowInterfaceVersion: string };
}

/** A hypercall number: an `int` literal in Xen's header. */
function hc(name: string, value: number, doc: string, extra: HypercallOptions = {}) {
  return constant(`__HYPERVISOR_${name}`, value, {
    since: extra.since ?? '4.6',
    ...(extra.until ? { until: extra.until } : {}),
    ...(extra.archs ? { archs: extra.archs } : {}),
    ...(extra.legacy ? { legacyValue: extra.legacy } : {}),
    doc,
  });
}

export const __HYPERVISOR = valueSet('__HYPERVISOR', {
  since: '4.6',
  doc:
    'Hypercall numbers: the index of a hypercall in the hypercall page (x86) or the immediate of the HVC instruction (Arm). ' +
    'Xen keeps every number once given out, even when the hypercall is gone.',
  values: [
    hc('set_trap_table', 0, 'PV x86: install the table of trap handlers (trap_info).'),
    hc('mmu_update', 1, 'PV x86: a batch of page-table or machine-to-physical updates (mmu_update).'),
    hc('set_gdt', 2, 'PV x86: install the frames of the global descriptor table.'),
    hc('stack_switch', 3, 'PV x86: tell Xen the kernel stack to use for the next ring change.'),
    hc('set_callbacks', 4, 'PV x86: the old way to register event and failsafe callbacks; callback_op replaces it.'),
    hc('fpu_taskswitch', 5, 'PV x86: set or clear CR0.TS lazily.'),
    hc('sched_op_compat', 6, 'The scheduler hypercall of guest interfaces before 0x00030101, with its arguments passed by value.'),
    hc('platform_op', 7, 'Platform management for the control domain (time, microcode, power, CPU hotplug…).'),
    hc('set_debugreg', 8, 'PV x86: write a debug register.'),
    hc('get_debugreg', 9, 'PV x86: read a debug register.'),
    hc('update_descriptor', 10, 'PV x86: write one descriptor of a GDT or LDT frame.'),
    hc('memory_op', 12, 'Memory reservations, physmap changes and foreign resources (XENMEM_* sub-ops).'),
    hc('multicall', 13, 'Run a batch of hypercalls described by multicall_entry records.'),
    hc('update_va_mapping', 14, 'PV x86: change one page-table entry for a virtual address, with a TLB flush chosen by UVMF_*.'),
    hc('set_timer_op', 15, 'Arm the one-shot timer of the calling vCPU, in nanoseconds of system time.'),
    hc('event_channel_op_compat', 16, 'The event-channel hypercall of guest interfaces before 0x00030202, which takes one evtchn_op record.'),
    hc('xen_version', 17, 'Ask which Xen this is and what it offers (XENVER_* sub-ops).'),
    hc('console_io', 18, "Read or write Xen's own console (CONSOLEIO_*)."),
    hc('physdev_op_compat', 19, 'The physical-device hypercall of guest interfaces before 0x00030202, which takes one physdev_op record.'),
    hc('grant_table_op', 20, 'Grant-table operations (GNTTABOP_*).'),
    hc('vm_assist', 21, 'Turn a VM assist (VMASST_TYPE_*) on or off.'),
    hc('update_va_mapping_otherdomain', 22, 'PV x86: update_va_mapping on behalf of another domain.'),
    hc('iret', 23, 'PV x86: return from an exception or interrupt through Xen. Defined on every architecture, used on x86 only.'),
    hc('vcpu_op', 24, 'vCPU control: bring up, time areas, timers (VCPUOP_* sub-ops).'),
    hc('set_segment_base', 25, 'PV x86_64: set the FS or GS base (SEGBASE_*). Defined on every architecture, used on x86_64 only.'),
    hc('mmuext_op', 26, 'PV x86: extended MMU operations: pinning, base pointers, TLB and cache flushes (mmuext_op).'),
    hc('xsm_op', 27, 'The security module (XSM/FLASK) interface.'),
    hc('nmi_op', 28, 'Register or drop an NMI callback (XENNMI_* sub-ops).'),
    hc('sched_op', 29, 'Yield, block, shut down or poll (SCHEDOP_* sub-ops).', { legacy: { value: 6, belowInterfaceVersion: '0x00030101' } }),
    hc('callback_op', 30, 'Register or drop an event, failsafe or other callback (CALLBACKOP_* sub-ops).'),
    hc('xenoprof_op', 31, 'The Xenoprof profiler interface; Xen 4.22 drops the implementation but keeps the number.'),
    hc('event_channel_op', 32, 'Event-channel operations (EVTCHNOP_* sub-ops, each with its own record).', {
      legacy: { value: 16, belowInterfaceVersion: '0x00030202' },
    }),
    hc('physdev_op', 33, 'Physical IRQ, PCI and I/O-port operations (PHYSDEVOP_* sub-ops).', { legacy: { value: 19, belowInterfaceVersion: '0x00030202' } }),
    hc('hvm_op', 34, 'HVM guest and device-model control (HVMOP_* sub-ops).'),
    hc('sysctl', 35, 'System-wide control for the toolstack; unstable, versioned by XEN_SYSCTL_INTERFACE_VERSION.'),
    hc('domctl', 36, 'Per-domain control for the toolstack; unstable, versioned by XEN_DOMCTL_INTERFACE_VERSION.'),
    hc('kexec_op', 37, 'Load and run a kexec or crash kernel.'),
    hc('tmem_op', 38, 'Transcendent memory; Xen 4.13 removed the feature, the number stays taken.'),
    hc('xc_reserved_op', 39, 'Held for XenClient until Argo took the number in 4.12.', { until: '4.12' }),
    hc('argo_op', 39, 'Argo inter-domain messaging (XEN_ARGO_OP_* sub-ops).', { since: '4.12' }),
    hc('xenpmu_op', 40, 'Virtual performance-monitoring unit (XENPMU_* sub-ops).'),
    hc('dm_op', 41, 'Device-model operations on a guest (XEN_DMOP_*), stable since 4.15.', { since: '4.9' }),
    hc('hypfs_op', 42, 'The hypervisor file system (XEN_HYPFS_OP_* sub-ops).', { since: '4.14' }),
    hc('arch_0', 48, 'First number left to the architecture: the x86 machine-check hypercall.'),
    hc('arch_1', 49, 'Left to the architecture: x86 paging-domain operations for PV shadow mode.'),
    hc('arch_2', 50, 'Left to the architecture.'),
    hc('arch_3', 51, 'Left to the architecture.'),
    hc('arch_4', 52, 'Left to the architecture.'),
    hc('arch_5', 53, 'Left to the architecture.'),
    hc('arch_6', 54, 'Left to the architecture.'),
    hc('arch_7', 55, 'Last number left to the architecture.'),
  ],
});


// ---- Virtual IRQs --------------------------------------------------------------------------

const virq = (name: string, value: number, doc: string, extra: { since?: string; until?: string } = {}) =>
  constant(`VIRQ_${name}`, value, { since: extra.since ?? '4.6', ...(extra.until ? { until: extra.until } : {}), doc });

export const VIRQ = valueSet('VIRQ', {
  since: '4.6',
  doc:
    'Virtual IRQs: events Xen raises itself, bound to a port with EVTCHNOP_bind_virq. A per-vCPU one is bound on each vCPU that wants it; ' +
    'a global one once, by one domain (normally the control domain).',
  values: [
    virq('TIMER', 0, 'Per vCPU: the one-shot timer fired, or system time moved.'),
    virq('DEBUG', 1, 'Per vCPU: dump debugging state (the debug key was pressed).'),
    virq('CONSOLE', 2, "Global: bytes arrived on Xen's emergency console."),
    virq('DOM_EXC', 3, 'Global: some domain hit an exceptional event (crashed or shut down).'),
    virq('TBUF', 4, 'Global: the trace buffers hold records to read.'),
    virq('DEBUGGER', 6, 'Global: a domain stopped for a debugger.'),
    virq('XENOPROF', 7, 'Per vCPU: the profiler has a new sample.'),
    virq('CON_RING', 8, "Global: bytes arrived in Xen's console ring."),
    virq('PCPU_STATE', 9, 'Global: a physical CPU went on- or offline.'),
    virq('MEM_EVENT', 10, 'Global: a memory event was posted (the old memory-event rings).'),
    virq('XC_RESERVED', 11, 'Held for XenClient until Argo took the number in 4.12.', { until: '4.12' }),
    virq('ARGO', 11, 'Per domain: an Argo ring of the domain has new messages or space.', { since: '4.12' }),
    virq('ENOMEM', 12, 'Global: Xen runs low on free memory.'),
    virq('XENPMU', 13, 'Per vCPU: the virtual performance-monitoring unit interrupted.'),
    virq('ARCH_0', 16, 'First number left to the architecture: x86 uses it for machine-check events.'),
    virq('ARCH_1', 17, 'Left to the architecture.'),
    virq('ARCH_2', 18, 'Left to the architecture.'),
    virq('ARCH_3', 19, 'Left to the architecture.'),
    virq('ARCH_4', 20, 'Left to the architecture.'),
    virq('ARCH_5', 21, 'Left to the architecture.'),
    virq('ARCH_6', 22, 'Left to the architecture.'),
    virq('ARCH_7', 23, 'Last number left to the architecture.'),
  ],
});

export const NR_VIRQS = constant('NR_VIRQS', 24, { since: '4.6', doc: 'How many virtual IRQ numbers there are: every VIRQ_* is below this.' });

// ---- MMU operations (PV x86) ---------------------------------------------------------------

export const MMU = valueSet('MMU', {
  since: '4.6',
  doc: 'What an mmu_update entry does, held in the two low bits of its ptr field (ptr is 8-byte aligned, so they are free).',
  values: [
    constant('MMU_NORMAL_PT_UPDATE', 0, { since: '4.6', doc: 'Write val to the page-table entry at machine address ptr, after Xen checks it.' }),
    constant('MMU_MACHPHYS_UPDATE', 1, { since: '4.6', doc: 'Set the machine-to-physical entry of machine frame ptr >> PAGE_SHIFT to val.' }),
    constant('MMU_PT_UPDATE_PRESERVE_AD', 2, { since: '4.6', doc: 'As MMU_NORMAL_PT_UPDATE, keeping the accessed and dirty bits the entry had.' }),
    constant('MMU_PT_UPDATE_NO_TRANSLATE', 3, { since: '4.11', doc: 'As MMU_NORMAL_PT_UPDATE, with val a machine frame even for a translated guest.' }),
  ],
});

const mmuext = (name: string, value: number, doc: string) => constant(`MMUEXT_${name}`, value, { since: '4.6', doc });

export const MMUEXT = valueSet('MMUEXT', {
  since: '4.6',
  doc: 'The command of an mmuext_op entry (its cmd field): pin and unpin page tables, switch base pointers, flush TLBs and caches, copy and clear pages.',
  values: [
    mmuext('PIN_L1_TABLE', 0, 'Pin the frame arg1.mfn as a level-1 page table, so Xen keeps it validated.'),
    mmuext('PIN_L2_TABLE', 1, 'Pin arg1.mfn as a level-2 page table.'),
    mmuext('PIN_L3_TABLE', 2, 'Pin arg1.mfn as a level-3 page table.'),
    mmuext('PIN_L4_TABLE', 3, 'Pin arg1.mfn as a level-4 page table.'),
    mmuext('UNPIN_TABLE', 4, 'Drop the pin of the page table arg1.mfn.'),
    mmuext('NEW_BASEPTR', 5, 'Switch the kernel page-table base to arg1.mfn.'),
    mmuext('TLB_FLUSH_LOCAL', 6, 'Flush the TLB of this vCPU.'),
    mmuext('INVLPG_LOCAL', 7, 'Flush arg1.linear_addr from the TLB of this vCPU.'),
    mmuext('TLB_FLUSH_MULTI', 8, 'Flush the TLBs of the vCPUs in the bitmap arg2.vcpumask.'),
    mmuext('INVLPG_MULTI', 9, 'Flush arg1.linear_addr from the TLBs of the vCPUs in arg2.vcpumask.'),
    mmuext('TLB_FLUSH_ALL', 10, 'Flush the TLBs of every vCPU of the domain.'),
    mmuext('INVLPG_ALL', 11, 'Flush arg1.linear_addr from the TLBs of every vCPU of the domain.'),
    mmuext('FLUSH_CACHE', 12, 'Write back and invalidate the caches of this vCPU.'),
    mmuext('SET_LDT', 13, 'Install an LDT of arg2.nr_ents entries at arg1.linear_addr.'),
    mmuext('NEW_USER_BASEPTR', 15, 'x86_64: switch the user page-table base to arg1.mfn.'),
    mmuext('CLEAR_PAGE', 16, 'Zero the frame arg1.mfn.'),
    mmuext('COPY_PAGE', 17, 'Copy the frame arg2.src_mfn into arg1.mfn.'),
    mmuext('FLUSH_CACHE_GLOBAL', 18, 'Write back and invalidate the caches of every physical CPU.'),
    mmuext('MARK_SUPER', 19, 'Mark arg1.mfn as the start of a superpage (superpage support is gone; Xen fails it).'),
    mmuext('UNMARK_SUPER', 20, 'Undo MMUEXT_MARK_SUPER (Xen fails it likewise).'),
  ],
});

// ---- update_va_mapping flags (PV x86) ------------------------------------------------------

const uvmf = (name: string, value: number, doc: string) =>
  constant(`UVMF_${name}`, value, { since: '4.6', cType: 'unsigned long', doc });

export const UVMF = valueSet('UVMF', {
  since: '4.6',
  doc:
    'The flags argument of update_va_mapping: a flush type in bits 0-1, ORed with whose TLBs to flush in bits 2 and up (a pointer to a vCPU bitmap, ' +
    'or UVMF_LOCAL / UVMF_ALL). Xen spells them as unsigned long.',
  values: [
    uvmf('NONE', 0, 'Flush nothing.'),
    uvmf('TLB_FLUSH', 1, 'Flush the whole TLB.'),
    uvmf('INVLPG', 2, 'Flush only the entry of the address updated.'),
    uvmf('FLUSHTYPE_MASK', 3, 'The bits that hold the flush type.'),
    uvmf('MULTI', 0, 'Flush the vCPUs of a bitmap whose address is ORed into the flags.'),
    uvmf('LOCAL', 0, 'Flush this vCPU only.'),
    uvmf('ALL', 4, 'Flush every vCPU of the domain.'),
  ],
});

// ---- VM assists ----------------------------------------------------------------------------

export const VMASST_CMD = valueSet('VMASST_CMD', {
  since: '4.6',
  doc: 'The command of the vm_assist hypercall.',
  values: [
    constant('VMASST_CMD_enable', 0, { since: '4.6', doc: 'Turn the assist on.' }),
    constant('VMASST_CMD_disable', 1, { since: '4.6', doc: 'Turn the assist off.' }),
  ],
});

export const VMASST_TYPE = valueSet('VMASST_TYPE', {
  since: '4.6',
  doc: 'Help a PV guest can ask Xen for with vm_assist; Xen lists the ones it offers a guest in the features of XENVER_get_features.',
  values: [
    constant('VMASST_TYPE_4gb_segments', 0, { since: '4.6', doc: 'x86_32: emulate instructions that use segments wrapping around 4 GiB.' }),
    constant('VMASST_TYPE_4gb_segments_notify', 1, { since: '4.6', doc: 'x86_32: raise trap 15 each time Xen does that emulation.' }),
    constant('VMASST_TYPE_writable_pagetables', 2, { since: '4.6', doc: 'Let the guest write its L1 page tables directly; Xen traps and checks each write.' }),
    constant('VMASST_TYPE_pae_extended_cr3', 3, { since: '4.6', doc: 'x86_32 PAE: allow the top-level table above 4 GiB of machine memory.' }),
    constant('VMASST_TYPE_architectural_iopl', 4, { since: '4.7', doc: 'Take the I/O privilege level from the guest EFLAGS, as hardware does, instead of from PHYSDEVOP_set_iopl.' }),
    constant('VMASST_TYPE_runstate_update_flag', 5, { since: '4.8', doc: 'Mark updates of the runstate area with XEN_RUNSTATE_UPDATE in state_entry_time.' }),
    constant('VMASST_TYPE_m2p_strict', 32, { since: '4.6', doc: 'x86_64: keep the read-only machine-to-physical table out of user page tables.' }),
  ],
});

// ---- Reserved domain ids -------------------------------------------------------------------

const domid = (name: string, value: number, doc: string, since = '4.6') =>
  constant(`DOMID_${name}`, value, { since, cType: 'unsigned int', spelling: 'hex', doc });

export const DOMID_FIRST_RESERVED = domid('FIRST_RESERVED', 0x7ff0, 'The first domain id no ordinary domain can have: the ids from here up name something else.');

export const DOMID = valueSet('DOMID', {
  since: '4.6',
  doc: 'Reserved domain ids (unsigned int literals): each stands for something other than an ordinary domain where a domid_t is expected.',
  values: [
    domid('SELF', 0x7ff0, 'The calling domain itself.'),
    domid('IO', 0x7ff1, 'The owner of I/O memory: maps device memory in mmu_update and update_va_mapping_otherdomain.'),
    domid('XEN', 0x7ff2, "Xen itself: lets a privileged domain map parts of Xen's heap (the machine-to-physical table)."),
    domid('COW', 0x7ff3, 'The owner of pages shared copy-on-write between domains (memory sharing).'),
    domid('INVALID', 0x7ff4, 'No domain at all: a placeholder, such as for an unbound grant.'),
    domid('ANY', 0x7ff5, 'Any domain may take part (an unbound event channel any domain can connect to).', '4.22'),
    domid('IDLE', 0x7fff, 'The idle domain, which owns the idle vCPUs.'),
  ],
});

export const DOMID_MASK = domid('MASK', 0x7fff, 'The bits of a domain id: every id, reserved or not, fits in them.', '4.14');

// ---- Console, VGA console, start info and time flags ---------------------------------------

export const CONSOLEIO = valueSet('CONSOLEIO', {
  since: '4.6',
  doc: "The command of the console_io hypercall, which reaches Xen's own console.",
  values: [
    constant('CONSOLEIO_write', 0, { since: '4.6', doc: 'Write bytes to the console.' }),
    constant('CONSOLEIO_read', 1, { since: '4.6', doc: "Read bytes from the console (the control domain's console input)." }),
  ],
});

export const XEN_VGATYPE = valueSet('XEN_VGATYPE', {
  since: '4.6',
  doc: 'The kind of console Xen hands the control domain (dom0_vga_console_info.video_type).',
  values: [
    constant('XEN_VGATYPE_TEXT_MODE_3', 0x03, { since: '4.6', spelling: 'hex', doc: 'VGA text mode 3.' }),
    constant('XEN_VGATYPE_VESA_LFB', 0x23, { since: '4.6', spelling: 'hex', doc: 'A VESA linear frame buffer.' }),
    constant('XEN_VGATYPE_EFI_LFB', 0x70, { since: '4.6', spelling: 'hex', doc: 'An EFI linear frame buffer.' }),
  ],
});

export const MAX_GUEST_CMDLINE = constant('MAX_GUEST_CMDLINE', 1024, {
  since: '4.6',
  archs: [...X86],
  doc: 'Bytes of the command line in start_info, its terminating zero included.',
});

const sif = (name: string, bit: number, doc: string) => flag(`SIF_${name}`, bit, { since: '4.6', cType: 'int', doc });

export const SIF = flagSet('SIF', {
  since: '4.6',
  doc: 'Flags of start_info.flags: what the domain is and how its boot modules are described.',
  flags: [
    sif('PRIVILEGED', 0, 'The domain is privileged.'),
    sif('INITDOMAIN', 1, 'The domain is the initial domain (dom0).'),
    sif('MULTIBOOT_MOD', 2, 'mod_start points at an array of xen_multiboot_mod_list entries, not at one module.'),
    sif('MOD_START_PFN', 3, 'mod_start is a frame number, not a virtual address.'),
    sif('VIRT_P2M_4TOOLS', 4, 'The toolstack should use the virtual-address physical-to-machine list.'),
  ],
});

export const SIF_PM_MASK = constant('SIF_PM_MASK', 0xff00, {
  since: '4.6',
  spelling: 'hex',
  doc: 'Bits 8-15 of start_info.flags: platform-management flags, which Xen passes on from its own boot.',
});

export const XEN_PVCLOCK = flagSet('XEN_PVCLOCK', {
  since: '4.7',
  doc: 'Flags of vcpu_time_info.flags, the paravirtual clock.',
  flags: [
    flag('XEN_PVCLOCK_TSC_STABLE_BIT', 0, { since: '4.7', cType: 'int', doc: 'The TSC runs at one rate on every CPU and never goes back: readings from any vCPU compare.' }),
    flag('XEN_PVCLOCK_GUEST_STOPPED', 1, { since: '4.7', cType: 'int', doc: 'The guest was paused; watchdogs should not fire for the time lost.' }),
  ],
});

// ---- Typedefs ------------------------------------------------------------------------------

export const xen_domain_handle_t = typedef('xen_domain_handle_t', array(u8, 16), {
  since: '4.6',
  doc: "A domain's 16-byte handle: an opaque id the toolstack gives the domain when it creates it, normally its UUID. Example: the bytes of 5f2c0e1a-…-9b3d.",
});

// ---- x86 (arch-x86/xen.h, xen-x86_32.h, xen-x86_64.h) --------------------------------------

const X86_XEN_H = { header: 'arch-x86/xen.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_H__', archs: [...X86] };
const X86_32_H = { header: 'arch-x86/xen-x86_32.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_32_H__', archs: ['x86_32' as const] };
const X86_64_H = { header: 'arch-x86/xen-x86_64.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__', archs: ['x86_64' as const] };
const ARM_H = { header: 'arch-arm.h', guard: '__XEN_PUBLIC_ARCH_ARM_H__', archs: [...ARM] };

/** An x86 constant of the architecture header, the same on both x86 architectures. */
const x86 = (name: string, value: number, doc: string, extra: { since?: string; until?: string; cType?: 'int' | 'unsigned int'; spelling?: 'hex' | 'shift' } = {}) =>
  constant(name, value, { since: extra.since ?? '4.6', ...(extra.until ? { until: extra.until } : {}), archs: [...X86], xenOrigin: [X86_XEN_H], ...(extra.cType ? { cType: extra.cType } : {}), ...(extra.spelling ? { spelling: extra.spelling } : {}), doc });

export const XEN_LEGACY_MAX_VCPUS = constant('XEN_LEGACY_MAX_VCPUS', 32, {
  since: '4.6',
  values: { x86_32: 32, x86_64: 32, arm32: 1, arm64: 1 },
  xenOrigin: [X86_XEN_H, ARM_H],
  doc: 'How many vcpu_info slots the shared-info page holds: 32 on x86, 1 on Arm. vCPUs beyond them register a vcpu_info of their own (VCPUOP_register_vcpu_info).',
});

export const XEN_HAVE_PV_GUEST_ENTRY = x86('XEN_HAVE_PV_GUEST_ENTRY', 1, 'Defined (to 1) when vcpu_guest_context has the PV entry points of this layout.');
export const XEN_HAVE_PV_UPCALL_MASK = x86('XEN_HAVE_PV_UPCALL_MASK', 1, 'Defined (to 1) when cpu_user_regs carries saved_upcall_mask.');
export const FIRST_RESERVED_GDT_PAGE = x86('FIRST_RESERVED_GDT_PAGE', 14, 'The first page of a PV guest GDT that Xen keeps for itself.');
export const FIRST_RESERVED_GDT_BYTE = x86('FIRST_RESERVED_GDT_BYTE', 57344, 'The first byte of the GDT that Xen keeps: FIRST_RESERVED_GDT_PAGE pages of 4096 bytes.');
export const FIRST_RESERVED_GDT_ENTRY = x86('FIRST_RESERVED_GDT_ENTRY', 7168, 'The first GDT entry that Xen keeps: FIRST_RESERVED_GDT_BYTE / 8.');
export const XEN_CPUID_NO_SUBLEAF = x86('XEN_CPUID_NO_SUBLEAF', 0xffffffff, 'The subleaf of a CPUID leaf that has none (xen_cpuid_leaf.subleaf).', {
  since: '4.12',
  cType: 'unsigned int',
  spelling: 'hex',
});
export const XEN_HVM_DEBUGCONS_IOPORT = x86('XEN_HVM_DEBUGCONS_IOPORT', 0xe9, 'The I/O port of the HVM debug console: bytes written there go to Xen\'s console when it is enabled.', {
  since: '4.12',
  spelling: 'hex',
});

const vgcf = (name: string, bit: number, doc: string, extra: { archs?: ('x86_32' | 'x86_64')[]; origin?: typeof X86_XEN_H | typeof X86_64_H } = {}) =>
  flag(`VGCF_${name}`, bit, { since: '4.6', bitConstant: `_VGCF_${name}`, cType: 'int', archs: extra.archs ?? ['x86_32', 'x86_64'], xenOrigin: [extra.origin ?? X86_XEN_H], doc });

export const VGCF = flagSet('VGCF', {
  since: '4.6',
  doc: 'x86: flags of vcpu_guest_context.flags, the state a vCPU starts with.',
  xenOrigin: [X86_XEN_H],
  flags: [
    vgcf('i387_valid', 0, 'The FPU state in fpu_ctxt is valid.'),
    vgcf('in_kernel', 2, 'The vCPU starts in kernel mode.'),
    vgcf('failsafe_disables_events', 3, 'Mask events when the failsafe callback runs.'),
    vgcf('syscall_disables_events', 4, 'Mask events when the syscall callback runs.'),
    vgcf('online', 5, 'The vCPU is online.'),
    vgcf('in_syscall', 8, 'x86_64: the vCPU is in a system call, so Xen returns to it with SYSRET.', { archs: ['x86_64'], origin: X86_64_H }),
  ],
});

const vgcfOld = (name: string, value: number, doc: string, archs: ('x86_32' | 'x86_64')[] = ['x86_32', 'x86_64']) =>
  constant(name, value, { since: '4.6', until: '4.22', archs, xenOrigin: [X86_XEN_H], spelling: 'shift', doc });

export const VGCF_I387_VALID = vgcfOld('VGCF_I387_VALID', 1, 'The upper-case spelling of VGCF_i387_valid, gone in 4.22.');
export const VGCF_IN_KERNEL = vgcfOld('VGCF_IN_KERNEL', 4, 'The upper-case spelling of VGCF_in_kernel, gone in 4.22.');
export const VGCF_IN_SYSCALL = constant('VGCF_IN_SYSCALL', 256, {
  since: '4.6',
  until: '4.22',
  archs: ['x86_64'],
  xenOrigin: [X86_64_H],
  spelling: 'shift',
  doc: 'The upper-case spelling of VGCF_in_syscall, gone in 4.22.',
});

/** A flat segment selector of a PV guest. */
const sel = (name: string, values: { x86_32?: number; x86_64?: number }, doc: string) => {
  const archs = (['x86_32', 'x86_64'] as const).filter((a) => values[a] !== undefined);
  const origin = archs.length === 2 ? [X86_32_H, X86_64_H] : archs[0] === 'x86_32' ? [X86_32_H] : [X86_64_H];
  const value = values.x86_32 ?? values.x86_64 ?? 0;
  const perArch = archs.length === 2 && values.x86_32 !== values.x86_64 ? { values: values as Record<string, number> } : {};
  return constant(name, value, { since: '4.6', archs: [...archs], xenOrigin: origin, spelling: 'hex', ...perArch, doc });
};

export const FLAT_RING1_CS = sel('FLAT_RING1_CS', { x86_32: 0xe019 }, 'x86_32: the flat code selector of ring 1, where a 32-bit PV kernel runs.');
export const FLAT_RING1_DS = sel('FLAT_RING1_DS', { x86_32: 0xe021 }, 'x86_32: the flat data selector of ring 1.');
export const FLAT_RING1_SS = sel('FLAT_RING1_SS', { x86_32: 0xe021 }, 'x86_32: the flat stack selector of ring 1.');
export const FLAT_RING3_CS = sel('FLAT_RING3_CS', { x86_32: 0xe02b }, 'x86_32: the flat code selector of ring 3 (user mode).');
export const FLAT_RING3_DS = sel('FLAT_RING3_DS', { x86_32: 0xe033 }, 'x86_32: the flat data selector of ring 3.');
export const FLAT_RING3_SS = sel('FLAT_RING3_SS', { x86_32: 0xe033 }, 'x86_32: the flat stack selector of ring 3.');
export const FLAT_RING3_CS32 = sel('FLAT_RING3_CS32', { x86_64: 0xe023 }, 'x86_64: the flat 32-bit code selector of ring 3.');
export const FLAT_RING3_CS64 = sel('FLAT_RING3_CS64', { x86_64: 0xe033 }, 'x86_64: the flat 64-bit code selector of ring 3, where a 64-bit PV kernel runs too.');
export const FLAT_RING3_DS32 = sel('FLAT_RING3_DS32', { x86_64: 0xe02b }, 'x86_64: the flat 32-bit data selector of ring 3.');
export const FLAT_RING3_DS64 = sel('FLAT_RING3_DS64', { x86_64: 0x0000 }, 'x86_64: the 64-bit data selector of ring 3: the null selector.');
export const FLAT_RING3_SS32 = sel('FLAT_RING3_SS32', { x86_64: 0xe02b }, 'x86_64: the flat 32-bit stack selector of ring 3.');
export const FLAT_RING3_SS64 = sel('FLAT_RING3_SS64', { x86_64: 0xe02b }, 'x86_64: the flat 64-bit stack selector of ring 3.');
export const FLAT_KERNEL_CS = sel('FLAT_KERNEL_CS', { x86_32: 0xe019, x86_64: 0xe033 }, "The PV kernel's code selector: ring 1 on x86_32, ring 3 (64-bit) on x86_64.");
export const FLAT_KERNEL_DS = sel('FLAT_KERNEL_DS', { x86_32: 0xe021, x86_64: 0x0000 }, "The PV kernel's data selector.");
export const FLAT_KERNEL_SS = sel('FLAT_KERNEL_SS', { x86_32: 0xe021, x86_64: 0xe02b }, "The PV kernel's stack selector.");
export const FLAT_USER_CS = sel('FLAT_USER_CS', { x86_32: 0xe02b, x86_64: 0xe033 }, "The guest user's code selector.");
export const FLAT_USER_DS = sel('FLAT_USER_DS', { x86_32: 0xe033, x86_64: 0x0000 }, "The guest user's data selector.");
export const FLAT_USER_SS = sel('FLAT_USER_SS', { x86_32: 0xe033, x86_64: 0xe02b }, "The guest user's stack selector.");
export const FLAT_KERNEL_CS32 = sel('FLAT_KERNEL_CS32', { x86_64: 0xe023 }, 'x86_64: the 32-bit kernel code selector (ring 3).');
export const FLAT_KERNEL_CS64 = sel('FLAT_KERNEL_CS64', { x86_64: 0xe033 }, 'x86_64: the 64-bit kernel code selector (ring 3).');
export const FLAT_KERNEL_DS32 = sel('FLAT_KERNEL_DS32', { x86_64: 0xe02b }, 'x86_64: the 32-bit kernel data selector.');
export const FLAT_KERNEL_DS64 = sel('FLAT_KERNEL_DS64', { x86_64: 0x0000 }, 'x86_64: the 64-bit kernel data selector (null).');
export const FLAT_KERNEL_SS32 = sel('FLAT_KERNEL_SS32', { x86_64: 0xe02b }, 'x86_64: the 32-bit kernel stack selector.');
export const FLAT_KERNEL_SS64 = sel('FLAT_KERNEL_SS64', { x86_64: 0xe02b }, 'x86_64: the 64-bit kernel stack selector.');
export const FLAT_USER_CS32 = sel('FLAT_USER_CS32', { x86_64: 0xe023 }, 'x86_64: the 32-bit user code selector.');
export const FLAT_USER_CS64 = sel('FLAT_USER_CS64', { x86_64: 0xe033 }, 'x86_64: the 64-bit user code selector.');
export const FLAT_USER_DS32 = sel('FLAT_USER_DS32', { x86_64: 0xe02b }, 'x86_64: the 32-bit user data selector.');
export const FLAT_USER_DS64 = sel('FLAT_USER_DS64', { x86_64: 0x0000 }, 'x86_64: the 64-bit user data selector (null).');
export const FLAT_USER_SS32 = sel('FLAT_USER_SS32', { x86_64: 0xe02b }, 'x86_64: the 32-bit user stack selector.');
export const FLAT_USER_SS64 = sel('FLAT_USER_SS64', { x86_64: 0xe02b }, 'x86_64: the 64-bit user stack selector.');

/** A virtual address of Xen's PV layout: unsigned long, on x86_32 and x86_64 or on one of them. */
const va = (name: string, values: { x86_32?: bigint; x86_64?: bigint }, doc: string) => {
  const archs = (['x86_32', 'x86_64'] as const).filter((a) => values[a] !== undefined);
  const origin = archs.length === 2 ? [X86_32_H, X86_64_H] : archs[0] === 'x86_32' ? [X86_32_H] : [X86_64_H];
  const perArch = archs.length === 2 ? { values: values as Record<string, bigint> } : {};
  return constant(name, values.x86_32 ?? values.x86_64 ?? 0n, { since: '4.6', archs: [...archs], xenOrigin: origin, cType: 'unsigned long', spelling: 'hex', ...perArch, doc });
};

export const __HYPERVISOR_VIRT_START_PAE = va('__HYPERVISOR_VIRT_START_PAE', { x86_32: 0xf5800000n }, 'x86_32: where Xen starts in a PAE guest address space (unsuffixed form).');
export const __HYPERVISOR_VIRT_START_NONPAE = va('__HYPERVISOR_VIRT_START_NONPAE', { x86_32: 0xfc000000n }, 'x86_32: where Xen started in a non-PAE address space (unsuffixed form).');
export const __MACH2PHYS_VIRT_START_PAE = va('__MACH2PHYS_VIRT_START_PAE', { x86_32: 0xf5800000n }, 'x86_32 PAE: start of the read-only machine-to-physical table (unsuffixed form).');
export const __MACH2PHYS_VIRT_END_PAE = va('__MACH2PHYS_VIRT_END_PAE', { x86_32: 0xf6800000n }, 'x86_32 PAE: end of the machine-to-physical table (unsuffixed form).');
export const __MACH2PHYS_VIRT_START_NONPAE = va('__MACH2PHYS_VIRT_START_NONPAE', { x86_32: 0xfc000000n }, 'x86_32 non-PAE: start of the machine-to-physical table (unsuffixed form).');
export const __MACH2PHYS_VIRT_END_NONPAE = va('__MACH2PHYS_VIRT_END_NONPAE', { x86_32: 0xfc400000n }, 'x86_32 non-PAE: end of the machine-to-physical table (unsuffixed form).');
export const __HYPERVISOR_VIRT_START = va('__HYPERVISOR_VIRT_START', { x86_32: 0xf5800000n, x86_64: 0xffff800000000000n }, 'Where Xen starts in a PV guest address space (unsuffixed form).');
export const __HYPERVISOR_VIRT_END = va('__HYPERVISOR_VIRT_END', { x86_64: 0xffff880000000000n }, 'x86_64: where Xen ends in a PV guest address space (unsuffixed form).');
export const __MACH2PHYS_VIRT_START = va('__MACH2PHYS_VIRT_START', { x86_32: 0xf5800000n, x86_64: 0xffff800000000000n }, 'Start of the read-only machine-to-physical table (unsuffixed form).');
export const __MACH2PHYS_VIRT_END = va('__MACH2PHYS_VIRT_END', { x86_32: 0xf6800000n, x86_64: 0xffff804000000000n }, 'End of the machine-to-physical table (unsuffixed form).');
export const HYPERVISOR_VIRT_START_PAE = va('HYPERVISOR_VIRT_START_PAE', { x86_32: 0xf5800000n }, 'x86_32: where Xen starts in a PAE guest address space.');
export const HYPERVISOR_VIRT_START_NONPAE = va('HYPERVISOR_VIRT_START_NONPAE', { x86_32: 0xfc000000n }, 'x86_32: where Xen started in a non-PAE address space.');
export const MACH2PHYS_VIRT_START_PAE = va('MACH2PHYS_VIRT_START_PAE', { x86_32: 0xf5800000n }, 'x86_32 PAE: start of the machine-to-physical table.');
export const MACH2PHYS_VIRT_END_PAE = va('MACH2PHYS_VIRT_END_PAE', { x86_32: 0xf6800000n }, 'x86_32 PAE: end of the machine-to-physical table.');
export const MACH2PHYS_VIRT_START_NONPAE = va('MACH2PHYS_VIRT_START_NONPAE', { x86_32: 0xfc000000n }, 'x86_32 non-PAE: start of the machine-to-physical table.');
export const MACH2PHYS_VIRT_END_NONPAE = va('MACH2PHYS_VIRT_END_NONPAE', { x86_32: 0xfc400000n }, 'x86_32 non-PAE: end of the machine-to-physical table.');
export const HYPERVISOR_VIRT_START = va('HYPERVISOR_VIRT_START', { x86_32: 0xf5800000n, x86_64: 0xffff800000000000n }, 'Where Xen starts in a PV guest address space: the guest must leave everything above free.');
export const HYPERVISOR_VIRT_END = va('HYPERVISOR_VIRT_END', { x86_64: 0xffff880000000000n }, 'x86_64: where Xen ends in a PV guest address space; the guest may use what follows.');
export const MACH2PHYS_VIRT_START = va('MACH2PHYS_VIRT_START', { x86_32: 0xf5800000n, x86_64: 0xffff800000000000n }, 'Start of the read-only machine-to-physical table Xen maps into every PV guest.');
export const MACH2PHYS_VIRT_END = va('MACH2PHYS_VIRT_END', { x86_32: 0xf6800000n, x86_64: 0xffff804000000000n }, 'End of the machine-to-physical table.');
export const MACH2PHYS_NR_ENTRIES = va('MACH2PHYS_NR_ENTRIES', { x86_32: 0x400000n, x86_64: 0x800000000n }, 'Entries of the machine-to-physical table: 4 bytes each on x86_32, 8 on x86_64.');

export const SEGBASE = valueSet('SEGBASE', {
  since: '4.6',
  doc: 'x86_64: which base set_segment_base sets.',
  xenOrigin: [X86_64_H],
  values: [
    constant('SEGBASE_FS', 0, { since: '4.6', archs: ['x86_64'], xenOrigin: [X86_64_H], doc: 'The FS base.' }),
    constant('SEGBASE_GS_USER', 1, { since: '4.6', archs: ['x86_64'], xenOrigin: [X86_64_H], doc: 'The GS base user mode sees.' }),
    constant('SEGBASE_GS_KERNEL', 2, { since: '4.6', archs: ['x86_64'], xenOrigin: [X86_64_H], doc: 'The GS base kernel mode sees.' }),
    constant('SEGBASE_GS_USER_SEL', 3, { since: '4.6', archs: ['x86_64'], xenOrigin: [X86_64_H], doc: 'Load a user GS selector (the base passed is the selector).' }),
  ],
});

// ---- Arm (arch-arm.h) ----------------------------------------------------------------------

export const XEN_HYPERCALL_TAG = constant('XEN_HYPERCALL_TAG', 0xea1, {
  since: '4.6',
  archs: [...ARM],
  xenOrigin: [ARM_H],
  spelling: 'hex',
  doc: 'Arm: the immediate of the HVC instruction that makes a hypercall (the hypercall number goes in x16 or r12).',
});

// ---- Arm guest memory map and interrupts (arch-arm.h, tools builds) --------------------------

/** arch-arm.h as tools builds see it: the guest memory map is for the toolstack and device models. */
const ARM_H_TOOLS = { ...ARM_H, tools: true };

interface GuestLayoutOptions {
  since?: string;
  until?: string;
  /** A 64-bit address or size (`unsigned long long`, `0x…ULL` in Xen); a count or interrupt number otherwise. */
  address?: boolean;
  history?: { since: string; value: bigint }[];
}

/** A number of the fixed memory map and interrupt numbering Xen gives Arm guests; Xen shows it to tools builds only. */
const guestLayout = (name: string, value: bigint, doc: string, extra: GuestLayoutOptions = {}) => {
  const since = extra.since ?? '4.6';
  return constant(name, value, {
    since,
    ...(extra.until ? { until: extra.until } : {}),
    archs: [...ARM],
    xenOrigin: [ARM_H_TOOLS],
    toolsOnlySince: since,
    ...(extra.address === false ? { cType: 'int' as const } : { cType: 'unsigned long long' as const, spelling: 'hex' as const }),
    ...(extra.history ? { history: extra.history } : {}),
    doc,
  });
};
const count = { address: false };

export const GUEST_VIRTIO_MMIO_BASE = guestLayout('GUEST_VIRTIO_MMIO_BASE', 0x02000000n, 'Arm: where the toolstack places the MMIO windows of virtio devices.', { since: '4.17' });
export const GUEST_VIRTIO_MMIO_SIZE = guestLayout('GUEST_VIRTIO_MMIO_SIZE', 0x00100000n, 'Arm: the bytes of that virtio MMIO area (1 MiB).', { since: '4.17' });
export const GUEST_GICD_BASE = guestLayout('GUEST_GICD_BASE', 0x03001000n, 'Arm: the guest physical address of the emulated GICv2 distributor.');
export const GUEST_GICD_SIZE = guestLayout('GUEST_GICD_SIZE', 0x00001000n, 'Arm: the bytes of the GICv2 distributor (4 KiB).');
export const GUEST_GICC_BASE = guestLayout('GUEST_GICC_BASE', 0x03002000n, 'Arm: the guest physical address of the GICv2 CPU interface.');
export const GUEST_GICC_SIZE = guestLayout('GUEST_GICC_SIZE', 0x00000100n, 'Arm: the bytes of the GICv2 CPU interface: 256 in 4.6, 8 KiB from 4.7.', {
  history: [{ since: '4.7', value: 0x00002000n }],
});
export const GUEST_GICV3_GICD_BASE = guestLayout('GUEST_GICV3_GICD_BASE', 0x03001000n, 'Arm: the guest physical address of the emulated GICv3 distributor.');
export const GUEST_GICV3_GICD_SIZE = guestLayout('GUEST_GICV3_GICD_SIZE', 0x00010000n, 'Arm: the bytes of the GICv3 distributor (64 KiB).');
export const GUEST_GICV3_RDIST_STRIDE = guestLayout('GUEST_GICV3_RDIST_STRIDE', 0x00020000n, 'Arm: the bytes between two GICv3 redistributors (128 KiB); dropped in 4.11.', {
  until: '4.11',
});
export const GUEST_GICV3_RDIST_REGIONS = guestLayout('GUEST_GICV3_RDIST_REGIONS', 1n, 'Arm: how many GICv3 redistributor regions a guest has.', count);
export const GUEST_GICV3_GICR0_BASE = guestLayout('GUEST_GICV3_GICR0_BASE', 0x03020000n, 'Arm: the guest physical address of the first GICv3 redistributor region.');
export const GUEST_GICV3_GICR0_SIZE = guestLayout('GUEST_GICV3_GICR0_SIZE', 0x01000000n, 'Arm: the bytes of that region (16 MiB), room for the redistributors of 128 vCPUs.');
export const GUEST_VPCI_ECAM_BASE = guestLayout('GUEST_VPCI_ECAM_BASE', 0x10000000n, 'Arm: the guest physical address of the emulated PCI configuration space (ECAM).', { since: '4.16' });
export const GUEST_VPCI_ECAM_SIZE = guestLayout('GUEST_VPCI_ECAM_SIZE', 0x10000000n, 'Arm: the bytes of that configuration space (256 MiB).', { since: '4.16' });
export const GUEST_ACPI_BASE = guestLayout('GUEST_ACPI_BASE', 0x20000000n, 'Arm: where the toolstack puts the ACPI tables of a guest.', { since: '4.8' });
export const GUEST_ACPI_SIZE = guestLayout('GUEST_ACPI_SIZE', 0x02000000n, 'Arm: the bytes kept for the ACPI tables (32 MiB).', { since: '4.8' });
export const GUEST_PL011_BASE = guestLayout('GUEST_PL011_BASE', 0x22000000n, 'Arm: the guest physical address of the emulated PL011 UART (vpl011).', { since: '4.10' });
export const GUEST_PL011_SIZE = guestLayout('GUEST_PL011_SIZE', 0x00001000n, 'Arm: the bytes of that UART (4 KiB).', { since: '4.10' });
export const GUEST_VPCI_ADDR_TYPE_MEM = guestLayout('GUEST_VPCI_ADDR_TYPE_MEM', 0x02000000n, 'Arm: the first cell of the device-tree range that describes the virtual PCI memory window (32-bit, non-prefetchable).', { since: '4.16' });
export const GUEST_VPCI_MEM_ADDR = guestLayout('GUEST_VPCI_MEM_ADDR', 0x23000000n, 'Arm: the guest physical address of the virtual PCI memory window.', { since: '4.16' });
export const GUEST_VPCI_MEM_SIZE = guestLayout('GUEST_VPCI_MEM_SIZE', 0x10000000n, 'Arm: the bytes of that window (256 MiB).', { since: '4.16' });
export const GUEST_GNTTAB_BASE = guestLayout('GUEST_GNTTAB_BASE', 0x38000000n, 'Arm: where a guest finds room to map its grant table frames.');
export const GUEST_GNTTAB_SIZE = guestLayout('GUEST_GNTTAB_SIZE', 0x01000000n, 'Arm: the bytes of that room (16 MiB).');
export const GUEST_MAGIC_BASE = guestLayout('GUEST_MAGIC_BASE', 0x39000000n, 'Arm: the start of the pages the toolstack sets up for the guest (xenstore and console rings and the like).');
export const GUEST_MAGIC_SIZE = guestLayout('GUEST_MAGIC_SIZE', 0x01000000n, 'Arm: the bytes kept for those pages (16 MiB).');
export const GUEST_RAM_BANKS = guestLayout('GUEST_RAM_BANKS', 2n, 'Arm: how many banks guest RAM comes in (GUEST_RAM0_* and GUEST_RAM1_*).', count);
export const GUEST_RAM0_BASE = guestLayout('GUEST_RAM0_BASE', 0x40000000n, 'Arm: the start of the low RAM bank, at 1 GiB.');
export const GUEST_RAM0_SIZE = guestLayout('GUEST_RAM0_SIZE', 0xc0000000n, 'Arm: the bytes of the low RAM bank (3 GiB).');
export const GUEST_VPCI_ADDR_TYPE_PREFETCH_MEM = guestLayout('GUEST_VPCI_ADDR_TYPE_PREFETCH_MEM', 0x42000000n, 'Arm: the first cell of the device-tree range that describes the prefetchable virtual PCI window; 4.19 marked it 64-bit.', {
  since: '4.16',
  history: [{ since: '4.19', value: 0x43000000n }],
});
export const GUEST_VPCI_PREFETCH_MEM_ADDR = guestLayout('GUEST_VPCI_PREFETCH_MEM_ADDR', 0x100000000n, 'Arm: the guest physical address of the prefetchable virtual PCI window, at 4 GiB.', { since: '4.16' });
export const GUEST_VPCI_PREFETCH_MEM_SIZE = guestLayout('GUEST_VPCI_PREFETCH_MEM_SIZE', 0x100000000n, 'Arm: the bytes of that window (4 GiB).', { since: '4.16' });
export const GUEST_RAM1_BASE = guestLayout('GUEST_RAM1_BASE', 0x0200000000n, 'Arm: the start of the high RAM bank, at 8 GiB.');
export const GUEST_RAM1_SIZE = guestLayout('GUEST_RAM1_SIZE', 0xfe00000000n, 'Arm: the bytes of the high RAM bank (1016 GiB).');
export const GUEST_RAM_BASE = guestLayout('GUEST_RAM_BASE', 0x40000000n, 'Arm: the lowest address of guest RAM (GUEST_RAM0_BASE).');
export const GUEST_RAM_MAX = guestLayout('GUEST_RAM_MAX', 0xfec0000000n, 'Arm: the most RAM a guest can have, both banks together.');
export const GUEST_MAX_VCPUS = guestLayout('GUEST_MAX_VCPUS', 128n, 'Arm: the most vCPUs a guest can have, as the GICv3 redistributor region allows.', { since: '4.8', address: false });
export const GUEST_TIMER_VIRT_PPI = guestLayout('GUEST_TIMER_VIRT_PPI', 27n, 'Arm: the private interrupt of the virtual timer.', count);
export const GUEST_TIMER_PHYS_S_PPI = guestLayout('GUEST_TIMER_PHYS_S_PPI', 29n, 'Arm: the private interrupt of the secure physical timer.', count);
export const GUEST_TIMER_PHYS_NS_PPI = guestLayout('GUEST_TIMER_PHYS_NS_PPI', 30n, 'Arm: the private interrupt of the non-secure physical timer.', count);
export const GUEST_EVTCHN_PPI = guestLayout('GUEST_EVTCHN_PPI', 31n, 'Arm: the private interrupt Xen raises for event-channel upcalls.', count);
export const GUEST_VPL011_SPI = guestLayout('GUEST_VPL011_SPI', 32n, 'Arm: the shared interrupt of the emulated PL011 UART.', { since: '4.10', address: false });
export const GUEST_VIRTIO_MMIO_SPI_FIRST = guestLayout('GUEST_VIRTIO_MMIO_SPI_FIRST', 33n, 'Arm: the first shared interrupt kept for virtio MMIO devices.', { since: '4.17', address: false });
export const GUEST_VIRTIO_MMIO_SPI_LAST = guestLayout('GUEST_VIRTIO_MMIO_SPI_LAST', 43n, 'Arm: the last shared interrupt kept for virtio MMIO devices.', { since: '4.17', address: false });
export const GUEST_FFA_NOTIF_PEND_INTR_ID = guestLayout('GUEST_FFA_NOTIF_PEND_INTR_ID', 8n, 'Arm: the interrupt that tells a guest FF-A notifications are pending.', { since: '4.19', address: false });
export const GUEST_FFA_SCHEDULE_RECV_INTR_ID = guestLayout('GUEST_FFA_SCHEDULE_RECV_INTR_ID', 9n, 'Arm: the interrupt that asks a guest to schedule an FF-A receiver.', { since: '4.19', address: false });

export default abiModule({
  name: 'xen',
  xenHeader: 'xen.h',
  xenGuard: '__XEN_PUBLIC_XEN_H__',
  coverage: 'partial',
  doc: "Hypercall numbers, reserved domain ids, virtual IRQs and the other numbers and typedefs of Xen's xen.h and of its architecture headers.",
  items: [
    __HYPERVISOR,
    VIRQ,
    NR_VIRQS,
    MMU,
    MMUEXT,
    UVMF,
    VMASST_CMD,
    VMASST_TYPE,
    domid_t,
    DOMID_FIRST_RESERVED,
    DOMID,
    DOMID_MASK,
    CONSOLEIO,
    XEN_VGATYPE,
    MAX_GUEST_CMDLINE,
    SIF,
    SIF_PM_MASK,
    XEN_PVCLOCK,
    xen_domain_handle_t,
    XEN_LEGACY_MAX_VCPUS,
    XEN_HAVE_PV_GUEST_ENTRY,
    XEN_HAVE_PV_UPCALL_MASK,
    FIRST_RESERVED_GDT_PAGE,
    FIRST_RESERVED_GDT_BYTE,
    FIRST_RESERVED_GDT_ENTRY,
    XEN_CPUID_NO_SUBLEAF,
    XEN_HVM_DEBUGCONS_IOPORT,
    VGCF,
    VGCF_I387_VALID,
    VGCF_IN_KERNEL,
    VGCF_IN_SYSCALL,
    FLAT_RING1_CS,
    FLAT_RING1_DS,
    FLAT_RING1_SS,
    FLAT_RING3_CS,
    FLAT_RING3_DS,
    FLAT_RING3_SS,
    FLAT_RING3_CS32,
    FLAT_RING3_CS64,
    FLAT_RING3_DS32,
    FLAT_RING3_DS64,
    FLAT_RING3_SS32,
    FLAT_RING3_SS64,
    FLAT_KERNEL_CS,
    FLAT_KERNEL_DS,
    FLAT_KERNEL_SS,
    FLAT_USER_CS,
    FLAT_USER_DS,
    FLAT_USER_SS,
    FLAT_KERNEL_CS32,
    FLAT_KERNEL_CS64,
    FLAT_KERNEL_DS32,
    FLAT_KERNEL_DS64,
    FLAT_KERNEL_SS32,
    FLAT_KERNEL_SS64,
    FLAT_USER_CS32,
    FLAT_USER_CS64,
    FLAT_USER_DS32,
    FLAT_USER_DS64,
    FLAT_USER_SS32,
    FLAT_USER_SS64,
    __HYPERVISOR_VIRT_START_PAE,
    __HYPERVISOR_VIRT_START_NONPAE,
    __MACH2PHYS_VIRT_START_PAE,
    __MACH2PHYS_VIRT_END_PAE,
    __MACH2PHYS_VIRT_START_NONPAE,
    __MACH2PHYS_VIRT_END_NONPAE,
    __HYPERVISOR_VIRT_START,
    __HYPERVISOR_VIRT_END,
    __MACH2PHYS_VIRT_START,
    __MACH2PHYS_VIRT_END,
    HYPERVISOR_VIRT_START_PAE,
    HYPERVISOR_VIRT_START_NONPAE,
    MACH2PHYS_VIRT_START_PAE,
    MACH2PHYS_VIRT_END_PAE,
    MACH2PHYS_VIRT_START_NONPAE,
    MACH2PHYS_VIRT_END_NONPAE,
    HYPERVISOR_VIRT_START,
    HYPERVISOR_VIRT_END,
    MACH2PHYS_VIRT_START,
    MACH2PHYS_VIRT_END,
    MACH2PHYS_NR_ENTRIES,
    SEGBASE,
    XEN_HYPERCALL_TAG,
    GUEST_VIRTIO_MMIO_BASE,
    GUEST_VIRTIO_MMIO_SIZE,
    GUEST_GICD_BASE,
    GUEST_GICD_SIZE,
    GUEST_GICC_BASE,
    GUEST_GICC_SIZE,
    GUEST_GICV3_GICD_BASE,
    GUEST_GICV3_GICD_SIZE,
    GUEST_GICV3_RDIST_STRIDE,
    GUEST_GICV3_RDIST_REGIONS,
    GUEST_GICV3_GICR0_BASE,
    GUEST_GICV3_GICR0_SIZE,
    GUEST_VPCI_ECAM_BASE,
    GUEST_VPCI_ECAM_SIZE,
    GUEST_ACPI_BASE,
    GUEST_ACPI_SIZE,
    GUEST_PL011_BASE,
    GUEST_PL011_SIZE,
    GUEST_VPCI_ADDR_TYPE_MEM,
    GUEST_VPCI_MEM_ADDR,
    GUEST_VPCI_MEM_SIZE,
    GUEST_GNTTAB_BASE,
    GUEST_GNTTAB_SIZE,
    GUEST_MAGIC_BASE,
    GUEST_MAGIC_SIZE,
    GUEST_RAM_BANKS,
    GUEST_RAM0_BASE,
    GUEST_RAM0_SIZE,
    GUEST_VPCI_ADDR_TYPE_PREFETCH_MEM,
    GUEST_VPCI_PREFETCH_MEM_ADDR,
    GUEST_VPCI_PREFETCH_MEM_SIZE,
    GUEST_RAM1_BASE,
    GUEST_RAM1_SIZE,
    GUEST_RAM_BASE,
    GUEST_RAM_MAX,
    GUEST_MAX_VCPUS,
    GUEST_TIMER_VIRT_PPI,
    GUEST_TIMER_PHYS_S_PPI,
    GUEST_TIMER_PHYS_NS_PPI,
    GUEST_EVTCHN_PPI,
    GUEST_VPL011_SPI,
    GUEST_VIRTIO_MMIO_SPI_FIRST,
    GUEST_VIRTIO_MMIO_SPI_LAST,
    GUEST_FFA_NOTIF_PEND_INTR_ID,
    GUEST_FFA_SCHEDULE_RECV_INTR_ID,
  ],
});

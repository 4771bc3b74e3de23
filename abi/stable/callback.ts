/**
 * The callback hypercall (`__HYPERVISOR_callback_op`): a PV guest tells Xen where its kernel
 * handles events, failsafe returns, system calls and NMIs, and may later drop some of those
 * entry points again.
 *
 * The entry point's type, `xen_callback_t`, is the one item here whose type differs per
 * architecture: x86_32 names a code segment and an offset in it, x86_64 a plain address, Arm
 * a 64-bit address. Xen declares it in the architecture headers; Arm declares it but has no
 * callback hypercall.
 */
import { ARM, abiModule, c_ulong, constant, field, flag, flagSet, op, opSet, pad, struct, typedef, u16, u64, valueSet } from 'xenabi/dsl';

const X86_32_H = { header: 'arch-x86/xen-x86_32.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_32_H__', archs: ['x86_32' as const] };
const X86_64_H = { header: 'arch-x86/xen-x86_64.h', guard: '__XEN_PUBLIC_ARCH_X86_XEN_X86_64_H__', archs: ['x86_64' as const] };
const ARM_H = { header: 'arch-arm.h', guard: '__XEN_PUBLIC_ARCH_ARM_H__', archs: [...ARM] };

export const xen_callback = struct('xen_callback', {
  since: '4.6',
  archs: ['x86_32'],
  xenOrigin: [X86_32_H],
  doc: 'x86_32: a far entry point, the code segment selector and the offset in it.',
  fields: [
    field('cs', c_ulong, { doc: 'The code segment selector. Example: 0x61 (the 32-bit PV kernel code segment).' }),
    field('eip', c_ulong, { doc: 'The offset of the entry point in that segment. Example: 0xc0101000.' }),
  ],
});

const CALLBACK_T_DOC = 'A callback entry point';

export const xen_callback_t_x86_32 = typedef('xen_callback_t', xen_callback, {
  since: '4.6',
  archs: ['x86_32'],
  xenOrigin: [X86_32_H],
  doc: `${CALLBACK_T_DOC}; on x86_32 a segment and an offset.`,
});

export const xen_callback_t_x86_64 = typedef('xen_callback_t', c_ulong, {
  since: '4.6',
  archs: ['x86_64'],
  xenOrigin: [X86_64_H],
  doc: `${CALLBACK_T_DOC}; on x86_64 a virtual address.`,
});

export const xen_callback_t_arm = typedef('xen_callback_t', u64, {
  since: '4.6',
  archs: [...ARM],
  xenOrigin: [ARM_H],
  doc: `${CALLBACK_T_DOC}; on Arm a 64-bit virtual address (Arm has no callback hypercall).`,
});

export const CALLBACKTYPE = valueSet('CALLBACKTYPE', {
  since: '4.6',
  doc: 'Which entry point a callback_register or callback_unregister names (x86 PV).',
  values: [
    constant('CALLBACKTYPE_event', 0, { since: '4.6', doc: 'Event-channel upcalls.' }),
    constant('CALLBACKTYPE_failsafe', 1, { since: '4.6', doc: 'Where Xen goes when it cannot restore the guest state on return.' }),
    constant('CALLBACKTYPE_syscall', 2, { since: '4.6', doc: 'System calls of 64-bit user space on a 64-bit hypervisor.' }),
    constant('CALLBACKTYPE_sysenter_deprecated', 3, { since: '4.6', doc: 'The old sysenter entry of 32-bit hypervisors; new code uses CALLBACKTYPE_sysenter.' }),
    constant('CALLBACKTYPE_nmi', 4, { since: '4.6', doc: 'Non-maskable interrupts.' }),
    constant('CALLBACKTYPE_sysenter', 5, {
      since: '4.6',
      legacyValue: { value: 3, belowInterfaceVersion: '0x00030207' },
      doc: 'sysenter from 32-bit user space (and 64-bit user space on Intel CPUs).',
    }),
    constant('CALLBACKTYPE_syscall32', 7, { since: '4.6', doc: 'syscall from 32-bit user space on AMD CPUs.' }),
  ],
});

export const CALLBACKF = flagSet('CALLBACKF', {
  since: '4.6',
  field: 'callback_register.flags',
  doc: 'Options of a registered callback.',
  flags: [
    flag('CALLBACKF_mask_events', 0, {
      since: '4.6',
      bitConstant: '_CALLBACKF_mask_events',
      doc: 'Mask event delivery while the callback runs; event and NMI callbacks always do, whatever this says.',
    }),
  ],
});

export const callback_register = struct('callback_register', {
  typedef: 'callback_register_t',
  since: '4.6',
  doc: 'CALLBACKOP_register: the entry point of one kind of callback.',
  fields: [
    field('type', u16, { doc: 'A CALLBACKTYPE_* value. Example: 0 (CALLBACKTYPE_event).' }),
    field('flags', u16, { doc: 'CALLBACKF_* bits. Example: 0x1 (CALLBACKF_mask_events).' }),
    field('address', xen_callback_t_x86_64, { doc: 'The entry point. Example: 0xffffffff81001000 on x86_64.' }),
  ],
  holes: [{ after: 'flags', archs: ['x86_64', 'arm32', 'arm64'], reason: 'address is 8-byte aligned there' }],
});

export const callback_unregister = struct('callback_unregister', {
  typedef: 'callback_unregister_t',
  since: '4.6',
  doc: 'CALLBACKOP_unregister: the kind of callback to drop. Xen refuses with -EINVAL the kinds it cannot drop.',
  fields: [field('type', u16, { doc: 'A CALLBACKTYPE_* value. Example: 4 (CALLBACKTYPE_nmi).' }), pad('_unused', u16, { doc: 'Unused.' })],
});

export const CALLBACKOP = opSet('CALLBACKOP', {
  since: '4.6',
  doc: 'Sub-ops of the callback hypercall.',
  ops: [
    op(constant('CALLBACKOP_register', 0, { since: '4.6', doc: 'Set the entry point of one kind of callback.' }), { record: callback_register }),
    op(constant('CALLBACKOP_unregister', 1, { since: '4.6', doc: 'Drop the entry point of one kind of callback.' }), { record: callback_unregister }),
  ],
});

export default abiModule({
  name: 'callback',
  xenHeader: 'callback.h',
  xenGuard: '__XEN_PUBLIC_CALLBACK_H__',
  coverage: 'full',
  doc: 'Entry points a PV guest registers for events, failsafe returns, system calls and NMIs.',
  items: [xen_callback, xen_callback_t_x86_32, xen_callback_t_x86_64, xen_callback_t_arm, CALLBACKTYPE, CALLBACKF, callback_register, callback_unregister, CALLBACKOP],
});

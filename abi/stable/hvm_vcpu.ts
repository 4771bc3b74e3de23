/**
 * The register state an HVM or PVH vCPU starts with when a guest brings it up through
 * `VCPUOP_initialise`: a mode selector and the 32-bit or 64-bit x86 registers. Added in 4.7
 * for PVH; every architecture declares the records, although only x86 guests use them.
 */
import { abiModule, array, constant, field, inlineUnion, pad, struct, u16, u32, u64, valueSet } from 'xenabi/dsl';

export const vcpu_hvm_x86_32 = struct('vcpu_hvm_x86_32', {
  typedef: 'xen_vcpu_hvm_x86_32_t',
  since: '4.7',
  doc:
    'A vCPU started in 32-bit protected mode (VCPU_HVM_MODE_32B): the general registers, control registers ' +
    'and the hidden parts of the segment registers. Xen checks the values for consistency before starting the vCPU.',
  fields: [
    field('eax', u32, { doc: 'Initial EAX.' }),
    field('ecx', u32, { doc: 'Initial ECX.' }),
    field('edx', u32, { doc: 'Initial EDX.' }),
    field('ebx', u32, { doc: 'Initial EBX; a PVH boot passes the hvm_start_info address here. Example: 0x6000.' }),
    field('esp', u32, { doc: 'Initial stack pointer.' }),
    field('ebp', u32, { doc: 'Initial EBP.' }),
    field('esi', u32, { doc: 'Initial ESI.' }),
    field('edi', u32, { doc: 'Initial EDI.' }),
    field('eip', u32, { doc: 'Where the vCPU starts executing. Example: 0x100000.' }),
    field('eflags', u32, { doc: 'Initial EFLAGS. Example: 0x2.' }),
    field('cr0', u32, { doc: 'Initial CR0; protection must be enabled. Example: 0x11 (PE, ET).' }),
    field('cr3', u32, { doc: 'Initial CR3, when paging is enabled.' }),
    field('cr4', u32, { doc: 'Initial CR4.' }),
    pad('pad1', u32, { doc: 'Reserved; zero.' }),
    field('efer', u64, {
      doc: 'Initial EFER: only NXE (with paging in 32-bit mode) or LME and LMA (to start in compatibility mode) may be set.',
    }),
    field('cs_base', u32, { doc: 'Base of CS.' }),
    field('ds_base', u32, { doc: 'Base of DS.' }),
    field('ss_base', u32, { doc: 'Base of SS.' }),
    field('es_base', u32, { doc: 'Base of ES.' }),
    field('tr_base', u32, { doc: 'Base of the task register.' }),
    field('cs_limit', u32, { doc: 'Limit of CS. Example: 0xffffffff.' }),
    field('ds_limit', u32, { doc: 'Limit of DS.' }),
    field('ss_limit', u32, { doc: 'Limit of SS.' }),
    field('es_limit', u32, { doc: 'Limit of ES.' }),
    field('tr_limit', u32, { doc: 'Limit of the task register.' }),
    field('cs_ar', u16, { doc: 'Access rights of CS, in the VMX segment attribute format. Example: 0xc9b.' }),
    field('ds_ar', u16, { doc: 'Access rights of DS.' }),
    field('ss_ar', u16, { doc: 'Access rights of SS.' }),
    field('es_ar', u16, { doc: 'Access rights of ES.' }),
    field('tr_ar', u16, { doc: 'Access rights of the task register.' }),
    pad('pad2', array(u16, 3), { doc: 'Reserved; zero.' }),
  ],
});

export const vcpu_hvm_x86_64 = struct('vcpu_hvm_x86_64', {
  typedef: 'xen_vcpu_hvm_x86_64_t',
  since: '4.7',
  doc:
    'A vCPU started directly in long mode (VCPU_HVM_MODE_64B); Xen sets the hidden segment state to match. ' +
    'To start in compatibility mode, use vcpu_hvm_x86_32 with LME and LMA in efer instead.',
  fields: [
    field('rax', u64, { doc: 'Initial RAX.' }),
    field('rcx', u64, { doc: 'Initial RCX.' }),
    field('rdx', u64, { doc: 'Initial RDX.' }),
    field('rbx', u64, { doc: 'Initial RBX.' }),
    field('rsp', u64, { doc: 'Initial stack pointer.' }),
    field('rbp', u64, { doc: 'Initial RBP.' }),
    field('rsi', u64, { doc: 'Initial RSI.' }),
    field('rdi', u64, { doc: 'Initial RDI.' }),
    field('rip', u64, { doc: 'Where the vCPU starts executing. Example: 0xffffffff81000000.' }),
    field('rflags', u64, { doc: 'Initial RFLAGS. Example: 0x2.' }),
    field('cr0', u64, { doc: 'Initial CR0; protection and paging enabled. Example: 0x80000011.' }),
    field('cr3', u64, { doc: 'Initial CR3: the top-level page table.' }),
    field('cr4', u64, { doc: 'Initial CR4; PAE must be set. Example: 0x20.' }),
    field('efer', u64, { doc: 'Initial EFER; LME and LMA must be set. Example: 0x500.' }),
  ],
});

export const VCPU_HVM_MODE = valueSet('VCPU_HVM_MODE', {
  since: '4.7',
  field: 'vcpu_hvm_context.mode',
  doc: 'Which member of vcpu_hvm_context.cpu_regs holds the registers.',
  values: [
    constant('VCPU_HVM_MODE_32B', 0, { since: '4.7', doc: 'cpu_regs.x86_32: start in 32-bit protected mode.' }),
    constant('VCPU_HVM_MODE_64B', 1, { since: '4.7', doc: 'cpu_regs.x86_64: start in long mode.' }),
  ],
});

export const vcpu_hvm_context = struct('vcpu_hvm_context', {
  typedef: 'vcpu_hvm_context_t',
  since: '4.7',
  doc: 'The argument of VCPUOP_initialise for an HVM or PVH vCPU: which register set applies, and the registers.',
  fields: [
    field('mode', u32, { doc: 'A VCPU_HVM_MODE_* value. Example: 1.' }),
    pad('pad', u32, { doc: 'Reserved; zero.' }),
    field(
      'cpu_regs',
      inlineUnion({
        doc: 'The registers; `mode` says which member is meant.',
        fields: [
          field('x86_32', vcpu_hvm_x86_32, { doc: 'With VCPU_HVM_MODE_32B.' }),
          field('x86_64', vcpu_hvm_x86_64, { doc: 'With VCPU_HVM_MODE_64B.' }),
        ],
      }),
      { doc: 'The initial registers.' },
    ),
  ],
});

export default abiModule({
  name: 'hvm_vcpu',
  xenHeader: 'hvm/hvm_vcpu.h',
  xenGuard: '__XEN_PUBLIC_HVM_HVM_VCPU_H__',
  coverage: 'full',
  doc: 'The initial register state of an HVM or PVH vCPU, for VCPUOP_initialise.',
  items: [vcpu_hvm_x86_32, vcpu_hvm_x86_64, VCPU_HVM_MODE, vcpu_hvm_context],
});

/**
 * Names of the guest ABIs a paravirtual front end can speak. A front end writes its own in
 * the `protocol` key of its xenstore directory, so that a back end built for another ABI (a
 * 64-bit dom0 serving a 32-bit x86 guest) can translate the ring's requests, whose layout
 * depends on the guest's word size and alignment. A front end that writes no key speaks the
 * back end's native ABI. Unchanged from 4.6 to 4.22.
 */
import { abiModule, stringConstant } from 'xenabi/dsl';

export const XEN_IO_PROTO_ABI_X86_32 = stringConstant('XEN_IO_PROTO_ABI_X86_32', 'x86_32-abi', {
  since: '4.6',
  doc: 'The ABI of 32-bit x86 guests.',
});

export const XEN_IO_PROTO_ABI_X86_64 = stringConstant('XEN_IO_PROTO_ABI_X86_64', 'x86_64-abi', {
  since: '4.6',
  doc: 'The ABI of 64-bit x86 guests.',
});

export const XEN_IO_PROTO_ABI_ARM = stringConstant('XEN_IO_PROTO_ABI_ARM', 'arm-abi', {
  since: '4.6',
  doc: 'The ABI of Arm guests, 32-bit and 64-bit alike: their ring layouts are the same.',
});

export const XEN_IO_PROTO_ABI_NATIVE = stringConstant('XEN_IO_PROTO_ABI_NATIVE', 'x86_32-abi', {
  since: '4.6',
  values: { x86_32: 'x86_32-abi', x86_64: 'x86_64-abi', arm32: 'arm-abi', arm64: 'arm-abi' },
  doc: 'The ABI of the architecture being compiled for: one of the three names above. Xen spells it as the name of the matching macro; the text is the same.',
});

export default abiModule({
  name: 'protocols',
  xenHeader: 'io/protocols.h',
  xenGuard: '__XEN_PROTOCOLS_H__',
  coverage: 'full',
  doc: "The names a paravirtual front end writes in its `protocol` xenstore key to tell its back end which guest ABI its rings use. String constants.",
  items: [XEN_IO_PROTO_ABI_X86_32, XEN_IO_PROTO_ABI_X86_64, XEN_IO_PROTO_ABI_ARM, XEN_IO_PROTO_ABI_NATIVE],
});

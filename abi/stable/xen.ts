/**
 * The few typedefs from Xen's `xen.h` that the covered headers build on. Xen's `xen.h`
 * declares much more; this module declares only what the stable ABI here needs, so it is
 * partial and defers to Xen's own `xen.h` when that is included first.
 */
import { abiModule, typedef, u16 } from 'xenabi/dsl';

export const domid_t = typedef('domid_t', u16, {
  since: '4.6',
  doc: 'A domain identifier. Values from 0x7FF0 up are reserved (DOMID_SELF, DOMID_INVALID, …).',
});

export default abiModule({
  name: 'xen',
  xenHeader: 'xen.h',
  xenGuard: '__XEN_PUBLIC_XEN_H__',
  coverage: 'partial',
  doc: 'Typedefs shared by every Xen public header.',
  items: [domid_t],
});

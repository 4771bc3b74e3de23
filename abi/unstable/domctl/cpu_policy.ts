/**
 * The payload of XEN_DOMCTL_get_cpu_policy and XEN_DOMCTL_set_cpu_policy (x86): a domain's
 * CPUID leaves and MSR values.
 *
 * Declared from 4.18 only, on purpose. The registry's release 4.17 stands for the
 * RELEASE-4.17.0 tag (which the whole-history script checks) and for every later 4.17.z tree
 * (Debian 12 ships 4.17.7, which `xenabi verify --xen-version 4.17` checks). Xen renamed the
 * record's two handles in point releases of four series (4.14.6, 4.15.5, 4.16.5, 4.17.2:
 * `cpuid_policy` became `leaves`, `msr_policy` became `msrs`) without changing a byte or the
 * domctl interface version. A 4.12–4.17 declaration would name its members wrongly for part
 * of each series, so there is none: 4.18 is the first x.y.0 release with the final names.
 * sysctl's xen_sysctl_cpu_policy follows the same rule. See "Point releases" in docs/verify.md.
 */
import { field, handle64, struct, u32 } from 'xenabi/dsl';

export const xen_domctl_cpu_policy = struct('xen_domctl_cpu_policy', {
  typedef: 'xen_domctl_cpu_policy_t',
  since: '4.18',
  archs: ['x86_32', 'x86_64'],
  doc: 'Payload of XEN_DOMCTL_get_cpu_policy and XEN_DOMCTL_set_cpu_policy (x86): the domain\'s CPU policy as CPUID leaves and MSR values. Declared from 4.18; see the module notes on the point-release rename.',
  holes: [{ after: 'err_msr', archs: ['x86_32', 'x86_64'], reason: 'tail padding to the 8-byte alignment of the handles' }],
  fields: [
    field('nr_leaves', u32, { doc: 'IN: how many entries `leaves` has room for (set: how many it holds). OUT: how many were written, or, with a null handle, how many a full policy needs. Example: 64.' }),
    field('nr_msrs', u32, { doc: 'IN: how many entries `msrs` has room for (set: how many it holds). OUT: as for nr_leaves. Example: 4.' }),
    field('leaves', handle64('xen_cpuid_leaf_t', 'void'), { doc: 'IN/OUT: the CPUID leaves (xen_cpuid_leaf entries of arch-x86/xen.h).' }),
    field('msrs', handle64('xen_msr_entry_t', 'void'), { doc: 'IN/OUT: the MSRs (xen_msr_entry entries of arch-x86/xen.h).' }),
    field('err_leaf', u32, { doc: 'OUT (set, on some failures): the CPUID leaf Xen objected to, else ~0.' }),
    field('err_subleaf', u32, { doc: 'OUT (set, on some failures): its subleaf, else ~0.' }),
    field('err_msr', u32, { doc: 'OUT (set, on some failures): the MSR Xen objected to, else ~0.' }),
  ],
});

/**
 * The availability module: each item's releases and gates, from the whole history.
 */
import { describe, expect, it } from 'vitest';
import { AVAILABILITY, XEN_RELEASES, existsIn, gatesOf } from '@xenabi/ts-bindings/availability';
import * as root from '@xenabi/ts-bindings';
import { xen_dm_op } from '@xenabi/ts-bindings/stable/dm_op';

describe('availability', () => {
  it('lists the releases oldest first', () => {
    expect(XEN_RELEASES[0]).toBe('4.6');
    expect(XEN_RELEASES.at(-1)).toBe('4.22');
  });

  it('answers whether an item exists in a release', () => {
    expect(existsIn('XEN_DMOP_nr_vcpus', '4.14')).toBe(false);
    expect(existsIn('XEN_DMOP_nr_vcpus', '4.15')).toBe(true);
    expect(existsIn('XEN_DMOP_nr_vcpus', '4.22')).toBe(true);
    expect(existsIn('GNTMAP_can_fail', '4.16')).toBe(false);
    expect(existsIn('xen_dm_op', '4.9')).toBe(true);
    expect(existsIn('xen_dm_op', '4.8')).toBe(false);
  });

  it('spans an item redeclared from a release on', () => {
    expect(AVAILABILITY.XEN_DOMCTL_CDF_xs_domain).toEqual({ since: '4.7' });
  });

  it('leaves out the releases of an item Xen removed and brought back', () => {
    // XEN_SYSCTL_coverage_op: 4.6 to 4.8, then gone in 4.9 and 4.10 (gcov_op took its number), back from 4.11.
    expect(AVAILABILITY.XEN_SYSCTL_coverage_op).toEqual({ since: '4.6', gaps: [{ since: '4.9', until: '4.11' }] });
    expect(['4.6', '4.8', '4.9', '4.10', '4.11', '4.22'].map((r) => existsIn('XEN_SYSCTL_coverage_op', r as '4.6'))).toEqual([true, true, false, false, true, true]);
  });

  it('gives the gates of an item, its module\'s included', () => {
    const names = gatesOf('XEN_ARGO_MAXIOV').map((g) => g.name);
    expect(names).toContain('CONFIG_ARGO');
    expect(gatesOf('XEN_ARGO_MAXIOV').find((g) => g.name === 'CONFIG_ARGO')?.kind).toBe('build');
    expect(gatesOf('XEN_DMOP_nr_vcpus')).toEqual([]);
  });

  it('is exported from the root', () => {
    expect(root.existsIn).toBe(existsIn);
    expect(root.gatesOf).toBe(gatesOf);
  });

  it('puts since on every record codec', () => {
    expect(xen_dm_op.since).toBe(AVAILABILITY.xen_dm_op.since);
  });
});

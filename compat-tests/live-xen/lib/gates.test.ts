import { describe, expect, it } from 'vitest';
import { ERRNO, predictFromConfig } from './gates.js';

describe("the prediction of Argo's register_ring from xenabi's gates", () => {
  it('is ENOSYS for a hypervisor built without CONFIG_ARGO, as Debian builds it', () => {
    const p = predictFromConfig('CONFIG_HVM=y\n# CONFIG_ARGO is not set\n', 'xen.config');
    expect(p).toEqual({ errno: ERRNO.ENOSYS, reason: "build gate CONFIG_ARGO unmet (xen.config, Xen's command line): ENOSYS" });
  });

  it('is EOPNOTSUPP for one built with it but booted without argo=1', () => {
    expect(predictFromConfig('CONFIG_ARGO=y\n', 'xen.config').errno).toBe(ERRNO.EOPNOTSUPP);
  });
});

// Tiers: which releases Xen showed a stable item only to __XEN__/__XEN_TOOLS__ builds.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { toolsOnlyIn } from '../../src/model/tier.js';
import type { AbiModel } from '../../src/model/types.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let real: AbiModel;

beforeAll(async () => {
  real = (await loadAbi(ABI_DIR)).model;
});

const releasesOf = (item: { toolsOnlyBefore?: string; toolsOnlySince?: string }, module?: { toolsOnlyBefore?: string }) =>
  ['4.11', '4.12', '4.13', '4.14', '4.15'].filter((r) => toolsOnlyIn(item, module, r));

describe('toolsOnlyIn', () => {
  it('hides an item before toolsOnlyBefore, the item\'s own bound first, else the module\'s', () => {
    expect(releasesOf({ toolsOnlyBefore: '4.14' })).toEqual(['4.11', '4.12', '4.13']);
    expect(releasesOf({}, { toolsOnlyBefore: '4.13' })).toEqual(['4.11', '4.12']);
    expect(releasesOf({ toolsOnlyBefore: '4.11' }, { toolsOnlyBefore: '4.15' })).toEqual([]);
  });

  it('hides an item from toolsOnlySince on', () => {
    expect(releasesOf({ toolsOnlySince: '4.14' })).toEqual(['4.14', '4.15']);
    expect(releasesOf({ toolsOnlySince: '4.14' }, { toolsOnlyBefore: '4.12' })).toEqual(['4.11', '4.14', '4.15']);
  });

  it('shows an item with neither bound everywhere', () => {
    expect(releasesOf({})).toEqual([]);
  });
});

describe('the registry\'s tools-only items', () => {
  const constant = (name: string) => real.constants.find((c) => c.name === name);

  it('passes toolsOnlySince from a set to its members, and keeps a member\'s own', () => {
    expect(constant('HVM_IOREQSRV_BUFIOREQ_ATOMIC')?.toolsOnlySince).toBe('4.6');
    expect(constant('HVM_PARAM_DM_DOMAIN')?.toolsOnlySince).toBe('4.12');
    expect(constant('HVM_PARAM_IOREQ_PFN')?.toolsOnlySince).toBeUndefined();
  });

  it('passes toolsOnlyBefore from a set and an op to their constants', () => {
    expect(constant('XENMEM_resource_ioreq_server')?.toolsOnlyBefore).toBe('4.14');
    expect(constant('XENMEM_acquire_resource')?.toolsOnlyBefore).toBe('4.14');
  });
});

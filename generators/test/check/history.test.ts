// The checker on the real ABI under abi/: release views compared with the next release
// show what Xen actually did, classified as the rules say it should be.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi, type CheckResult } from '../../src/check/engine.js';
import { sideFromModel } from '../../src/check/side/from-model.js';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';
import { REPO_ROOT } from './helpers.js';

let model: AbiModel;
const compare = (from: string, to: string): CheckResult => checkAbi(sideFromModel(atRelease(model, from)), sideFromModel(atRelease(model, to)));
const about = (r: CheckResult, item: string) => r.findings.filter((f) => f.item === item).map((f) => `${f.severity} ${f.rule} ${f.archs.join(',')} ${f.base} → ${f.head}`);

beforeAll(async () => {
  model = (await loadAbi(`${REPO_ROOT}abi`, REPO_ROOT)).model;
});

describe('the real ABI, release to release', () => {
  it('sees hvm_start_info grow by design in Xen 4.11 (40 → 56 bytes), which is compatible', () => {
    expect(about(compare('4.10', '4.11'), 'hvm_start_info')).toEqual(['note RECORD_GREW x86_32,x86_64,arm32,arm64 40 → 56']);
  });

  it('sees dm_op give its zero pad a meaning in Xen 4.11, a warning to review', () => {
    expect(about(compare('4.10', '4.11'), 'xen_dm_op_get_ioreq_server_info.flags')).toEqual(['warning PADDING_GIVEN_MEANING x86_32,x86_64,arm32,arm64 padding pad → field flags']);
  });

  it('sees the 4.10 rename of ioreq_pfn as a source-only break', () => {
    const r = compare('4.9', '4.10');
    expect(about(r, 'xen_dm_op_get_ioreq_server_info.ioreq_gfn')).toEqual(['error FIELD_RENAMED x86_32,x86_64,arm32,arm64 ioreq_pfn → ioreq_gfn']);
    expect(r.findings.find((f) => f.item === 'xen_dm_op_get_ioreq_server_info.ioreq_gfn')?.category).toBe('source');
  });

  it('accepts domctl changing in 4.22 because XEN_DOMCTL_INTERFACE_VERSION moved with it', () => {
    const r = compare('4.21', '4.22');
    expect(r.findings.filter((f) => f.rule === 'UNSTABLE_VERSION_NOT_BUMPED' && f.module === 'domctl')).toEqual([]);
    expect(about(r, 'XEN_DOMCTL_INTERFACE_VERSION')).toEqual(['note CONSTANT_VALUE_CHANGED  23 → 24']);
    expect(r.findings.filter((f) => f.module === 'domctl').every((f) => f.severity === 'note')).toBe(true);
  });

  it('reports sysctl changing in 4.22 while XEN_SYSCTL_INTERFACE_VERSION stayed 0x16, as Xen released it', () => {
    const r = compare('4.21', '4.22');
    const bumps = r.findings.filter((f) => f.rule === 'UNSTABLE_VERSION_NOT_BUMPED');
    expect(bumps.map((f) => `${f.severity} ${f.item}`)).toEqual(['error sysctl']);
    expect(bumps[0]?.message).toContain('OP_REMOVED XEN_SYSCTL_get_cpu_levelling_caps');
  });

  it('finds nothing between a release and itself', () => {
    expect(compare('4.22', '4.22').findings).toEqual([]);
  });
});

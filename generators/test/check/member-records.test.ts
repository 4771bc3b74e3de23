// A release's side holds the records of inline members only where the release has the member:
// a union member added later is new in that release, not a record whose layout changed.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi, sideFromLoadedModel } from '../../src/check/index.js';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';

const REPO = new URL('../../../', import.meta.url).pathname;
let model: AbiModel;
beforeAll(async () => {
  model = (await loadAbi(`${REPO}abi`, REPO)).model;
});

describe('inline member records of a release', () => {
  it('leave out xendispl_resp.op before 4.15, when xendispl_resp had reserved1 in its place', () => {
    expect(sideFromLoadedModel(model, { release: '4.14' }).records['xendispl_resp.op']).toBeUndefined();
    expect(sideFromLoadedModel(model, { release: '4.15' }).records['xendispl_resp.op']?.layouts.x86_64?.align).toBe(4);
    expect(sideFromLoadedModel(model, { release: '4.14' }).records['xendispl_evt.op']).toBeDefined();
  });

  it('so 4.14 → 4.15 finds the union new, its alignment not changed', () => {
    const result = checkAbi(sideFromLoadedModel(model, { release: '4.14' }), sideFromLoadedModel(model, { release: '4.15' }));
    const onOp = result.findings.filter((f) => f.item === 'xendispl_resp.op').map((f) => f.rule).sort();
    expect(onOp).toEqual(['FIELD_RENAMED', 'FIELD_TYPE_CHANGED', 'RECORD_ADDED']);
  });
});

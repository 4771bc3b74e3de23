// The release history is shared per loaded model until a one-release run lets it go.
import { describe, expect, it } from 'vitest';
import { forgetReleaseHistory, releaseHistory } from '../../src/select/history.js';
import type { AbiModel } from '../../src/model/types.js';

describe('the release history of a model', () => {
  it('is one per model, and built again once forgotten', () => {
    const model = { modules: [], records: [], aliases: [], constants: [], sets: [] } as unknown as AbiModel;
    const first = releaseHistory(model);
    expect(releaseHistory(model)).toBe(first);
    forgetReleaseHistory(model);
    const second = releaseHistory(model);
    expect(second).not.toBe(first);
    expect(second.history).toBe(model);
  });
});

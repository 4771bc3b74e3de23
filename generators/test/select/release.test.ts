// A release's view of an op set names a payload only where the payload exists.
import { describe, expect, it } from 'vitest';
import { atRelease } from '../../src/select/release.js';
import type { AbiModel } from '../../src/model/types.js';

const loc = { file: 'abi/unstable/widget.ts', line: 1 };
const model = {
  modules: [{ name: 'widget', order: ['WIDGET_get', 'widget_policy', 'WIDGET_OP'] }],
  records: [{ kind: 'struct', name: 'widget_policy', since: '4.18', fields: [], loc }],
  aliases: [],
  constants: [{ kind: 'constant', name: 'WIDGET_get', value: '1', since: '4.12', loc }],
  sets: [{ kind: 'ops', name: 'WIDGET_OP', since: '4.12', ops: [{ constant: 'WIDGET_get', member: 'policy', record: 'widget_policy' }], loc }],
} as unknown as AbiModel;

describe('atRelease', () => {
  it('keeps an op whose payload is younger than its number, without the payload, until the payload exists', () => {
    expect(atRelease(model, '4.15').sets[0]?.ops).toEqual([{ constant: 'WIDGET_get' }]);
    expect(atRelease(model, '4.18').sets[0]?.ops).toEqual([{ constant: 'WIDGET_get', member: 'policy', record: 'widget_policy' }]);
    expect(atRelease(model, '4.11').sets).toEqual([]);
  });
});

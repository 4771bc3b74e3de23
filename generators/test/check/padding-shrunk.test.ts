// A padding member that keeps part of its bytes and gives the rest to a new member moves no
// byte anyone may use: the new member takes padding, and the padding member itself is no change.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi, sideFromLoadedModel } from '../../src/check/index.js';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';

const REPO = new URL('../../../', import.meta.url).pathname;
let model: AbiModel;
beforeAll(async () => {
  model = (await loadAbi(`${REPO}abi`, REPO)).model;
});

describe('padding that shrinks within its bytes', () => {
  // Xen 4.6 → 4.7 did this to vcpu_time_info: pad1[3] became flags and pad1[2]. The registry keeps
  // 4.6's bytes a hole for now (the Rust crate cannot yet declare a member retyped across
  // releases), so the 4.6 layout is rebuilt here from 4.7's, on x86_64, as Xen has it.
  it('pad1[3] becoming flags and pad1[2] (vcpu_time_info, Xen 4.7): only flags is reported, as taking padding', () => {
    const base = sideFromLoadedModel(model, { release: '4.7' });
    const head = sideFromLoadedModel(model, { release: '4.7' });
    const layout = base.records.vcpu_time_info?.layouts.x86_64;
    if (!layout) throw new Error('no vcpu_time_info on x86_64');
    const pad1 = layout.fields.find((f) => f.name === 'pad1')!;
    const fields = layout.fields.filter((f) => f.name !== 'flags').map((f) => (f.name === 'pad1' ? { ...f, offset: 29, size: 3, type: 'int8_t[3]' } : f));
    base.records.vcpu_time_info = { ...base.records.vcpu_time_info!, layouts: { ...base.records.vcpu_time_info!.layouts, x86_64: { ...layout, fields } } };
    expect(pad1).toMatchObject({ offset: 30, size: 2, padding: true });
    expect(base.records.vcpu_time_info.layouts.x86_64?.fields.at(-1)).toMatchObject({ name: 'pad1', offset: 29, size: 3, padding: true });
    const shown = checkAbi(base, head).findings.filter((f) => f.item.startsWith('vcpu_time_info')).map((f) => `${f.rule} ${f.item}`);
    expect(shown).toEqual(['PADDING_GIVEN_MEANING vcpu_time_info.flags']);
  });

  it('a padding member that only shrinks, its bytes taken by no new member, is still reported', () => {
    const base = sideFromLoadedModel(model, { release: '4.7' });
    const head = sideFromLoadedModel(model, { release: '4.7' });
    const layout = head.records.vcpu_time_info?.layouts.x86_64;
    if (!layout) throw new Error('no vcpu_time_info on x86_64');
    head.records.vcpu_time_info = { ...head.records.vcpu_time_info!, layouts: { ...head.records.vcpu_time_info!.layouts, x86_64: { ...layout, fields: layout.fields.map((f) => (f.name === 'pad1' ? { ...f, size: 1, type: 'uint8_t[1]' } : f)) } } };
    const shown = checkAbi(base, head).findings.filter((f) => f.item === 'vcpu_time_info.pad1').map((f) => f.rule);
    expect(shown).toContain('ARRAY_LENGTH_CHANGED');
  });

  it('a padding member that moves past its old bytes is still reported', () => {
    const base = sideFromLoadedModel(model, { release: '4.7' });
    const head = sideFromLoadedModel(model, { release: '4.7' });
    const layout = head.records.vcpu_time_info?.layouts.x86_64;
    if (!layout) throw new Error('no vcpu_time_info on x86_64');
    head.records.vcpu_time_info = { ...head.records.vcpu_time_info!, layouts: { ...head.records.vcpu_time_info!.layouts, x86_64: { ...layout, fields: layout.fields.map((f) => (f.name === 'pad1' ? { ...f, offset: 31 } : f)) } } };
    const shown = checkAbi(base, head).findings.filter((f) => f.item === 'vcpu_time_info.pad1').map((f) => f.rule);
    expect(shown).toContain('FIELD_OFFSET_CHANGED');
  });
});

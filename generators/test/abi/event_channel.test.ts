// Layouts of abi/stable/event_channel.ts, checked against clang's sizeof/offsetof for the
// Xen 4.17 headers on i386, x86_64, armhf and aarch64.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { ArchLayout } from '../../src/layout/engine.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const layout = (arch: Arch, name: string) => new ArchLayout(atRelease(model, '4.22'), arch).record(name);
const field = (arch: Arch, record: string, name: string) => layout(arch, record).fields.find((f) => f.name === name);

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('event_channel', () => {
  it('packs evtchn_op.u right after cmd: no member is 8-byte aligned', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'evtchn_op')).toMatchObject({ size: 28, align: 4, holes: [] });
      expect(field(arch, 'evtchn_op', 'u')).toMatchObject({ offset: 4, size: 24 });
      expect(layout(arch, 'evtchn_op.u')).toMatchObject({ size: 24, align: 4 });
    }
  });

  it('lays out evtchn_status with its domid hole and nested union', () => {
    for (const arch of ARCHES) {
      const status = layout(arch, 'evtchn_status');
      expect(status).toMatchObject({ size: 24, align: 4 });
      expect(status.holes).toEqual([{ after: 'dom', offset: 2, size: 2, bits: 16, tail: false }]);
      expect(field(arch, 'evtchn_status', 'u')).toMatchObject({ offset: 16, size: 8 });
      expect(field(arch, 'evtchn_status.u.interdomain', 'port')).toMatchObject({ offset: 4, size: 4 });
      expect(layout(arch, 'evtchn_status.u.unbound')).toMatchObject({ size: 2, align: 2 });
    }
  });

  it('aligns the 64-bit FIFO records to 4 on x86_32 only', () => {
    for (const arch of ARCHES) {
      const align = arch === 'x86_32' ? 4 : 8;
      expect(layout(arch, 'evtchn_init_control')).toMatchObject({ size: 24, align, holes: [] });
      expect(field(arch, 'evtchn_init_control', 'link_bits')).toMatchObject({ offset: 16, size: 1 });
      expect(field(arch, 'evtchn_init_control', '_pad')).toMatchObject({ offset: 17, size: 7, padding: true });
      expect(layout(arch, 'evtchn_expand_array')).toMatchObject({ size: 8, align });
      expect(layout(arch, 'evtchn_fifo_control_block')).toMatchObject({ size: 72, align: 4 });
      expect(field(arch, 'evtchn_fifo_control_block', 'head')).toMatchObject({ offset: 8, size: 64 });
    }
  });

  it('gives EVTCHN_2L_NR_CHANNELS its per-architecture value', () => {
    const c = model.constants.find((k) => k.name === 'EVTCHN_2L_NR_CHANNELS');
    expect(c?.values).toEqual({ x86_32: '1024', x86_64: '4096', arm32: '4096', arm64: '4096' });
  });

  it('ties every EVTCHNOP_* to its argument record, through evtchn_op.u where it has a member', () => {
    const ops = model.sets.find((s) => s.name === 'EVTCHNOP');
    expect(ops?.dispatch).toEqual({ record: 'evtchn_op', opField: 'cmd', payloadField: 'u' });
    expect(ops?.ops).toHaveLength(14);
    expect(ops?.ops).toContainEqual({ constant: 'EVTCHNOP_status', member: 'status', record: 'evtchn_status' });
    expect(ops?.ops).toContainEqual({ constant: 'EVTCHNOP_set_priority', record: 'evtchn_set_priority' });
  });
});

// Gates: build, boot and domain conditions on modules and items, lowered into the model.
// The fixture declares the never-merged per-domain FIFO opt-in; the real Argo gates are
// checked against abi/stable/argo.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { gate } from '../../src/dsl/index.js';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';

const FIXTURE = new URL('../fixtures/gates/abi', import.meta.url).pathname;
const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let fixture: AbiModel;
let real: AbiModel;

beforeAll(async () => {
  fixture = (await loadAbi(FIXTURE)).model;
  real = (await loadAbi(ABI_DIR)).model;
});

const OPT_IN = { kind: 'domain', name: 'XEN_DOMCTL_CDF_evtchn_fifo', since: '4.15' };

describe('gate builders', () => {
  it('build plain gates of each kind', () => {
    expect(gate.build('CONFIG_X', { since: '4.12', doc: 'd' })).toEqual({ kind: 'build', name: 'CONFIG_X', since: '4.12', doc: 'd' });
    expect(gate.boot('x=1', { since: '4.12', until: '4.14', doc: 'd' })).toEqual({ kind: 'boot', name: 'x=1', since: '4.12', until: '4.14', doc: 'd' });
    expect(gate.domain('XEN_DOMCTL_CDF_x', { since: '4.15', doc: 'd' }).kind).toBe('domain');
  });
});

describe('lowered gates (fixture)', () => {
  it('puts module gates on the module only', () => {
    const module = fixture.modules.find((m) => m.name === 'fifo_opt_in');
    expect(module?.gates).toEqual([{ kind: 'build', name: 'CONFIG_FIXTURE_FIFO', since: '4.6', doc: 'Compiled in only with this option.' }]);
    expect(fixture.aliases.find((a) => a.name === 'fixture_fifo_port_t')?.gates).toBeUndefined();
  });

  it('carries a domain gate with its since on a record and a constant', () => {
    expect(fixture.records.find((r) => r.name === 'fixture_fifo_init')?.gates).toEqual([expect.objectContaining(OPT_IN)]);
    expect(fixture.constants.find((c) => c.name === 'FIXTURE_FIFO_OP_init')?.gates).toEqual([expect.objectContaining(OPT_IN)]);
  });

  it('gives set members the set\'s gates unless they state their own', () => {
    expect(fixture.sets.find((s) => s.name === 'FIXTURE_FIFO')?.gates).toEqual([expect.objectContaining(OPT_IN)]);
    expect(fixture.constants.find((c) => c.name === 'FIXTURE_FIFO_PENDING')?.gates).toEqual([expect.objectContaining(OPT_IN)]);
    expect(fixture.constants.find((c) => c.name === 'FIXTURE_FIFO_MASKED')?.gates).toEqual([
      { kind: 'boot', name: 'fixture-fifo=masked', since: '4.16', until: '4.18', doc: 'States its own gate instead.' },
    ]);
  });

  it('keeps gates out of layouts: the gated record is an ordinary record', () => {
    const record = fixture.records.find((r) => r.name === 'fixture_fifo_init');
    expect(record?.fields.map((f) => f.name)).toEqual(['control_gfn', 'offset', 'vcpu', 'link_bits', 'pad', 'pad2', 'pad3', 'pad4']);
  });
});

describe('Argo gates (abi/stable/argo.ts)', () => {
  it('needs CONFIG_ARGO and argo=1 from 4.12 for the whole module', () => {
    const argo = real.modules.find((m) => m.name === 'argo');
    expect(argo?.gates?.map((g) => [g.kind, g.name, g.since, g.until])).toEqual([
      ['build', 'CONFIG_ARGO', '4.12', undefined],
      ['boot', 'argo=1', '4.12', undefined],
    ]);
  });

  it('needs mac-permissive for wildcard rings', () => {
    const any = real.constants.find((c) => c.name === 'XEN_ARGO_DOMID_ANY');
    expect(any?.gates).toEqual([expect.objectContaining({ kind: 'boot', name: 'argo=mac-permissive=1', since: '4.12' })]);
  });

  it('states no gate Xen never merged', () => {
    const all = [...real.modules, ...real.records, ...real.aliases, ...real.constants, ...real.sets].flatMap((i) => i.gates ?? []);
    expect(all.filter((g) => g.kind === 'domain')).toEqual([]);
  });
});

// A constant declared once per run of releases (Xen removed the name and brought it back):
// the loader lists it once in its set, the TypeScript availability table spans both runs with
// the releases between as a gap (it stopped with an internal error before), and the docs'
// matrix shows it on one row.
import { beforeAll, describe, expect, it } from 'vitest';
import { availabilityTables } from '../../src/emit/docs/availability.js';
import { availabilityFile } from '../../src/emit/ts/availability.js';
import { loadAbi } from '../../src/load/index.js';
import { XEN_RELEASES } from '../../src/model/releases.js';
import type { AbiModel } from '../../src/model/types.js';

const FIXTURE = new URL('../fixtures/two-runs/abi', import.meta.url).pathname;
let model: AbiModel;

beforeAll(async () => {
  const loaded = await loadAbi(FIXTURE);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = loaded.model;
});

describe('a constant over two runs of releases', () => {
  it('is one member of its value set and one op of its op set', () => {
    expect(model.sets.find((s) => s.name === 'FIXTURE_CMD')?.values).toEqual(['FIXTURE_CMD_back', 'FIXTURE_CMD_kept']);
    expect(model.sets.find((s) => s.name === 'FIXTURE_OP')?.ops).toEqual([{ constant: 'FIXTURE_OP_back', record: 'fixture_payload' }]);
    expect(model.constants.filter((c) => c.name === 'FIXTURE_OP_back').map((c) => c.value)).toEqual(['7', '8']);
  });

  it('is one entry of the TypeScript availability table, with the releases between as a gap', () => {
    const table = availabilityFile(model).decls.find((d) => d.name === 'AVAILABILITY');
    const init = table && 'init' in table ? String(table.init) : '';
    expect(init).toContain(`'FIXTURE_CMD_back': { since: '4.6', gaps: [{ since: '4.9', until: '4.11' }] },`);
    expect(init).toContain(`'FIXTURE_OP_back': { since: '4.6', gaps: [{ since: '4.9', until: '4.11' }] },`);
    expect(init).toContain(`'FIXTURE_CMD_kept': { since: '4.6' },`);
  });

  it('is one row of the docs matrix, absent in the gap', () => {
    const rows = availabilityTables(model).flatMap((t) => t.rows).filter((r) => r.startsWith('`FIXTURE_CMD_back`'));
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.split(' | ').slice(1, 1 + XEN_RELEASES.length);
    const present = XEN_RELEASES.filter((_, i) => cells[i] !== '');
    expect(present).toEqual(XEN_RELEASES.filter((r) => !['4.9', '4.10'].includes(r)));
  });
});

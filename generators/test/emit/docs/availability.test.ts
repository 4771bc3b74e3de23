// The availability matrix of docs/reference/availability.md, read from the real registry.
import { beforeAll, describe, expect, it } from 'vitest';
import { availabilityTables, type AvailabilityTable } from '../../../src/emit/docs/availability.js';
import { loadAbi } from '../../../src/load/index.js';
import { XEN_RELEASES } from '../../../src/model/releases.js';

const ABI_DIR = new URL('../../../../abi', import.meta.url).pathname;
let tables: AvailabilityTable[];

beforeAll(async () => {
  tables = availabilityTables((await loadAbi(ABI_DIR)).model);
});

/** The cells of an item's row, by release. */
function cells(module: string, item: string): Record<string, string> {
  const table = tables.find((t) => t.title.startsWith(`${module} (`));
  const row = table?.rows.find((r) => r.startsWith(`\`${item}\``));
  const parts = (row ?? '').split(' | ').slice(1, 1 + XEN_RELEASES.length);
  return Object.fromEntries(XEN_RELEASES.map((r, i) => [r, parts[i] ?? '']));
}

describe('the availability matrix', () => {
  it('marks the releases whose Xen header showed a stable item only to tools builds', () => {
    const dmOp = cells('dm_op', 'xen_dm_op');
    expect([dmOp['4.8'], dmOp['4.9'], dmOp['4.14'], dmOp['4.15'], dmOp['4.22']]).toEqual(['', '○', '○', '●', '●']);
    const param = cells('params', 'HVM_PARAM_DM_DOMAIN');
    expect([param['4.11'], param['4.12'], param['4.22']]).toEqual(['●', '○', '○']);
    const acquire = cells('memory', 'xen_mem_acquire_resource');
    expect([acquire['4.10'], acquire['4.11'], acquire['4.13'], acquire['4.14']]).toEqual(['', '○', '○', '●']);
  });

  it('never marks an unstable item, which only tools builds use anyway', () => {
    const rows = tables.filter((t) => t.title.includes('(unstable,')).flatMap((t) => t.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.includes('○'))).toEqual([]);
  });
});

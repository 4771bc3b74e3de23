// Interface-version gating: what a guest sees depends on the __XEN_INTERFACE_VERSION__ it
// builds with. Unit tests of lowering (DSL objects straight into lowerModules), then the
// fixture through the whole load, schema check included.
import { describe, expect, it } from 'vitest';
import { constant, field, flag, flagSet, handle, inlineStruct, struct, typedef, u16, u32, union, valueSet, abiModule } from '../../src/dsl/index.js';
import { loadAbi } from '../../src/load/index.js';
import { lowerModules } from '../../src/load/lower.js';
import type { ModuleDef } from '../../src/dsl/defs.js';
import { checkModelSchema } from '../../src/validate/schema.js';

const V2 = { min: '0x0003020a' };
const FIXTURE = new URL('../fixtures/gates/abi', import.meta.url).pathname;

function lower(def: ModuleDef) {
  const { model, diagnostics } = lowerModules([{ namespace: 'stable', file: '/repo/abi/stable/m.ts', exported: def }], '/repo');
  expect(diagnostics).toEqual([]);
  return model;
}

describe('lowering guestInterface', () => {
  const header = struct('hdr', { since: '4.6', guestInterface: V2, fields: [field('flags', u16), field('domid', u16)] });
  const entry = union('entry_v2', {
    since: '4.6',
    guestInterface: V2,
    fields: [field('hdr', header), field('full', inlineStruct({ fields: [field('hdr', header), field('frame', u32)] }))],
  });
  const model = lower(
    abiModule({
      name: 'm',
      xenHeader: 'm.h',
      xenGuard: '__M_H__',
      coverage: 'full',
      items: [
        header,
        entry,
        typedef('status_t', u16, { since: '4.6', guestInterface: V2 }),
        valueSet('OP', {
          since: '4.6',
          values: [constant('OP_old', 1, { since: '4.6' }), constant('OP_new', 8, { since: '4.6', guestInterface: V2 })],
        }),
        flagSet('CACHE', { since: '4.6', guestInterface: V2, flags: [flag('CACHE_CLEAN', 0, { since: '4.6' })] }),
      ],
    }),
  );

  it('copies it onto records, typedefs and constants', () => {
    expect(model.records.find((r) => r.name === 'hdr')?.guestInterface).toEqual(V2);
    expect(model.aliases.find((a) => a.name === 'status_t')?.guestInterface).toEqual(V2);
    expect(model.constants.find((c) => c.name === 'OP_new')?.guestInterface).toEqual(V2);
  });

  it('leaves ungated items without it', () => {
    expect(model.constants.find((c) => c.name === 'OP_old')).not.toHaveProperty('guestInterface');
    expect(model.sets.find((s) => s.name === 'OP')).not.toHaveProperty('guestInterface');
  });

  it('passes it down to inline records and set members', () => {
    expect(model.records.find((r) => r.name === 'entry_v2.full')?.guestInterface).toEqual(V2);
    expect(model.sets.find((s) => s.name === 'CACHE')?.guestInterface).toEqual(V2);
    expect(model.constants.find((c) => c.name === 'CACHE_CLEAN')?.guestInterface).toEqual(V2);
  });

  it('produces a model the schema accepts', () => {
    expect(checkModelSchema(model)).toEqual([]);
  });
});

describe('lowering legacy spellings', () => {
  const model = lower(
    abiModule({
      name: 'm',
      xenHeader: 'm.h',
      xenGuard: '__M_H__',
      coverage: 'full',
      items: [
        struct('entry_v1', {
          typedef: 'entry_v1_t',
          since: '4.6',
          legacyName: { name: 'entry', typedef: 'entry_t', belowInterfaceVersion: '0x0003020a' },
          fields: [field('frame', u32)],
        }),
        struct('table', {
          since: '4.6',
          fields: [field('list', handle('xen_pfn_t'), { legacyType: { type: handle('ulong', 'unsigned long'), belowInterfaceVersion: '0x00040300' } })],
        }),
      ],
    }),
  );

  it('keeps a record\'s legacy tag and typedef', () => {
    expect(model.records.find((r) => r.name === 'entry_v1')?.legacyName).toEqual({ name: 'entry', typedef: 'entry_t', belowInterfaceVersion: '0x0003020a' });
  });

  it('lowers a member\'s legacy type like its type', () => {
    const list = model.records.find((r) => r.name === 'table')?.fields[0];
    expect(list?.type).toEqual({ kind: 'handle', width: 'native', target: 'xen_pfn_t', pointee: 'xen_pfn_t' });
    expect(list?.legacyType).toEqual({ type: { kind: 'handle', width: 'native', target: 'ulong', pointee: 'unsigned long' }, belowInterfaceVersion: '0x00040300' });
  });

  it('rejects an interface version not written as eight hex digits', () => {
    const bad = lower(
      abiModule({
        name: 'm',
        xenHeader: 'm.h',
        xenGuard: '__M_H__',
        coverage: 'full',
        items: [constant('X', 1, { since: '4.6', guestInterface: { min: '0x3020a' } })],
      }),
    );
    expect(checkModelSchema(bad).map((d) => d.message).join('\n')).toMatch(/pattern|0x/);
  });
});

describe('constant type history', () => {
  it('records a C type change with the same value', () => {
    const model = lower(
      abiModule({
        name: 'm',
        xenHeader: 'm.h',
        xenGuard: '__M_H__',
        coverage: 'full',
        items: [
          constant('SIGN_BIT', -2147483648, { since: '4.6', cType: 'int', spelling: 'shift', history: [{ since: '4.10', value: 2147483648, cType: 'unsigned int' }] }),
          flagSet('F', { since: '4.6', flags: [flag('F_A', 0, { since: '4.6', cType: 'int', history: [{ since: '4.10', cType: 'unsigned int' }] })] }),
        ],
      }),
    );
    expect(model.constants.find((c) => c.name === 'SIGN_BIT')).toMatchObject({ value: '-2147483648', cType: 'int', history: [{ since: '4.10', value: '2147483648', cType: 'unsigned int' }] });
    expect(model.constants.find((c) => c.name === 'F_A')).toMatchObject({ value: '1', cType: 'int', history: [{ since: '4.10', value: '1', cType: 'unsigned int' }] });
  });

  it('gives a flag on the sign bit of an int its negative value', () => {
    const f = flag('TOP', 31, { since: '4.6', cType: 'int', history: [{ since: '4.10', cType: 'unsigned int' }] });
    expect(f.mask.value).toBe(-2147483648n);
    expect(f.mask.history).toEqual([{ since: '4.10', value: 2147483648n, cType: 'unsigned int' }]);
  });
});

describe('the fixture through the whole load', () => {
  it('loads, passes the schema and every pass, and keeps the interface gating', async () => {
    const { model, diagnostics } = await loadAbi(FIXTURE);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.records.find((r) => r.name === 'fixture_entry_v2.full')?.guestInterface).toEqual({ min: '0x0003020a' });
    expect(model.records.find((r) => r.name === 'fixture_entry_v1')?.legacyName?.name).toBe('fixture_entry');
    expect(model.constants.find((c) => c.name === 'FIXTURE_CACHE_CLEAN')?.guestInterface).toEqual({ min: '0x0003020a' });
    expect(model.constants.find((c) => c.name === 'FIXTURE_OLD')).not.toHaveProperty('guestInterface');
  });
});

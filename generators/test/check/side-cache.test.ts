// A side read back from the cache (`side-cache.ts`) is the side that was stored: same data,
// same prototype-less tables, so that names like `constructor` stay plain keys, and a check
// of the stored side against the revived one finds nothing.
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi } from '../../src/check/engine.js';
import { sideFromLoadedModel } from '../../src/check/side/load.js';
import { reviveSide, sideCacheKind } from '../../src/check/side/side-cache.js';
import type { AbiSide } from '../../src/check/side/types.js';
import { loadAbi } from '../../src/load/index.js';

const REPO = new URL('../../../', import.meta.url).pathname;

let side: AbiSide;

beforeAll(async () => {
  const { model } = await loadAbi(join(REPO, 'abi'), REPO);
  side = sideFromLoadedModel(model, { origin: 'git', label: 'git HEAD (0123456789ab)', notes: ['a note'] });
});

const roundTrip = (s: AbiSide, label: string) => reviveSide(deserialize(serialize(s)) as AbiSide, label);

/** The side with records and constants under names a plain object answers from its prototype, or takes as one. */
function hostile(): AbiSide {
  const copy = roundTrip(side, side.label);
  const record = Object.values(copy.records)[0] as AbiSide['records'][string];
  const constant = Object.values(copy.constants)[0] as AbiSide['constants'][string];
  for (const name of ['constructor', '__proto__', 'toString']) {
    const fieldLocs = Object.create(null) as Record<string, (typeof record)['loc']>;
    fieldLocs[name] = record.loc;
    copy.records[name] = { ...record, name, fieldLocs };
    copy.constants[name] = { ...constant, name };
  }
  return copy;
}

describe('the side cache', () => {
  it('gives back the side as it was built, with the label it is asked for', () => {
    const revived = roundTrip({ ...side, label: 'stored under another label' }, side.label);
    expect(revived).toStrictEqual(side);
    expect(checkAbi(side, revived).findings).toEqual([]);
  });

  it('gives the tables no prototype, so every name is only a key', () => {
    const stored = hostile();
    const revived = roundTrip(stored, stored.label);
    for (const table of [revived.records, revived.constants, revived.aliases, revived.sets, revived.modules]) expect(Object.getPrototypeOf(table)).toBeNull();
    for (const r of Object.values(revived.records)) expect(Object.getPrototypeOf(r.fieldLocs)).toBeNull();
    // (toStrictEqual reads a table's `constructor` as its type, here a record: compared by key instead.)
    expect(Object.keys(revived.records)).toEqual(Object.keys(stored.records));
    for (const name of ['constructor', '__proto__', 'toString']) {
      expect(Object.getOwnPropertyDescriptor(revived.records, name)?.value).toEqual(stored.records[name]);
      expect(Object.keys(revived.records[name]?.fieldLocs ?? {})).toEqual([name]);
      expect(Object.getOwnPropertyDescriptor(revived.constants, name)?.value).toEqual(stored.constants[name]);
    }
    expect(revived.records.hasOwnProperty).toBeUndefined();
    expect(checkAbi(stored, revived).findings).toEqual([]);
  });

  it('keeps the sides of different releases and strictness apart, in names safe for a file', () => {
    expect(sideCacheKind('strict', '4.22')).toBe('strict-side-4.22');
    expect(sideCacheKind('lenient', '4.22')).not.toBe(sideCacheKind('strict', '4.22'));
    expect(sideCacheKind('strict', '../4.6')).toBe('strict-side-.._4.6');
  });
});

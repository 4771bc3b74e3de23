// Releases in one run of an item see it alike: the C emitter computes once per run.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchLayout } from '../../src/layout/engine.js';
import { loadAbi } from '../../src/load/index.js';
import { ARCHES } from '../../src/model/arch.js';
import { XEN_RELEASES } from '../../src/model/releases.js';
import type { AbiModel, RecordDecl } from '../../src/model/types.js';
import { ChangePoints } from '../../src/select/changes.js';
import { atRelease, type ReleaseModel } from '../../src/select/release.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let model: AbiModel;
let views: Map<string, ReleaseModel>;
let changes: ChangePoints;

beforeAll(async () => {
  model = (await loadAbi(join(ROOT, 'abi'), ROOT)).model;
  views = new Map(XEN_RELEASES.map((r) => [r, atRelease(model, r)]));
  changes = new ChangePoints(model);
});

/** Each run's releases, as what `see` makes of them; a run must see one thing. */
function seenPerRun(name: string, see: (release: string) => string): string[][] {
  return changes.segments(name, XEN_RELEASES).map((run) => [...new Set(run.map(see))]);
}

describe('change points of the ABI', () => {
  it('keep a record, on every architecture, the same throughout each run: its members and layout, and a ring page\'s entries', () => {
    const layouts = new Map(XEN_RELEASES.flatMap((r) => ARCHES.map((a) => [`${r}/${a}`, new ArchLayout(views.get(r) as ReleaseModel, a)] as const)));
    for (const record of model.records) {
      for (const arch of ARCHES) {
        const see = (release: string) => {
          const layout = layouts.get(`${release}/${arch}`) as ArchLayout;
          const decl = views.get(release)?.records.find((r) => r.name === record.name);
          return decl && layout.has(record.name) ? JSON.stringify([decl.fields, layout.record(record.name), layout.members(record.name), decl.ring ? layout.ring(record.name) : null]) : 'absent';
        };
        for (const seen of seenPerRun(record.name, see)) expect(seen, `${record.name} on ${arch}`).toHaveLength(1);
      }
    }
  });

  it('keep a constant or typedef the same throughout each run: its declaration, value and the flag naming its bit', () => {
    for (const name of new Set([...model.constants, ...model.aliases].map((i) => i.name))) {
      const see = (release: string) => {
        const view = views.get(release) as ReleaseModel;
        return JSON.stringify([
          view.constants.filter((c) => c.name === name),
          view.aliases.filter((a) => a.name === name),
          view.sets.flatMap((s) => s.flags ?? []).filter((f) => f.bitConstant === name),
        ]);
      };
      for (const seen of seenPerRun(name, see)) expect(seen, name).toHaveLength(1);
    }
  });

  it('split where the item or what it holds starts, ends or changes value, and tell the run of a release', () => {
    const field = (name: string, type: RecordDecl['fields'][number]['type'], lifetime = {}) => ({ name, type, loc: { file: 'x', line: 1, column: 1 }, ...lifetime });
    const loc = { file: 'x', line: 1, column: 1 };
    const small: Pick<AbiModel, 'records' | 'aliases' | 'constants' | 'sets'> = {
      records: [
        { kind: 'struct', name: 'outer', module: 'm', namespace: 'stable', since: '4.6', loc, fields: [field('a', { kind: 'record', name: 'inner' }), field('b', { kind: 'scalar', name: 'uint8_t' }, { since: '4.12' })] },
        { kind: 'struct', name: 'inner', module: 'm', namespace: 'stable', since: '4.6', loc, fields: [field('x', { kind: 'alias', name: 'word_t' })] },
      ],
      aliases: [{ kind: 'alias', name: 'word_t', module: 'm', namespace: 'stable', since: '4.6', until: '4.9', loc, type: { kind: 'scalar', name: 'uint32_t' } }],
      constants: [{ kind: 'constant', name: 'C', module: 'm', namespace: 'stable', since: '4.7', loc, value: '1', cType: 'int', spelling: 'dec', history: [{ since: '4.20', value: '2' }] }],
      sets: [],
    };
    const points = new ChangePoints(small);
    const releases = ['4.6', '4.8', '4.9', '4.10', '4.12', '4.13'];
    expect(points.segments('outer', releases)).toEqual([['4.6', '4.8'], ['4.9', '4.10'], ['4.12', '4.13']]);
    expect(points.segments('inner', releases)).toEqual([['4.6', '4.8'], ['4.9', '4.10', '4.12', '4.13']]);
    expect(points.segments('C', ['4.6', '4.7', '4.19', '4.20', '4.22'])).toEqual([['4.6'], ['4.7', '4.19'], ['4.20', '4.22']]);
    expect([points.run('outer', '4.8'), points.run('outer', '4.10'), points.run('outer', '4.13')]).toEqual([0, 3, 6]);
  });
});

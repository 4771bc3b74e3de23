// The C emitter's release selection: conditions, merged checks, interface versions, members.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conditionalLines,
  conditionalMembers,
  declaredItems,
  interfaceVersions,
  mergeLines,
  Releases,
  selectionOf,
} from '../../../src/emit/c/availability.js';
import { releaseCondition } from '../../../src/emit/c/names.js';
import { loadAbi } from '../../../src/load/index.js';
import { NEWEST_RELEASE, XEN_RELEASES } from '../../../src/model/releases.js';
import type { ModuleDecl } from '../../../src/model/types.js';
import { atRelease } from '../../../src/select/release.js';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
let releases: Releases;
const mod = (name: string) => releases.newest.modules.find((m) => m.name === name) as ModuleDecl;

beforeAll(async () => {
  const { model } = await loadAbi(join(ROOT, 'abi'), ROOT);
  releases = new Releases(model, atRelease(model, NEWEST_RELEASE));
});

describe('release conditions', () => {
  const domain = ['4.9', '4.10', '4.11', '4.12'];
  it('is empty when every release of the domain is in the set, and bounds runs otherwise', () => {
    expect(releaseCondition('M', domain, domain)).toBe('');
    expect(releaseCondition('M', ['4.11', '4.12'], domain)).toBe('M >= 0x040b00');
    expect(releaseCondition('M', ['4.9', '4.10'], domain)).toBe('M < 0x040b00');
    expect(releaseCondition('M', ['4.10'], domain)).toBe('M >= 0x040a00 && M < 0x040b00');
    expect(releaseCondition('M', ['4.9', '4.12'], domain)).toBe('M < 0x040a00 || M >= 0x040c00');
    expect(() => releaseCondition('M', [], domain)).toThrow(/no release/);
  });

  it('spells releases as the includer names them', () => {
    expect(releaseCondition('V', ['4.12'], domain, (r) => `<${r}>`)).toBe('V >= <4.12>');
  });
});

describe('merged per-release lines', () => {
  it('keeps a line common to several releases once, in order, and puts the others under #if', () => {
    const merged = mergeLines([
      { release: 'a', lines: ['size 40', 'x'] },
      { release: 'b', lines: ['size 56', 'x', 'y'] },
    ]);
    expect(merged).toEqual([
      { line: 'size 56', releases: ['b'] },
      { line: 'size 40', releases: ['a'] },
      { line: 'x', releases: ['a', 'b'] },
      { line: 'y', releases: ['b'] },
    ]);
    expect(conditionalLines([{ line: '1', condition: 'A' }, { line: '2', condition: 'A' }, { line: '3', condition: '' }])).toEqual(['#if A', '1', '2', '#endif', '3']);
  });
});

describe('the releases a header follows', () => {
  it('lets a stable header follow any known release', () => {
    const s = selectionOf(mod('dm_op'), releases);
    expect(s.macro).toBe('XENABI_XEN_MIN_VERSION');
    expect(s.domain).toEqual([...XEN_RELEASES]);
  });

  it('maps each domctl interface version to the newest release that had it', () => {
    const versions = interfaceVersions(mod('domctl'), releases);
    expect(versions.map((v) => v.literal)).toEqual(
      ['0b', '0c', '0d', '0e', '10', '11', '12', '13', '14', '15', '16', '17', '18'].map((x) => `0x000000${x}`),
    );
    expect(versions.find((v) => v.literal === '0x00000017')).toEqual({ literal: '0x00000017', release: '4.21', releases: ['4.19', '4.20', '4.21'] });
    expect(versions.find((v) => v.literal === '0x0000000b')?.release).toBe('4.7');
    const s = selectionOf(mod('domctl'), releases);
    expect(s.macro).toBe('XENABI_WANT_XEN_DOMCTL_INTERFACE_VERSION');
    expect(s.spell('4.17')).toBe('0x00000015');
  });

  it('declares what a stable module has now, and an unstable one every item of its interface versions', () => {
    const dm = declaredItems(releases, selectionOf(mod('dm_op'), releases), mod('dm_op'));
    expect(dm.find((i) => i.name === 'xen_dm_op_nr_vcpus')?.alive[0]).toBe('4.15');
    const grant = declaredItems(releases, selectionOf(mod('grant_table'), releases), mod('grant_table'));
    expect(grant.some((i) => i.name === 'GNTMAP_can_fail')).toBe(false);
    const domctl = declaredItems(releases, selectionOf(mod('domctl'), releases), mod('domctl'));
    expect(domctl.find((i) => i.name === 'XEN_DOMCTL_CDF_hvm_guest')?.alive).toEqual(['4.7', '4.8', '4.9', '4.10', '4.11', '4.12']);
  });

  it('finds the members some releases of a record lack, renamed ones included', () => {
    const records = new Map(releases.history.records.map((r) => [r.name, r]));
    const alive = [...XEN_RELEASES].slice(3);
    const info = conditionalMembers(records, records.get('xen_dm_op_get_ioreq_server_info') as never, alive);
    expect(info.map((m) => [m.path, m.alive[0], m.since])).toEqual([
      ['pad', '4.9', undefined],
      ['flags', '4.11', '4.11'],
      ['ioreq_pfn', '4.9', undefined],
      ['ioreq_gfn', '4.10', '4.10'],
      ['bufioreq_pfn', '4.9', undefined],
      ['bufioreq_gfn', '4.10', '4.10'],
    ]);
    const op = conditionalMembers(records, records.get('xen_dm_op') as never, alive);
    expect(op.find((m) => m.path === 'u.nr_vcpus')?.alive[0]).toBe('4.15');
  });
});

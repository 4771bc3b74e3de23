// Waivers that name the Xen release of the break they accept: in play only in comparisons
// that cross that release, dormant (neither applied nor unused) in every other.
import { describe, expect, it } from 'vitest';
import { checkAbi } from '../../src/check/engine.js';
import type { Finding } from '../../src/check/finding.js';
import { applyWaivers, crosses, parseWaivers, WaiverFileError, type Waiver } from '../../src/check/waivers/index.js';
import { field, struct, u64 } from 'xenabi/dsl';
import { stable } from '../fixtures/check/define.js';
import { sideOf } from './helpers.js';

const finding: Finding = {
  rule: 'FIELD_RENAMED',
  category: 'source',
  severity: 'error',
  item: 'r.b',
  itemKind: 'field',
  namespace: 'stable',
  module: 'm',
  archs: [],
  base: 'a',
  head: 'b',
  message: 'r.a was renamed to r.b',
  loc: { file: 'abi/stable/m.ts', line: 3, column: 5 },
  locSide: 'head',
};

const waiver = (extra: Partial<Waiver> = {}): Waiver => ({ rule: 'FIELD_RENAMED', item: 'r.b', reason: 'Xen 4.10 renamed it.', release: '4.10', loc: { file: 'abi/waivers.json', line: 3, column: 1 }, ...extra });
const outcome = (base: string, head: string, w: Waiver = waiver()) => {
  const { findings, own } = applyWaivers([finding], [w], head, base);
  return { waived: !!findings[0]?.waived, own: own.map((f) => f.rule) };
};

describe('waivers scoped to a release', () => {
  it('parses the release key and rejects one that is not a release', () => {
    const text = '{ "waivers": [ { "rule": "FIELD_RENAMED", "item": "r.b", "reason": "Xen 4.10 renamed it.", "release": "4.10" } ] }';
    expect(parseWaivers(text, 'abi/waivers.json')[0]?.release).toBe('4.10');
    expect(() => parseWaivers(text.replace('"4.10"', '"ten"'), 'abi/waivers.json')).toThrow(WaiverFileError);
  });

  it('applies only to comparisons whose base is older than the release and whose head reaches it', () => {
    expect(crosses(waiver(), '4.9', '4.10')).toBe(true);
    expect(crosses(waiver(), '4.6', '4.22')).toBe(true);
    expect(crosses(waiver(), '4.10', '4.11')).toBe(false);
    expect(crosses(waiver(), '4.8', '4.9')).toBe(false);
    expect(crosses(waiver(), '4.22', '4.22')).toBe(false);
    expect(crosses(waiver({ release: undefined }), '4.22', '4.22')).toBe(true);
  });

  it('waives the break in the comparison that crosses its release', () => {
    expect(outcome('4.9', '4.10')).toEqual({ waived: true, own: [] });
  });

  it('is dormant elsewhere: the finding stays an error and the waiver is not reported unused', () => {
    expect(outcome('4.22', '4.22')).toEqual({ waived: false, own: [] });
    expect(outcome('4.10', '4.11')).toEqual({ waived: false, own: [] });
    expect(applyWaivers([], [waiver()], '4.22').own).toEqual([]);
  });

  it('is reported unused, or expired, when in play', () => {
    expect(applyWaivers([], [waiver()], '4.10', '4.9').own.map((f) => f.rule)).toEqual(['WAIVER_UNUSED']);
    expect(outcome('4.9', '4.10', waiver({ expires: '4.10' }))).toEqual({ waived: false, own: ['WAIVER_EXPIRED'] });
  });

  it('keeps unscoped waivers as they were', () => {
    expect(outcome('4.22', '4.22', waiver({ release: undefined }))).toEqual({ waived: true, own: [] });
    expect(applyWaivers([], [waiver({ release: undefined })], '4.22').own.map((f) => f.rule)).toEqual(['WAIVER_UNUSED']);
  });

  it('lets checkAbi compare release views with the break Xen made waived, and a normal check stay quiet', () => {
    const abi = () => [
      stable([
        struct('r', {
          since: '4.9',
          fields: [field('a', u64, { until: '4.10', doc: 'The old name.' }), field('b', u64, { since: '4.10', doc: 'The new name.' })],
        }),
      ]),
    ];
    const scoped = [waiver()];
    const across = checkAbi(sideOf(abi(), '4.9'), sideOf(abi(), '4.10'), { waivers: scoped });
    expect(across.findings.filter((f) => f.rule === 'FIELD_RENAMED').map((f) => !!f.waived)).toEqual([true]);
    expect(across.summary.result).toBe('pass');
    const normal = checkAbi(sideOf(abi()), sideOf(abi()), { waivers: scoped });
    expect(normal.findings).toEqual([]);
  });
});

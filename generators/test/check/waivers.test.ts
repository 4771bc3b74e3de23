// The waivers file: validated against its schema (the same one `xenabi generate` writes to
// abi/waivers.schema.json), located line by line, applied per architecture.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/check/finding.js';
import { applyWaivers, parseWaivers, WaiverFileError } from '../../src/check/waivers/index.js';
import { WAIVERS_SCHEMA } from '../../src/check/waivers/schema.js';
import { REPO_ROOT } from './helpers.js';

const finding = (archs: Finding['archs']): Finding => ({
  rule: 'FIELD_RENAMED',
  category: 'source',
  severity: 'error',
  item: 'r.b',
  itemKind: 'field',
  namespace: 'stable',
  module: 'm',
  archs,
  base: 'a',
  head: 'b',
  message: 'r.a was renamed to r.b',
  loc: { file: 'abi/stable/m.ts', line: 3, column: 5 },
  locSide: 'head',
});

describe('waivers', () => {
  it('parses a valid file and locates each entry', () => {
    const text = `{\n  "waivers": [\n    {\n      "rule": "FIELD_RENAMED",\n      "item": "r.b",\n      "reason": "Xen renamed it."\n    },\n    { "rule": "CONSTANT_REMOVED", "item": "X", "reason": "Xen removed it.", "expires": "4.23", "arch": "arm64" }\n  ]\n}\n`;
    expect(parseWaivers(text, 'abi/waivers.json')).toEqual([
      { rule: 'FIELD_RENAMED', item: 'r.b', reason: 'Xen renamed it.', loc: { file: 'abi/waivers.json', line: 4, column: 1 } },
      { rule: 'CONSTANT_REMOVED', item: 'X', reason: 'Xen removed it.', expires: '4.23', arch: 'arm64', loc: { file: 'abi/waivers.json', line: 8, column: 1 } },
    ]);
  });

  it('rejects what the schema rejects, listing every problem', () => {
    const bad = JSON.stringify({ waivers: [{ rule: 'FIELD_RENAMED', item: '', reason: 'Because.', expires: 'next', colour: 'red' }, { item: 'x' }] });
    try {
      parseWaivers(bad, 'abi/waivers.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WaiverFileError);
      expect((error as WaiverFileError).problems).toEqual(
        expect.arrayContaining([
          "/waivers/0: must NOT have additional properties 'colour'",
          '/waivers/0/item: must NOT have fewer than 1 characters',
          '/waivers/0/reason: must NOT have fewer than 10 characters',
          '/waivers/0/expires: must match pattern "^[0-9]+\\.[0-9]+$"',
          "/waivers/1: must have required property 'rule'",
        ]),
      );
    }
    expect(() => parseWaivers('{ nope', 'w.json')).toThrow(/w\.json: not a valid waivers file:\n {2}not JSON/);
  });

  it('waives only the architectures a waiver names, splitting the finding', () => {
    const w = { rule: 'FIELD_RENAMED', item: 'r.b', reason: 'Accepted on x86_32.', arch: 'x86_32' as const, loc: { file: 'abi/waivers.json', line: 3, column: 1 } };
    const { findings, own } = applyWaivers([finding(['x86_32', 'x86_64'])], [w], '4.22');
    expect(findings.map((f) => [f.archs, !!f.waived])).toEqual([
      [['x86_32'], true],
      [['x86_64'], false],
    ]);
    expect(own).toEqual([]);
  });

  it('stops applying a waiver from its expiry release on, and says so', () => {
    const w = { rule: 'FIELD_RENAMED', item: 'r.b', reason: 'Until 4.22.', expires: '4.22', loc: { file: 'abi/waivers.json', line: 3, column: 1 } };
    expect(applyWaivers([finding([])], [w], '4.21').findings[0]?.waived).toEqual({ reason: 'Until 4.22.', expires: '4.22' });
    const expired = applyWaivers([finding([])], [w], '4.22');
    expect(expired.findings[0]?.waived).toBeUndefined();
    expect(expired.own.map((f) => [f.rule, f.severity, f.loc.line])).toEqual([['WAIVER_EXPIRED', 'warning', 3]]);
  });

  it('commits the schema the checker validates with, and a valid waivers file that names it', () => {
    expect(JSON.parse(readFileSync(`${REPO_ROOT}abi/waivers.schema.json`, 'utf8'))).toEqual(WAIVERS_SCHEMA);
    const text = readFileSync(`${REPO_ROOT}abi/waivers.json`, 'utf8');
    expect(JSON.parse(text).$schema).toBe('./waivers.schema.json');
    expect(() => parseWaivers(text, 'abi/waivers.json')).not.toThrow();
  });
});

// The five output formats of one result: a breaking change, a warning, a compatible change,
// a waived break, an unused waiver and a skipped rule, so every part of each format shows.
import { describe, expect, it } from 'vitest';
import { checkAbi, type CheckResult } from '../../src/check/engine.js';
import { formatResult } from '../../src/check/format/index.js';
import { escapeData, escapeProperty } from '../../src/check/format/github.js';
import { schemaValidator } from '../../src/check/json-schema.js';
import { RULES } from '../../src/check/rules/catalogue.js';
import type { Waiver } from '../../src/check/waivers/index.js';
import fieldOffset from '../fixtures/check/rules/FIELD_OFFSET_CHANGED.js';
import padding from '../fixtures/check/rules/PADDING_GIVEN_MEANING.js';
import { sideOf } from './helpers.js';

const ruleUri = (id: string) => `https://example.org/xenabi/docs/rules/${id}.md`;

function sample(): CheckResult {
  const base = sideOf([...fieldOffset.breaking.base(), ...padding.breaking.base().map((m) => ({ ...m, def: { ...m.def, name: 'other' } }))], '4.22', 'git origin/main (1234567)');
  const head = sideOf([...fieldOffset.breaking.head(), ...padding.breaking.head().map((m) => ({ ...m, def: { ...m.def, name: 'other' } }))], '4.22', 'abi/ (working tree)');
  const waivers: Waiver[] = [
    { rule: 'RECORD_SIZE_CHANGED', item: 'sample_op', reason: 'Accepted: "extra" is needed, 50% of callers | all', loc: { file: 'abi/waivers.json', line: 3, column: 1 } },
    { rule: 'FIELD_REMOVED', item: 'nothing.here', reason: 'Left over from an old break.', loc: { file: 'abi/waivers.json', line: 4, column: 1 } },
  ];
  const result = checkAbi(base, { ...head, has: head.has.filter((c) => c !== 'sets') }, { waivers });
  return result;
}

describe('text', () => {
  it('has no colour unless asked, and colour when asked', () => {
    const result = sample();
    const plain = formatResult(result, 'text');
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toMatch(/^xenabi check: git origin\/main \(1234567\) \(Xen 4\.22\) → abi\/ \(working tree\) \(Xen 4\.22\)\n/);
    expect(plain).toMatch(/\n {2}generators\/test\/fixtures\/check\/rules\/FIELD_OFFSET_CHANGED\.ts:\d+:\d+: error FIELD_OFFSET_CHANGED sample_op\.value\n {6}sample_op\.value moved from offset 4 to 8\n {6}on all architectures · base 4 → head 8\n/);
    expect(plain).toContain('Warnings:\n');
    expect(plain).toContain('warning PADDING_GIVEN_MEANING sample_info.flags');
    expect(plain).toContain('Waived:\n');
    expect(plain).toContain('reason: Accepted: "extra" is needed');
    expect(plain).toContain('Rules not run:\n  OP_RENUMBERED: the head (abi/ (working tree)) has no op or flag sets');
    expect(plain).toMatch(/\nFAIL: 1 error, 2 warnings, 1 note, 1 waived \(3 binary, 0 source-only, 1 compatible; failing on source breaks\)\n$/);
    expect(formatResult(result, 'text', { color: true })).toMatch(/\u001b\[31merror\u001b\[0m/);
  });
});

describe('json', () => {
  it('has the documented shape (docs/check-format.md)', () => {
    const doc = JSON.parse(formatResult(sample(), 'json'));
    const loc = { type: 'object', required: ['file', 'line', 'column'], additionalProperties: false, properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' } } };
    const side = { type: 'object', required: ['label', 'origin', 'release', 'namespaces'], additionalProperties: false, properties: { label: { type: 'string' }, origin: { enum: ['abi', 'git', 'export', 'baseline'] }, release: { type: 'string' }, namespaces: { type: 'array', items: { enum: ['stable', 'unstable'] } } } };
    const finding = {
      type: 'object',
      required: ['rule', 'category', 'severity', 'item', 'itemKind', 'namespace', 'module', 'archs', 'base', 'head', 'message', 'loc', 'locSide'],
      additionalProperties: false,
      properties: {
        rule: { enum: RULES.map((r) => r.id) },
        category: { enum: ['binary', 'source', 'compatible', 'waiver'] },
        severity: { enum: ['error', 'warning', 'note'] },
        item: { type: 'string' },
        itemKind: { enum: ['record', 'field', 'typedef', 'constant', 'op', 'flag', 'module', 'waiver'] },
        namespace: { enum: ['stable', 'unstable', null] },
        module: { type: ['string', 'null'] },
        archs: { type: 'array', items: { enum: ['x86_32', 'x86_64', 'arm32', 'arm64'] } },
        base: { type: ['string', 'null'] },
        head: { type: ['string', 'null'] },
        message: { type: 'string' },
        loc,
        locSide: { enum: ['head', 'base', 'waivers'] },
        waived: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string' }, expires: { type: 'string' } } },
      },
    };
    const schema = {
      type: 'object',
      required: ['format', 'base', 'head', 'summary', 'findings', 'skipped', 'notes'],
      additionalProperties: false,
      properties: {
        format: { const: 'xenabi-check/1' },
        base: side,
        head: side,
        summary: {
          type: 'object',
          additionalProperties: false,
          required: ['result', 'errors', 'warnings', 'notes', 'waived', 'binary', 'source', 'compatible', 'failOn'],
          properties: {
            result: { enum: ['pass', 'fail'] },
            errors: { type: 'integer' },
            warnings: { type: 'integer' },
            notes: { type: 'integer' },
            waived: { type: 'integer' },
            binary: { type: 'integer' },
            source: { type: 'integer' },
            compatible: { type: 'integer' },
            failOn: { enum: ['source', 'binary'] },
          },
        },
        findings: { type: 'array', items: finding },
        skipped: { type: 'array', items: { type: 'object', required: ['rule', 'reason'], additionalProperties: false, properties: { rule: { type: 'string' }, reason: { type: 'string' } } } },
        notes: { type: 'array', items: { type: 'string' } },
      },
    };
    expect(schemaValidator(schema)(doc)).toEqual([]);
    expect(doc.summary).toMatchObject({ result: 'fail', errors: 1, waived: 1 });
    expect(doc.findings[0]).toMatchObject({ rule: 'FIELD_OFFSET_CHANGED', item: 'sample_op.value', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], base: '4', head: '8', severity: 'error', category: 'binary' });
  });
});

describe('github', () => {
  it('annotates the abi/ line of each finding, escaping what the runner unescapes', () => {
    const out = formatResult(sample(), 'github').trimEnd().split('\n');
    expect(out[0]).toMatch(/^::error file=generators\/test\/fixtures\/check\/rules\/FIELD_OFFSET_CHANGED\.ts,line=\d+,col=\d+,title=FIELD_OFFSET_CHANGED sample_op\.value::sample_op\.value moved from offset 4 to 8 \(all architectures; base 4 → head 8\)$/);
    expect(out.some((l) => l.startsWith('::warning ') && l.includes('title=PADDING_GIVEN_MEANING sample_info.flags'))).toBe(true);
    expect(out.some((l) => l.startsWith('::warning file=abi/waivers.json,line=4,col=1,title=WAIVER_UNUSED nothing.here::'))).toBe(true);
    const waived = out.find((l) => l.includes('title=RECORD_SIZE_CHANGED sample_op (waived)'));
    expect(waived).toMatch(/^::notice /);
    expect(waived).toContain('waived: Accepted: "extra" is needed, 50%25 of callers | all');
    expect(out.some((l) => l.startsWith('::notice title=xenabi%3A OP_RENUMBERED not run::'))).toBe(true);
    expect(out.at(-1)).toBe('xenabi check: FAIL: 1 error, 2 warnings, 1 note, 1 waived');
    expect(escapeData('50%\nnext\r')).toBe('50%25%0Anext%0D');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});

describe('markdown', () => {
  it('gives a verdict, a table of breaks and folds the rest', () => {
    const md = formatResult(sample(), 'markdown', { ruleUri });
    expect(md).toMatch(/^## ❌ xenabi check: 1 breaking change\n\nBase: `git origin\/main \(1234567\)` \(Xen 4\.22\) · Head: `abi\/ \(working tree\)` \(Xen 4\.22\)/);
    expect(md).toContain('### Breaking changes\n\n| Rule | Item | What | Architectures | Base | Head | Where |\n| --- |');
    expect(md).toContain('| [`FIELD_OFFSET_CHANGED`](https://example.org/xenabi/docs/rules/FIELD_OFFSET_CHANGED.md) | `sample_op.value` | sample_op.value moved from offset 4 to 8 | all architectures | `4` | `8` |');
    expect(md).toContain('### Warnings');
    expect(md).toContain('<details>\n<summary>1 compatible change (or allowed unstable change)</summary>');
    expect(md).toContain('<summary>1 waived break</summary>');
    expect(md).toContain('Accepted: "extra" is needed, 50% of callers \\| all');
    expect(md).toContain('rules not run</summary>');
  });
});

describe('sarif', () => {
  it('is a structurally valid SARIF 2.1.0 log with the catalogue as rules', () => {
    const log = JSON.parse(formatResult(sample(), 'sarif', { ruleUri, toolVersion: '0.1.0' }));
    // The parts of the SARIF 2.1.0 schema (OASIS) that xenabi emits, with their constraints.
    const message = { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } };
    const schema = {
      type: 'object',
      required: ['version', 'runs', '$schema'],
      properties: {
        $schema: { type: 'string', pattern: 'sarif-2\\.1\\.0' },
        version: { const: '2.1.0' },
        runs: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['tool', 'results'],
            properties: {
              tool: {
                type: 'object',
                required: ['driver'],
                properties: {
                  driver: {
                    type: 'object',
                    required: ['name', 'rules'],
                    properties: {
                      name: { type: 'string' },
                      version: { type: 'string' },
                      rules: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['id', 'shortDescription', 'helpUri', 'defaultConfiguration'],
                          properties: {
                            id: { type: 'string' },
                            name: { type: 'string' },
                            shortDescription: message,
                            helpUri: { type: 'string', pattern: '^https?://|^file://' },
                            defaultConfiguration: { type: 'object', properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } },
                          },
                        },
                      },
                    },
                  },
                },
              },
              originalUriBaseIds: { type: 'object' },
              columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['ruleId', 'ruleIndex', 'level', 'message', 'locations'],
                  properties: {
                    ruleId: { type: 'string' },
                    ruleIndex: { type: 'integer', minimum: 0 },
                    level: { enum: ['none', 'note', 'warning', 'error'] },
                    message,
                    locations: {
                      type: 'array',
                      minItems: 1,
                      items: {
                        type: 'object',
                        required: ['physicalLocation'],
                        properties: {
                          physicalLocation: {
                            type: 'object',
                            required: ['artifactLocation'],
                            properties: {
                              artifactLocation: { type: 'object', required: ['uri', 'uriBaseId'], properties: { uri: { type: 'string', pattern: '^[^/]' }, uriBaseId: { const: '%SRCROOT%' } } },
                              region: { type: 'object', required: ['startLine'], properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 } } },
                            },
                          },
                        },
                      },
                    },
                    partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
                    suppressions: { type: 'array', items: { type: 'object', required: ['kind'], properties: { kind: { enum: ['inSource', 'external'] }, status: { enum: ['accepted', 'underReview', 'rejected'] }, justification: { type: 'string' } } } },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(schemaValidator(schema)(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.tool.driver.rules[0].helpUri).toBe('https://example.org/xenabi/docs/rules/RECORD_REMOVED.md');
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const first = run.results[0];
    expect(first).toMatchObject({ ruleId: 'FIELD_OFFSET_CHANGED', level: 'error', message: { text: 'sample_op.value moved from offset 4 to 8 (all architectures; base 4 → head 8)' } });
    expect(first.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    const waived = run.results.find((r: { ruleId: string }) => r.ruleId === 'RECORD_SIZE_CHANGED');
    expect(waived.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Accepted: "extra" is needed, 50% of callers | all' }]);
    expect(new Set(run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['xenabiFinding/v1'])).size).toBe(run.results.length);
  });
});

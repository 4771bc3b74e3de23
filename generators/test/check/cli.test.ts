// `xenabi check` through main(), without spawning: inputs, formats, waivers, exit codes.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, edit, freshRepo, run } from './helpers.js';

describe('xenabi check: usage', () => {
  it('is listed, and prints its help', async () => {
    const root = await freshRepo();
    expect((await run(['--help'], root)).out).toMatch(/\n {2}check {5}compare a base ABI with the current one/);
    const help = await run(['check', '--help'], root);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: xenabi check \[--against REF \| --base PATH\]/);
  });

  it('exits 2 on bad usage, naming the option', async () => {
    const root = await freshRepo();
    for (const [argv, message] of [
      [['check', '--format', 'xml'], '--format xml: choose one of text, json, github, markdown, sarif'],
      [['check', '--fail-on', 'never'], '--fail-on never: choose source or binary'],
      [['check', '--xen-version', '3.4'], '--xen-version 3.4'],
      [['check', '--against', 'HEAD', '--base', 'x.json'], '--against and --base both name the base'],
      [['check', 'extra'], 'takes no arguments'],
    ] as const) {
      const r = await run([...argv], root);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain(message);
    }
  });
});

describe('xenabi check: against the committed baseline', () => {
  it('passes when the working tree matches it', async () => {
    const root = await freshRepo();
    const r = await run(['check'], root);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^xenabi check: abi\/baseline \(Xen 4\.22\) → abi\/ \(working tree\) \(Xen 4\.22\)\n/);
    expect(r.out).toMatch(/\nok: 0 errors, 0 warnings, 0 notes, 0 waived/);
  });

  it('fails on a break, naming rule, item, architectures, values and the abi/ line', async () => {
    const root = await freshRepo();
    edit(root, 'abi/stable/sample.ts', "field('addr', u64)", "field('addr', u32)");
    const r = await run(['check', '--format', 'json'], root);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    const width = doc.findings.find((f: { rule: string }) => f.rule === 'FIELD_WIDTH_CHANGED');
    expect(width).toMatchObject({ item: 'sample_info.addr', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], base: '8', head: '4', severity: 'error', locSide: 'head' });
    expect(width.loc.file).toBe('abi/stable/sample.ts');
    const line = readFileSync(join(root, 'abi/stable/sample.ts'), 'utf8').split('\n').findIndex((l) => l.includes("field('addr', u32)")) + 1;
    expect(width.loc.line).toBe(line);
  });

  it('locates a removed item in the head\'s enclosing declaration (the baseline has no lines)', async () => {
    const root = await freshRepo();
    edit(root, 'abi/stable/sample.ts', "field('magic', u32), field('version', u32), field('addr', u64)", "field('magic', u32), field('version', u32), field('addr_lo', u32), field('addr_hi', u32)");
    const doc = JSON.parse((await run(['check', '--format', 'json'], root)).out);
    const removed = doc.findings.find((f: { rule: string }) => f.rule === 'FIELD_REMOVED');
    expect(removed).toMatchObject({ item: 'sample_info.addr', base: 'uint64_t', head: null, locSide: 'head' });
    expect(removed.loc.line).toBeGreaterThan(0);
  });

  it('checks unstable modules against their interface version', async () => {
    const root = await freshRepo();
    edit(root, 'abi/unstable/ctl.ts', "field('max_vcpus', u32)]", "field('max_vcpus', u32), field('max_evtchn', u32, { since: '4.22' })]");
    const r = await run(['check'], root);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/abi\/unstable\/ctl\.ts:\d+:\d+: error UNSTABLE_VERSION_NOT_BUMPED ctl\n {6}unstable module ctl changed incompatibly \(RECORD_SIZE_CHANGED sample_ctl_create\) but SAMPLE_CTL_INTERFACE_VERSION is still 0x17/);
    edit(root, 'abi/unstable/ctl.ts', "constant('SAMPLE_CTL_INTERFACE_VERSION', 0x17, { since: '4.17',", "constant('SAMPLE_CTL_INTERFACE_VERSION', 0x17, { history: [{ since: '4.22', value: 0x18 }], since: '4.17',");
    const bumped = await run(['check'], root);
    expect(bumped.code).toBe(0);
    expect(bumped.out).toContain('note CONSTANT_VALUE_CHANGED SAMPLE_CTL_INTERFACE_VERSION');
  });

  it('says how to create the baseline when there is none, and refuses another release', async () => {
    const root = await freshRepo();
    expect((await run(['check', '--xen-version', '4.21'], root)).err).toContain('abi/baseline describes Xen 4.22, not 4.21');
    edit(root, 'abi/baseline/stable.abi.md', 'layout sample_range x86_32,x86_64,arm32,arm64 size=24 align=8', 'layout sample_range x86_32,x86_64,arm32,arm64 size=big align=8');
    const edited = await run(['check'], root);
    expect(edited.code).toBe(2);
    expect(edited.err).toMatch(/^xenabi check: abi\/baseline\/stable\.abi\.md:\d+: expected size= as a number, got big\n$/);
    const bare = mkdtempSync(join(tmpdir(), 'xenabi-check-'));
    cpSync(join(FIXTURES, 'repo'), bare, { recursive: true });
    writeFileSync(join(bare, 'package.json'), '{}\n');
    const r = await run(['check'], bare);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no committed baseline');
    expect(r.err).toContain('npx xenabi generate');
  });
});

describe('xenabi check: --base and --head', () => {
  it('takes export JSON on either side (the contract other tools rely on)', async () => {
    const root = await freshRepo();
    const exported = await run(['export'], root);
    writeFileSync(join(root, 'base.json'), exported.out);
    expect((await run(['check', '--base', 'base.json'], root)).code).toBe(0);
    edit(root, 'abi/stable/sample.ts', "flag('SAMPLE_F_WRITE', 1,", "flag('SAMPLE_F_WRITE', 2,");
    const moved = await run(['check', '--base', 'base.json', '--format', 'json'], root);
    expect(moved.code).toBe(1);
    expect(JSON.parse(moved.out).findings.map((f: { rule: string; item: string }) => `${f.rule} ${f.item}`)).toContain('FLAG_BIT_MOVED SAMPLE_F_WRITE');
    writeFileSync(join(root, 'head.json'), (await run(['export'], root)).out);
    const both = await run(['check', '--base', 'base.json', '--head', 'head.json', '--format', 'json'], root);
    expect(both.code).toBe(1);
    expect(JSON.parse(both.out).head).toEqual({ label: 'head.json', origin: 'export', release: '4.22', namespaces: ['stable', 'unstable', 'linux'] });
  });

  it('takes abi/ directories, and exits 2 on a base that is no ABI', async () => {
    const root = await freshRepo();
    const other = await freshRepo();
    edit(other, 'abi/stable/sample.ts', "constant('SAMPLE_MAX', 64,", "constant('SAMPLE_MAX', 128,");
    const r = await run(['check', '--base', join(root, 'abi'), '--head', other], root);
    expect(r.code).toBe(1);
    expect(r.out).toContain('error CONSTANT_VALUE_CHANGED SAMPLE_MAX');
    writeFileSync(join(root, 'junk.json'), '{"format": 1}');
    const junk = await run(['check', '--base', 'junk.json'], root);
    expect(junk.code).toBe(2);
    expect(junk.err).toContain('junk.json: not an export document');
  });

  it('reports a head that does not load as bad input', async () => {
    const root = await freshRepo();
    edit(root, 'abi/stable/sample.ts', "field('type', u32)", "field('type', u32, { since: '4.99' })");
    const r = await run(['check'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the head does not load:\n {2}abi\/stable\/sample\.ts:\d+:\d+: error/);
  });
});

describe('xenabi check: waivers', () => {
  it('accepts a waived break, reports a waiver that matches nothing, and rejects an invalid file', async () => {
    const root = await freshRepo();
    edit(root, 'abi/stable/sample.ts', "constant('SAMPLE_MAX', 64,", "constant('SAMPLE_MAX', 128,");
    writeFileSync(
      join(root, 'abi/waivers.json'),
      JSON.stringify(
        {
          $schema: './waivers.schema.json',
          waivers: [
            { rule: 'CONSTANT_VALUE_CHANGED', item: 'SAMPLE_MAX', reason: 'Xen raised the limit in this release.' },
            { rule: 'FIELD_REMOVED', item: 'sample_range.gone', reason: 'A break that is already merged.' },
          ],
        },
        null,
        2,
      ),
    );
    const r = await run(['check', '--format', 'github'], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^::notice file=abi\/stable\/sample\.ts,line=\d+,col=\d+,title=CONSTANT_VALUE_CHANGED SAMPLE_MAX \(waived\)::/m);
    expect(r.out).toMatch(/^::warning file=abi\/waivers\.json,line=10,col=1,title=WAIVER_UNUSED sample_range\.gone::/m);
    writeFileSync(join(root, 'abi/waivers.json'), '{ "waivers": [ { "rule": "NO_SUCH_RULE", "item": "x", "reason": "short" } ] }');
    const bad = await run(['check'], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('abi/waivers.json: not a valid waivers file');
    expect(bad.err).toContain('/waivers/0/rule: must be equal to one of the allowed values');
    expect(bad.err).toContain('/waivers/0/reason: must NOT have fewer than 10 characters');
    const missing = await run(['check', '--waivers', 'nope.json'], root);
    expect(missing.code).toBe(2);
  });
});

describe('xenabi check: output', () => {
  it('writes SARIF with help links to the rule pages, and Markdown for a pull request', async () => {
    const root = await freshRepo();
    edit(root, 'abi/stable/sample.ts', "op(constant('SAMPLE_OP_info', 2,", "op(constant('SAMPLE_OP_info', 3,");
    const sarif = await run(['check', '--format', 'sarif', '--docs-url', 'https://example.org/docs/rules'], root);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.out);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'OP_RENUMBERED').helpUri).toBe('https://example.org/docs/rules/OP_RENUMBERED.md');
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'OP_RENUMBERED', level: 'error' });
    const local = JSON.parse((await run(['check', '--format', 'sarif'], root)).out);
    expect(local.runs[0].tool.driver.rules[0].helpUri).toMatch(/^file:\/\/.*\/docs\/rules\/RECORD_REMOVED\.md$/);
    const md = await run(['check', '--format', 'markdown'], root);
    expect(md.out).toMatch(/^## ❌ xenabi check: 1 breaking change\n/);
    expect(md.out).toContain('| `SAMPLE_OP_info` | op SAMPLE_OP_info of SAMPLE_OP was renumbered from 2 to 3 |');
  });
});

/**
 * Every output format of `xenabi check` fed names, types, labels, reasons and releases that
 * try to break out of it: newlines and carriage returns, Markdown (headings, images, links,
 * tables, code fences), HTML, @-mentions and issue references, ANSI escapes, bidirectional
 * controls. An export document or a waivers file in a pull request can hold any of them.
 */
import { describe, expect, it } from 'vitest';
import { checkAbi, type CheckResult } from '../../src/check/engine.js';
import { formatResult } from '../../src/check/format/index.js';
import { escape } from '../../src/check/format/markdown.js';
import { emptySide, type AbiSide } from '../../src/check/side/types.js';
import type { Waiver } from '../../src/check/waivers/index.js';

const HOSTILE = [
  'x\n## Injected heading\n',
  '![tracker](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> &lt;',
  '@octocat and #1 and GH-2',
  '| a | b |\\|`code` ``` fence',
  '\u001b[31mred\u001b[0m\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007',
  '\r\u2028\u2029\u0085 right-to-left \u202etxt.exe\u202c \u2066isolate\u2069',
  '__bold__ *em* [link](https://evil.example) ~~gone~~ \\',
];
const NAME = HOSTILE.join(' ');

/** A base and a head that differ in every way a finding can carry a hostile string. */
function hostileResult(name: string): CheckResult {
  const side = (label: string, size: number): AbiSide => {
    const s = emptySide('export', `${label} ${name}`, `4.22 ${name}`, ['aliases'], ['stable']);
    s.records[name] = {
      name,
      kind: 'struct',
      namespace: 'stable',
      module: name,
      since: '4.17',
      layouts: { x86_64: { size, align: 4, fields: [{ name, offset: 0, size, type: `${name}[${size}]` }] } },
    };
    if (label === 'base') s.constants[name] = { name, namespace: 'stable', module: name, since: '4.17', value: '1' };
    s.aliases[name] = { name, namespace: 'stable', module: name, since: '4.17', type: `${name} ${label}` };
    s.notes = [`a note about ${name}`];
    return s;
  };
  const waivers: Waiver[] = [{ rule: 'CONSTANT_REMOVED', item: name, reason: `because ${name}`, loc: { file: `abi/${name}.json`, line: 2, column: 1 } }];
  return checkAbi(side('base', 4), side('head', 8), { waivers });
}

const outputs = (name: string) => Object.fromEntries((['text', 'github', 'markdown', 'json', 'sarif'] as const).map((f) => [f, formatResult(hostileResult(name), f, { color: true })]));

describe('every output format, fed hostile names', () => {
  const hostile = outputs(NAME);
  const plain = outputs('plain_name');

  it('has the same lines as with plain names: nothing breaks out of a line (text, github, markdown)', () => {
    for (const format of ['text', 'github', 'markdown'] as const) {
      expect(hostile[format]?.split('\n').length, format).toBe(plain[format]?.split('\n').length);
    }
  });

  it('prints no control character, ANSI escape or bidirectional control (text, github, markdown)', () => {
    for (const format of ['text', 'github', 'markdown'] as const) {
      // The text format's own colours are the only escapes, each `ESC[<n>m`.
      const text = (hostile[format] ?? '').replace(/\u001b\[\d+m/g, '');
      expect(text, format).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      expect(text, format).toMatch(/(\\|&#92;)u001b\\?\[31mred/);
    }
  });

  it('gives GitHub one workflow command per line, its data escaped the runner\'s way', () => {
    const lines = (hostile.github ?? '').trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) [^\n]*::|^xenabi check: /);
    expect(hostile.github).not.toContain('\r');
  });

  it('lets nothing become Markdown or HTML: no heading, image, link, tag, mention or issue reference', () => {
    const md = hostile.markdown ?? '';
    const ours = /^(## ❌ xenabi check: \d+ breaking changes?|### Breaking changes|### Warnings)$/;
    for (const line of md.split('\n')) if (line.startsWith('#')) expect(line).toMatch(ours);
    expect(md).not.toMatch(/!\[tracker\]\(/);
    expect(md).not.toMatch(/(?<!\\)\[link\]\(/);
    expect(md).not.toMatch(/<img|<script/);
    expect(md).not.toMatch(/@octocat/);
    expect(md).not.toMatch(/#1\b/);
    expect(md).not.toMatch(/```/);
    // Every table row keeps its cells: as many unescaped pipes as the plain table's rows.
    const pipes = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('| '));
    expect(rows(md).map(pipes)).toEqual(rows(plain.markdown ?? '').map(pipes));
  });

  it('keeps every string exact in JSON and SARIF, where JSON escaping is enough', () => {
    const doc = JSON.parse(hostile.json ?? '');
    expect(doc.findings.map((f: { item: string }) => f.item)).toContain(NAME);
    expect(doc.base.label).toBe(`base ${NAME}`);
    const log = JSON.parse(hostile.sarif ?? '');
    expect(log.runs[0].results.some((r: { properties: { item: string } }) => r.properties.item === NAME)).toBe(true);
    for (const format of ['json', 'sarif'] as const) expect(hostile[format], format).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('escapes Markdown by its rules, leaving plain identifiers readable', () => {
    expect(escape('xen_dm_op.u changed size')).toBe('xen_dm_op.u changed size');
    expect(escape('__x__ *y* [z](w) a\\|b')).toBe('\\_\\_x\\_\\_ \\*y\\* \\[z\\](w) a&#92;\\|b');
    expect(escape('@who #12 <b>&amp;')).toBe('@&#8203;who #&#8203;12 &lt;b&gt;&amp;amp;');
  });
});

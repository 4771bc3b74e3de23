// String constants through the checker: every kind of side carries them (an export in its
// part `strings`, the baseline as quoted words), a changed text of a stable constant is
// CONSTANT_VALUE_CHANGED, and a side that cannot know them (an export without the part)
// makes no finding up.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi } from '../../src/check/engine.js';
import { sideFromBaseline } from '../../src/check/side/from-baseline.js';
import { exportProblems, sideFromExport } from '../../src/check/side/from-export.js';
import { sideFromModel } from '../../src/check/side/from-model.js';
import type { AbiSide } from '../../src/check/side/types.js';
import { baselineEmitter } from '../../src/emit/baseline/index.js';
import { readText, textWord } from '../../src/emit/baseline/names.js';
import { exportAbi, type ExportDocument } from '../../src/export/abi-json.js';
import { loadAbi } from '../../src/load/index.js';
import type { AbiModel } from '../../src/model/types.js';
import { render } from '../../src/output/pipeline.js';
import { atRelease } from '../../src/select/release.js';
import { FIXTURES } from './helpers.js';

const TREE = join(FIXTURES, '..', 'c-golden');
let model: AbiModel;
let side: AbiSide;

beforeAll(async () => {
  model = (await loadAbi(join(TREE, 'abi'), TREE)).model;
  side = sideFromModel(atRelease(model, '4.22'));
});

function exported(): ExportDocument {
  return JSON.parse(JSON.stringify(exportAbi(atRelease(model, '4.22')))) as ExportDocument;
}

function withText(s: AbiSide, name: string, value: string): AbiSide {
  const copy = structuredClone(s);
  copy.constants[name] = { ...(copy.constants[name] as NonNullable<AbiSide['constants'][string]>), value };
  return copy;
}

describe('string constants in the checker', () => {
  it('are read from the model as strings, with the text of the release compared', () => {
    expect(side.constants.TEXT_PATH).toMatchObject({ value: 'dir/key-name', string: true, cType: 'string' });
    expect(side.constants.TEXT_RENAMED?.value).toBe('new-key');
    expect(sideFromModel(atRelease(model, '4.9')).constants.TEXT_RENAMED?.value).toBe('old-key');
    expect(side.constants.TEXT_NATIVE?.values).toEqual({ x86_32: 'x86_32', x86_64: 'x86_64', arm32: 'arm', arm64: 'arm' });
  });

  it('report a changed text as CONSTANT_VALUE_CHANGED, quoted, and a new or removed one as such', () => {
    const changed = checkAbi(side, withText(side, 'TEXT_QUOTED', 'say "bye"'));
    expect(changed.findings.map((f) => [f.rule, f.item, f.base, f.head])).toEqual([['CONSTANT_VALUE_CHANGED', 'TEXT_QUOTED', JSON.stringify('say "hi" \\ ??/ A|B'), JSON.stringify('say "bye"')]]);
    expect(changed.summary.result).toBe('fail');
    const head = structuredClone(side);
    delete head.constants.TEXT_PATH;
    expect(checkAbi(side, head).findings.map((f) => [f.rule, f.item])).toEqual([['CONSTANT_REMOVED', 'TEXT_PATH']]);
    expect(checkAbi(head, side).findings.map((f) => [f.rule, f.item, f.head])).toEqual([['CONSTANT_ADDED', 'TEXT_PATH', 'value "dir/key-name"']]);
    const perArch = structuredClone(side);
    perArch.constants.TEXT_NATIVE!.values!.arm64 = 'aarch64';
    expect(checkAbi(side, perArch).findings.map((f) => [f.rule, f.archs, f.head])).toEqual([['CONSTANT_VALUE_CHANGED', ['arm64'], '"aarch64"']]);
  });

  it('go into the export part `strings`, never into `constants`, and read back equal', () => {
    const doc = exported();
    expect(doc.includes).toContain('strings');
    expect(Object.keys(doc.constants).filter((n) => n.startsWith('TEXT_'))).toEqual([]);
    expect(doc.strings?.TEXT_QUOTED).toEqual({ value: 'say "hi" \\ ??/ A|B', namespace: 'stable', module: 'texts', since: '4.6' });
    expect(exportProblems(doc)).toEqual([]);
    expect(checkAbi(side, sideFromExport(doc, 'export.json')).findings).toEqual([]);
  });

  it('are not compared with an export that lacks the part, and the report says so', () => {
    const doc = exported();
    doc.includes = doc.includes?.filter((p) => p !== 'strings');
    delete doc.strings;
    const result = checkAbi(sideFromExport(doc, 'old.json'), side);
    expect(result.findings).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/old\.json\) has no string constants: string constants are not compared/);
  });

  it('refuse an export whose strings are not printable ASCII, or whose constants are text', () => {
    const doc = exported();
    doc.strings!.TEXT_PATH!.value = 'bad\u202etext';
    expect(exportProblems(doc).join('\n')).toMatch(/strings\/TEXT_PATH\/value/);
    const text = exported();
    text.constants.SOME_NUMBER = { value: 'dir/key', namespace: 'stable', module: 'texts', since: '4.6' };
    expect(exportProblems(text).join('\n')).toMatch(/constants\/SOME_NUMBER\/value/);
  });

  it('survive the baseline as quoted words, spaces and all', () => {
    const files = baselineEmitter.emit(atRelease(model, '4.22')).map((f) => render(f)).filter((f) => f.path.endsWith('.abi.md')).map((f) => ({ path: f.path, text: f.content }));
    expect(files.map((f) => f.text).join('\n')).toContain('constant TEXT_QUOTED since=4.6 value="say\\u0020\\"hi\\"\\u0020\\\\\\u0020??/\\u0020A|B" type=string');
    expect(checkAbi(side, sideFromBaseline(files)).findings).toEqual([]);
    for (const text of ['', 'a b', '"', '\\', 'x=y type=z']) expect(readText(textWord(text))).toBe(text);
    expect(readText('plain')).toBeUndefined();
  });
});

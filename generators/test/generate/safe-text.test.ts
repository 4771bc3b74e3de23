// The last guard against unsafe text: generate refuses to write a file that would carry a
// control, bidirectional or line-separator character, whichever emitter made it.
import { describe, expect, it } from 'vitest';
import type { Emitter } from '../../src/emit/emitter.js';
import { renderRelease } from '../../src/generate/index.js';
import type { AbiModel } from '../../src/model/types.js';

const model: AbiModel = { format: 'xenabi-model/1', modules: [], records: [], aliases: [], constants: [], sets: [] };
const emitting = (content: string): Emitter => ({ id: 'fake', emit: () => [{ path: 'out/x.h', content, sources: ['abi/'], comment: 'c' }] });

describe('generate', () => {
  it('refuses a generated file holding a bidirectional control, naming where', async () => {
    await expect(renderRelease('/nowhere', model, '4.22', [emitting('int a;\n/* ok \u202e */\n')])).rejects.toThrow(
      /^out\/x\.h:7:7: the generated text holds U\+202E \(RIGHT-TO-LEFT OVERRIDE/,
    );
  });

  it('refuses control characters and line separators too, and lets tabs and newlines through', async () => {
    await expect(renderRelease('/nowhere', model, '4.22', [emitting('a\u001b[2Jb\n')])).rejects.toThrow(/U\+001B/);
    await expect(renderRelease('/nowhere', model, '4.22', [emitting('// a\u2028b\n')])).rejects.toThrow(/U\+2028/);
    const [file] = await renderRelease('/nowhere', model, '4.22', [emitting('\tint a;\n')]);
    expect(file?.content).toContain('\tint a;');
  });
});

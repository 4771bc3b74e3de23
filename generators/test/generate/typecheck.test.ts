/**
 * `generate --typecheck` (RenderOptions.typecheck): the TypeScript package among the rendered
 * outputs is type-checked before anything is returned, so a type error fails the run before a
 * file is written, naming the file, line and error. Without the option nothing is checked.
 */
import { describe, expect, it } from 'vitest';
import type { Emitter } from '../../src/emit/emitter.js';
import { renderAll } from '../../src/generate/index.js';
import { bannerNormaliser, TypecheckError } from '../../src/generate/typecheck.js';
import { NEWEST_RELEASE } from '../../src/model/releases.js';
import { render } from '../../src/output/pipeline.js';

const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;

/** An emitter writing two files of the TypeScript package, the second with a type error unless `good`. */
const emitter = (good: boolean): Emitter => ({
  id: 'ts',
  emit: () => [
    { path: 'packages/ts-bindings/src/a.ts', content: 'export const x = 1;\n', sources: [], comment: 'line' },
    { path: 'packages/ts-bindings/src/b.ts', content: `import { x } from './a.js';\nexport const y: ${good ? 'number' : 'string'} = x;\n`, sources: [], comment: 'line' },
    { path: 'packages/ts-bindings/README.md', content: 'Not checked.\n', sources: [], comment: 'markdown' },
  ],
});

describe('generate --typecheck', () => {
  it('fails on a type error in the generated package, naming file, line and error, before anything is written', async () => {
    const run = renderAll(FIXTURE, [emitter(false)], NEWEST_RELEASE, { typecheck: true });
    await expect(run).rejects.toThrow(TypecheckError);
    await expect(run).rejects.toThrow(/does not type-check \(1 error\(s\)\); nothing was written:\npackages\/ts-bindings\/src\/b\.ts\(\d+,14\): error TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it('passes a package that type-checks, and checks nothing unless asked', async () => {
    await expect(renderAll(FIXTURE, [emitter(true)], NEWEST_RELEASE, { typecheck: true })).resolves.toMatchObject({ files: expect.any(Array) });
    await expect(renderAll(FIXTURE, [emitter(false)], NEWEST_RELEASE)).resolves.toMatchObject({ files: expect.any(Array) });
  });

  it('names the line of the error when the banners name another command (generate --xen-version)', async () => {
    const command = 'npx xenabi generate --xen-version 4.9 --out <dir>';
    await expect(renderAll(FIXTURE, [emitter(true)], NEWEST_RELEASE, { typecheck: true, command })).resolves.toMatchObject({ files: expect.any(Array) });
    const run = renderAll(FIXTURE, [emitter(false)], NEWEST_RELEASE, { typecheck: true, command });
    await expect(run).rejects.toThrow(/\npackages\/ts-bindings\/src\/b\.ts\(5,14\): error TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it('checks a release\'s file as the default banner would have it: only the command line of the banner differs', () => {
    const command = 'npx xenabi generate --xen-version 4.9 --out <dir>';
    const file = { path: 'packages/ts-bindings/src/a.ts', content: `// Regenerate with: ${command}\nexport const x = 1;\n`, sources: [], comment: 'line' as const };
    const release = render(file, { command }).content;
    const normal = render(file).content;
    expect(release).not.toBe(normal);
    // The banner's line is replaced; the same words in the file's own text are not.
    expect(bannerNormaliser(command)(release)).toBe(normal);
    expect(bannerNormaliser(command)(release).split('\n')).toHaveLength(release.split('\n').length);
    expect(bannerNormaliser(command)(normal)).toBe(normal);
    expect(() => bannerNormaliser('npx xenabi generate\n// @ts-nocheck')).toThrow(/line break/);
  });
});

/**
 * The TypeScript compiler is heavy (and ts-morph, which wraps it, is no longer a dependency):
 * `generate` never loads it, the TypeScript emitter included. Only `generate --typecheck`
 * does, on request; that run is the proof that the probe below sees it when it is loaded.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const FIXTURE = 'generators/test/fixtures/cli-good';

/** The compiler's modules loaded by a fresh process that renders every output of the fixture. */
function compilerLoaded(typecheck: boolean): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import('./generators/src/cli/main.ts');
    const { renderAll } = await import('./generators/src/generate/index.ts');
    const { files } = await renderAll('${FIXTURE}', undefined, undefined, { force: true, typecheck: ${typecheck} });
    if (!files.some((f) => f.path.startsWith('packages/ts-bindings/src/'))) throw new Error('no TypeScript output');
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /node_modules\\/(typescript|ts-morph)\\//.test(p));
    console.log(JSON.stringify(loaded));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as string[];
}

describe('the TypeScript compiler', () => {
  it('is not loaded by generate, which runs the TypeScript emitter', () => {
    expect(compilerLoaded(false)).toEqual([]);
  });

  it('is loaded by generate --typecheck', () => {
    expect(compilerLoaded(true)).toEqual([expect.stringMatching(/node_modules\/typescript\/lib\/typescript\.js$/)]);
  });
});

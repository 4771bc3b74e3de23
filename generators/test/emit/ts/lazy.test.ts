/**
 * ts-morph is heavy: only the TypeScript emitter's `emit()` may load it, and only lazily.
 * Importing the CLI, the emitter list and the emitter itself must not.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('TypeScript emitter loading', () => {
  it('does not load ts-morph when the CLI and the emitters are imported', () => {
    const script = `
      import { createRequire } from 'node:module';
      await import('./generators/src/cli/main.ts');
      await import('./generators/src/generate/emitters.ts');
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => p.includes('ts-morph'));
      console.log(JSON.stringify(loaded));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual([]);
  });
});

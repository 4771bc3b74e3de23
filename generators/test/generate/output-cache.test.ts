// The outputs of an emitter without a manifest are reused only by the build that rendered
// them, and only for the same inputs.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputCache } from '../../src/generate/output-cache.js';

function root(withNodeModules = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-output-cache-'));
  if (withNodeModules) mkdirSync(join(dir, 'node_modules'));
  return dir;
}

const FILES = [{ path: 'packages/c-headers/include/x.h', content: '/* x */\n' }];

describe('emitter output cache', () => {
  it('gives back a run’s files for the same build, emitter and inputs only', () => {
    const dir = root();
    outputCache(dir, 'c', 'inputs-1', 'build-a')?.write(FILES);
    expect(outputCache(dir, 'c', 'inputs-1', 'build-a')?.read()).toEqual(FILES);
    expect(outputCache(dir, 'c', 'inputs-2', 'build-a')?.read()).toBeUndefined();
    expect(outputCache(dir, 'c', 'inputs-1', 'build-b')?.read()).toBeUndefined();
    expect(outputCache(dir, 'rust', 'inputs-1', 'build-a')?.read()).toBeUndefined();
  });

  it('is off without a build id, a node_modules folder or the emitter’s sources', () => {
    expect(outputCache(root(), 'c', 'inputs-1', undefined)).toBeUndefined();
    expect(outputCache(root(false), 'c', 'inputs-1', 'build-a')).toBeUndefined();
    expect(outputCache(root(), 'no-such-emitter', 'inputs-1', 'build-a')).toBeUndefined();
  });
});

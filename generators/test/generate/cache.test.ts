import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Emitter, OutputFile } from '../../src/emit/emitter.js';
import { renderAll } from '../../src/generate/index.js';
import { writeChanged } from '../../src/output/pipeline.js';
import { NEWEST_RELEASE } from '../../src/model/releases.js';

const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;

/** An "expensive" emitter that counts its runs. */
function countingEmitter(): Emitter & { runs: number } {
  const emitter = {
    id: 'counting',
    runs: 0,
    cache: { manifest: 'out/manifest.json', sourceDir: new URL('../fixtures/cli-good/', import.meta.url), dependencies: ['handlebars'] },
    emit(model: { records: { name: string }[] }): OutputFile[] {
      emitter.runs++;
      return [{ path: 'out/records.txt', content: model.records.map((r) => r.name).join('\n'), sources: [], comment: 'hash' }];
    },
  };
  return emitter as Emitter & { runs: number };
}

function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-cache-'));
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

describe('incremental generation', () => {
  it('reuses an expensive emitter\'s output while its inputs and outputs are unchanged', async () => {
    const root = freshRoot();
    const emitter = countingEmitter();
    writeChanged(root, (await renderAll(root, [emitter])).files);
    expect(emitter.runs).toBe(1);
    const manifest = JSON.parse(readFileSync(join(root, 'out/manifest.json'), 'utf8'));
    expect(manifest.format).toBe('xenabi-manifest/1');
    expect(Object.keys(manifest.outputs)).toEqual(['out/records.txt']);
    const again = await renderAll(root, [emitter]);
    expect(emitter.runs).toBe(1);
    expect(again.files.map((f) => f.path)).toEqual(['out/manifest.json', 'out/records.txt']);
  });

  it('reruns when the banner the pipeline adds changed (its files would carry the old one)', async () => {
    const root = freshRoot();
    const emitter = countingEmitter();
    writeChanged(root, (await renderAll(root, [emitter])).files);
    const other = await renderAll(root, [emitter], NEWEST_RELEASE, { command: 'npx xenabi generate --xen-version 4.17 --out x' });
    expect(emitter.runs).toBe(2);
    expect(other.files.find((f) => f.path === 'out/records.txt')?.content).toContain('--xen-version 4.17');
  });

  it('reruns when an output was edited, when the ABI changed, or when forced', async () => {
    const root = freshRoot();
    const emitter = countingEmitter();
    writeChanged(root, (await renderAll(root, [emitter])).files);
    writeFileSync(join(root, 'out/records.txt'), 'edited by hand\n');
    const afterEdit = await renderAll(root, [emitter]);
    expect(emitter.runs).toBe(2);
    expect(afterEdit.files.find((f) => f.path === 'out/records.txt')?.content).toContain('sample_range');
    writeChanged(root, afterEdit.files);

    const module = join(root, 'abi/stable/sample.ts');
    writeFileSync(module, readFileSync(module, 'utf8').replace("doc: 'A range.'", "doc: 'A range of ids.'"));
    await renderAll(root, [emitter]);
    expect(emitter.runs).toBe(3);

    await renderAll(root, [emitter], NEWEST_RELEASE, { force: true });
    expect(emitter.runs).toBe(4);
  });
});

describe('the cache fingerprint', () => {
  it('is the same wherever the checkout is', async () => {
    const { fingerprint } = await import('../../src/generate/cache.js');
    const emitter = countingEmitter();
    const here = fingerprint(emitter as never, '{}');
    const elsewhere = mkdtempSync(join(tmpdir(), 'xenabi-fp-'));
    cpSync(FIXTURE, elsewhere, { recursive: true });
    const moved = { ...emitter, cache: { ...emitter.cache, sourceDir: new URL(`file://${elsewhere}/`) } };
    expect(fingerprint(moved as never, '{}')).toBe(here);
  });
});

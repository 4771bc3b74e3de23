/**
 * `generate --xen-version V`: every output as release V has the ABI, written to a directory
 * of its own (a distribution vendoring the headers of the release it ships). The repository's
 * committed outputs always describe the newest release, so V's outputs never land there.
 */
import { resolve } from 'node:path';
import type { KnownRelease } from '../model/releases.js';
import { writeChanged } from '../output/pipeline.js';
import { renderAll } from './index.js';

export async function generateRelease(root: string, release: KnownRelease, outDir: string): Promise<{ written: string[]; total: number; outDir: string }> {
  const out = resolve(outDir);
  // Forced: the committed manifests describe the newest release, not V.
  const command = `npx xenabi generate --xen-version ${release} --out <dir>`;
  const { files } = await renderAll(root, undefined, release, { force: true, command });
  return { written: writeChanged(out, files), total: files.length, outDir: out };
}

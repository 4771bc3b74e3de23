/**
 * `generate --xen-version V`: every output as release V has the ABI, written to a directory
 * of its own (a distribution vendoring the headers of the release it ships). The repository's
 * committed outputs always describe the newest release, so V's outputs never land there.
 * Modules V has nothing of (Xen's header came later) get no files.
 */
import { join, resolve } from 'node:path';
import { loadAbi } from '../load/index.js';
import type { KnownRelease } from '../model/releases.js';
import { writeChanged } from '../output/pipeline.js';
import { allEmitters, renderRelease, type RenderOptions } from './index.js';

export interface ReleaseOutput {
  release: KnownRelease;
  written: string[];
  total: number;
  outDir: string;
}

export async function generateRelease(root: string, release: KnownRelease, outDir: string, options: Pick<RenderOptions, 'typecheck'> = {}): Promise<ReleaseOutput> {
  const [only] = await generateReleases(root, [release], () => outDir, options);
  return only as ReleaseOutput;
}

/**
 * Several releases, each into `outDir(release)`, from one load of the ABI. Emitters run
 * without their caches: the committed manifests describe the newest release, not V. With
 * `typecheck`, each release's TypeScript package is type-checked before it is written; within
 * one process the check covers only what changed since the previous release
 * (emit/ts/typecheck.ts), so going through the releases in order is cheap.
 */
export async function generateReleases(
  root: string,
  releases: readonly KnownRelease[],
  outDir: (release: KnownRelease) => string,
  options: Pick<RenderOptions, 'typecheck'> = {},
): Promise<ReleaseOutput[]> {
  const [{ model }, emitters] = await Promise.all([loadAbi(join(root, 'abi'), root), allEmitters()]);
  const outputs: ReleaseOutput[] = [];
  for (const release of releases) {
    const command = `npx xenabi generate --xen-version ${release} --out <dir>`;
    const files = await renderRelease(root, model, release, emitters, { force: true, command, typecheck: options.typecheck });
    const out = resolve(outDir(release));
    outputs.push({ release, written: writeChanged(out, files), total: files.length, outDir: out });
  }
  return outputs;
}

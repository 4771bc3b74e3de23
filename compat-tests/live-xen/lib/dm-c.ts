/**
 * Builds the C device model (dm-c/) on xenabi's generated headers alone: static, warnings as
 * errors, no libxen*, and a dependency list proving no header of Xen's own was read.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../lib/c-headers.js';
import { exec } from './exec.js';
import { CACHE, LIVE_DIR } from './releases.js';

export interface CVariant {
  /** The language name it reports under. */
  language: string;
  defines: string[];
}

/** The newest ABI, and the oldest-supported-release build of Xen 4.12 (no nr_vcpus in it). */
export const C_VARIANTS: readonly CVariant[] = [
  { language: 'c', defines: [] },
  { language: 'c-4.12', defines: ['-DXENABI_XEN_MIN_VERSION=0x040c00'] },
];

const SOURCES = join(LIVE_DIR, 'dm-c');
const FLAGS = ['-std=c11', '-O2', '-Wall', '-Wextra', '-Wpedantic', '-Werror'];

/** Headers a compile read that belong to Xen rather than to xenabi or the C library. */
export function xenHeadersRead(depFile: string): string[] {
  return readFileSync(depFile, 'utf8')
    .split(/[\s\\]+/)
    .filter((p) => /(^|\/)xen\/[^/]+\.h$/.test(p) && !p.includes('/xenabi/'));
}

/** Builds `variant` into the cache and returns the static binary's path. */
export async function buildCDeviceModel(variant: CVariant): Promise<string> {
  const out = join(CACHE, 'work/dm-c', variant.language);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const include = ['-I', join(REPO_ROOT, 'packages/c-headers/include')];
  const objects: string[] = [];
  for (const source of readdirSync(SOURCES).filter((f) => f.endsWith('.c'))) {
    const object = join(out, source.replace(/\.c$/, '.o'));
    const deps = `${object}.d`;
    await exec('gcc', [...FLAGS, ...variant.defines, ...include, '-MD', '-MF', deps, '-c', '-o', object, join(SOURCES, source)]);
    const xen = xenHeadersRead(deps);
    if (xen.length) throw new Error(`dm-c/${source} read Xen's own headers: ${xen.join(', ')}`);
    objects.push(object);
  }
  const binary = join(out, 'dm-c');
  await exec('gcc', ['-static', '-o', binary, ...objects]);
  return binary;
}

/**
 * The tree the header mutations edit: the stable headers of Xen's public ABI the registry
 * declares (as Debian's libxen-dev ships them), with every header they include, copied into
 * a folder of their own. A mutant is that folder with one edit.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { AbiModel } from '../../../generators/src/model/types.js';

export interface HeaderText {
  /** Relative to the public folder. */
  path: string;
  text: string;
}

/** The headers of the registry's stable modules and everything they include, read from `publicDir`. */
export function registryTree(publicDir: string, registry: AbiModel): HeaderText[] {
  const wanted = new Set(['xen.h', ...registry.modules.filter((m) => m.namespace === 'stable').map((m) => m.xenHeader)]);
  const out = new Map<string, string>();
  const visit = (path: string) => {
    if (out.has(path)) return;
    let text: string;
    try {
      text = readFileSync(join(publicDir, path), 'utf8');
    } catch {
      return;
    }
    out.set(path, text);
    for (const m of text.matchAll(/^\s*#\s*include\s*"([^"]+)"/gm)) visit(posix.normalize(posix.join(posix.dirname(path), m[1] ?? '')));
  };
  for (const h of [...wanted].sort()) visit(h);
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, text]) => ({ path, text }));
}

/** Writes a tree into `dir` (emptied first), `edit` applied to one header's text. */
export function writeTree(dir: string, files: readonly HeaderText[], edit?: { path: string; text: string }): void {
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, edit && edit.path === f.path ? edit.text : f.text);
  }
}

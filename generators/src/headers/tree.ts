/**
 * A Xen public header tree given on the command line: where its `xen.h` is, which Xen
 * release it is, and an include directory through which C code names its headers as
 * `<xen/…>`, whatever the folder is called on disk.
 *
 * Three shapes are accepted, because users have each at hand: the public folder itself
 * (`xen/include/public` in a Xen checkout, `/usr/include/xen` from Debian's libxen-dev), a
 * folder holding it as `xen/` (`/usr/include`), and a Xen checkout's root.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A header tree that cannot be used: bad input, exit 2. */
export class HeaderTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeaderTreeError';
  }
}

export interface HeaderTree {
  /** The folder holding `xen.h`, absolute. */
  publicDir: string;
  /** What the user gave, for messages. */
  label: string;
  /** `__XEN_LATEST_INTERFACE_VERSION__` of the tree's xen-compat.h, e.g. `0x00041100`, when it has one. */
  interfaceVersion?: string;
}

const SHAPES = ['', 'xen', 'xen/include/public'];

/** Finds the public header folder in `dir` (one of the three shapes). */
export function locateHeaderTree(dir: string, cwd = process.cwd()): HeaderTree {
  const full = resolve(cwd, dir);
  if (!existsSync(full)) throw new HeaderTreeError(`${dir}: no such directory`);
  if (!statSync(full).isDirectory()) throw new HeaderTreeError(`${dir}: not a directory`);
  const shape = SHAPES.find((s) => existsSync(join(full, s, 'xen.h')));
  if (shape === undefined) {
    throw new HeaderTreeError(`${dir}: no Xen public headers here (looked for xen.h in ${SHAPES.map((s) => join(dir, s) || '.').join(', ')})`);
  }
  const publicDir = join(full, shape);
  const interfaceVersion = latestInterfaceVersion(publicDir);
  return { publicDir, label: dir, ...(interfaceVersion ? { interfaceVersion } : {}) };
}

/** `__XEN_LATEST_INTERFACE_VERSION__` as xen-compat.h defines it, normalised to eight hex digits. */
export function latestInterfaceVersion(publicDir: string): string | undefined {
  const file = join(publicDir, 'xen-compat.h');
  if (!existsSync(file)) return undefined;
  const m = /^\s*#\s*define\s+__XEN_LATEST_INTERFACE_VERSION__\s+(0x[0-9a-fA-F]+)/m.exec(readFileSync(file, 'utf8'));
  return m?.[1] ? `0x${m[1].slice(2).toLowerCase().padStart(8, '0')}` : undefined;
}

/**
 * The Xen release of a tree inside a Xen checkout, from `xen/Makefile` (`XEN_VERSION` and
 * `XEN_SUBVERSION`); undefined elsewhere. The headers themselves do not say: the latest
 * guest interface version in xen-compat.h stayed 0x00040e00 from 4.14 to 4.19.
 */
export function treeRelease(tree: HeaderTree): string | undefined {
  if (!/[\\/]xen[\\/]include[\\/]public$/.test(tree.publicDir)) return undefined;
  const makefile = join(tree.publicDir, '..', '..', 'Makefile');
  return existsSync(makefile) ? makefileRelease(readFileSync(makefile, 'utf8')) : undefined;
}

/** `XEN_VERSION.XEN_SUBVERSION` of a xen/Makefile's text. */
export function makefileRelease(text: string): string | undefined {
  const major = /^export XEN_VERSION\s*=\s*(\d+)/m.exec(text)?.[1];
  const minor = /^export XEN_SUBVERSION\s*=\s*(\d+)/m.exec(text)?.[1];
  return major && minor ? `${major}.${minor}` : undefined;
}

/**
 * A scratch folder holding only a `xen` link to the tree, to pass with `-isystem`: code then
 * includes `<xen/hvm/dm_op.h>` from any tree, and Xen's own warnings stay Xen's. Remove it
 * with `dispose` when done.
 */
export function includeRoot(tree: HeaderTree): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'xenabi-headers-'));
  mkdirSync(dir, { recursive: true });
  symlinkSync(tree.publicDir, join(dir, 'xen'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

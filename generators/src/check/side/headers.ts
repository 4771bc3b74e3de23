/**
 * Loading a side from Xen's C headers: a header folder on disk, or the headers of a Xen
 * repository at a git revision. The compiler's facts come from the content-hash cache when
 * the tree was seen before.
 */
import { relative } from 'node:path';
import type { ExtractOptions } from '../../headers/tree-facts.js';
import { treeFacts } from '../../headers/tree-facts.js';
import { functionMacros } from '../../headers/function-macros.js';
import { readHeaders, type HeaderFile } from '../../headers/roots.js';
import { headersAtRef, PUBLIC_PATH } from '../../headers/git-tree.js';
import { HeaderTreeError, locateHeaderTree, treeRelease, type HeaderTree } from '../../headers/tree.js';
import { NEWEST_RELEASE, isRelease } from '../../model/releases.js';
import type { AbiModel, MacroDecl } from '../../model/types.js';
import { sideFromHeaders } from './from-headers.js';
import type { AbiSide } from './types.js';

export type HeaderSideSpec =
  /** A header folder (any shape `locateHeaderTree` accepts). */
  | { kind: 'headers'; dir: string }
  /** `xen/include/public` of a Xen repository at a revision. */
  | { kind: 'xen-git'; repo: string; ref: string };

export interface HeaderSideOptions extends ExtractOptions {
  /** Where relative paths start, and what locations are relative to. */
  cwd: string;
  /** The release both trees are compared as (`--xen-version`); else each tree's own, else the newest. */
  release?: string;
  registry?: AbiModel;
}

/** Loads a header side. Throws HeaderTreeError on bad input. */
export async function loadHeaderSide(spec: HeaderSideSpec, options: HeaderSideOptions): Promise<AbiSide> {
  if (spec.kind === 'headers') {
    const tree = locateHeaderTree(spec.dir, options.cwd);
    const prefix = `${relative(options.cwd, tree.publicDir).split('\\').join('/')}/`.replace(/^\/$/, '');
    return build(tree, treeRelease(tree), prefix, options);
  }
  const at = headersAtRef(spec.repo, spec.ref);
  try {
    return await build(at.tree, at.release, `${relative(options.cwd, spec.repo) ? `${relative(options.cwd, spec.repo)}/` : ''}${PUBLIC_PATH}/`, options);
  } finally {
    at.dispose();
  }
}

/**
 * The registry's function-like macros as the tree defines them (`headers/function-macros.ts`):
 * their tier, module and first release from the registry, their parameters and body from
 * the header. Only with a registry: without one, which `#define`s are ABI is unknown.
 */
export function addFunctionMacros(side: AbiSide, files: readonly HeaderFile[], registry: AbiModel, pathPrefix: string): void {
  const known = new Map<string, MacroDecl>();
  for (const m of registry.macros ?? []) if (!known.has(m.name)) known.set(m.name, m);
  for (const f of functionMacros(files, new Set(known.keys()))) {
    const decl = known.get(f.name);
    if (!decl) continue;
    side.macros[f.name] = {
      name: f.name,
      namespace: decl.namespace,
      module: decl.module,
      since: decl.since,
      loc: { file: `${pathPrefix}${f.file}`, line: f.line, column: 1 },
      params: f.params,
      body: f.body,
      width: decl.width,
      samples: decl.samples.map((s) => [...s]),
      ...(decl.archs ? { archs: [...decl.archs] } : {}),
    };
  }
  if (!side.has.includes('macros')) side.has = [...side.has, 'macros' as const].sort();
}

async function build(tree: HeaderTree, ownRelease: string | undefined, pathPrefix: string, options: HeaderSideOptions): Promise<AbiSide> {
  const notes: string[] = [];
  let release = options.release ?? ownRelease;
  if (!release || !isRelease(release)) {
    notes.push(`${tree.label} is ${release ? `Xen ${release}, which xenabi does not know` : 'of no release xenabi can tell'}; compared as Xen ${NEWEST_RELEASE} (pass --xen-version)`);
    release = NEWEST_RELEASE;
  }
  const { facts, cached } = await treeFacts(tree, options);
  if (!facts.arches.some((a) => a.records.length || a.constants.length)) throw new HeaderTreeError(`${tree.label}: the compiler found no record and no constant in these headers`);
  const side = sideFromHeaders(facts, { release, label: tree.label, registry: options.registry, pathPrefix });
  if (options.registry) addFunctionMacros(side, readHeaders(tree.publicDir), options.registry, pathPrefix);
  const errors = [...new Set(facts.arches.flatMap((a) => a.errors))];
  if (cached) notes.push(`${tree.label}: read from the header-facts cache`);
  for (const e of errors.slice(0, 5)) notes.push(`${tree.label}: with __XEN_TOOLS__, ${e}`);
  if (!options.registry) notes.push('no registry: namespaces come from the headers\' __XEN_TOOLS__ guards alone, and ops, flags and padding are unknown');
  return notes.length ? { ...side, notes } : side;
}

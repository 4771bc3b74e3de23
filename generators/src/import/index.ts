/**
 * `xenabi import` as a library: Xen's headers compiled as header mode compiles them, drafted
 * into modules of xenabi's schema language, laid out by xenabi's engine beside clang's
 * layouts, and printed. The drafts are a start for a person, never a finished module.
 *
 * ```ts
 * const { files, problems } = await importHeaders(locateHeaderTree('/usr/include/xen'), { headers: ['hvm/dm_op.h'], release: '4.17' });
 * ```
 */
import type { TreeFacts } from '../headers/facts.js';
import { readHeaders } from '../headers/roots.js';
import { treeFacts, type ExtractOptions } from '../headers/tree-facts.js';
import type { HeaderTree } from '../headers/tree.js';
import { draftModules, type DraftModule } from './draft.js';
import { hasTodo, settleLayouts } from './layout.js';
import { printModules } from './print.js';

export { draftModules, type DraftModule } from './draft.js';
export { groupConstants } from './sets.js';

export interface ImportOptions extends ExtractOptions {
  /** Headers to draft, relative to the public folder; all of them when empty. */
  headers?: readonly string[];
  /** The release the tree is: every item's `since` in the draft. */
  release: string;
  /** The command line, for the drafts' banner. */
  command?: string;
}

export interface ImportResult {
  /** `stable/<module>.ts`, `unstable/<module>.ts`. */
  files: { path: string; text: string }[];
  modules: DraftModule[];
  /** Records xenabi's engine lays out otherwise than clang (wrong types to fix), and types left TODO. */
  problems: string[];
}

export async function importHeaders(tree: HeaderTree, options: ImportOptions): Promise<ImportResult> {
  const files = readHeaders(tree.publicDir);
  const unknown = (options.headers ?? []).filter((h) => !files.some((f) => f.path === h));
  if (unknown.length) throw new ImportError(`${tree.label} has no ${unknown.join(', ')} (name headers relative to the folder holding xen.h, e.g. hvm/dm_op.h)`);
  const { facts } = await treeFacts(tree, options);
  return draftFromFacts(facts, files, options);
}

/** The drafts of facts already extracted. */
export function draftFromFacts(facts: TreeFacts, files: Parameters<typeof draftModules>[1], options: ImportOptions): ImportResult {
  const modules = draftModules(facts, files, options.headers ?? [], options.release);
  const problems = settleLayouts(modules, facts).map((p) => `layout: ${p}`);
  for (const m of modules) {
    for (const item of m.items) {
      if (item.kind === 'record' && hasTodo(item.record)) problems.push(`type: ${m.name}: ${item.record.name} has a member whose C type the registry cannot express (TODO_TYPE)`);
      if (item.kind === 'alias' && hasTodo(item.type)) problems.push(`type: ${m.name}: typedef ${item.name} names a C type the registry cannot express (TODO_TYPE)`);
    }
    if (m.namespace === 'unstable' && !m.interfaceVersion) problems.push(`version: ${m.name}: ${m.xenHeader} defines no interface-version constant for its tools-only items`);
  }
  return { files: printModules(modules, { release: options.release, command: options.command ?? 'xenabi import' }), modules, problems };
}

/** Bad input to import: exit 2. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * `generate --typecheck`: the TypeScript package among the rendered outputs, type-checked
 * before anything is written (emit/ts/typecheck.ts). Off by default, so that `generate` never
 * loads the TypeScript compiler: the repository's tests check every release's package, and a
 * registry of one's own can ask for the check here. The `typescript` package is loaded only
 * then, and one checker serves the whole process (checks after the first are incremental).
 */
import type { Checker } from '../emit/ts/typecheck.js';
import { REGENERATE_COMMAND, type RenderedFile } from '../output/pipeline.js';

/** The generated TypeScript does not type-check, or cannot be checked; nothing was written. */
export class TypecheckError extends Error {}

let shared: Checker | undefined;

/** The process's checker, with `typescript` loaded for it. */
async function checker(): Promise<Checker> {
  if (shared) return shared;
  let ts: typeof import('typescript');
  try {
    ts = (await import('typescript')).default;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new TypecheckError('--typecheck needs the typescript package (5.8 or later): npm install --save-dev typescript');
  }
  const { Checker } = await import('../emit/ts/typecheck.js');
  return (shared = new Checker(ts));
}

/** The package's files the check reads (under PACKAGE_DIR): its sources and its package.json (which makes them ES modules). */
function packageFiles(files: readonly RenderedFile[], PACKAGE_DIR: string, command: string | undefined): Map<string, string> {
  const wanted = (path: string) => path === `${PACKAGE_DIR}/package.json` || (path.startsWith(`${PACKAGE_DIR}/src/`) && path.endsWith('.ts'));
  const text = command === undefined || command === REGENERATE_COMMAND ? (t: string) => t : bannerNormaliser(command);
  return new Map(files.filter((f) => wanted(f.path)).map((f) => [f.path, text(f.content)]));
}

/**
 * What the checker is given in place of a file whose banner names another command (`generate
 * --xen-version V` names V in every file): the same text with that banner line naming the
 * default command. A `//` comment that is no `// @ts-` or `///` directive means nothing to
 * the type-checker, and the line count is kept, so the diagnostics are those of the file as
 * written; but a file that differs from the previous release's only by its banner is then the
 * same text, which the incremental checker does not check again (every-release test: about
 * 100 of the package's 114 files in each release after the first).
 */
export function bannerNormaliser(command: string): (text: string) => string {
  if (/[\r\n\u2028\u2029]/.test(command)) throw new Error(`a banner command holds a line break: ${JSON.stringify(command)}`);
  const from = `\n// Regenerate with: ${command}\n`;
  const to = `\n// Regenerate with: ${REGENERATE_COMMAND}\n`;
  return (text) => {
    // The banner's second line; a banner is the head of the file (pipeline.ts), so only it is looked at.
    const at = text.indexOf(from);
    return at >= 0 && at === text.indexOf('\n') ? text.slice(0, at) + to + text.slice(at + from.length) : text;
  };
}

/**
 * Throws a TypecheckError listing the first diagnostics when the package among `files` does not
 * type-check. `command` is the one their banners name, when not the default.
 */
export async function typecheckOutputs(files: readonly RenderedFile[], command?: string): Promise<void> {
  // Imported here: the generate command imports this module for TypecheckError alone.
  const { PACKAGE_DIR } = await import('../emit/ts/names.js');
  const sources = packageFiles(files, PACKAGE_DIR, command);
  if (![...sources.keys()].some((p) => p.endsWith('.ts'))) return;
  const check = await checker();
  const diagnostics = check.check(sources);
  if (!diagnostics.length) return;
  const shown = check.format(diagnostics.slice(0, 20)).trimEnd();
  const more = diagnostics.length > 20 ? `\n… and ${diagnostics.length - 20} more` : '';
  throw new TypecheckError(`the generated TypeScript package does not type-check (${diagnostics.length} error(s)); nothing was written:\n${shown}${more}`);
}

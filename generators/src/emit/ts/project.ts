/**
 * The in-memory project the TypeScript emitter type-checks its package in, kept for the life
 * of the process. One run of `generate` checks every file, as a fresh project would. A process
 * that runs the emitter again (every release of the registry, as the release tests do; several
 * fixtures in a test file) pays only for what changed: the check is TypeScript's incremental
 * builder, as `tsc --watch` uses it: only the files that changed, and those whose imports'
 * declarations changed, are checked again; the rest keep their diagnostics. The result is, by
 * the builder's contract, what a fresh program of the same files reports.
 *
 * Emitting is synchronous from the first file printed to the diagnostics returned, so two runs
 * in one process never interleave here.
 */
import { createHash } from 'node:crypto';
import type * as TsMorph from 'ts-morph';

type Tsm = typeof TsMorph;

/** Where the package lives in the in-memory file systems. */
export const PROJECT_ROOT = '/pkg';

/** Type-checks the package's files, incrementally from the last check in this process. */
export class Checker {
  private readonly project: TsMorph.Project;
  private builder: TsMorph.ts.SemanticDiagnosticsBuilderProgram | undefined;

  constructor(
    private readonly tsm: Tsm,
    options: TsMorph.ts.CompilerOptions,
  ) {
    this.project = new tsm.Project({ useInMemoryFileSystem: true, compilerOptions: options });
  }

  /** Every diagnostic of the package made of `files` (path inside the package → text). */
  check(files: ReadonlyMap<string, string>): readonly TsMorph.ts.Diagnostic[] {
    this.update(files);
    const program = this.project.getProgram().compilerObject;
    const host = { useCaseSensitiveFileNames: () => true, createHash: (text: string) => createHash('sha256').update(text).digest('base64') };
    const builder = this.tsm.ts.createSemanticDiagnosticsBuilderProgram(program, host, this.builder);
    this.builder = builder;
    return [...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics()];
  }

  /** Diagnostics as `src/…(line,col): error TSn: message` lines, paths inside the package. */
  format(diagnostics: readonly TsMorph.ts.Diagnostic[]): string {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => PROJECT_ROOT, getNewLine: () => '\n' };
    return this.tsm.ts.formatDiagnostics(diagnostics, host);
  }

  /** Makes the project hold exactly `files`, touching only those whose text changed (the builder keys on versions). */
  private update(files: ReadonlyMap<string, string>): void {
    const wanted = new Map([...files].map(([path, text]) => [`${PROJECT_ROOT}/${path}`, text]));
    for (const sf of this.project.getSourceFiles()) if (!wanted.has(sf.getFilePath())) this.project.removeSourceFile(sf);
    for (const [path, text] of wanted) {
      if (this.project.getSourceFile(path)?.getFullText() === text) continue;
      this.project.createSourceFile(path, text, { overwrite: true });
    }
  }
}

let shared: { checker: Checker; options: string } | undefined;

/** The process's checker; a checker for other compiler options starts afresh. */
export function checker(tsm: Tsm, options: TsMorph.ts.CompilerOptions): Checker {
  const key = JSON.stringify(options);
  if (shared?.options !== key) shared = { checker: new Checker(tsm, options), options: key };
  return shared.checker;
}

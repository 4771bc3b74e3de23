/**
 * The in-memory projects the TypeScript emitter prints and type-checks its package in, kept
 * for the life of the process. One run of `generate` prints and checks every file, as a fresh
 * project would. A process that runs the emitter again (every release of the registry, as
 * the release tests do; several fixtures in a test file) pays only for what changed:
 *
 * - printing is remembered per view-model file (most modules are the same in adjacent
 *   releases), so an unchanged file is not printed twice;
 * - the check is TypeScript's incremental builder, as `tsc --watch` uses it: only the files
 *   that changed, and those whose imports' declarations changed, are checked again; the rest
 *   keep their diagnostics. The result is, by the builder's contract, what a fresh program of
 *   the same files reports.
 *
 * Emitting is synchronous from the first file printed to the diagnostics returned, so two runs
 * in one process never interleave here.
 */
import { createHash } from 'node:crypto';
import type * as TsMorph from 'ts-morph';
import { fileStructure, spaceOut } from './structures.js';
import type { TsFile } from './view-model.js';

type Tsm = typeof TsMorph;

/** Where the package lives in the in-memory file systems. */
export const PROJECT_ROOT = '/pkg';

/** Printed files remembered; past this the memo starts again (a bound on memory, not on correctness). */
const MEMO_LIMIT = 4096;

/** Prints view-model files through ts-morph structures, each distinct file once per process. */
export class Printer {
  private readonly project: TsMorph.Project;
  private readonly memo = new Map<string, string>();

  constructor(private readonly tsm: Tsm) {
    this.project = new tsm.Project({
      useInMemoryFileSystem: true,
      skipLoadingLibFiles: true,
      manipulationSettings: {
        indentationText: tsm.IndentationText.TwoSpaces,
        quoteKind: tsm.QuoteKind.Single,
        newLineKind: tsm.ts.NewLineKind.LineFeed,
        useTrailingCommas: true,
      },
    });
  }

  /** The file's text as it is written (before the output pipeline's banner). */
  print(file: TsFile): string {
    const key = createHash('sha256').update(JSON.stringify(file)).digest('base64');
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const sf = this.project.createSourceFile(`${PROJECT_ROOT}/${file.path}`, fileStructure(this.tsm, file), { overwrite: true });
    const text = spaceOut(sf.getFullText());
    this.project.removeSourceFile(sf);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, text);
    return text;
  }
}

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

let shared: { printer: Printer; checker: Checker; options: string } | undefined;

/** The process's printer and checker; a checker for other compiler options starts afresh. */
export function projects(tsm: Tsm, options: TsMorph.ts.CompilerOptions): { printer: Printer; checker: Checker } {
  const key = JSON.stringify(options);
  if (shared?.options !== key) shared = { printer: shared?.printer ?? new Printer(tsm), checker: new Checker(tsm, options), options: key };
  return shared;
}

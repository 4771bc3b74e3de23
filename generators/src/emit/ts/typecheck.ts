/**
 * The type-check of the generated TypeScript package, in memory: the package's `src/` files
 * and its `package.json`, with the package's own compiler options and no emit. Not part of
 * `generate`: `xenabi generate --typecheck` runs it on request, and the tests run it on the
 * committed package's every release, the golden fixture and the hostile names
 * (generate/typecheck.ts loads the `typescript` package for it, only then).
 *
 * A checker is incremental across the checks of one process, as `tsc --watch` is: a file
 * whose text is unchanged keeps its parsed tree, and TypeScript's builder checks again only
 * the files that changed and those whose imports' declarations changed. By the builder's
 * contract the result is what a fresh program of the same files reports. The standard library
 * is read from the `typescript` package and parsed once per process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Ts from 'typescript';
import { COMPILER_OPTIONS } from './package-files.js';

type Typescript = typeof Ts;

/** Where the files are placed: diagnostics name them relative to it, as they are given. */
const ROOT = '/xenabi-typecheck';

const hash = (text: string) => createHash('sha256').update(text).digest('base64');

/** The standard library's files, parsed once per process. */
const libraries = new Map<string, Ts.SourceFile>();

type ParseOptions = Ts.ScriptTarget | Ts.CreateSourceFileOptions;

/** What a parse depends on besides the text: the language version and, under NodeNext, the module format. */
function parseKey(options: ParseOptions): string {
  return typeof options === 'object' ? `${options.languageVersion}:${options.impliedNodeFormat}` : `${options}`;
}

function parse(ts: Typescript, path: string, text: string, options: ParseOptions): Ts.SourceFile {
  const sf = ts.createSourceFile(path, text, options);
  (sf as { version?: string }).version = hash(text);
  return sf;
}

/** The package's compiler options for the check: nothing is emitted, so no output paths and no declaration emit. */
export function checkOptions(ts: Typescript): Ts.CompilerOptions {
  const { rootDir: _r, outDir: _o, composite: _c, tsBuildInfoFile: _t, declaration: _d, declarationMap: _m, sourceMap: _s, ...rest } = COMPILER_OPTIONS;
  return ts.convertCompilerOptionsFromJson({ ...rest, noEmit: true }, ROOT).options;
}

/** Type-checks sets of files, incrementally from its last check. */
export class Checker {
  private texts = new Map<string, string>();
  private readonly parsed = new Map<string, { key: string; sf: Ts.SourceFile }>();
  private builder: Ts.SemanticDiagnosticsBuilderProgram | undefined;

  constructor(
    private readonly ts: Typescript,
    private readonly options: Ts.CompilerOptions = checkOptions(ts),
  ) {}

  /** Every diagnostic of the program made of `files` (path → text; `.ts` files are its roots). */
  check(files: ReadonlyMap<string, string>): readonly Ts.Diagnostic[] {
    this.texts = new Map([...files].map(([path, text]) => [`${ROOT}/${path}`, text]));
    for (const path of this.parsed.keys()) if (!this.texts.has(path)) this.parsed.delete(path);
    const roots = [...this.texts.keys()].filter((p) => p.endsWith('.ts'));
    const builder = this.ts.createSemanticDiagnosticsBuilderProgram(roots, this.options, this.host(), this.builder);
    this.builder = builder;
    return [...builder.getOptionsDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getSemanticDiagnostics()];
  }

  /** Diagnostics as `path(line,col): error TSn: message` lines, paths as the files were given. */
  format(diagnostics: readonly Ts.Diagnostic[]): string {
    return this.ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' });
  }

  /** A file given to the check, parsed once while its text is the same; else a file of the standard library. */
  private source(path: string, options: ParseOptions): Ts.SourceFile | undefined {
    const text = this.texts.get(path);
    if (text === undefined) return library(this.ts, path, options);
    const key = parseKey(options);
    const known = this.parsed.get(path);
    if (known?.key === key && known.sf.text === text) return known.sf;
    const sf = parse(this.ts, path, text, options);
    this.parsed.set(path, { key, sf });
    return sf;
  }

  /** A compiler host over the given files and, outside them, the standard library on disk. */
  private host(): Ts.CompilerHost {
    const libDir = dirname(this.ts.getDefaultLibFilePath(this.options));
    const lib = (path: string) => path.startsWith(`${libDir}/`);
    return {
      getSourceFile: (path, options) => this.source(path, options),
      getDefaultLibFileName: (options) => this.ts.getDefaultLibFilePath(options),
      writeFile: () => undefined,
      getCurrentDirectory: () => ROOT,
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (path) => this.texts.has(path) || (lib(path) && existsSync(path)),
      readFile: (path) => this.texts.get(path) ?? (lib(path) && existsSync(path) ? readFileSync(path, 'utf8') : undefined),
      directoryExists: (dir) => [...this.texts.keys()].some((p) => p.startsWith(`${dir}/`)) || (lib(dir) && existsSync(dir)),
      createHash: hash,
    };
  }
}

/** A file of the standard library, from the `typescript` package's own folder (the only files read from disk). */
function library(ts: Typescript, path: string, options: ParseOptions): Ts.SourceFile | undefined {
  const libDir = dirname(ts.getDefaultLibFilePath({}));
  if (!path.startsWith(`${libDir}/`) || !existsSync(path)) return undefined;
  const key = `${parseKey(options)}:${path}`;
  const known = libraries.get(key) ?? parse(ts, path, readFileSync(path, 'utf8'), options);
  libraries.set(key, known);
  return known;
}

/**
 * Which of a tree's headers a header-mode compile includes, and which macros it asks the
 * compiler to evaluate. Every header of the tree is a candidate; left out are those that
 * cannot stand at the top of a translation unit on the architecture compiled for:
 *
 * - headers another header of the tree includes (they come in with it, in the context Xen
 *   means: `arch-x86/xen-x86_64.h` only through `arch-x86/xen.h`);
 * - the other architecture family's headers (`arch-arm*` on x86, `arch-x86*` on Arm);
 * - headers including a file the tree does not have (`arch-arm/smccc.h` names Xen's
 *   internal `public/xen.h`), and Linux UAPI headers that share the folder in a
 *   distribution's /usr/include/xen (`privcmd.h`, `sys/…`: they include `<linux/…>`);
 * - the generated `foreign/` headers of a tools install.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Arch } from '../model/types.js';

/** A header's text with what matters here: its includes and object-like `#define`s. */
export interface HeaderFile {
  /** Relative to the public folder, with forward slashes. */
  path: string;
  text: string;
}

/** Every `.h` file of the tree, sorted, with its text. */
export function readHeaders(publicDir: string): HeaderFile[] {
  const out: HeaderFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.h')) out.push({ path: relative(publicDir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(publicDir);
  return out;
}

const INCLUDE = /^\s*#\s*include\s*([<"])([^>"]+)[>"]/gm;

/** The tree headers a header includes with `"…"` (resolved against its folder, then the tree's root). */
function localIncludes(file: HeaderFile, paths: ReadonlySet<string>): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  for (const m of file.text.matchAll(INCLUDE)) {
    if (m[1] !== '"') continue;
    const name = m[2] ?? '';
    const candidates = [join(dirname(file.path), name), name].map((p) => p.split(sep).join('/').replace(/^\.\//, ''));
    const hit = candidates.find((c) => paths.has(c));
    if (hit) found.push(hit);
    else missing.push(name);
  }
  return { found, missing };
}

const OTHER_FAMILY: Record<Arch, RegExp> = {
  x86_32: /^arch-arm/,
  x86_64: /^arch-arm/,
  arm32: /^arch-x86/,
  arm64: /^arch-x86/,
};

/** The headers to include at the top of a translation unit for `arch`, `xen.h` first. */
export function rootHeaders(files: readonly HeaderFile[], arch: Arch): string[] {
  const { paths, included, unusable } = includeGraph(files);
  const roots = files
    .map((f) => f.path)
    .filter((p) => !included.has(p) && !unusable.has(p) && !OTHER_FAMILY[arch].test(p) && !p.startsWith('foreign/'));
  return ['xen.h', ...roots.filter((p) => p !== 'xen.h')].filter((p) => paths.has(p));
}

/** What every architecture's roots start from: the tree's paths, those another header includes, those that cannot be compiled. */
function includeGraph(files: readonly HeaderFile[]): { paths: Set<string>; included: Set<string>; unusable: Set<string> } {
  const known = graphs.get(files);
  if (known) return known;
  const paths = new Set(files.map((f) => f.path));
  const included = new Set<string>();
  const unusable = new Set<string>();
  for (const f of files) {
    const { found, missing } = localIncludes(f, paths);
    for (const p of found) if (p !== f.path) included.add(p);
    if (missing.length || /^[ \t]*#[ \t]*include[ \t]*<linux\//m.test(f.text)) unusable.add(f.path);
  }
  const graph = { paths, included, unusable };
  graphs.set(files, graph);
  return graph;
}

/** A tree's include graph, read once for its four architectures (the list of files is not changed once read). */
const graphs = new WeakMap<readonly HeaderFile[], { paths: Set<string>; included: Set<string>; unusable: Set<string> }>();

/** An object-like macro the tree defines, with every place that defines it. */
export interface MacroCandidate {
  name: string;
  sites: { file: string; line: number }[];
}

/** One `#define` of an object-like macro: its body without comments, and where it is. */
interface MacroDefinition {
  name: string;
  body: string;
  file: string;
  line: number;
}

/** Every object-like macro definition of the tree, in file and line order. */
function macroDefinitions(files: readonly HeaderFile[]): MacroDefinition[] {
  const out: MacroDefinition[] = [];
  for (const f of files) {
    const lines = f.text.split('\n');
    lines.forEach((first, i) => {
      const m = /^\s*#\s*define\s+([A-Za-z_]\w*)(?:[ \t]+(.*))?$/.exec(first);
      if (!m) return;
      let body = m[2] ?? '';
      // A definition continued with backslashes goes on over the next lines.
      for (let next = i + 1; body.endsWith('\\') && next < lines.length; next++) body = `${body.slice(0, -1)} ${lines[next]}`;
      body = body.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '').trim();
      out.push({ name: m[1] ?? '', body, file: f.path, line: i + 1 });
    });
  }
  return out;
}

/** The macros of `definitions` that `keep` accepts, each with every place that defines it. */
function candidatesOf(definitions: readonly MacroDefinition[], keep: (d: MacroDefinition) => boolean): MacroCandidate[] {
  const byName = new Map<string, MacroCandidate>();
  for (const d of definitions.filter(keep)) {
    const entry = byName.get(d.name) ?? { name: d.name, sites: [] };
    entry.sites.push({ file: d.file, line: d.line });
    byName.set(d.name, entry);
  }
  return [...byName.values()];
}

/** A body that is one C string literal: `"hvmloader/bios"`. */
const STRING_LITERAL = /^"(?:[^"\\\n]|\\.)*"$/;

/**
 * The names of macros that expand to a string literal: those whose body is one, and those
 * whose body names such a macro (`XEN_IO_PROTO_ABI_NATIVE`, defined per architecture as the
 * name of another), followed to any depth.
 */
function textMacroNames(definitions: readonly MacroDefinition[]): Set<string> {
  const names = new Set(definitions.filter((d) => STRING_LITERAL.test(d.body)).map((d) => d.name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of definitions) {
      if (names.has(d.name) || !/^[A-Za-z_]\w*$/.test(d.body) || !names.has(d.body)) continue;
      names.add(d.name);
      grew = true;
    }
  }
  return names;
}

/** The macros a tree's probe asks the compiler to evaluate: integer candidates and string macros. */
export interface ProbeMacros {
  macros: MacroCandidate[];
  texts: MacroCandidate[];
}

/** Both lists of a tree's probe, from one reading of its `#define`s (the same lists as the two functions below). */
export function probeMacros(files: readonly HeaderFile[]): ProbeMacros {
  const definitions = macroDefinitions(files);
  const texts = textMacroNames(definitions);
  return { macros: integerCandidates(definitions, texts), texts: candidatesOf(definitions, (d) => texts.has(d.name)) };
}

/**
 * Every object-like macro of the tree whose body could be an integer constant expression
 * (not empty, no string, character or brace, not the name of a string macro): the compiler
 * decides which really are.
 */
export function candidateMacros(files: readonly HeaderFile[]): MacroCandidate[] {
  return probeMacros(files).macros;
}

function integerCandidates(definitions: readonly MacroDefinition[], texts: ReadonlySet<string>): MacroCandidate[] {
  // Xen's guest interface version is how a build chooses what to see, not a value of the ABI.
  return candidatesOf(definitions, (d) => !!d.body && !/["'{};]/.test(d.body) && !texts.has(d.name) && !/^__XEN(?:_LATEST)?_INTERFACE_VERSION__$/.test(d.name));
}

/**
 * Every object-like macro of the tree that expands to a string literal (xenstore paths,
 * protocol names): the compiler gives the text each has where the compile takes it.
 */
export function candidateTexts(files: readonly HeaderFile[]): MacroCandidate[] {
  return probeMacros(files).texts;
}

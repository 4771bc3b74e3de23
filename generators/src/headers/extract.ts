/**
 * Header mode's compiler runs for one tree on one architecture. One clang invocation with
 * `__XEN_TOOLS__` includes every root header and asks, in the same translation unit, for an
 * enumerator per candidate macro: its JSON AST gives every record, member, typedef and
 * enumerator with its location, and each macro's value and C type; its record-layout dump
 * gives every record's size, alignment, member offsets and bit-field positions. A second
 * run, of the preprocessor only and without `__XEN_TOOLS__`, says what a guest sees.
 */
import { posix } from 'node:path';
import type { Arch } from '../model/types.js';
import { readAst, type AstFacts, type AstLoc, type AstRecord } from './ast.js';
import { baseArgs, runClang } from './clang.js';
import type { ArchFacts, ConstantFact, FactLoc, FieldFact, RecordFact, TypedefFact } from './facts.js';
import { parseLayoutDump, type DumpedRecord } from './layout-dump.js';
import { readPreprocessed, type Defined } from './preprocessed.js';
import { probeMacros, rootHeaders, type HeaderFile, type MacroCandidate, type ProbeMacros } from './roots.js';
import { fieldSpeller, recordSizes, spellType, UNNAMED, type RecordNames } from './spelling.js';

/** The probe's enumerators are named with this prefix and the macro's index. */
export const MACRO_PREFIX = '__xenabi_macro_';

/** The probe's `char` arrays, one per string macro, are named with this prefix and the macro's index. */
export const TEXT_PREFIX = '__xenabi_text_';

/**
 * The translation unit: every root header, then (for the tools run) one enumerator per
 * candidate macro and one `char` array per string macro, initialised with it.
 */
export function translationUnit(roots: readonly string[], macros: readonly MacroCandidate[] = [], texts: readonly MacroCandidate[] = []): string {
  const lines = ['/* xenabi header mode */', '#include <stdint.h>', '#include <stddef.h>', ...roots.map((r) => `#include <xen/${r}>`)];
  macros.forEach((m, i) => lines.push(`#ifdef ${m.name}`, `enum { ${MACRO_PREFIX}${i} = ${m.name} };`, '#endif'));
  texts.forEach((m, i) => lines.push(`#ifdef ${m.name}`, `const char ${TEXT_PREFIX}${i}[] = ${m.name};`, '#endif'));
  return `${lines.join('\n')}\n`;
}

/** The tree's headers compiled for one architecture. */
export async function extractArch(files: readonly HeaderFile[], arch: Arch, includeRoot: string, probe: ProbeMacros = probeMacros(files)): Promise<ArchFacts> {
  const roots = rootHeaders(files, arch);
  const [tools, plain] = await Promise.all([
    runClang([...baseArgs(arch, 'tools', includeRoot), '-fsyntax-only', '-Xclang', '-ast-dump', '-Xclang', '-fdump-record-layouts-complete', '-x', 'c', '-'], translationUnit(roots, probe.macros, probe.texts)),
    runClang([...baseArgs(arch, 'plain', includeRoot), '-E', '-dD', '-x', 'c', '-'], translationUnit(roots)),
  ]);
  return readArch({ arch, includeRoot, roots, probe, tools, plain });
}

/** What one architecture's two compiles of a tree wrote. */
export interface ArchOutput {
  arch: Arch;
  includeRoot: string;
  roots: string[];
  probe: ProbeMacros;
  /** The tools compile: record layouts, then the AST; its errors. */
  tools: { stdout: string; stderr: string };
  /** The guest view, preprocessed. */
  plain: { stdout: string; stderr: string };
}

/** The facts in one architecture's compiler output. */
export function readArch({ arch, includeRoot, roots, probe, tools, plain }: ArchOutput): ArchFacts {
  const astStart = tools.stdout.search(/^TranslationUnitDecl /m);
  if (astStart < 0) throw new Error(`clang ${arch}: no AST in its output:\n${tools.stderr.split('\n').slice(0, 20).join('\n')}`);
  const tree = new TreePaths(includeRoot);
  const ast = readAst(tools.stdout.slice(astStart));
  const dumps = parseLayoutDump(tools.stdout.slice(0, astStart));
  const seen = withoutFailed(readPreprocessed(plain.stdout), plain.stderr, tree);
  const declaring = declaringFiles(ast, tree);
  return {
    arch,
    ...buildRecords(ast, dumps, arch, tree, seen),
    constants: [...buildConstants(ast, probe.macros, tree, seen, declaring), ...buildTexts(ast, probe.texts, seen, declaring)].sort((a, b) => (a.name < b.name ? -1 : 1)),
    roots,
    errors: treeErrors(tools.stderr, tree),
  };
}

/** File names as clang writes them, turned into paths relative to the public folder. */
class TreePaths {
  private readonly prefix: string;
  /** Thousands of locations name a few dozen files: each is normalised once. */
  private readonly seen = new Map<string, string | undefined>();
  constructor(includeRoot: string) {
    this.prefix = `${posix.normalize(includeRoot)}/xen/`;
  }
  /** The tree-relative path, or undefined for a file outside the tree (stdint.h, the probe). */
  relative(file: string): string | undefined {
    if (this.seen.has(file)) return this.seen.get(file);
    const full = posix.normalize(file);
    const out = full.startsWith(this.prefix) ? full.slice(this.prefix.length) : undefined;
    this.seen.set(file, out);
    return out;
  }
  loc(l: AstLoc): FactLoc | undefined {
    const file = this.relative(l.file);
    return file ? { file, line: l.line, col: l.col } : undefined;
  }
  /** `KIND FILE:LINE:COL` with FILE normalised: the key of an untagged record (a union and the struct inside it may share a place, both from one macro). */
  where(kind: string, text: string): string {
    let place = this.places.get(text);
    if (place === undefined) {
      const m = /^(.*):(\d+):(\d+)$/.exec(text);
      place = m ? `${posix.normalize(m[1] ?? '')}:${m[2]}:${m[3]}` : text;
      this.places.set(text, place);
    }
    return `${kind} ${place}`;
  }
  private readonly places = new Map<string, string>();
}

/** Records named as the registry names them, laid out as the dump says; typedefs of records go on the record. */
function buildRecords(ast: AstFacts, dumps: DumpedRecord[], arch: Arch, tree: TreePaths, seen: Defined): { records: RecordFact[]; typedefs: TypedefFact[] } {
  const dumpByName = new Map<string, DumpedRecord>();
  for (const d of dumps) dumpByName.set(d.where ? tree.where(d.kind, d.where) : `${d.kind} ${d.spelled.split('::').pop()}`, d);
  const recordTypedefs = new Map<string, string>();
  for (const t of ast.typedefs) if (t.recordId && !recordTypedefs.has(t.recordId)) recordTypedefs.set(t.recordId, t.name);
  const placed = placeUntagged(ast, tree, recordTypedefs);
  const dumpOf = (r: AstRecord) => (r.tag ? dumpByName.get(`${r.kind} ${r.tag}`) : dumpByName.get(placed.get(r.id)?.key ?? '') ?? dumpByName.get(`${r.kind} ${recordTypedefs.get(r.id)}`));
  const names: RecordNames = { byId: new Map(), byWhere: new Map(), byTypedef: new Map(), kinds: new Map() };
  for (const r of ast.records) {
    const name = r.tag ?? placed.get(r.id)?.name ?? (r.parentId ? undefined : recordTypedefs.get(r.id));
    if (!name) continue;
    names.byId.set(r.id, name);
    names.kinds.set(name, r.kind);
    const key = placed.get(r.id)?.key;
    if (key) names.byWhere.set(key, name);
    const typedef = recordTypedefs.get(r.id);
    if (typedef) names.byTypedef.set(typedef, name);
  }
  const table = { sizes: recordSizes(ast.records, dumpOf, recordTypedefs, (r) => placed.get(r.id)?.key), typedefs: new Map(ast.typedefs.map((t) => [t.name, t.desugared !== t.name ? t.desugared : t.qualType])) };
  const spell = fieldSpeller(arch, names, table, tree);
  const records: RecordFact[] = [];
  for (const r of ast.records) {
    const name = names.byId.get(r.id);
    const dump = dumpOf(r);
    const loc = locate(tree, seen.records.get(`${r.kind} ${r.tag}`), r.loc);
    if (!name || !dump || !loc || name.startsWith('__guest_handle')) continue;
    if (dump.fields.length !== r.fields.length) throw new Error(`${arch}: the layout of ${name} lists ${dump.fields.length} members, its declaration ${r.fields.length}`);
    const typedef = r.parentId ? undefined : recordTypedefs.get(r.id);
    const parent = r.parentId ? names.byId.get(r.parentId) : undefined;
    records.push({
      name,
      kind: r.kind,
      ...(r.tag ? { tag: r.tag } : {}),
      ...(typedef && typedef !== name ? { typedef } : {}),
      ...(parent ? { parent } : {}),
      size: dump.size,
      align: dump.align,
      fields: r.fields.map((f, i) => spell(f, dump.fields[i] as DumpedRecord['fields'][number])),
      loc,
      plain: r.tag ? seen.records.has(`${r.kind} ${r.tag}`) : false,
    });
  }
  // An untagged record is seen by guests when what names it is: its typedef, or the record it is in.
  const byName = new Map(records.map((r) => [r.name, r]));
  for (const r of records) if (!r.tag) r.plain = r.parent ? (byName.get(r.parent)?.plain ?? false) : seen.typedefs.has(r.name);
  const typedefs: TypedefFact[] = [];
  for (const t of ast.typedefs) {
    const loc = locate(tree, seen.typedefs.get(t.name), t.loc);
    // A record's first typedef goes on the record; another name for it (4.15's xenpf_settime_t
    // beside xenpf_settime64_t) is a typedef like any other, which field types may be spelled with.
    if (!loc || t.name.startsWith('__guest_handle') || (t.recordId && names.byId.has(t.recordId) && recordTypedefs.get(t.recordId) === t.name)) continue;
    typedefs.push({ name: t.name, type: spellType(t.qualType, names, tree), loc, plain: seen.typedefs.has(t.name) });
  }
  return { records, typedefs };
}

/** Where an item is: after macro expansion when the guest view shows it, else where clang spells it; undefined outside the tree. */
function locate(tree: TreePaths, expanded: { file: string; line: number } | undefined, spelled: AstLoc): FactLoc | undefined {
  const own = tree.loc(spelled);
  if (!own) return undefined;
  const file = expanded ? tree.relative(expanded.file) : undefined;
  return file && expanded ? { file, line: expanded.line, col: 1 } : own;
}

/**
 * Untagged records named by what declares them: the member of the enclosing record that
 * follows the definition (`parent.member`, or `parent.<anonN>` for the N-th anonymous
 * member), and keyed by the place clang gives such a record in type names (the expansion's
 * place, which the record's own spelling location is not when a macro wrote it).
 */
function placeUntagged(ast: AstFacts, tree: TreePaths, typedefs: ReadonlyMap<string, string>): Map<string, { name?: string; key: string }> {
  const byId = new Map(ast.records.map((r) => [r.id, r]));
  const placed = new Map<string, { name?: string; key: string }>();
  const claimed = new Set<string>();
  const named = new Map<string, string>();
  const typedefOf = new Map<string, AstFacts['typedefs'][number]>();
  for (const d of ast.typedefs) if (d.recordId && !typedefOf.has(d.recordId)) typedefOf.set(d.recordId, d);
  for (const r of ast.records) {
    if (!r.tag && !r.parentId) {
      const t = typedefOf.get(r.id);
      const m = t ? [...`${t.qualType} ${t.desugared}`.matchAll(UNNAMED)][0] : undefined;
      if (m) placed.set(r.id, { key: tree.where(m[1] ?? '', m[2] ?? '') });
      const name = typedefs.get(r.id);
      if (name) named.set(r.id, name);
      continue;
    }
    if (r.tag) named.set(r.id, r.tag);
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    const parentName = r.parentId ? named.get(r.parentId) : undefined;
    if (r.tag || !parent || !parentName) continue;
    let anonymous = 0;
    for (const [i, f] of parent.fields.entries()) {
      const key = i >= (r.fieldIndex ?? 0) ? [...`${f.qualType} ${f.desugared}`.matchAll(UNNAMED)].map((m) => tree.where(m[1] ?? '', m[2] ?? '')).find((k) => k.startsWith(`${r.kind} `) && !claimed.has(k)) : undefined;
      if (key) {
        claimed.add(key);
        const name = f.name ? `${parentName}.${f.name}` : `${parentName}.<anon${anonymous}>`;
        placed.set(r.id, { name, key });
        named.set(r.id, name);
        break;
      }
      if (!f.name) anonymous += 1;
    }
  }
  return placed;
}

/**
 * What the guest view defines, less what a header defines after refusing guests with
 * `#error` (domctl.h, sysctl.h): the preprocessor goes on after an `#error`, the compiler
 * would not.
 */
function withoutFailed(defined: Defined, stderr: string, tree: TreePaths): Defined {
  const refused = new Set(treeErrors(stderr, tree).map((e) => e.split(':')[0]));
  if (!refused.size) return defined;
  const keep = <T extends { file: string }>(map: Map<string, T>) => new Map([...map].filter(([, at]) => !refused.has(tree.relative(at.file) ?? '')));
  const macros = new Set([...defined.macros].filter((m) => !defined.macroFiles.get(m) || !refused.has(tree.relative(defined.macroFiles.get(m) ?? '') ?? '')));
  return { records: keep(defined.records), typedefs: keep(defined.typedefs), enumerators: keep(defined.enumerators), macros, macroFiles: defined.macroFiles };
}

/**
 * The tree's files that declare something the compile saw (a record, a typedef, an
 * enumerator, the probe's among them): where a macro defined in several places is taken from.
 */
function declaringFiles(ast: AstFacts, tree: TreePaths): Set<string | undefined> {
  const files = new Set<string | undefined>();
  for (const list of [ast.records, ast.typedefs, ast.enumerators]) {
    let last: string | undefined;
    for (const d of list) {
      if (d.loc.file === last) continue;
      last = d.loc.file;
      const file = tree.relative(last);
      if (file) files.add(file);
    }
  }
  return files;
}

/** Macros the compiler evaluated, and the enumerators of Xen's own enums. */
function buildConstants(ast: AstFacts, macros: readonly MacroCandidate[], tree: TreePaths, seen: Defined, files: ReadonlySet<string | undefined>): ConstantFact[] {
  const out = new Map<string, ConstantFact>();
  for (const e of ast.enumerators) {
    if (e.name.startsWith(MACRO_PREFIX)) {
      const macro = macros[Number(e.name.slice(MACRO_PREFIX.length))];
      // No initialiser: the macro the compile takes expands to nothing (`XEN_FLEX_ARRAY_DIM`
      // under C99), and clang recovered by numbering the enumerator itself.
      if (!macro || e.exprType === undefined) continue;
      const site = macro.sites.find((s) => files.has(s.file)) ?? macro.sites[0];
      if (!site) continue;
      out.set(macro.name, { name: macro.name, value: e.value, cType: e.exprType ?? e.cType, loc: { file: site.file, line: site.line, col: 1 }, plain: seen.macros.has(macro.name), origin: 'macro' });
      continue;
    }
    const loc = locate(tree, seen.enumerators.get(e.name), e.loc);
    if (loc && !out.has(e.name)) out.set(e.name, { name: e.name, value: e.value, cType: e.cType, loc, plain: seen.enumerators.has(e.name), origin: 'enum' });
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** String macros with the text the compile gave them, as constants of C type `string`. */
function buildTexts(ast: AstFacts, texts: readonly MacroCandidate[], seen: Defined, files: ReadonlySet<string | undefined>): ConstantFact[] {
  return ast.texts.flatMap((t) => {
    const macro = t.name.startsWith(TEXT_PREFIX) ? texts[Number(t.name.slice(TEXT_PREFIX.length))] : undefined;
    const site = macro ? (macro.sites.find((s) => files.has(s.file)) ?? macro.sites[0]) : undefined;
    if (!macro || !site) return [];
    return [{ name: macro.name, value: t.value, cType: 'string', loc: { file: site.file, line: site.line, col: 1 }, plain: seen.macros.has(macro.name), origin: 'macro' as const }];
  });
}

/** The compiler's errors inside the tree's headers (a header that does not compile in tools mode). */
function treeErrors(stderr: string, tree: TreePaths): string[] {
  const out: string[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^(.+?):(\d+):\d+: (?:fatal )?error: (.*)$/.exec(line);
    const file = m ? tree.relative(m[1] ?? '') : undefined;
    if (m && file) out.push(`${file}:${m[2]}: ${m[3]}`);
  }
  return [...new Set(out)];
}

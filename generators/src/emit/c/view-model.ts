/**
 * C view-model: one ABI module (as one release has it) and the layout engine's tables turned
 * into the plain strings the header templates print. Declarations (`declarations.ts`) keep
 * `ModuleDecl.order`; our own names (guest handles, availability macros, assertions) stay
 * outside the blocks that Xen's include guard skips. No layout arithmetic happens here.
 */
import { ArchLayout } from '../../layout/engine.js';
import { ARCHES } from '../../model/arch.js';
import { releaseHex } from '../../model/releases.js';
import type { ArchScalarName, ModuleDecl, RecordDecl, TypeRef } from '../../model/types.js';
import type { ReleaseModel } from '../../select/release.js';
import {
  ARCH_SCALAR_TYPEDEFS,
  archScalarDecl,
  COMMON_MODULE,
  conditionRuns,
  declarationOrder,
  declOf,
  firstSetMembers,
  handleView,
  itemHandles,
  type Ctx,
  type DeclView,
  type HandleView,
} from './declarations.js';
import { archScalarChecks, assertionStatement, handleChecks, recordChecks } from './layout-checks.js';
import {
  archCondition,
  cString,
  docCommentLines,
  guestInterfaceCondition,
  handleTypedefName,
  headerGuard,
  includeName,
  interfaceVersionLiteral,
  plainCommentLines,
  sinceMacro,
  UMBRELLA_GUARD,
  wantMacro,
} from './names.js';

export type { Conditional, DeclView, HandleView, MemberView } from './declarations.js';
export { COMMON_MODULE, declarationOrder } from './declarations.js';

export type BlockView = { xen: true; decls: DeclView[]; handle: false } | { xen: false; decls: []; handle: HandleView };

export interface HeaderView {
  doc: string[];
  guard: string;
  optIn: false | { wantMacro: string; version: string; missing: string; mismatch: string };
  includes: string[];
  moduleArch: string;
  xenGuard: string;
  blocks: BlockView[];
  guardComment: string[];
  defineXenGuard: boolean;
  versionCheck: false | { condition: string; message: string };
  since: { macro: string; value: string }[];
  checks: { condition: string; lines: string[] }[];
}

export function headerView(model: ReleaseModel, module: ModuleDecl): HeaderView {
  const ctx: Ctx = { model, module, records: new Map(model.records.map((r) => [r.name, r])), archs: [...(module.archs ?? ARCHES)] };
  const ownsGuard = module.coverage === 'full' || module.namespace === 'unstable';
  return {
    doc: docCommentLines(module.doc, `Declares, under Xen's names, the ABI of Xen's public header ${module.xenHeader}.`),
    guard: headerGuard(module.namespace, module.name),
    optIn: optInView(ctx),
    includes: includesOf(ctx),
    moduleArch: module.archs ? archCondition(module.archs) : '',
    xenGuard: module.xenGuard,
    blocks: blocksOf(ctx),
    guardComment: plainCommentLines(guardText(module)),
    defineXenGuard: ownsGuard,
    versionCheck: versionCheckView(ctx),
    since: sinceLines(ctx),
    checks: checksOf(ctx),
  };
}

/** Why this header does or does not define Xen's include guard. */
export function guardText(module: Pick<ModuleDecl, 'coverage' | 'namespace' | 'xenHeader'>): string {
  if (module.coverage === 'full') return `This header declares all of Xen's ${module.xenHeader}, so it defines Xen's guard: Xen's header, included after it, is skipped.`;
  if (module.namespace === 'unstable') {
    return `Xen's ${module.xenHeader} declares more than this header, but its records would clash with these, so this header defines Xen's guard: Xen's header, included after it, is skipped. Include Xen's header first to use the rest of it.`;
  }
  return `Xen's ${module.xenHeader} declares more than this header, so its guard stays undefined: Xen's header can still be included after this one, and repeats only identical typedefs.`;
}

// ---- Unstable modules -------------------------------------------------------------------

function interfaceVersion(ctx: Ctx): { constant: string; literal: string } | undefined {
  const name = ctx.module.interfaceVersion?.constant;
  if (!name) return undefined;
  const constant = ctx.model.constants.find((c) => c.name === name);
  if (!constant) throw new Error(`module ${ctx.module.name}: interface-version constant ${name} is not in the model`);
  return { constant: name, literal: interfaceVersionLiteral(constant.value) };
}

function optInView(ctx: Ctx): HeaderView['optIn'] {
  if (ctx.module.namespace !== 'unstable') return false;
  const iv = interfaceVersion(ctx);
  if (!iv) throw new Error(`unstable module ${ctx.module.name} names no interface-version constant`);
  const header = includeName(ctx.module.namespace, ctx.module.name);
  const want = wantMacro(iv.constant);
  return {
    wantMacro: want,
    version: iv.literal,
    missing: cString(`${header} is an unstable interface: #define ${want} ${iv.literal} before including it`),
    mismatch: cString(`${header} is interface version ${iv.literal}; ${want} asks for another version`),
  };
}

function versionCheckView(ctx: Ctx): HeaderView['versionCheck'] {
  const iv = interfaceVersion(ctx);
  if (!iv) return false;
  return {
    condition: `${iv.constant} != ${iv.literal}`,
    message: cString(`Xen's ${ctx.module.xenHeader}, included before ${includeName(ctx.module.namespace, ctx.module.name)}, has another ${iv.constant} than ${iv.literal}`),
  };
}

// ---- Includes ---------------------------------------------------------------------------

function includesOf(ctx: Ctx): string[] {
  const names = new Set(ctx.module.imports);
  const types = moduleTypes(ctx);
  if (ctx.module.name !== COMMON_MODULE && types.some((t) => t.kind === 'archScalar' && t.name !== 'uint64_aligned_t')) names.add(COMMON_MODULE);
  for (const t of types) {
    const owner = t.kind === 'array' && t.lengthConstant ? ctx.model.constants.find((c) => c.name === t.lengthConstant)?.module : undefined;
    if (owner) names.add(owner);
  }
  names.delete(ctx.module.name);
  return [...names].sort().map((name) => {
    const m = ctx.model.modules.find((x) => x.name === name);
    if (!m) throw new Error(`module ${ctx.module.name} needs module ${name}, which the model does not have`);
    return includeName(m.namespace, m.name);
  });
}

/** Every type the module's declarations use, arrays and inline records included. */
function moduleTypes(ctx: Ctx): TypeRef[] {
  const out: TypeRef[] = [];
  const visit = (t: TypeRef): void => {
    out.push(t);
    if (t.kind === 'array') visit(t.element);
    const r = t.kind === 'record' ? ctx.records.get(t.name) : undefined;
    if (r?.parent) r.fields.forEach((f) => visit(f.type));
  };
  for (const r of ctx.model.records) if (r.module === ctx.module.name && !r.parent) r.fields.forEach((f) => visit(f.type));
  for (const a of ctx.model.aliases) if (a.module === ctx.module.name) visit(a.type);
  return out;
}

// ---- Declarations -----------------------------------------------------------------------

function blocksOf(ctx: Ctx): BlockView[] {
  const blocks: BlockView[] = [];
  let decls: DeclView[] = ctx.module.name === COMMON_MODULE ? ARCH_SCALAR_TYPEDEFS.map((s) => archScalarDecl(ctx, s)) : [];
  const handlesDone = new Set<string>();
  const setHeadings = firstSetMembers(ctx);
  for (const name of declarationOrder(ctx.module)) {
    const handles = itemHandles(ctx, name).filter((h) => !handlesDone.has(handleTypedefName(h)));
    if (handles.length > 0) {
      if (decls.length > 0) blocks.push({ xen: true, decls: conditionRuns(decls), handle: false });
      decls = [];
      for (const h of handles) {
        handlesDone.add(handleTypedefName(h));
        blocks.push({ xen: false, decls: [], handle: handleView(h) });
      }
    }
    const heading = setHeadings.get(name);
    if (heading) decls.push(heading);
    const decl = declOf(ctx, name);
    if (decl) decls.push(decl);
  }
  if (decls.length > 0) blocks.push({ xen: true, decls: conditionRuns(decls), handle: false });
  return blocks;
}

// ---- Availability and layout checks ------------------------------------------------------

function sinceLines(ctx: Ctx): HeaderView['since'] {
  const items = [...ctx.model.records, ...ctx.model.aliases, ...ctx.model.constants, ...ctx.model.sets];
  return declarationOrder(ctx.module).map((name) => {
    const item = items.find((i) => i.name === name && i.module === ctx.module.name);
    if (!item) throw new Error(`module ${ctx.module.name}: ${name} is in the declaration order but not in the model`);
    return { macro: sinceMacro(name), value: releaseHex(item.since) };
  });
}

function checksOf(ctx: Ctx): HeaderView['checks'] {
  const module = ctx.module.name;
  const scalars = ARCH_SCALARS_CHECKED.filter((s) => moduleTypes(ctx).some((t) => t.kind === 'archScalar' && t.name === s) || (module === COMMON_MODULE && s !== 'uint64_aligned_t'));
  return ctx.archs.map((arch) => {
    const layout = new ArchLayout(ctx.model, arch);
    const handles = declarationOrder(ctx.module).flatMap((n) => itemHandles(ctx, n)).filter((h, i, all) => all.findIndex((x) => handleTypedefName(x) === handleTypedefName(h)) === i);
    const checks = [
      ...scalars.flatMap((s) => archScalarChecks(module, s, layout)),
      ...handles.flatMap((h) => handleChecks(module, h, layout)),
    ];
    const records = declarationOrder(ctx.module)
      .filter((n) => layout.has(n))
      .flatMap((n) => {
        const r = ctx.records.get(n) as RecordDecl;
        const lines = recordChecks(module, r, layout).map(assertionStatement);
        return r.guestInterface ? [`#if ${guestInterfaceCondition(r.guestInterface.min)}`, ...lines, '#endif'] : lines;
      });
    return { condition: archCondition([arch]), lines: [...checks.map(assertionStatement), ...records] };
  });
}

const ARCH_SCALARS_CHECKED: ArchScalarName[] = ['xen_ulong_t', 'xen_pfn_t', 'uint64_aligned_t'];

// ---- Umbrella header ----------------------------------------------------------------------

export interface UmbrellaView {
  doc: string[];
  guard: string;
  stable: string[];
  unstable: { comment: string[]; wantMacro: string; include: string }[];
}

/** `xenabi/xenabi.h`: every stable header; each unstable one only when the includer opted in to it. */
export function umbrellaView(model: ReleaseModel): UmbrellaView {
  const sorted = [...model.modules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    doc: docCommentLines(
      'Every xenabi header. The unstable ones are included only when the includer opted in, by defining their XENABI_WANT_ macro to the interface version it was written against.',
    ),
    guard: UMBRELLA_GUARD,
    stable: sorted.filter((m) => m.namespace === 'stable').map((m) => includeName(m.namespace, m.name)),
    unstable: sorted
      .filter((m) => m.namespace === 'unstable')
      .map((m) => {
        const want = wantMacro(m.interfaceVersion?.constant ?? '');
        return { comment: plainCommentLines(`Unstable: define ${want} to opt in.`), wantMacro: want, include: includeName(m.namespace, m.name) };
      }),
  };
}

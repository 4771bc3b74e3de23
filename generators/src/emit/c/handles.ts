/**
 * C view-model, guest handles: our typedefs for Xen's `XEN_GUEST_HANDLE(x)` shapes, and which
 * handles an item uses. They are our names, so they sit outside the blocks Xen's guard skips.
 */
import { ARCHES } from '../../model/arch.js';
import type { Arch, Field, HandleType, TypeRef } from '../../model/types.js';
import { archBranches, type Ctx, type HandleView } from './declarations.js';
import { cString, docCommentLines, handleDefinedMacro, handlePointee, handleTypedefName } from './names.js';

/** Handles an item uses, in member order, without repeats. */
export function itemHandles(ctx: Ctx, name: string): HandleType[] {
  const found = new Map<string, HandleType>();
  const visit = (t: TypeRef): void => {
    if (t.kind === 'handle') found.set(handleTypedefName(t), t);
    if (t.kind === 'array') visit(t.element);
    const r = t.kind === 'record' ? ctx.records.get(t.name) : undefined;
    if (r?.parent) r.fields.forEach(visitField);
  };
  // A member's type below an interface version is declared too (gnttab_setup_table.frame_list).
  const visitField = (f: Field): void => {
    visit(f.type);
    if (f.legacyType) visit(f.legacyType.type);
  };
  const record = ctx.records.get(name);
  if (record) record.fields.forEach(visitField);
  const alias = ctx.releases.history.aliases.find((a) => a.name === name);
  if (alias) visit(alias.type);
  return [...found.values()];
}

/**
 * Xen's shapes under our names: x86 `struct { T *p; }`, Arm and x86_32's 64-bit handle a
 * pointer/uint64 union. `pointee` replaces the handle's own C spelling of what it points to.
 */
export function handleShapes(handle: HandleType, pointee = handlePointee(handle)): Record<Arch, string> {
  const name = handleTypedefName(handle);
  const p = `${pointee} *p;`;
  const x86 = `typedef struct { ${p} } ${name};`;
  const arm = `typedef union { ${p} uint64_t q; } ${name};`;
  const x86Wide = `__extension__ typedef struct { union { ${p} xenabi_uint64_aligned_t q; }; } ${name};`;
  return { x86_32: handle.width === '64' ? x86Wide : x86, x86_64: x86, arm32: arm, arm64: arm };
}

/**
 * What a handle's typedef points to, in C: the handle's own spelling, or `struct tag` for a
 * record the header does not declare in every configuration: one only some guest interfaces
 * declare (`xen_kexec_segment_t` from 0x00040400), or one of an unstable header that younger
 * releases than the oldest it can follow added (`xen_livepatch_status_t`, 4.7, in sysctl.h,
 * which can follow 4.6), or one only some architectures declare (domctl's x86
 * `xen_domctl_vcpu_msr_t`). The handle is ours, outside those gates, and a pointer to an
 * undeclared struct compiles where its typedef would not.
 */
export function handlePointeeIn(ctx: Pick<Ctx, 'records' | 'module' | 'selection' | 'releases'>, handle: HandleType): string {
  const record = [...ctx.records.values()].find((r) => r.typedef === handle.pointee && !r.parent);
  if (!record?.tag || !(record.guestInterface || record.archs || notAlwaysDeclared(ctx, record.module, record.name))) return handlePointee(handle);
  return `${handle.const ? 'const ' : ''}${record.kind} ${record.tag}`;
}

/** Whether an unstable header can be configured for a release that does not declare `name`. */
function notAlwaysDeclared(ctx: Pick<Ctx, 'module' | 'selection' | 'releases'>, module: string, name: string): boolean {
  if (ctx.module.namespace !== 'unstable') return false;
  return ctx.selection.domain.some((r) => !ctx.releases.declared(r, module).has(name));
}

export function handleView(handle: HandleType, pointee = handlePointee(handle)): HandleView {
  const xenName = `${handle.width === '64' ? 'XEN_GUEST_HANDLE_64' : 'XEN_GUEST_HANDLE'}(${handle.const ? 'const_' : ''}${handle.target})`;
  return {
    doc: docCommentLines(`A guest handle to ${handlePointee(handle)}, shaped as Xen's ${xenName}. Set it with XENABI_SET_GUEST_HANDLE().`),
    definedMacro: handleDefinedMacro(handle),
    branches: archBranches(handleShapes(handle, pointee)).map((b, i) => ({ directive: i === 0 ? '#if' : '#elif', condition: b.condition, typedef: b.value })),
    error: cString(`xenabi: guest handles are defined for ${ARCHES.join(', ')} only`),
  };
}

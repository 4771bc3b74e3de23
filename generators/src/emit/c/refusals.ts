/**
 * C view-model, refusals: the translation units a header cannot serve next to Xen's own
 * headers, refused up front with an `#error` that says what to do, instead of failing later
 * with a redefinition or a wall of failed layout checks. Everything else the header declares
 * sits in the `#else` of these, so a refused unit gets the one message.
 *
 * - Tools builds and declarations Xen makes for them in another header: with `__XEN__` or
 *   `__XEN_TOOLS__`, Xen's architecture headers (which xen.h, and so almost every Xen header,
 *   includes) declare `struct xen_arch_domainconfig` (and on Arm the vCPU register context,
 *   which the xen.h module declares: its own records already need Xen's headers first, so it
 *   is not refused). When this header came first it declared
 *   the record, so a Xen header after it would declare it again. The header cannot know
 *   whether one follows: it asks the includer to include Xen's first, or to say that none
 *   follows (`XENABI_NO_XEN_HEADERS_AFTER`; Xen's header of the module itself, which this
 *   one replaces, may still follow).
 * - Guest builds of Xen's header on an architecture whose layout Xen changes for guests: on
 *   x86_32 Xen's headers make `uint64_aligned_t` 8-byte aligned only in `__XEN__` and
 *   `__XEN_TOOLS__` builds. With Xen's header of the module first in a guest build, the
 *   declarations in force are Xen's guest ones, which the layout checks would refuse member
 *   by member; the header says why once.
 */
import { DATA_MODELS } from '../../layout/datamodels.js';
import { existsIn, XEN_RELEASES } from '../../model/releases.js';
import { toolsOnlyIn } from '../../model/tier.js';
import type { AliasDecl, ArchScalarName, RecordDecl, TypeRef, XenOrigin } from '../../model/types.js';
import { aliveCondition, allOf } from './availability.js';
import type { Ctx } from './declarations.js';
import { archCondition, cString, includeName } from './names.js';

/** One refused configuration: `#if`/`#elif` condition, then `#error` message. */
export interface RefusalView {
  directive: '#if' | '#elif';
  condition: string;
  message: string;
}

/** The includer's statement that no Xen header but the module's own follows the xenabi ones. */
export const NO_XEN_HEADERS_AFTER = 'XENABI_NO_XEN_HEADERS_AFTER';

const TOOLS_BUILD = 'defined(__XEN__) || defined(__XEN_TOOLS__)';

export function refusalsOf(ctx: Ctx, items: readonly { name: string; alive: string[] }[]): RefusalView[] {
  const refusals = [...toolsDeclarations(ctx, items), ...guestLayout(ctx)];
  return refusals.map((r, i) => ({ directive: i === 0 ? '#if' : '#elif', ...r }));
}

function toolsDeclarations(ctx: Ctx, items: readonly { name: string; alive: string[] }[]): Omit<RefusalView, 'directive'>[] {
  const header = includeName(ctx.module.namespace, ctx.module.name);
  return items.flatMap(({ name, alive }) => {
    const record = ctx.records.get(name);
    const origins = (record?.xenOrigin ?? []).filter((o) => o.tools);
    if (!record || origins.length === 0 || includedByOwnHeader(ctx, origins)) return [];
    const undeclared = origins.map((o) => allOf(o.archs ? archCondition(o.archs) : '', `!defined(${o.guard})`));
    const where = undeclared.length === 1 ? (undeclared[0] as string) : undeclared.map((c) => `(${c})`).join(' || ');
    return [
      {
        condition: allOf(TOOLS_BUILD, `!defined(${NO_XEN_HEADERS_AFTER})`, aliveCondition(ctx.selection, alive), where),
        message: cString(
          `${header}: in a __XEN__ or __XEN_TOOLS__ build, Xen's ${originHeaders(origins)} declares ${record.kind} ${name} too, so no Xen header that ` +
            `includes it can follow this one, which declared it: include ${firstInclude(origins)} before it (its ${name} is then used, and must be that ` +
            `of the version you ask for), or #define ${NO_XEN_HEADERS_AFTER} if no Xen header but ${ctx.module.xenHeader} follows`,
        ),
      },
    ];
  });
}

/**
 * Whether Xen's header of the module itself includes every such origin: `xen.h` includes the
 * architecture headers. Then any Xen header that would declare the tools record again after
 * this one includes the module's own Xen header, which declares the module's other records
 * again in every build: the module already asks for Xen's headers first (see its doc), and a
 * refusal of tools builds would only stop the includes that never meet Xen's declarations
 * (xenabi's vcpu.h, which replaces Xen's, after xen_guest.h).
 */
function includedByOwnHeader(ctx: Ctx, origins: readonly XenOrigin[]): boolean {
  return ctx.module.xenHeader === 'xen.h' && origins.every((o) => o.header.startsWith('arch-'));
}

function guestLayout(ctx: Ctx): Omit<RefusalView, 'directive'>[] {
  const affected = ctx.archs.flatMap((arch) => {
    const names = DATA_MODELS[arch].toolsOnly.filter((n) => guestUsesArchScalar(ctx, n));
    return names.length ? [{ arch, names }] : [];
  });
  if (affected.length === 0) return [];
  const header = includeName(ctx.module.namespace, ctx.module.name);
  const what = affected.map(({ arch, names }) => `${names.map((n) => `${n} members ${DATA_MODELS[arch].archScalars[n].align}-byte aligned`).join(', ')} on ${arch}`).join('; ');
  return [
    {
      condition: allOf(archCondition(affected.map((a) => a.arch)), `defined(${ctx.module.xenGuard})`, `!(${TOOLS_BUILD})`),
      message: cString(
        `${header}: Xen's ${ctx.module.xenHeader} was included before it without __XEN_TOOLS__, so its declarations have Xen's guest layout; ` +
          `the hypervisor reads ${what}, as xenabi declares and checks them: define __XEN_TOOLS__ before including Xen's headers, or include ${header} first`,
      ),
    },
  ];
}

function originHeaders(origins: readonly XenOrigin[]): string {
  return origins.map((o) => o.header).join(' or ');
}

/** What to include first: xen.h, which includes every architecture header, or the origin itself. */
function firstInclude(origins: readonly XenOrigin[]): string {
  const archHeaders = origins.every((o) => o.header.startsWith('arch-'));
  return archHeaders ? '<xen/xen.h> (which includes the architecture headers)' : origins.map((o) => `<xen/${o.header}>`).join(' or ');
}

/**
 * Whether a record or typedef of the module that Xen's header shows to guest builds holds `name`
 * (through records, typedefs and arrays) in some release it shows it in. Only then do Xen's guest
 * declarations differ from the tools layout xenabi follows: memory.h's one such member sat in a
 * record Xen showed only to tools builds, so its guest declarations are xenabi's.
 */
function guestUsesArchScalar(ctx: Ctx, name: ArchScalarName): boolean {
  const history = ctx.releases.history;
  const records = new Map(history.records.map((r) => [r.name, r]));
  const aliases = new Map(history.aliases.map((a) => [a.name, a]));
  const holds = (type: TypeRef, release: string, seen: Set<string>): boolean => {
    switch (type.kind) {
      case 'archScalar':
        return type.name === name;
      case 'array':
        return holds(type.element, release, seen);
      case 'alias': {
        const alias = aliases.get(type.name);
        return !!alias && holds(alias.type, release, seen);
      }
      case 'record': {
        if (seen.has(type.name)) return false;
        seen.add(type.name);
        return (records.get(type.name)?.fields ?? []).some((f) => existsIn(f, release) && holds(f.type, release, seen));
      }
      default:
        return false;
    }
  };
  const shownToGuests = (item: RecordDecl | AliasDecl) =>
    XEN_RELEASES.filter((r) => existsIn(item, r) && !toolsOnlyIn(item, ctx.module, r) && !(item.xenOrigin ?? []).some((o) => o.tools));
  const own = [
    ...history.records.filter((r) => r.module === ctx.module.name).map((r) => ({ item: r, type: { kind: 'record', name: r.name } as TypeRef })),
    ...history.aliases.filter((a) => a.module === ctx.module.name).map((a) => ({ item: a, type: a.type })),
  ];
  return own.some(({ item, type }) => shownToGuests(item).some((release) => holds(type, release, new Set())));
}

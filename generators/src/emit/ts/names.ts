/**
 * TypeScript spelling for the TypeScript emitter: identifiers of records, views, internal
 * implementations and op-set codecs, module paths, literals and TSDoc text. Every name the
 * generated package exports is computed here, and clashes are refused before anything is
 * printed.
 */
import { tsIdentifier } from '../../names/keywords.js';
import { escapeDocComment } from '../../names/comments.js';
import { escapeUnsafe } from '../../names/text.js';
import type { AbiModel, ConstantSetDecl, Namespace } from '../../model/types.js';
import { opName, opSetBase } from '../../names/ops.js';

export { opName, opSetBase };

/** Where the package lives, relative to the repository root. */
export const PACKAGE_DIR = 'packages/ts-bindings';
export const PACKAGE_NAME = '@xenabi/ts-bindings';

/** The public source file of a module: `src/stable/dm_op.ts`. */
export function modulePath(namespace: Namespace, module: string): string {
  return `src/${namespace}/${module}.ts`;
}

/** The internal source file holding a module's per-architecture code: `src/internal/stable/dm_op.ts`. */
export function implPath(namespace: Namespace, module: string): string {
  return `src/internal/${namespace}/${module}.ts`;
}

/** A relative ES module specifier from one package source file to another, with `.js`. */
export function specifier(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  const up = a.length - common;
  const rest = b.slice(common).join('/').replace(/\.ts$/, '.js');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** A record name as an identifier: `xen_dm_op.u` → `xen_dm_op_u`, an anonymous member's `x.<anon0>` → `x_anon0`. */
function flatten(name: string): string {
  return name.replace(/<(anon\d+)>/g, '$1').replace(/[^A-Za-z0-9_$]/g, '_');
}

/** Identifiers of everything the package exports, checked for clashes once per model. */
export class TsNames {
  private readonly records = new Map<string, string>();
  private readonly aliases = new Map<string, string>();

  constructor(model: AbiModel) {
    const taken = new Map<string, string>();
    const claim = (id: string, what: string) => {
      const owner = taken.get(id);
      if (owner) throw new Error(`ts emitter: ${what} and ${owner} would both be exported as ${id}`);
      taken.set(id, what);
    };
    for (const c of model.constants) claim(tsIdentifier(c.name, 'top-level'), `constant ${c.name}`);
    for (const s of model.sets) {
      claim(tsIdentifier(s.name, 'top-level'), `set ${s.name}`);
      if (s.kind === 'ops') for (const id of opSetExports(s)) claim(id, `op set ${s.name}`);
    }
    for (const a of model.aliases) {
      // A typedef spelled per architecture is one export, whatever its number of spellings.
      if (this.aliases.has(a.name)) continue;
      const id = tsIdentifier(a.name, 'top-level');
      this.aliases.set(a.name, id);
      claim(id, `typedef ${a.name}`);
    }
    for (const r of model.records) {
      const id = tsIdentifier(flatten(r.name), 'top-level');
      this.records.set(r.name, id);
      claim(id, `record ${r.name}`);
      claim(`${id}_view`, `the view of record ${r.name}`);
      if (r.typedef && r.typedef !== r.name) claim(tsIdentifier(r.typedef, 'top-level'), `typedef ${r.typedef} of ${r.name}`);
    }
  }

  /** The value type and codec of a record: `xen_dm_op`, `xen_dm_op_u`. */
  record(name: string): string {
    const id = this.records.get(name);
    if (!id) throw new Error(`ts emitter: no record ${name}`);
    return id;
  }

  /** The view interface of a record: `xen_dm_op_view`. */
  view(name: string): string {
    return `${this.record(name)}_view`;
  }

  alias(name: string): string {
    const id = this.aliases.get(name);
    if (!id) throw new Error(`ts emitter: no typedef ${name}`);
    return id;
  }

  constant(name: string): string {
    return tsIdentifier(name, 'top-level');
  }

  set(name: string): string {
    return tsIdentifier(name, 'top-level');
  }
}

/** The names an op set adds: `DmOp`, `DmOpArg`, `DmOpNumber`, `DmOpName`, `DmOpInfo`, `encodeDmOp`, … */
export function opSetExports(set: ConstantSetDecl): string[] {
  const base = opSetBase(set.name);
  const forms = set.dispatch ? [base, `${base}Arg`] : [base];
  return [`${base}Number`, `${base}Name`, `${base}Info`, ...forms.flatMap((f) => [f, `encode${f}`, `decode${f}`])];
}

/** Internal implementation names of one record variant: `xen_dm_op$enc0`, `…$dec0`, `…$chk0`, `…$V0`. */
export function implName(recordId: string, part: 'enc' | 'dec' | 'chk' | 'V', variant: number): string {
  return `${recordId}$${part}${variant}`;
}

/** Internal implementation names of one op-set variant: `DmOp$enc0`, … */
export function opImplName(base: string, part: 'enc' | 'dec' | 'chk', variant: number): string {
  return `${base}$${part}${variant}`;
}

/**
 * A member name as an object-literal key. `__proto__: x` in a literal sets the object's
 * prototype instead of making a property, so that one name is written computed.
 */
export function propKey(name: string): string {
  return name === '__proto__' ? `['__proto__']` : name;
}

/**
 * A member name as a class member (a view's accessor or method): a member named
 * `constructor` would be the class's constructor, which cannot be an accessor, so it is
 * written computed.
 */
export function classMember(name: string): string {
  return name === 'constructor' ? `['constructor']` : name;
}

/** A JavaScript string literal; newlines, tabs and what names/text.ts calls unsafe are escaped (`\u2028`). */
export function str(text: string): string {
  const escaped = text.replace(/[\\'\n\t]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\${c}`));
  return `'${escapeUnsafe(escaped, (cp) => `\\u${cp.toString(16).padStart(4, '0')}`)}'`;
}

/** A decimal constant as a literal: a number when it is a safe integer, else a bigint. */
export function intLiteral(decimal: string, hex: boolean): string {
  const value = BigInt(decimal);
  const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const digits = hex ? `0x${abs.toString(16)}` : abs.toString();
  return `${negative ? '-' : ''}${digits}${safe ? '' : 'n'}`;
}

/**
 * Doc text for a TSDoc comment: the comment closer escaped, and outside code spans the
 * characters TSDoc gives meaning to (`@`, `{`, `}`, `<`, `>`) escaped with a backslash.
 */
export function tsdoc(text: string | undefined): string {
  if (!text) return '';
  const parts = text.trim().split(/(`[^`]*`)/);
  return escapeDocComment(parts.map((p, i) => (i % 2 === 1 ? p : p.replace(/([@{}<>\\])/g, '\\$1'))).join(''));
}

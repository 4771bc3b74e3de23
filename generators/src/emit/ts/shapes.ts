/**
 * What a field holds, resolved for one architecture: typedefs followed, arch-dependent widths
 * read from the layout engine. The code writers switch on these shapes; the TypeScript type of
 * a field (the same on every architecture) comes from `tsType`.
 */
import { spellType } from '../../layout/spell.js';
import type { ArchLayout } from '../../layout/engine.js';
import { onArch } from '../../model/arch.js';
import { integerSigned } from '../../layout/datamodels.js';
import type { AliasDecl, Arch, TypeRef } from '../../model/types.js';
import type { TsNames } from './names.js';
import { directBrand } from './brands.js';

/** An integer: `big` when JavaScript holds it as a bigint. */
export interface IntShape {
  kind: 'int';
  /** The C type for messages: `uint16_t`, `xen_ulong_t`, `XEN_GUEST_HANDLE(void)`. */
  ctype: string;
  bits: number;
  signed: boolean;
  big: boolean;
  size: number;
}

export interface RecordShape {
  kind: 'record';
  record: string;
  size: number;
}

export interface ArrayShape {
  kind: 'array';
  element: Shape;
  length: number;
  /** Bytes per element. */
  stride: number;
}

export type Shape = IntShape | RecordShape | ArrayShape;

/** Resolves types on one architecture. */
export class ShapeResolver {
  private readonly aliases = new Map<string, AliasDecl>();

  constructor(aliases: readonly AliasDecl[], readonly layout: ArchLayout) {
    for (const a of aliases) if (onArch(a, layout.arch)) this.aliases.set(a.name, a);
  }

  get arch(): Arch {
    return this.layout.arch;
  }

  shape(type: TypeRef): Shape {
    switch (type.kind) {
      case 'scalar': {
        const size = this.layout.sizeAlign(type).size;
        return { kind: 'int', ctype: type.name, bits: size * 8, signed: integerSigned(type, this.arch), big: size === 8, size };
      }
      case 'archScalar':
      case 'handle':
      case 'pointer': {
        const size = this.layout.sizeAlign(type).size;
        const ctype = type.kind === 'handle' ? `XEN_GUEST_HANDLE${type.width === '64' ? '_64' : ''}(${type.target})` : type.kind === 'pointer' ? spellType(type, () => 'struct') : type.name;
        return { kind: 'int', ctype, bits: size * 8, signed: type.kind === 'archScalar' && integerSigned(type, this.arch), big: true, size };
      }
      case 'alias': {
        const alias = this.aliases.get(type.name);
        if (!alias) throw new Error(`ts emitter: no typedef ${type.name} on ${this.arch}`);
        return this.shape(alias.type);
      }
      case 'record':
        return { kind: 'record', record: type.name, size: this.layout.record(type.name).size };
      case 'array': {
        const element = this.shape(type.element);
        return { kind: 'array', element, length: type.length, stride: this.layout.sizeAlign(type.element).size };
      }
    }
  }
}

/** The innermost element of an array shape (the shape itself otherwise), and the dimensions. */
export function innermost(shape: Shape): { element: IntShape | RecordShape; dims: number[] } {
  const dims: number[] = [];
  let s = shape;
  while (s.kind === 'array') {
    dims.push(s.length);
    s = s.element;
  }
  return { element: s, dims };
}

/**
 * The TypeScript type of a value of `type`, the same on every architecture: integers up to
 * 32 bits are `number`; 64-bit integers, and the arch-width `xen_ulong_t`, `xen_pfn_t`,
 * `long`, `unsigned long`, `size_t`, guest handles and plain pointers, are `bigint`; typedefs and records keep their names; arrays are arrays.
 */
export function tsType(type: TypeRef, names: TsNames): string {
  switch (type.kind) {
    case 'scalar':
      return type.name.endsWith('64_t') ? 'bigint' : 'number';
    case 'archScalar':
      return directBrand(type) ?? 'bigint';
    case 'handle':
    case 'pointer':
      return 'bigint';
    case 'alias':
      return names.alias(type.name);
    case 'record':
      return names.record(type.name);
    case 'array':
      return `${tsType(type.element, names)}[]`;
  }
}

import type { TypeRef } from '../model/types.js';

/**
 * A type as Xen's headers spell it, for tables and the export format: `uint32_t`,
 * `ioservid_t`, `struct xen_argo_addr`, `union xen_dm_op.u`, `uint8_t[3]`,
 * `XEN_GUEST_HANDLE(uint8)`, `const struct privcmd_dm_op_buf *`. A flexible array is `T[]`.
 */
export function spellType(type: TypeRef, recordKind: (name: string) => 'struct' | 'union'): string {
  switch (type.kind) {
    case 'scalar':
    case 'archScalar':
    case 'alias':
      return type.name;
    case 'record':
      return `${recordKind(type.name)} ${type.name}`;
    case 'handle':
      return `${type.width === '64' ? 'XEN_GUEST_HANDLE_64' : 'XEN_GUEST_HANDLE'}(${type.const ? 'const_' : ''}${type.target})`;
    case 'array':
      return `${spellType(type.element, recordKind)}[${type.length === 0 ? '' : type.length}]`;
    case 'pointer':
      return `${type.const ? 'const ' : ''}${type.pointee ? spellType(type.pointee, recordKind) : 'void'} *`;
  }
}

/**
 * clang's record layouts (`-Xclang -fdump-record-layouts-complete`): every complete struct
 * and union the translation unit defines, as the target lays it out. The text per record:
 *
 *     *** Dumping AST Record Layout
 *              0 | struct xen_dm_op
 *              0 |   uint32_t op
 *          4:0-19 |   uint32_t addr        (a bit-field: byte 4, bits 0 to 19)
 *              8 |   union xen_dm_op::(unnamed at /…/xen/hvm/dm_op.h:412:5) u
 *              8 |     struct … create_ioreq_server     (deeper: the union's own members)
 *                | [sizeof=32, align=8]
 *
 * Only a record's direct members are kept; nested records have blocks of their own.
 */

export interface DumpedField {
  /** Byte offset (for a bit-field, of the byte holding its first bit). */
  offset: number;
  /** For a bit-field: first bit from the start of the record, and width. */
  bitOffset?: number;
  bitWidth?: number;
  /** The member's type as the dump spells it. */
  type: string;
  /** "" for an anonymous member. */
  name: string;
}

export interface DumpedRecord {
  kind: 'struct' | 'union';
  /** The record as the dump names it: `xen_dm_op`, or for one without a tag `(unnamed at FILE:LINE:COL)`, possibly scoped (`foo::(…)`). */
  spelled: string;
  /** `FILE:LINE:COL` of an untagged record, from its name. */
  where?: string;
  size: number;
  align: number;
  fields: DumpedField[];
}

const HEADER = /^\s*0 \| (struct|union) (.*)$/;
const MEMBER = /^\s*(\d+)(?::(\d+)-(\d+))? \|( +)(.*)$/;
const SIZE = /^\s*\| \[sizeof=(\d+)(?:, dsize=\d+)?, align=(\d+)/;

/** Every record block of a dump. */
export function parseLayoutDump(text: string): DumpedRecord[] {
  const out: DumpedRecord[] = [];
  for (const block of text.split('*** Dumping AST Record Layout').slice(1)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const head = HEADER.exec(lines[0] ?? '');
    if (!head) continue;
    const spelled = (head[2] ?? '').trim();
    const record: DumpedRecord = { kind: head[1] as 'struct' | 'union', spelled, ...whereOf(spelled), size: 0, align: 0, fields: [] };
    for (const line of lines.slice(1)) {
      const size = SIZE.exec(line);
      if (size) {
        record.size = Number(size[1]);
        record.align = Number(size[2]);
        break;
      }
      const m = MEMBER.exec(line);
      if (!m || (m[4] ?? '').length !== 3) continue;
      const { type, name } = splitMember(m[5] ?? '');
      const offset = Number(m[1]);
      const field: DumpedField = { offset, type, name };
      if (m[2] !== undefined) {
        const first = Number(m[2]);
        field.bitOffset = offset * 8 + first;
        field.bitWidth = Number(m[3]) - first + 1;
      }
      record.fields.push(field);
    }
    out.push(record);
  }
  return out;
}

/** `FILE:LINE:COL` from `foo::(unnamed at FILE:LINE:COL)` or `(anonymous struct at …)`. */
function whereOf(spelled: string): { where?: string } {
  const m = /\((?:unnamed|anonymous)(?: struct| union)? at (.+)\)$/.exec(spelled);
  return m?.[1] ? { where: m[1] } : {};
}

/** A member line's text is `TYPE NAME`, or `TYPE ` (a trailing space) for an anonymous member; a type may hold spaces. */
function splitMember(text: string): { type: string; name: string } {
  if (text.endsWith(' ')) return { type: text.trim(), name: '' };
  const space = text.lastIndexOf(' ');
  return space < 0 ? { type: text, name: '' } : { type: text.slice(0, space), name: text.slice(space + 1) };
}

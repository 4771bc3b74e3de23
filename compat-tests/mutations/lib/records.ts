/**
 * Mutations of a stable record as a whole (remove, rename, struct↔union, its typedef, its
 * module, its namespace, its releases, its architectures) and of its field list (a field
 * inserted at every position, adjacent fields swapped, a union member added or grown past
 * the union, union members reordered).
 */
import { ARCHES } from '../../../generators/src/model/arch.js';
import type { Field, RecordDecl } from '../../../generators/src/model/types.js';
import { editFields, editRecord, moveItems, referrers, releaseAfter, removeRecords, renameRecord, withInline, type View } from './edit.js';
import { layoutChange, maxSize } from './layouts.js';
import { dispatchRecords, mutation, NEW, NEW_LOC, otherModule, stableRecords, unstableModule } from './common.js';
import { breaking, compatible, review, type Mutation, type MutationKind } from './types.js';

/** Records declared on their own (not inline in another record). */
const topLevel = (view: View) => stableRecords(view).filter((r) => r.parent === undefined);

/** Top-level records nothing refers to, other than through op payloads: they can go or change architectures alone. */
const unreferenced = (view: View) => {
  const framing = dispatchRecords(view);
  return topLevel(view).filter((r) => !framing.has(r.name) && referrers(view, r.name).length === 0);
};

const newField = (name: string, type: Field['type']): Field => ({ name, type, loc: NEW_LOC, since: '4.22' });
const u8 = { kind: 'scalar', name: 'uint8_t' } as const;
const bytes = (length: number) => ({ kind: 'array', element: u8, length }) as const;

export const removeRecord: MutationKind = (view) =>
  unreferenced(view).map((r) =>
    mutation('record.remove', r.name, {
      description: `remove ${r.kind} ${r.name}`,
      ...breaking([{ rule: 'RECORD_REMOVED', item: r.name }]),
      apply: (v) => removeRecords(v, withInline(v, r.name)),
    }),
  );

export const renameRecordKind: MutationKind = (view) =>
  topLevel(view).map((r) => {
    const to = { name: `${r.name}_v2`, ...(r.typedef ? { typedef: `${r.name}_v2_t` } : {}) };
    return mutation('record.rename', r.name, {
      description: `rename ${r.kind} ${r.name} to ${to.name}, and every reference to it`,
      ...breaking([{ rule: 'RECORD_REMOVED', item: r.name }]),
      apply: (v) => renameRecord(v, r.name, to),
    });
  });

export const changeRecordKind: MutationKind = (view) =>
  stableRecords(view)
    .filter((r) => !r.fields.some((f) => f.flexible || f.bitWidth !== undefined))
    .map((r) => {
      const kind = r.kind === 'struct' ? 'union' : 'struct';
      return mutation('record.kind', r.name, {
        description: `${r.name} becomes a ${kind}`,
        ...breaking([{ rule: 'RECORD_KIND_CHANGED', item: r.name }]),
        apply: (v) => editRecord(v, r.name, (x) => ({ ...x, kind, ...(kind === 'struct' ? {} : { holes: [] }) })),
      });
    });

export const recordTypedef: MutationKind = (view) =>
  stableRecords(view)
    .filter((r) => r.typedef)
    .flatMap((r) => [
      mutation('record.typedef-remove', r.name, {
        description: `drop typedef ${r.typedef} of ${r.name}`,
        ...breaking([{ rule: 'TYPEDEF_REMOVED', item: r.typedef as string }]),
        apply: (v) => editRecord(v, r.name, ({ typedef: _t, ...rest }) => rest),
      }),
      mutation('record.typedef-rename', r.name, {
        description: `typedef ${r.typedef} of ${r.name} becomes ${r.typedef}2`,
        ...breaking([{ rule: 'TYPEDEF_REMOVED', item: r.typedef as string }]),
        apply: (v) => editRecord(v, r.name, (x) => ({ ...x, typedef: `${r.typedef}2` })),
      }),
    ]);

export const recordModule: MutationKind = (view) =>
  topLevel(view).flatMap((r) => {
    const to = otherModule(view, r.module, withInline(view, r.name));
    if (!to) return [];
    return [
      mutation('record.module', r.name, {
        description: `move ${r.name} from module ${r.module} to ${to}`,
        ...breaking([{ rule: 'MODULE_CHANGED', item: r.name }]),
        apply: (v) => moveItems(v, withInline(v, r.name), { module: to, namespace: 'stable' }),
      }),
    ];
  });

export const recordUnstable: MutationKind = (view) =>
  topLevel(view).map((r) => {
    const to = unstableModule(view);
    return mutation('record.to-unstable', r.name, {
      description: `move ${r.name} to the unstable module ${to}`,
      ...breaking([{ rule: 'NAMESPACE_MOVED', item: r.name }]),
      apply: (v) => moveItems(v, withInline(v, r.name), { module: to, namespace: 'unstable' }),
    });
  });

export const recordSince: MutationKind = (view) =>
  topLevel(view).flatMap((r) => {
    const later = releaseAfter(r.since, 1);
    const earlier = releaseAfter(r.since, -1);
    const set = (since: string) => (v: View) => withInline(v, r.name).reduce((acc, n) => editRecord(acc, n, (x) => ({ ...x, since })), v);
    return [
      ...(later && r.since !== view.release
        ? [mutation('record.since-later', r.name, { description: `${r.name} now claims Xen ${later} instead of ${r.since}`, ...breaking([{ rule: 'REMOVED_FROM_RELEASE', item: r.name }]), apply: set(later) })]
        : []),
      ...(earlier
        ? [mutation('record.since-earlier', r.name, { description: `${r.name} now claims Xen ${earlier} instead of ${r.since}`, ...breaking([{ rule: 'SINCE_CHANGED', item: r.name }]), apply: set(earlier) })]
        : []),
    ];
  });

export const recordDropArch: MutationKind = (view) =>
  unreferenced(view).flatMap((r) => {
    const archs = r.archs ?? ARCHES;
    if (archs.length < 2) return [];
    const kept = archs.slice(1);
    return [
      mutation('record.drop-arch', r.name, {
        description: `${r.name} no longer exists on ${archs[0]}`,
        ...breaking([{ rule: 'RECORD_REMOVED', item: r.name }]),
        apply: (v) => withInline(v, r.name).reduce((acc, n) => editRecord(acc, n, (x) => ({ ...x, archs: [...kept] })), v),
      }),
    ];
  });

// ---- The field list ------------------------------------------------------------------------

/**
 * A `uint8_t` inserted before every field of every struct, and after the last. Whether that
 * breaks depends on the layout: in a hole or tail padding, every existing field keeps its
 * place and the record its size, so it is padding given meaning (a warning); appended to a
 * growable record it is RECORD_GREW; anywhere else something moves or grows.
 */
export const insertField: MutationKind = (view) =>
  stableRecords(view)
    .filter((r) => r.kind === 'struct')
    .flatMap((r) => {
      const slots = r.fields.at(-1)?.flexible ? r.fields.length - 1 : r.fields.length;
      return Array.from({ length: slots + 1 }, (_, at): Mutation => {
        const name = `${NEW}_new`;
        const apply = (v: View) => editFields(v, r.name, (fields) => [...fields.slice(0, at), newField(name, u8), ...fields.slice(at)]);
        const where = at < r.fields.length ? `before ${r.fields[at]?.name}` : 'at the end';
        return mutation('field.insert', `${r.name}@${at}`, { description: `insert uint8_t ${name} into ${r.name} ${where}`, ...insertVerdict(view, apply(view), r, name, at === r.fields.length), apply });
      });
    });

function insertVerdict(base: View, head: View, r: RecordDecl, name: string, appended: boolean) {
  const change = layoutChange(base, head, r.name);
  if (change.kept) return review([{ rule: 'PADDING_GIVEN_MEANING', item: `${r.name}.${name}` }], 'the new field sits in bytes that were compiler padding on every architecture');
  if (r.growable && appended && !change.align && change.moved.length === 0) {
    return compatible([{ rule: 'RECORD_GREW', item: r.name }], `${r.name} is growable behind ${r.growable.versionField}`);
  }
  if (change.size) return breaking([{ rule: 'RECORD_SIZE_CHANGED', item: r.name }]);
  const first = change.moved[0];
  if (first) return breaking([{ rule: first.bitField ? 'BITFIELD_CHANGED' : 'FIELD_OFFSET_CHANGED', item: `${r.name}.${first.name}` }]);
  return breaking([{ rule: 'RECORD_ALIGNMENT_CHANGED', item: r.name }]);
}

/** Adjacent fields of a struct swapped. */
export const swapFields: MutationKind = (view) =>
  stableRecords(view)
    .filter((r) => r.kind === 'struct')
    .flatMap((r) => {
      const ids = new Set<string>();
      return r.fields.slice(1).flatMap((f, i) => {
        const before = r.fields[i] as Field;
        if (f.flexible) return [];
        // Per-arch variants of one member (shared_info.vcpu_info on x86 and on Arm), or two members
        // that never exist on the same arch, are not neighbours anywhere: swapping them changes nothing.
        const onSomeArchTogether = !before.archs || !f.archs || before.archs.some((a) => f.archs?.includes(a));
        if (before.name === f.name || !onSomeArchTogether) return [];
        // The same pair of names once per architecture family (cpu_user_regs.error_code and
        // entry_vector on x86_64 and on x86_32) is two swaps: the later one's id names its architectures.
        const plain = `${r.name}.${before.name}<>${f.name}`;
        const id = ids.has(plain) ? `${plain}@${(f.archs ?? []).join('+')}` : plain;
        ids.add(plain);
        return [
          mutation('field.reorder', id, {
            description: `swap ${r.name}.${before.name} and ${f.name}`,
            ...breaking([{ rule: 'FIELDS_REORDERED', item: r.name }]),
            apply: (v) => editFields(v, r.name, (fields) => [...fields.slice(0, i), f, before, ...fields.slice(i + 2)]),
          }),
        ];
      });
    });

const unions = (view: View) => stableRecords(view).filter((r) => r.kind === 'union');

/**
 * Adjacent union members swapped: every member stays at offset 0 with its type, so no
 * layout and no name changes. (C's `= { x }` initialises the first member; designated
 * initialisers and member access are unaffected. See the README.)
 */
export const swapUnionMembers: MutationKind = (view) =>
  unions(view).flatMap((r) =>
    r.fields.slice(1).map((f, i) => {
      const before = r.fields[i] as Field;
      return mutation('union.reorder', `${r.name}.${before.name}<>${f.name}`, {
        description: `swap union members ${r.name}.${before.name} and ${f.name}`,
        ...compatible([], 'every member of a union is at offset 0: the order changes neither layout nor names'),
        apply: (v) => editFields(v, r.name, (fields) => [...fields.slice(0, i), f, before, ...fields.slice(i + 2)]),
      });
    }),
  );

/** A small member added to every union: it fits, so the union keeps its size. */
export const addUnionMember: MutationKind = (view) =>
  unions(view).flatMap((r) => {
    const name = `${NEW}_member`;
    const past = maxSize(view, r.name) + 1;
    return [
      mutation('union.add-member', r.name, {
        description: `add member uint8_t ${name} to union ${r.name}`,
        ...compatible([{ rule: 'FIELD_ADDED', item: `${r.name}.${name}` }]),
        apply: (v) => editFields(v, r.name, (fields) => [...fields, newField(name, u8)]),
      }),
      mutation('union.add-member-past', r.name, {
        description: `add member uint8_t ${name}[${past}] to union ${r.name}, larger than the union`,
        ...breaking([{ rule: 'RECORD_SIZE_CHANGED', item: r.name }]),
        apply: (v) => editFields(v, r.name, (fields) => [...fields, newField(name, bytes(past))]),
      }),
    ];
  });

/**
 * Every union member grown past the union: a record member gets bytes appended, any other
 * member becomes a byte array one byte larger than the union.
 */
export const growUnionMember: MutationKind = (view) =>
  unions(view).flatMap((r) =>
    r.fields.map((f) => {
      const past = maxSize(view, r.name) + 1;
      const member = f.type.kind === 'record' ? f.type.name : undefined;
      const apply = member
        ? (v: View) => editFields(v, member, (fields) => [...fields, newField(`${NEW}_grow`, bytes(past))])
        : (v: View) => editFields(v, r.name, (fields) => fields.map((x) => (x.name === f.name ? { ...x, type: bytes(past) } : x)));
      return mutation('union.grow-member', `${r.name}.${f.name || member}`, {
        description: member ? `append ${past} bytes to ${member}, so member ${f.name} outgrows union ${r.name}` : `${r.name}.${f.name} becomes uint8_t[${past}], larger than the union`,
        ...breaking([{ rule: 'RECORD_SIZE_CHANGED', item: r.name }]),
        apply,
      });
    }),
  );

export const RECORD_KINDS: MutationKind[] = [
  removeRecord,
  renameRecordKind,
  changeRecordKind,
  recordTypedef,
  recordModule,
  recordUnstable,
  recordSince,
  recordDropArch,
  insertField,
  swapFields,
  swapUnionMembers,
  addUnionMember,
  growUnionMember,
];

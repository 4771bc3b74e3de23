/**
 * Mutations of one field of a stable record: remove, rename, retype, widen, narrow, flip
 * signedness, change an array's length, turn a flexible array into a fixed one, change a
 * bit-field's width, drop or raise an alignment, respell with a typedef's target, and move
 * its first release. Structural changes to a record's field list (insert, reorder, unions)
 * are in records.ts.
 */
import { compareReleases } from '../../../generators/src/model/releases.js';
import type { Field, RecordDecl, TypeRef } from '../../../generators/src/model/types.js';
import { editField, editFields, flipped, releaseAfter, renameFieldRefs, resized, scalarOf, stdint, type View } from './edit.js';
import { layoutChange, uniformFieldSize } from './layouts.js';
import { mutation, spell, stableRecords } from './common.js';
import { breaking, compatible, type Mutation, type MutationKind } from './types.js';

type FieldMutation = (view: View, r: RecordDecl, f: Field) => Mutation[];

/**
 * Every mutation `each` makes of every named field of every stable record. A member declared
 * once per architecture family under one name (`arch_vcpu_info.pad`) is mutated through its
 * first declaration: mutations edit fields by name, so one mutation already reaches every variant.
 */
function perField(each: FieldMutation): MutationKind {
  const firstOfName = (f: Field, i: number, all: readonly Field[]) => f.name !== '' && all.findIndex((g) => g.name === f.name) === i;
  return (view) => stableRecords(view).flatMap((r) => r.fields.filter(firstOfName).flatMap((f) => each(view, r, f)));
}

const path = (r: RecordDecl, f: Field | string) => `${r.name}.${typeof f === 'string' ? f : f.name}`;

/** A field with another type; a new type drops the old one's legacy spelling. */
function retyped(view: View, r: RecordDecl, f: Field, type: TypeRef): View {
  return editField(view, r.name, f.name, ({ legacyType: _legacy, ...rest }) => ({ ...rest, type }));
}

/** Replaces the scalar inside a type (the type itself or an array's element). */
function withScalar(view: View, t: TypeRef, to: (s: NonNullable<ReturnType<typeof scalarOf>>) => TypeRef | undefined): TypeRef | undefined {
  if (t.kind === 'array') {
    const element = withScalar(view, t.element, to);
    return element ? { ...t, element } : undefined;
  }
  const s = scalarOf(view, t);
  return s ? to(s) : undefined;
}

export const removeField: MutationKind = perField((view, r, f) => {
  if (r.fields.length < 2) return [];
  const rule = f.flexible ? 'FLEXIBLE_ARRAY_CHANGED' : 'FIELD_REMOVED';
  return [
    mutation('field.remove', path(r, f), {
      description: `remove ${path(r, f)} (${spell(view, f.type)})`,
      ...breaking([{ rule, item: path(r, f) }]),
      apply: (v) => renameFieldRefs(editField(v, r.name, f.name, () => undefined), r.name, f.name, undefined),
    }),
  ];
});

export const renameField: MutationKind = perField((view, r, f) => {
  const to = `${f.name}_renamed`;
  return [
    mutation('field.rename', path(r, f), {
      description: `rename ${path(r, f)} to ${to}${f.padding ? ' (it stays padding)' : ''}`,
      ...breaking(
        [{ rule: 'FIELD_RENAMED', item: path(r, to) }],
        f.padding ? 'a pad is a named C member: code that zeroes it by name (x.pad = 0) stops compiling' : undefined,
      ),
      apply: (v) => renameFieldRefs(editField(v, r.name, f.name, (x) => ({ ...x, name: to })), r.name, f.name, to),
    }),
  ];
});

/** The scalar an element is, as its `<stdint.h>` name where C spells it otherwise (`unsigned char` is `uint8_t`). */
function byteScalar(view: View, t: TypeRef): string | undefined {
  const s = scalarOf(view, t);
  return s ? (stdint(s) ?? s) : undefined;
}

/** A type of the same size on every architecture that is not the same type, nor the same with another signedness. */
function sameSizeOtherType(view: View, r: RecordDecl, f: Field): TypeRef | undefined {
  const t = f.type;
  const u8 = { kind: 'scalar', name: 'uint8_t' } as const;
  if (f.bitWidth !== undefined) return undefined;
  if (t.kind === 'handle') return t.target === 'void' ? { ...t, target: 'uint8', pointee: 'uint8_t' } : { ...t, target: 'void', pointee: 'void' };
  if (f.flexible && t.kind === 'array') {
    const s = byteScalar(view, t.element);
    return { ...t, element: s === 'uint8_t' || s === 'int8_t' ? { kind: 'scalar', name: 'uint16_t' } : u8 };
  }
  const size = uniformFieldSize(view, r.name, f.name);
  if (!size) return undefined;
  const element = t.kind === 'array' ? byteScalar(view, t.element) : undefined;
  if (element === 'uint8_t' || element === 'int8_t') return size % 2 === 0 ? { kind: 'array', element: { kind: 'scalar', name: 'uint16_t' }, length: size / 2 } : undefined;
  return { kind: 'array', element: u8, length: size };
}

export const retypeField: MutationKind = perField((view, r, f) => {
  const type = sameSizeOtherType(view, r, f);
  if (!type) return [];
  return [
    mutation('field.retype', path(r, f), {
      description: `retype ${path(r, f)} from ${spell(view, f.type)} to ${spell(view, type)} (same size)`,
      ...breaking([{ rule: 'FIELD_TYPE_CHANGED', item: path(r, f) }]),
      apply: (v) => retyped(v, r, f, type),
    }),
  ];
});

function resize(kind: 'field.widen' | 'field.narrow', step: 1 | -1): MutationKind {
  return perField((view, r, f) => {
    if (f.bitWidth !== undefined || f.flexible) return [];
    const type = withScalar(view, f.type, (s) => {
      const to = resized(s, step);
      return to ? { kind: 'scalar', name: to } : undefined;
    });
    if (!type) return [];
    return [
      mutation(kind, path(r, f), {
        description: `${step > 0 ? 'widen' : 'narrow'} ${path(r, f)} from ${spell(view, f.type)} to ${spell(view, type)}`,
        ...breaking([{ rule: 'FIELD_WIDTH_CHANGED', item: path(r, f) }]),
        apply: (v) => retyped(v, r, f, type),
      }),
    ];
  });
}

export const widenField = resize('field.widen', 1);
export const narrowField = resize('field.narrow', -1);

export const flipSignedness: MutationKind = perField((view, r, f) => {
  const type = withScalar(view, f.type, (s) => {
    const to = flipped(s);
    return to ? { kind: 'scalar', name: to } : undefined;
  });
  if (!type) return [];
  return [
    mutation('field.signedness', path(r, f), {
      description: `change the signedness of ${path(r, f)}: ${spell(view, f.type)} → ${spell(view, type)}`,
      ...breaking([{ rule: 'FIELD_SIGNEDNESS_CHANGED', item: path(r, f) }], f.padding ? 'a pad keeps its declared type in C like any member' : undefined),
      apply: (v) => retyped(v, r, f, type),
    }),
  ];
});

export const arrayLength: MutationKind = perField((view, r, f) => {
  const t = f.type;
  if (t.kind !== 'array' || f.flexible) return [];
  return ([1, -1] as const)
    .filter((step) => t.length + step > 0)
    .map((step) => {
      const { lengthConstant: _spelled, ...plain } = t;
      const type: TypeRef = { ...plain, length: t.length + step };
      return mutation(`field.array-${step > 0 ? 'longer' : 'shorter'}`, path(r, f), {
        description: `${path(r, f)}: ${spell(view, t)} → ${spell(view, type)}`,
        ...breaking([{ rule: 'ARRAY_LENGTH_CHANGED', item: path(r, f) }]),
        apply: (v) => retyped(v, r, f, type),
      });
    });
});

export const flexibleToFixed: MutationKind = perField((view, r, f) => {
  if (!f.flexible || f.type.kind !== 'array') return [];
  const type: TypeRef = { ...f.type, length: 1 };
  return [
    mutation('field.flexible-to-fixed', path(r, f), {
      description: `${path(r, f)}: flexible ${spell(view, f.type)} → fixed ${spell(view, type)}`,
      ...breaking([{ rule: 'FLEXIBLE_ARRAY_CHANGED', item: path(r, f) }]),
      apply: (v) => editField(v, r.name, f.name, ({ flexible: _flex, ...rest }) => ({ ...rest, type })),
    }),
  ];
});

export const bitWidth: MutationKind = perField((view, r, f) => {
  if (f.bitWidth === undefined) return [];
  const unitBits = 8 * (uniformFieldSize(view, r.name, f.name) ?? 0);
  return ([1, -1] as const)
    .map((step) => (f.bitWidth as number) + step)
    .filter((width) => width >= 1 && width <= unitBits)
    .map((width) =>
      mutation(`field.bits-${width > (f.bitWidth as number) ? 'wider' : 'narrower'}`, path(r, f), {
        description: `${path(r, f)}: bit-field width ${f.bitWidth} → ${width}`,
        ...breaking([{ rule: 'BITFIELD_CHANGED', item: path(r, f) }]),
        apply: (v) => editField(v, r.name, f.name, (x) => ({ ...x, bitWidth: width })),
      }),
    );
});

/**
 * `uint64_aligned_t` ↔ `uint64_t`: the alignment differs on x86_32 only. Where the record
 * (and so every record around it) keeps its layout on all four architectures, this is a
 * respelling and compatible; otherwise the record's own change is the expected finding.
 */
export const toggleAlignment: MutationKind = perField((view, r, f) => {
  const toggle = (t: TypeRef): TypeRef | undefined =>
    t.kind === 'array'
      ? ((e) => (e ? { ...t, element: e } : undefined))(toggle(t.element))
      : t.kind === 'archScalar' && t.name === 'uint64_aligned_t'
        ? { kind: 'scalar', name: 'uint64_t' }
        : t.kind === 'scalar' && t.name === 'uint64_t'
          ? { kind: 'archScalar', name: 'uint64_aligned_t' }
          : undefined;
  const type = toggle(f.type);
  if (!type || f.bitWidth !== undefined) return [];
  const kind = type.kind === 'scalar' || (type.kind === 'array' && type.element.kind === 'scalar') ? 'field.drop-alignment' : 'field.raise-alignment';
  const apply = (v: View) => retyped(v, r, f, type);
  // The record's own layout change (undefined when it keeps its layout everywhere): only it is read, so only it is laid out.
  const change = layoutChange(view, apply(view), r.name);
  const own = change.kept ? undefined : change;
  const verdict = !own
    ? compatible([{ rule: 'FIELD_TYPE_RESPELLED', item: path(r, f) }], 'no record changes layout on any architecture: only the spelling of the same 64-bit type changed')
    : breaking([{ rule: own.align ? 'RECORD_ALIGNMENT_CHANGED' : own.size ? 'RECORD_SIZE_CHANGED' : own.moved[0]?.bitField ? 'BITFIELD_CHANGED' : 'FIELD_OFFSET_CHANGED', item: own.align || own.size ? r.name : path(r, own.moved[0]?.name ?? f.name) }]);
  return [mutation(kind, path(r, f), { description: `${path(r, f)}: ${spell(view, f.type)} → ${spell(view, type)}`, ...verdict, apply })];
});

/** A field spelled with a typedef, respelled with the typedef's target: the same type. */
export const respellField: MutationKind = perField((view, r, f) => {
  if (f.type.kind !== 'alias') return [];
  const alias = view.aliases.find((a) => a.name === (f.type as { name: string }).name);
  if (!alias) return [];
  return [
    mutation('field.respell', path(r, f), {
      description: `${path(r, f)}: ${alias.name} → ${spell(view, alias.type)}, its target`,
      ...compatible([{ rule: 'FIELD_TYPE_RESPELLED', item: path(r, f) }]),
      apply: (v) => retyped(v, r, f, alias.type),
    }),
  ];
});

/** The field now starts a release later: headers for the release it really started in lose it. */
export const fieldSinceLater: MutationKind = perField((view, r, f) => {
  const to = releaseAfter(f.since ?? r.since, 1);
  if (!to || compareReleases(to, view.release) > 0) return [];
  return [
    mutation('field.since-later', path(r, f), {
      description: `${path(r, f)} now claims Xen ${to} instead of ${f.since ?? r.since}`,
      ...breaking([{ rule: 'REMOVED_FROM_RELEASE', item: path(r, f) }]),
      apply: (v) => editField(v, r.name, f.name, (x) => ({ ...x, since: to })),
    }),
  ];
});

/** A field that came after its record now claims a release earlier (but not before the record). */
export const fieldSinceEarlier: MutationKind = perField((view, r, f) => {
  if (!f.since || f.since === r.since) return [];
  const to = releaseAfter(f.since, -1) as string;
  return [
    mutation('field.since-earlier', path(r, f), {
      description: `${path(r, f)} now claims Xen ${to} instead of ${f.since}`,
      ...breaking([{ rule: 'SINCE_CHANGED', item: path(r, f) }]),
      apply: (v) => editField(v, r.name, f.name, (x) => ({ ...x, since: to })),
    }),
  ];
});

/** Explicit padding given a meaning and a name, as Xen 4.11 did with `pad` → `flags`. */
export const padGivenMeaning: MutationKind = perField((view, r, f) => {
  if (!f.padding) return [];
  const to = `${f.name}_used`;
  return [
    mutation('pad.give-meaning', path(r, f), {
      description: `${path(r, f)} stops being padding and becomes the field ${to}`,
      verdict: 'review',
      expect: [{ rule: 'PADDING_GIVEN_MEANING', item: path(r, to) }],
      why: 'compatible where Xen required the pad to be zero, which only a person can confirm: a warning, never an error',
      apply: (v) => editFields(v, r.name, (fields) => fields.map((x) => (x.name === f.name ? { ...(({ padding: _p, ...rest }) => rest)(x), name: to } : x))),
    }),
  ];
});

export const FIELD_KINDS: MutationKind[] = [
  removeField,
  renameField,
  retypeField,
  widenField,
  narrowField,
  flipSignedness,
  arrayLength,
  flexibleToFixed,
  bitWidth,
  toggleAlignment,
  respellField,
  fieldSinceLater,
  fieldSinceEarlier,
  padGivenMeaning,
];

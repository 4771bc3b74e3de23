/**
 * The objects the DSL builds. They are the model's declarations before lowering: references
 * are still object references, inline records are not yet named, and locations are absolute.
 */
import type {
  Arch,
  ArchScalarName,
  ConstantCType,
  IntegerCType,
  ConstantSpelling,
  DeclaredHole,
  FieldDirection,
  Gate,
  GuestInterfaceGate,
  InterfaceVersion,
  IoctlDirection,
  LegacyRecordName,
  UnionSelector,
  RingInfo,
  ByteRingInfo,
  LinuxRelease,
  ScalarName,
  XenOrigin,
  XenRelease,
} from '../model/types.js';

export interface RawLocation {
  file: string;
  line: number;
  column: number;
}

export type TypeDef =
  | { kind: 'scalar'; name: ScalarName }
  | { kind: 'archScalar'; name: ArchScalarName }
  | { kind: 'handle'; width: 'native' | '64'; target: string; pointee: string; const?: boolean }
  | { kind: 'array'; element: TypeDef; length: number; lengthConstant?: string }
  | { kind: 'pointer'; pointee?: TypeDef; const?: boolean }
  | AliasDef
  | RecordDef;

/** A gate as the DSL builds it: already plain data, lowered as is. */
export type GateDef = Gate;

/** What every item may carry besides its lifetime. */
export interface ItemCommon {
  doc?: string;
  archs?: Arch[];
  /** Visible only to guests built against this interface version or newer. */
  guestInterface?: GuestInterfaceGate;
  /** Build, boot or domain settings the item needs (`gate.build(…)`, `gate.boot(…)`, `gate.domain(…)`). */
  gates?: GateDef[];
  /** Where Xen declares the item, when not in the module's header. */
  xenOrigin?: XenOrigin[];
  /** Xen showed it only to `__XEN__`/`__XEN_TOOLS__` builds before this release (the module's value when unset). */
  toolsOnlyBefore?: XenRelease;
  /** Xen showed it only to `__XEN__`/`__XEN_TOOLS__` builds from this release on. */
  toolsOnlySince?: XenRelease;
}

/** An item of Xen's ABI (`abi/stable`, `abi/unstable`): the Xen releases it lives in. */
export interface XenLifetimeOptions {
  since: XenRelease;
  until?: XenRelease;
  linuxSince?: never;
  linuxUntil?: never;
}

/** An item of Linux's interface (`abi/linux`): the Linux releases it lives in; Xen releases do not version it. */
export interface LinuxLifetimeOptions {
  linuxSince: LinuxRelease;
  linuxUntil?: LinuxRelease;
  since?: never;
  until?: never;
}

/** The options of a typedef, constant or set: a Xen lifetime or a Linux one, and the rest. */
export type ItemOptions = ItemCommon & (XenLifetimeOptions | LinuxLifetimeOptions);

/** An item's options once built: either lifetime may be there (validation says which must be). */
export interface ItemFields extends ItemCommon {
  since?: XenRelease;
  until?: XenRelease;
  linuxSince?: LinuxRelease;
  linuxUntil?: LinuxRelease;
}

export interface AliasDef extends ItemFields {
  kind: 'aliasDef';
  name: string;
  type: TypeDef;
  loc: RawLocation;
}

export interface FieldDef {
  name: string;
  type: TypeDef;
  doc?: string;
  bitWidth?: number;
  flexible?: boolean;
  padding?: boolean;
  direction?: FieldDirection;
  archs?: Arch[];
  since?: XenRelease;
  until?: XenRelease;
  /** The member's type below an interface version, when Xen spells it differently there. */
  legacyType?: { type: TypeDef; belowInterfaceVersion: InterfaceVersion };
  linuxSince?: LinuxRelease;
  linuxUntil?: LinuxRelease;
  /** The member's name below an interface version, where Xen renamed it in place. */
  legacyName?: { name: string; belowInterfaceVersion: InterfaceVersion };
  loc: RawLocation;
}

export interface RecordDef {
  kind: 'recordDef';
  recordKind: 'struct' | 'union';
  /** Tag or typedef; undefined for an inline record named by its path when lowered. */
  name?: string;
  tag?: string;
  typedef?: string;
  since?: XenRelease;
  until?: XenRelease;
  linuxSince?: LinuxRelease;
  linuxUntil?: LinuxRelease;
  doc?: string;
  archs?: Arch[];
  fields: FieldDef[];
  holes?: DeclaredHole[];
  growable?: { versionField: string; doc?: string };
  selectors?: UnionSelector[];
  guestInterface?: GuestInterfaceGate;
  legacyName?: LegacyRecordName;
  gates?: GateDef[];
  xenOrigin?: XenOrigin[];
  xenScope?: string;
  toolsOnlyBefore?: XenRelease;
  toolsOnlySince?: XenRelease;
  /** Set by `ring()` on the shared page it builds. */
  ring?: RingInfo;
  byteRings?: ByteRingInfo[];
  loc: RawLocation;
}

/** An ioctl number's encoding as the DSL builds it: the argument type is still an object. */
export interface IoctlDef {
  direction: IoctlDirection;
  type: string;
  nr: number;
  argument?: TypeDef;
}

export interface ConstantDef extends ItemFields {
  kind: 'constantDef';
  name: string;
  /** An integer, or a string constant's text (`cType` is then `string`). */
  value: bigint | string;
  ioctl?: IoctlDef;
  values?: Partial<Record<Arch, bigint | string>>;
  history?: { since: XenRelease; value: bigint | string; cType?: IntegerCType }[];
  legacyValue?: { value: bigint; belowInterfaceVersion: InterfaceVersion };
  cType?: ConstantCType;
  spelling?: ConstantSpelling;
  bitConstant?: string;
  /** Set by `ringEntries()`: the ring page record whose entries per page the value counts. */
  ringEntries?: string;
  loc: RawLocation;
}

export interface FlagDef {
  mask: ConstantDef;
  bit: number;
  bitConstant?: ConstantDef;
}

export interface OpDef {
  constant: ConstantDef;
  member?: string;
  record?: RecordDef;
}

export interface SetDef extends ItemFields {
  kind: 'setDef';
  setKind: 'flags' | 'values' | 'ops';
  name: string;
  field?: string;
  flags?: FlagDef[];
  values?: ConstantDef[];
  ops?: OpDef[];
  dispatch?: { record: RecordDef; opField: string; payloadField?: string };
  loc: RawLocation;
}

/** A function-like macro of pure arithmetic: its body is still text, parsed when lowered. */
export interface MacroDef extends ItemFields {
  kind: 'macroDef';
  name: string;
  params: string[];
  body: string;
  width?: 32 | 64;
  samples: (number | bigint)[][];
  loc: RawLocation;
}

export type ItemDef = AliasDef | RecordDef | ConstantDef | SetDef | MacroDef;

export interface ModuleDef {
  kind: 'moduleDef';
  name: string;
  xenHeader: string;
  xenGuard: string;
  coverage: 'full' | 'partial';
  doc?: string;
  archs?: Arch[];
  interfaceVersion?: ConstantDef;
  gates?: GateDef[];
  toolsOnlyBefore?: XenRelease;
  items: ItemDef[];
  loc: RawLocation;
}

/**
 * What `xenabi check` reports. A finding names its rule, the item, the architectures
 * affected, the base and head values, and where the item is declared under `abi/`. The JSON
 * form is documented in docs/check-format.md.
 */
import type { Arch, Namespace, SourceLocation } from '../model/types.js';
import type { RuleCategory } from './rules/catalogue.js';

export type Severity = 'error' | 'warning' | 'note';

export type ItemKind = 'record' | 'field' | 'typedef' | 'constant' | 'macro' | 'op' | 'flag' | 'module' | 'waiver';

/** A finding as a comparator reports it, for one architecture (or none), before policy. */
export interface RawFinding {
  rule: string;
  item: string;
  itemKind: ItemKind;
  namespace: Namespace;
  module: string;
  /** The architecture it concerns; absent for facts that hold on every architecture alike. */
  arch?: Arch;
  /** The base value, or null when the item is new. @example "8" */
  base: string | null;
  /** The head value, or null when the item is gone. @example "12" */
  head: string | null;
  /** One sentence, the same on every architecture (they are merged on it). */
  message: string;
  loc: SourceLocation;
  /** Which tree `loc` points into: the head's, the base's (a removed item), or the waivers file. */
  locSide: 'head' | 'base' | 'waivers';
}

export interface Finding extends Omit<RawFinding, 'arch' | 'namespace' | 'module'> {
  /** The item's namespace (the base's, for an item that left the stable one); null for a waiver. */
  namespace: Namespace | null;
  /** The item's module; null for a waiver. */
  module: string | null;
  category: RuleCategory;
  severity: Severity;
  /** Architectures affected, in the fixed order; empty when the fact does not depend on one. */
  archs: Arch[];
  /** Set when a waiver accepted the finding: it then never fails the check. */
  waived?: { reason: string; expires?: string };
}

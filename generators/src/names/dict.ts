/**
 * Tables keyed by names that come from input — an ABI module, an export document, a
 * baseline. A plain `{}` answers `constructor`, `toString` or `hasOwnProperty` with what its
 * prototype has, and takes `__proto__` as a new prototype instead of a key, so a record or
 * constant of that name is lost or invented. A table made here has no prototype: every
 * name is just a key. (`Map` serves as well where the table is not part of plain data.)
 */

/** An empty table with no prototype, optionally filled from `entries`. */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  if (entries) for (const [key, value] of entries) table[key] = value;
  return table;
}

/** `table[key]` when `key` is the table's own, else undefined: for constant tables looked up with input. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

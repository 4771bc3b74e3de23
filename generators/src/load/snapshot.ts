/**
 * The ABI modules' default exports, copied out of the realm they were evaluated in
 * (`sandbox.ts`) into plain objects and arrays of xenabi's own, so that nothing the loader
 * keeps belongs to the modules' realm. The copy reads property descriptors, never calls a
 * getter or a proxy trap, and keeps shared objects shared (the lowering matches references
 * by identity). What is not plain data — a function, a symbol, a getter, a proxy, a `Map`,
 * an array with holes or too long to be one the DSL built — becomes a `ForeignValue` the
 * lowering reports with its description.
 */
import { types } from 'node:util';

/** A value in an ABI module's export that is not plain data, described for a diagnostic. */
export class ForeignValue {
  constructor(readonly description: string) {}

  toJSON(): string {
    return `<${this.description}>`;
  }
}

/** More elements than any DSL list holds; longer arrays are reported rather than copied. */
const MAX_ARRAY = 1_000_000;

/** Copies `roots` (values of another realm) into this one. */
export function copyOut(roots: readonly unknown[]): unknown[] {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      return typeof value === 'symbol' ? new ForeignValue(`a symbol (${value.description ?? ''})`) : value;
    }
    const known = copies.get(value);
    if (known !== undefined) return known;
    const foreign = foreignKind(value);
    if (foreign) {
      copies.set(value, foreign);
      return foreign;
    }
    if (Array.isArray(value)) {
      const list: unknown[] = [];
      copies.set(value, list);
      copyElements(value, list, copy);
      return list;
    }
    const object: Record<string, unknown> = {};
    copies.set(value, object);
    copyProperties(value, object, copy);
    return object;
  };
  return roots.map(copy);
}

/** Why an object is not plain data (a ForeignValue saying so), or undefined when it is. */
function foreignKind(value: object): ForeignValue | undefined {
  if (types.isProxy(value)) return new ForeignValue('a Proxy');
  if (typeof value === 'function') return new ForeignValue(`a function${nameOf(value)}`);
  if (Array.isArray(value)) {
    const length = Object.getOwnPropertyDescriptor(value, 'length')?.value as number;
    return length > MAX_ARRAY ? new ForeignValue(`an array of ${length} elements`) : undefined;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null || isObjectPrototype(proto)) return undefined;
  return new ForeignValue(`an instance of ${className(proto)}`);
}

/** Own enumerable data properties; a getter becomes a ForeignValue. */
function copyProperties(from: object, to: Record<string, unknown>, copy: (value: unknown) => unknown): void {
  for (const key of Object.keys(from)) {
    const d = Object.getOwnPropertyDescriptor(from, key) as PropertyDescriptor;
    const value = 'value' in d ? copy(d.value) : new ForeignValue(`a getter (${key})`);
    if (key === '__proto__') Object.defineProperty(to, key, { value, enumerable: true, writable: true, configurable: true });
    else to[key] = value;
  }
}

/** Elements, a hole or a getter becoming a ForeignValue; other own properties of an array are not data the DSL makes. */
function copyElements(from: unknown[], to: unknown[], copy: (value: unknown) => unknown): void {
  const length = Object.getOwnPropertyDescriptor(from, 'length')?.value as number;
  for (let i = 0; i < length; i++) {
    const d = Object.getOwnPropertyDescriptor(from, i);
    to.push(d === undefined ? new ForeignValue('a hole in an array') : 'value' in d ? copy(d.value) : new ForeignValue(`a getter (${i})`));
  }
}

/** `Object.prototype` of any realm: the one object whose prototype is null and which has `hasOwnProperty`. */
function isObjectPrototype(proto: object): boolean {
  const d = Object.getOwnPropertyDescriptor(proto, 'hasOwnProperty');
  return Object.getPrototypeOf(proto) === null && d !== undefined && typeof d.value === 'function';
}

function className(proto: object): string {
  const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
  return (typeof ctor === 'function' && nameOf(ctor).slice(2, -1)) || 'a class';
}

/** ` (name)` of a function, read without running anything; "" when it has none. */
function nameOf(fn: object): string {
  const name = types.isProxy(fn) ? undefined : (Object.getOwnPropertyDescriptor(fn, 'name')?.value as unknown);
  return typeof name === 'string' && name ? ` (${name})` : '';
}

/**
 * The TypeScript emitter's view-model: every generated source file as a list of plain
 * declarations (names, types, TSDoc and code already spelled), in declaration order.
 * `print/` prints them as text; nothing here knows how.
 */
import type { Namespace } from '../../model/types.js';
import { specifier } from './names.js';

export interface Doc {
  text: string;
  tags: { tag: string; text: string }[];
}

export interface Param {
  name: string;
  type: string;
  optional?: boolean;
  /** A default value (an expression). */
  init?: string;
}

export type Decl =
  | { kind: 'const'; name: string; type?: string; init: string; doc?: Doc; exported: boolean }
  | { kind: 'type'; name: string; type: string; doc?: Doc }
  | {
      kind: 'interface';
      name: string;
      extends?: string[];
      props: { name: string; type: string; optional?: boolean; readonly?: boolean; doc?: Doc }[];
      methods: { name: string; params: Param[]; returnType: string; optional?: boolean; doc?: Doc }[];
      doc?: Doc;
    }
  | { kind: 'function'; name: string; params: Param[]; returnType: string; body: string[]; doc?: Doc; exported: boolean }
  | {
      kind: 'class';
      name: string;
      implements: string;
      /** `declare`: typed for TypeScript only, so the compiled class has no field definition (see impl-module.ts). */
      props: { name: string; type: string; init?: string; readonly?: boolean; declare?: boolean }[];
      ctor: { params: Param[]; body: string[] };
      accessors: { name: string; type: string; get: string[]; set?: string[]; setType?: string }[];
      methods: { name: string; params: Param[]; returnType: string; body: string[] }[];
      doc?: Doc;
    }
  | { kind: 'reexport'; names: { name: string; alias?: string }[]; from?: string; typeOnly?: boolean }
  | { kind: 'star'; from: string; as?: string; doc?: Doc };

export interface ImportLine {
  from: string;
  names: string[];
  typeOnly: boolean;
}

export interface TsFile {
  /** Path inside the package, e.g. `src/stable/dm_op.ts`. */
  path: string;
  sources: string[];
  /** A file-level comment printed after the banner. */
  header?: string;
  /** The header is the package's documentation (the root index only). */
  packageDoc?: boolean;
  imports: ImportLine[];
  decls: Decl[];
}

/** Collects the imports of one file: `use(target, name)` with a target path inside the package. */
export class Imports {
  private readonly values = new Map<string, Set<string>>();
  private readonly types = new Map<string, Set<string>>();

  constructor(private readonly self: string) {}

  value(target: string, name: string): string {
    if (target !== this.self) add(this.values, target, name);
    return name;
  }

  type(target: string, name: string): string {
    if (target !== this.self) add(this.types, target, name);
    return name;
  }

  lines(): ImportLine[] {
    const targets = [...new Set([...this.values.keys(), ...this.types.keys()])].sort();
    const out: ImportLine[] = [];
    for (const t of targets) {
      const from = specifier(this.self, t);
      const values = [...(this.values.get(t) ?? [])].sort();
      const types = [...(this.types.get(t) ?? [])].filter((n) => !values.includes(n)).sort();
      if (values.length) out.push({ from, names: values, typeOnly: false });
      if (types.length) out.push({ from, names: types, typeOnly: true });
    }
    return out;
  }
}

function add(map: Map<string, Set<string>>, key: string, name: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(name);
  map.set(key, set);
}

export const RUNTIME = 'src/runtime.ts';

/** The package file holding a namespace's index. */
export function namespaceIndex(namespace: Namespace): string {
  return `src/${namespace}/index.ts`;
}

export function doc(text: string, tags: { tag: string; text: string }[] = []): Doc {
  return { text, tags };
}

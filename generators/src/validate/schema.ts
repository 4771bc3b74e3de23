/**
 * Checks the lowered model against its JSON Schema (`generators/schema/model.schema.json`,
 * generated from `model/types.ts`). The validator is ajv's standalone code, precompiled by
 * `npm run schema`, so loading the ABI never pays for ajv or for compiling the schema.
 *
 * Each ajv error becomes a diagnostic at the item it concerns: `/records/3/fields/2/bitWidth`
 * is reported at that field's line as `xen_dm_op.pad`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { XEN_RELEASES } from '../model/releases.js';
import type { AbiModel, SourceLocation, TypeRef } from '../model/types.js';
import validateGenerated from './generated/model-validator.js';

/** The part of an ajv error this module reads. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
const validate = validateGenerated as unknown as Validator;

/** Validates `model`; one diagnostic per schema violation, none when it conforms. */
export function checkModelSchema(model: AbiModel): Diagnostic[] {
  if (validate(model)) return [];
  return (validate.errors ?? []).map((error) => schemaDiagnostic(model, error));
}

/** One ajv error as a located diagnostic. */
export function schemaDiagnostic(model: unknown, error: SchemaError): Diagnostic {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const place = locate(model, path);
  return { severity: 'error', rule: 'schema', loc: place.loc, item: place.item, message: describe(model, path, error) };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

// ---- Where ------------------------------------------------------------------------------

const UNKNOWN_LOC: SourceLocation = { file: 'abi', line: 0, column: 0 };
const COLLECTIONS = ['modules', 'records', 'aliases', 'constants', 'sets'] as const;

/** The item (and, inside a record, the field) the path points into, with its location. */
function locate(model: unknown, path: string[]): { loc: SourceLocation; item: string } {
  const [collection, index, sub, subIndex] = path;
  const items = (COLLECTIONS as readonly string[]).includes(collection ?? '') ? at(model, [collection!]) : undefined;
  const item = Array.isArray(items) ? items[Number(index)] : undefined;
  if (!isObject(item)) return { loc: firstModuleLoc(model), item: collection ? `${collection}${index !== undefined ? `[${index}]` : ''}` : 'model' };
  const name = typeof item.name === 'string' && item.name ? item.name : `${collection}[${index}]`;
  const fallback = collection === 'modules' ? firstModuleLoc(model) : moduleLoc(model, item.module);
  const itemLoc = asLoc(item.loc) ?? fallback;
  if (collection === 'records' && sub === 'fields' && subIndex !== undefined) {
    const field = Array.isArray(item.fields) ? item.fields[Number(subIndex)] : undefined;
    if (isObject(field)) {
      const fieldName = typeof field.name === 'string' && field.name ? field.name : `fields[${subIndex}]`;
      return { loc: asLoc(field.loc) ?? itemLoc, item: `${name}.${fieldName}` };
    }
  }
  return { loc: itemLoc, item: name };
}

function moduleLoc(model: unknown, moduleName: unknown): SourceLocation {
  const modules = at(model, ['modules']);
  const found = Array.isArray(modules) ? modules.find((m) => isObject(m) && m.name === moduleName) : undefined;
  return (isObject(found) ? asLoc(found.loc) : undefined) ?? firstModuleLoc(model);
}

function firstModuleLoc(model: unknown): SourceLocation {
  const modules = at(model, ['modules']);
  const first = Array.isArray(modules) ? modules.find((m) => isObject(m) && asLoc(m.loc)) : undefined;
  return (isObject(first) ? asLoc(first.loc) : undefined) ?? UNKNOWN_LOC;
}

function asLoc(value: unknown): SourceLocation | undefined {
  if (!isObject(value) || typeof value.file !== 'string' || !Number.isInteger(value.line)) return undefined;
  return { file: value.file, line: value.line as number, column: Number.isInteger(value.column) ? (value.column as number) : 0 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

// ---- What -------------------------------------------------------------------------------

/** Properties typed `XenRelease`, whose pattern lists the known releases. */
const RELEASE_PROPERTIES = new Set(['since', 'until']);
const LINUX_RELEASE_PROPERTIES = new Set(['linuxSince', 'linuxUntil']);
const IDENTIFIER_PATTERNS = new Set(['^[A-Za-z_][A-Za-z0-9_]*$', '^(?:[A-Za-z_][A-Za-z0-9_]*)?$', '^[a-z_][a-z0-9_]*$']);
const TYPE_KINDS = Object.keys({
  scalar: true,
  archScalar: true,
  alias: true,
  record: true,
  handle: true,
  array: true,
  pointer: true,
} satisfies Record<TypeRef['kind'], true>);

/** A message that names the property, the offending value and what was expected. */
function describe(model: unknown, path: string[], error: SchemaError): string {
  const property = propertyName(path) || 'the value';
  const value = at(model, path);
  const shown = show(value);
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return `${property} is missing the required property \`${String(p.missingProperty)}\``;
    case 'additionalProperties':
      return `${property} has a property the model does not know: \`${String(p.additionalProperty)}\``;
    case 'pattern':
      if (RELEASE_PROPERTIES.has(path.at(-1) ?? '')) return `${property} ${shown} is not a Xen release xenabi knows (${XEN_RELEASES[0]} to ${XEN_RELEASES.at(-1)})`;
      if (LINUX_RELEASE_PROPERTIES.has(path.at(-1) ?? '')) return `${property} ${shown} is not a Linux release (major.minor, or 2.6.N)`;
      if (IDENTIFIER_PATTERNS.has(String(p.pattern))) return `${property} ${shown} is not a valid C identifier (must match ${String(p.pattern)})`;
      return `${property} ${shown} must match ${String(p.pattern)}`;
    case 'enum':
      return `${property} ${shown} must be one of ${(p.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `${property} ${shown} must be ${show(p.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${property} is ${shown}; it must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'type':
      return `${property} must be ${article(String(p.type))}, got ${shown}`;
    case 'discriminator':
      return p.error === 'mapping'
        ? `${property} has kind ${show(p.tagValue)}, which is not one of ${TYPE_KINDS.join(', ')}`
        : `${property} needs a string \`kind\``;
    default:
      return `${property || 'model'} ${error.message ?? `fails the schema keyword ${error.keyword}`}`;
  }
}

/** `bitWidth`, `fields[2].type`, … : the path below the item, or the item's own property. */
function propertyName(path: string[]): string {
  const below = path.slice(2);
  const parts: string[] = [];
  for (const segment of below) {
    if (/^[0-9]+$/.test(segment)) parts.push(`[${segment}]`);
    else parts.push(parts.length ? `.${segment}` : segment);
  }
  // Inside a field the field is already the item: drop `fields[2].`.
  const text = parts.join('');
  return path[0] === 'records' && path[2] === 'fields' && path[3] !== undefined ? text.replace(/^fields\[[0-9]+\]\.?/, '') : text;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

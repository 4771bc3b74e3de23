/**
 * The JSON Schema an export document (`xenabi-abi/1`, docs/export-format.md) must satisfy to
 * be compared. Unknown keys are allowed, as the format only ever grows; the keys xenabi reads
 * must have the documented types.
 */
const ARCH_KEYS = { type: 'object', propertyNames: { enum: ['x86_32', 'x86_64', 'arm32', 'arm64'] } };
const NAMESPACE = { enum: ['stable', 'unstable', 'linux'] };
const LINUX_RELEASE = { type: 'string', pattern: '^[0-9]+\\.[0-9]+(?:\\.[0-9]+)?$' };
const RELEASE = { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' };
const DECIMAL = { type: 'string', pattern: '^-?[0-9]+$' };
/** A string constant's text: printable ASCII. */
const TEXT = { type: 'string', pattern: '^[\\x20-\\x7e]*$' };
const ITEM = { namespace: NAMESPACE, module: { type: 'string' }, since: RELEASE, linuxSince: LINUX_RELEASE };

const FIELD = {
  type: 'object',
  required: ['name', 'offset', 'size', 'type'],
  properties: {
    name: { type: 'string' },
    offset: { type: 'integer', minimum: 0 },
    size: { type: 'integer', minimum: 0 },
    type: { type: 'string' },
    record: { type: 'string' },
    bitOffset: { type: 'integer', minimum: 0 },
    bitWidth: { type: 'integer', minimum: 1 },
    flexibleArray: { const: true },
  },
};

const LAYOUT = {
  type: 'object',
  required: ['size', 'align', 'fields'],
  properties: { size: { type: 'integer', minimum: 0 }, align: { type: 'integer', minimum: 1 }, fields: { type: 'array', items: FIELD } },
};

const RECORD = {
  type: 'object',
  required: ['kind', 'namespace', 'module', 'since', 'layouts'],
  properties: {
    kind: { enum: ['struct', 'union'] },
    ...ITEM,
    layouts: { ...ARCH_KEYS, additionalProperties: LAYOUT },
    typedef: { type: 'string' },
    growable: { type: 'object', required: ['versionField'], properties: { versionField: { type: 'string' } } },
    paddingFields: { type: 'array', items: { type: 'string' } },
    directions: { type: 'object', additionalProperties: { enum: ['in', 'out', 'inout'] } },
  },
};

const CONSTANT = {
  type: 'object',
  required: ['namespace', 'module', 'since'],
  anyOf: [{ required: ['value'] }, { required: ['values'] }],
  properties: { ...ITEM, value: DECIMAL, values: { ...ARCH_KEYS, additionalProperties: DECIMAL }, archs: { type: 'array', items: { enum: ['x86_32', 'x86_64', 'arm32', 'arm64'] } } },
};

/** A string constant (part `strings`): a constant whose values are text. */
const STRING = { ...CONSTANT, properties: { ...CONSTANT.properties, value: TEXT, values: { ...ARCH_KEYS, additionalProperties: TEXT } } };

const SET = {
  type: 'object',
  required: ['kind', 'namespace', 'module', 'since'],
  properties: {
    kind: { enum: ['flags', 'values', 'ops'] },
    ...ITEM,
    field: { type: 'string' },
    flags: {
      type: 'array',
      items: { type: 'object', required: ['mask', 'bit'], properties: { mask: { type: 'string' }, bit: { type: 'integer', minimum: 0, maximum: 63 }, bitConstant: { type: 'string' } } },
    },
    values: { type: 'array', items: { type: 'string' } },
    ops: {
      type: 'array',
      items: { type: 'object', required: ['constant'], properties: { constant: { type: 'string' }, member: { type: 'string' }, record: { type: 'string' } } },
    },
    dispatch: { type: 'object', required: ['record', 'opField'], properties: { record: { type: 'string' }, opField: { type: 'string' }, payloadField: { type: 'string' } } },
  },
};

/** A function-like macro (part `macros`). */
const MACRO = {
  type: 'object',
  required: ['params', 'body', 'width', 'samples', 'namespace', 'module', 'since'],
  properties: {
    params: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } },
    body: { type: 'string' },
    width: { enum: [32, 64] },
    samples: { type: 'array', items: { type: 'array', items: { type: 'string', pattern: '^[0-9]+$' } } },
    ...ITEM,
    until: RELEASE,
    archs: { type: 'array', items: { enum: ['x86_32', 'x86_64', 'arm32', 'arm64'] } },
    doc: { type: 'string' },
  },
};

export const EXPORT_DOCUMENT_SCHEMA = {
  type: 'object',
  required: ['format', 'xenVersion', 'records', 'constants'],
  properties: {
    format: { const: 'xenabi-abi/1' },
    xenVersion: RELEASE,
    namespace: { enum: ['stable', 'unstable', 'linux', 'all'] },
    includes: { type: 'array', items: { type: 'string' } },
    records: { type: 'object', additionalProperties: RECORD },
    constants: { type: 'object', additionalProperties: CONSTANT },
    aliases: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['namespace', 'module', 'since'],
        anyOf: [{ required: ['type'] }, { required: ['types'] }],
        properties: { type: { type: 'string' }, types: { type: 'object', additionalProperties: { type: 'string' } }, ...ITEM, archs: { type: 'array', items: { type: 'string' } } },
      },
    },
    sets: { type: 'object', additionalProperties: SET },
    strings: { type: 'object', additionalProperties: STRING },
    macros: { type: 'object', additionalProperties: MACRO },
    modules: {
      type: 'object',
      additionalProperties: { type: 'object', required: ['namespace'], properties: { namespace: NAMESPACE, xenHeader: { type: 'string' }, interfaceVersion: { type: 'string' } } },
    },
  },
} as const;

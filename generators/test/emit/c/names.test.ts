import { describe, expect, it } from 'vitest';
import {
  archCondition,
  assertionId,
  checkIdentifier,
  constantLiteral,
  stringConstantLiteral,
  cString,
  declarator,
  docCommentLines,
  handleDefinedMacro,
  handlePointee,
  handleTypedefName,
  headerGuard,
  headerPath,
  includeName,
  indentedDocCommentLines,
  interfaceVersionLiteral,
  literalSuffix,
  mangle,
  memberExpression,
  plainCommentLines,
  recordTypeName,
  sinceMacro,
  wantMacro,
  wrapText,
  archScalarSpelling,
} from '../../../src/emit/c/names.js';
import type { ConstantDecl, HandleType, TypeRef } from '../../../src/model/types.js';

const u8: TypeRef = { kind: 'scalar', name: 'uint8_t' };

describe('C names: files and guards', () => {
  it('places headers by namespace and module', () => {
    expect(includeName('stable', 'dm_op')).toBe('xenabi/stable/dm_op.h');
    expect(headerPath('unstable', 'domctl')).toBe('packages/c-headers/include/xenabi/unstable/domctl.h');
  });

  it('guards with our own name, never Xen\'s', () => {
    expect(headerGuard('stable', 'event_channel')).toBe('XENABI_STABLE_EVENT_CHANNEL_H');
    expect(headerGuard('unstable', 'domctl')).toBe('XENABI_UNSTABLE_DOMCTL_H');
  });

  it('names availability and opt-in macros', () => {
    expect(sinceMacro('xen_dm_op')).toBe('XENABI_SINCE_xen_dm_op');
    expect(wantMacro('XEN_DOMCTL_INTERFACE_VERSION')).toBe('XENABI_WANT_XEN_DOMCTL_INTERFACE_VERSION');
  });

  it('spells architecture conditions in a fixed order', () => {
    expect(archCondition(['arm64', 'x86_32'])).toBe('defined(__i386__) || defined(__aarch64__)');
    expect(archCondition(['arm32'])).toBe('defined(__arm__)');
    expect(() => archCondition([])).toThrow(/at least one/);
  });
});

describe('C names: literals', () => {
  const c = (spelling: ConstantDecl['spelling'], cType: ConstantDecl['cType'], bitConstant?: string) => ({ name: 'X', spelling, cType, ...(bitConstant ? { bitConstant } : {}) });

  it('gives each C type its suffix', () => {
    expect(['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long'].map((t) => literalSuffix(t as ConstantDecl['cType']))).toEqual(['', 'U', 'L', 'UL', 'LL', 'ULL']);
  });

  it('spells decimals, parenthesising negatives', () => {
    expect(constantLiteral(c('dec', 'int'), '20')).toBe('20');
    expect(constantLiteral(c('dec', 'unsigned long'), '4096')).toBe('4096UL');
    expect(constantLiteral(c('dec', 'int'), '-22')).toBe('(-22)');
  });

  it('spells a type\'s most negative value as (-MAX - 1), with the type\'s suffix: (-2147483648) would be a long', () => {
    expect(constantLiteral(c('dec', 'int'), '-2147483648')).toBe('(-2147483647 - 1)');
    expect(constantLiteral(c('dec', 'int'), '-2147483647')).toBe('(-2147483647)');
    expect(constantLiteral(c('dec', 'long'), '-2147483648')).toBe('(-2147483647L - 1)');
    expect(constantLiteral(c('dec', 'long long'), String(-(2n ** 63n)))).toBe('(-9223372036854775807LL - 1)');
    expect(constantLiteral(c('dec', 'long long'), '-2147483648')).toBe('(-2147483648LL)');
  });

  it('spells the sign bit of a signed type without shifting into it (undefined behaviour)', () => {
    expect(constantLiteral(c('shift', 'int'), '-2147483648')).toBe('(-2147483647 - 1)');
    expect(constantLiteral(c('shift', 'int', '_GNTCOPY_x'), '-2147483648')).toBe('(-2147483647 - 1)');
    expect(constantLiteral(c('shift', 'long long'), String(-(2n ** 63n)))).toBe('(-9223372036854775807LL - 1)');
    expect(constantLiteral(c('shift', 'unsigned int'), '2147483648')).toBe('(1U << 31)');
  });

  it('spells hex in lower case with the suffix', () => {
    expect(constantLiteral(c('hex', 'unsigned int'), '4294967295')).toBe('0xffffffffU');
    expect(constantLiteral(c('hex', 'int'), '16')).toBe('0x10');
    expect(() => constantLiteral(c('hex', 'int'), '-1')).toThrow(/negative/);
  });

  it('spells shifts through the bit constant, or the bit number', () => {
    expect(constantLiteral(c('shift', 'unsigned int', '_XEN_DMOP_no_gfns'), '1')).toBe('(1U << _XEN_DMOP_no_gfns)');
    expect(constantLiteral(c('shift', 'unsigned int'), '8')).toBe('(1U << 3)');
    expect(constantLiteral(c('shift', 'unsigned long long'), String(2n ** 40n))).toBe('(1ULL << 40)');
    expect(() => constantLiteral(c('shift', 'unsigned int'), '6')).toThrow(/not a single bit/);
  });

  it('spells interface versions with eight hex digits', () => {
    expect(interfaceVersionLiteral('24')).toBe('0x00000018');
    expect(interfaceVersionLiteral('21')).toBe('0x00000015');
  });

  it('escapes C strings', () => {
    expect(cString('Xen\'s "x" \\')).toBe('"Xen\'s \\"x\\" \\\\"');
  });

  it('escapes newlines, tabs, control and bidirectional characters in C strings', () => {
    expect(cString('a\nb\tc')).toBe('"a\\nb\\tc"');
    expect(cString('esc\u001b[31m')).toBe('"esc\\033[31m"');
    expect(cString('next\u0085line')).toBe('"next\\302\\205line"');
    expect(cString('evil\u202ex\u2028')).toBe('"evil\\u202ex\\u2028"');
  });
});

describe('C names: types', () => {
  const h = (extra: Partial<HandleType>): HandleType => ({ kind: 'handle', width: 'native', target: 'uint8', pointee: 'uint8_t', ...extra });

  it('names guest handles after Xen\'s handle names, under our prefix', () => {
    expect(handleTypedefName(h({}))).toBe('xenabi_guest_handle_uint8');
    expect(handleTypedefName(h({ width: '64', const: true, target: 'xen_dm_op_buf_t' }))).toBe('xenabi_guest_handle_64_const_xen_dm_op_buf_t');
    expect(handleDefinedMacro(h({ width: '64' }))).toBe('XENABI_HAVE_GUEST_HANDLE_64_UINT8');
    expect(handlePointee(h({ const: true }))).toBe('const uint8_t');
  });

  it('spells uint64_aligned_t through our own typedef', () => {
    expect(archScalarSpelling('uint64_aligned_t')).toBe('xenabi_uint64_aligned_t');
    expect(archScalarSpelling('xen_pfn_t')).toBe('xen_pfn_t');
  });

  it('names records by tag, else by typedef', () => {
    expect(recordTypeName({ kind: 'struct', name: 'a', tag: 'a', typedef: 'a_t' })).toBe('struct a');
    expect(recordTypeName({ kind: 'union', name: 'u', tag: 'u' })).toBe('union u');
    expect(recordTypeName({ kind: 'struct', name: 'p_t', typedef: 'p_t' })).toBe('p_t');
    expect(() => recordTypeName({ kind: 'struct', name: 'x.u' })).toThrow(/neither a tag nor a typedef/);
  });

  it('builds declarators with every dimension, outermost first', () => {
    expect(declarator('pad', { kind: 'array', element: u8, length: 3 })).toBe('pad[3]');
    expect(declarator('head', { kind: 'array', element: u8, length: 16, lengthConstant: 'EVTCHN_FIFO_MAX_QUEUES' })).toBe('head[EVTCHN_FIFO_MAX_QUEUES]');
    expect(declarator('grid', { kind: 'array', element: { kind: 'array', element: u8, length: 4 }, length: 2 })).toBe('grid[2][4]');
    expect(declarator('ring', { kind: 'array', element: u8, length: 0 }, true)).toBe('ring[XENABI_FLEX_ARRAY_DIM]');
    expect(declarator('x', u8)).toBe('x');
  });

  it('reaches nested members through a null pointer of the outer record', () => {
    expect(memberExpression('struct evtchn_status', 'u.interdomain')).toBe('XENABI_NO_OBJECT(struct evtchn_status)->u.interdomain');
  });

  it('makes assertion ids from paths, prefixed by the module', () => {
    expect(mangle('evtchn_status.u.interdomain')).toBe('evtchn_status__u__interdomain');
    expect(assertionId('event_channel', 'evtchn_status.u.interdomain.dom', 'offset')).toBe('event_channel__evtchn_status__u__interdomain__dom__offset');
  });

  it('refuses names that are C or C++ keywords or not identifiers', () => {
    expect(checkIdentifier('dom', 'member')).toBe('dom');
    expect(() => checkIdentifier('class', 'member')).toThrow(/C\+\+ keyword/);
    expect(() => checkIdentifier('int', 'member')).toThrow(/C keyword/);
    expect(() => checkIdentifier('a.b', 'member')).toThrow(/not a C identifier/);
  });
});

describe('C names: comments', () => {
  it('wraps at spaces and keeps explicit newlines', () => {
    expect(wrapText('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrapText('one\ntwo')).toEqual(['one', 'two']);
  });

  it('prints a short doc on one line and a long one as a block', () => {
    expect(docCommentLines('A domain id.')).toEqual(['/** A domain id. */']);
    const long = docCommentLines('word '.repeat(30));
    expect(long[0]).toBe('/**');
    expect(long.at(-1)).toBe(' */');
    expect(long.slice(1, -1).every((l) => l.startsWith(' * ') && l.length <= 95)).toBe(true);
  });

  it('separates paragraphs and drops empty ones', () => {
    expect(docCommentLines('First.', undefined, 'Since Xen 4.11.')).toEqual(['/**', ' * First.', ' *', ' * Since Xen 4.11.', ' */']);
    expect(docCommentLines(undefined, '')).toEqual([]);
  });

  it('escapes comment delimiters in doc text', () => {
    expect(docCommentLines('ends */ here')).toEqual(['/** ends *\\/ here */']);
    expect(plainCommentLines('a /* b')).toEqual(['/* a /\\* b */']);
  });

  it('wraps member docs narrower by their indentation', () => {
    const text = 'word '.repeat(17).trim();
    expect(docCommentLines(text)).toHaveLength(1);
    expect(indentedDocCommentLines('        ', text).length).toBeGreaterThan(1);
  });
});

describe('string constant literals', () => {
  it('escape quotes, backslashes and trigraphs, and refuse what is not printable ASCII', () => {
    expect(stringConstantLiteral('hvmloader/bios')).toBe('"hvmloader/bios"');
    expect(stringConstantLiteral('say "hi" \\ ??/ ???')).toBe('"say \\"hi\\" \\\\ ?\\?/ ?\\?\\?"');
    expect(stringConstantLiteral('')).toBe('""');
    expect(constantLiteral({ name: 'X', cType: 'string', spelling: 'dec' }, 'CREATE|EXCL')).toBe('"CREATE|EXCL"');
    expect(() => stringConstantLiteral('caf\u00e9')).toThrow(/not printable ASCII/);
    expect(() => stringConstantLiteral('a\nb')).toThrow(/not printable ASCII/);
  });
});

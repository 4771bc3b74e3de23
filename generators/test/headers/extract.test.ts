// Header mode's readers, on text in the exact forms clang 14 writes: the record-layout dump,
// the text AST, and preprocessor output; then which headers a tree compiles.
import { describe, expect, it } from 'vitest';
import { readAst } from '../../src/headers/ast.js';
import { parseLayoutDump } from '../../src/headers/layout-dump.js';
import { readPreprocessed } from '../../src/headers/preprocessed.js';
import { candidateMacros, candidateTexts, rootHeaders } from '../../src/headers/roots.js';
import { sizeOfType, spellType, splitDims } from '../../src/headers/spelling.js';

const DUMP = `
*** Dumping AST Record Layout
         0 | struct buf_ioreq
         0 |   uint8_t type
     1:0-0 |   uint8_t pad
     1:1-1 |   uint8_t dir
     1:2-3 |   uint8_t size
     1:4-23 |   uint32_t addr
         4 |   uint32_t data
           | [sizeof=8, align=4]

*** Dumping AST Record Layout
         0 | struct cpu_user_regs
         0 |   union cpu_user_regs::(anonymous at /r/xen/arch-x86/xen-x86_64.h:163:5) 
         0 |     uint64_t r15
         8 |   uint16_t cs
           | [sizeof=16, align=8]
`;

describe('parseLayoutDump', () => {
  it('reads each record: size, alignment, direct members with offsets and bit ranges, anonymous members', () => {
    const [buf, regs] = parseLayoutDump(DUMP);
    expect(buf).toMatchObject({ kind: 'struct', spelled: 'buf_ioreq', size: 8, align: 4 });
    expect(buf?.fields.map((f) => [f.name, f.offset, f.bitOffset, f.bitWidth])).toEqual([
      ['type', 0, undefined, undefined],
      ['pad', 1, 8, 1],
      ['dir', 1, 9, 1],
      ['size', 1, 10, 2],
      ['addr', 1, 12, 20],
      ['data', 4, undefined, undefined],
    ]);
    expect(regs?.fields.map((f) => [f.name, f.type])).toEqual([
      ['', 'union cpu_user_regs::(anonymous at /r/xen/arch-x86/xen-x86_64.h:163:5)'],
      ['cs', 'uint16_t'],
    ]);
  });
});

const AST = `TranslationUnitDecl 0x1 <<invalid sloc>> <invalid sloc>
|-TypedefDecl 0x2 </r/xen/xen.h:606:1, col:18> col:18 referenced domid_t 'uint16_t':'unsigned short'
| \`-TypedefType 0x3 'uint16_t' sugar
|-RecordDecl 0x10 </r/xen/hvm/dm_op.h:447:1, line:472:1> line:447:8 struct xen_dm_op definition
| |-FieldDecl 0x11 <line:448:5, col:14> col:14 op 'uint32_t':'unsigned int'
| |-RecordDecl 0x12 <line:450:5, line:471:5> line:450:5 union definition
| | \`-FieldDecl 0x13 <line:451:9, col:41> col:41 nr 'uint32_t':'unsigned int'
| \`-FieldDecl 0x14 <line:450:5, line:471:7> col:7 u 'union (unnamed union at /r/xen/hvm/dm_op.h:450:5)':'union xen_dm_op::(unnamed at /r/xen/hvm/dm_op.h:450:5)'
|-RecordDecl 0x20 </r/xen/hvm/ioreq.h:57:1, line:64:1> line:57:8 struct buf_ioreq definition
| \`-FieldDecl 0x21 <line:59:5, col:18> col:14 pad 'uint8_t':'unsigned char'
|   \`-ConstantExpr 0x22 <col:18> 'int'
|     |-value: Int 1
|     \`-IntegerLiteral 0x23 <col:18> 'int' 1
|-TypedefDecl 0x30 <line:64:1, col:30> col:30 buf_ioreq_t 'struct buf_ioreq':'struct buf_ioreq'
| \`-ElaboratedType 0x31 'struct buf_ioreq' sugar
|   \`-RecordType 0x32 'struct buf_ioreq'
|     \`-Record 0x20 'buf_ioreq'
|-EnumDecl 0x40 </r/xen/io/xenbus.h:19:1, line:50:1> line:19:6 xenbus_state
| |-EnumConstantDecl 0x41 <line:20:5, col:32> col:5 XenbusStateUnknown 'int'
| | \`-ConstantExpr 0x42 <col:32> 'int'
| |   |-value: Int 0
| |   \`-IntegerLiteral 0x43 <col:32> 'int' 0
| \`-EnumConstantDecl 0x44 <line:21:5> col:5 XenbusStateInitialising 'int'
\`-EnumDecl 0x50 <<stdin>:9:1, col:58> col:1
  \`-EnumConstantDecl 0x51 <col:8, /r/xen/event_channel.h:329:60> <stdin>:9:8 __xenabi_macro_7 'int'
    \`-ImplicitCastExpr 0x52 </r/xen/event_channel.h:329:31, col:60> 'int' <IntegralCast>
      \`-ConstantExpr 0x53 <col:31, col:60> 'unsigned long'
        |-value: Int 4096
        \`-ParenExpr 0x54 <col:31, col:60> 'unsigned long'
`;

describe('readAst', () => {
  const facts = readAst(AST);

  it('reads records with their members, nested records with their parent and place among its members', () => {
    const dmOp = facts.records.find((r) => r.tag === 'xen_dm_op');
    expect(dmOp?.loc).toEqual({ file: '/r/xen/hvm/dm_op.h', line: 447, col: 8 });
    expect(dmOp?.fields.map((f) => [f.name, f.desugared])).toEqual([
      ['op', 'unsigned int'],
      ['u', 'union xen_dm_op::(unnamed at /r/xen/hvm/dm_op.h:450:5)'],
    ]);
    const u = facts.records.find((r) => r.parentId === dmOp?.id);
    expect(u).toMatchObject({ kind: 'union', fieldIndex: 1 });
    expect(u?.tag).toBeUndefined();
    expect(facts.records.find((r) => r.tag === 'buf_ioreq')?.fields[0]).toMatchObject({ name: 'pad', bitWidth: 1, loc: { file: '/r/xen/hvm/ioreq.h', line: 59 } });
  });

  it("reads a member named like one of clang's flags (tpmif's `unused`) as that name", () => {
    const ast = [
      'TranslationUnitDecl 0x1 <<invalid sloc>> <invalid sloc>',
      "`-RecordDecl 0x10 </r/xen/io/tpmif.h:43:1, line:48:1> line:43:8 struct tpmif_tx_request definition",
      "  |-FieldDecl 0x11 <line:46:5, col:14> col:14 unused 'uint16_t':'unsigned short'",
      "  `-FieldDecl 0x12 <line:47:5, col:14> col:14 referenced unused 'uint16_t':'unsigned short'",
      '',
    ].join('\n');
    expect(readAst(ast).records[0]?.fields.map((f) => f.name)).toEqual(['unused', 'unused']);
  });

  it('reads an anonymous member that Xen\'s header reads (implicit referenced) as anonymous', () => {
    const ast = [
      'TranslationUnitDecl 0x1 <<invalid sloc>> <invalid sloc>',
      "`-RecordDecl 0x10 </r/xen/arch-x86/hvm/save.h:40:1, line:60:1> line:40:8 struct hvm_hw_cpu definition",
      "  |-RecordDecl 0x11 <line:42:5, line:45:5> line:42:5 union definition",
      "  | `-FieldDecl 0x12 <line:43:9, col:18> col:18 referenced pending_event 'uint32_t':'unsigned int'",
      "  |-FieldDecl 0x13 <line:42:5> col:5 implicit referenced 'union hvm_hw_cpu::(anonymous at /r/xen/arch-x86/hvm/save.h:42:5)'",
      "  `-FieldDecl 0x14 <line:46:5, col:14> col:14 error_code 'uint32_t':'unsigned int'",
      '',
    ].join('\n');
    expect(readAst(ast).records.find((r) => r.fields.length === 2)?.fields.map((f) => f.name)).toEqual(['', 'error_code']);
  });

  it('links a typedef to the record it names, and carries files across elided locations', () => {
    expect(facts.typedefs.find((t) => t.name === 'buf_ioreq_t')).toMatchObject({ recordId: '0x20', loc: { file: '/r/xen/hvm/ioreq.h', line: 64 } });
    expect(facts.typedefs.find((t) => t.name === 'domid_t')).toMatchObject({ qualType: 'uint16_t', desugared: 'unsigned short' });
  });

  it('reads enumerators, counting on from the last value given, and a macro probe with the C type of its expression', () => {
    expect(facts.enumerators.filter((e) => e.name.startsWith('Xenbus')).map((e) => [e.name, e.value])).toEqual([
      ['XenbusStateUnknown', '0'],
      ['XenbusStateInitialising', '1'],
    ]);
    expect(facts.enumerators.find((e) => e.name === '__xenabi_macro_7')).toMatchObject({ value: '4096', exprType: 'unsigned long' });
  });
});

describe('readPreprocessed', () => {
  it('finds records, typedefs, enumerators and macros, placed after macro expansion by the line markers', () => {
    const text = [
      '# 1 "/r/xen/io/../io/blkif.h" 1 3',
      '#define BLKIF_OP_READ 0',
      '',
      'struct blkif_sring { unsigned req_prod; union blkif_sring_entry { int x; } ring[1]; };',
      'typedef struct blkif_sring blkif_sring_t;',
      'typedef unsigned char xen_domain_handle_t[16];',
      'enum xenbus_state { XenbusStateUnknown = 0, XenbusStateInitialising };',
      '#undef GONE',
    ].join('\n');
    const d = readPreprocessed(text);
    expect(d.records.get('struct blkif_sring')).toEqual({ file: '/r/xen/io/blkif.h', line: 3 });
    expect([...d.records.keys()]).toContain('union blkif_sring_entry');
    expect([...d.typedefs.keys()]).toEqual(['blkif_sring_t', 'xen_domain_handle_t']);
    expect([...d.enumerators.keys()]).toEqual(['XenbusStateUnknown', 'XenbusStateInitialising']);
    expect(d.macros.has('BLKIF_OP_READ')).toBe(true);
  });
});

describe('roots and macros', () => {
  const files = [
    { path: 'xen.h', text: '#include "xen-compat.h"\n#define DOMID_SELF xen_mk_uint(0x7FF0)\n#define __XEN_PUBLIC_XEN_H__\n' },
    { path: 'xen-compat.h', text: '#define __XEN_LATEST_INTERFACE_VERSION__ 0x00041100\n' },
    { path: 'arch-arm.h', text: '#define GUEST_RAM0_BASE xen_mk_ullong(0x40000000)\n' },
    { path: 'arch-x86/xen.h', text: '#include "xen-x86_64.h"\n' },
    { path: 'arch-x86/xen-x86_64.h', text: '' },
    { path: 'arch-arm/smccc.h', text: '#include "public/xen.h"\n' },
    { path: 'privcmd.h', text: '#include <linux/types.h>\n' },
    { path: 'hvm/dm_op.h', text: '#include "../xen.h"\n#define XEN_DMOP_nr_vcpus 20\n#define XEN_STR "x"\n#define F(x) (x)\n' },
  ];

  it("includes each header nothing else includes, of this architecture's family, that includes nothing missing", () => {
    expect(rootHeaders(files, 'x86_64')).toEqual(['xen.h', 'arch-x86/xen.h', 'hvm/dm_op.h']);
    expect(rootHeaders(files, 'arm64')).toEqual(['xen.h', 'arch-arm.h', 'hvm/dm_op.h']);
  });

  it("evaluates every object-like macro with a body that may be an integer, but Xen's guest interface version", () => {
    expect(candidateMacros(files).map((m) => m.name)).toEqual(['DOMID_SELF', 'GUEST_RAM0_BASE', 'XEN_DMOP_nr_vcpus']);
  });
});

describe('spelling', () => {
  const tree = { where: (kind: string, text: string) => `${kind} ${text}`, loc: () => undefined };

  it('spells guest handles and untagged records as the registry does', () => {
    const names = { byId: new Map(), byWhere: new Map([['union /r/a.h:3:5', 'xen_dm_op.u']]), byTypedef: new Map([['evtchn_send_t', 'evtchn_send']]), kinds: new Map<string, 'struct' | 'union'>() };
    expect(spellType('__guest_handle_64_uint8', names, tree)).toBe('XEN_GUEST_HANDLE_64(uint8)');
    expect(spellType('__guest_handle_const_void', names, tree)).toBe('XEN_GUEST_HANDLE(const_void)');
    expect(spellType('union (unnamed union at /r/a.h:3:5)', names, tree)).toBe('union xen_dm_op.u');
    expect(spellType('evtchn_send_t', names, tree)).toBe('struct evtchn_send');
    expect(splitDims('uint8_t[2][3]')).toEqual({ element: 'uint8_t', dims: [2, 3] });
  });

  it('sizes scalars by the data model, typedefs through their targets, records by their layouts', () => {
    const table = { sizes: new Map([['struct xen_argo_addr', 8]]), typedefs: new Map([['xen_pfn_t', 'unsigned long'], ['addr_t', 'struct xen_argo_addr']]) };
    expect(sizeOfType('xen_pfn_t[2]', 'x86_32', table, tree)).toBe(8);
    expect(sizeOfType('xen_pfn_t[2]', 'arm64', table, tree)).toBe(16);
    expect(sizeOfType('addr_t[3]', 'x86_64', table, tree)).toBe(24);
    expect(sizeOfType('__guest_handle_64_uint8', 'x86_32', table, tree)).toBe(8);
    expect(() => sizeOfType('struct nothing', 'x86_64', table, tree)).toThrow(/no size known/);
  });
});

describe('string macros', () => {
  const files = [
    {
      path: 'io/p.h',
      text: ['#define P_A "a-abi"', '#define P_B "b-abi" /* B */', '#if defined(__x86_64__)', '# define P_NATIVE P_A', '#else', '# define P_NATIVE P_B', '#endif', '#define P_ALIAS P_NATIVE', '#define P_NUM 5', '#define P_NAME P_NUM', '#define P_GLUED "x" "y"'].join('\n'),
    },
  ];

  it('are macros whose body is one string literal or names such a macro, and are no integer candidates', () => {
    expect(candidateTexts(files).map((m) => [m.name, m.sites.map((s) => s.line)])).toEqual([
      ['P_A', [1]],
      ['P_B', [2]],
      ['P_NATIVE', [4, 6]],
      ['P_ALIAS', [8]],
    ]);
    expect(candidateMacros(files).map((m) => m.name)).toEqual(['P_NUM', 'P_NAME']);
  });

  it('are read back from the AST as the text of each char array, escapes undone', () => {
    const ast = [
      'TranslationUnitDecl 0x1 <<invalid sloc>> <invalid sloc>',
      "|-VarDecl 0x2 <<stdin>:4:1, /x/xen/io/p.h:1:13> <stdin>:4:12 __xenabi_text_0 'const char[6]' cinit",
      "| `-StringLiteral 0x3 </x/xen/io/p.h:1:13> 'const char[6]' \"a-abi\"",
      "`-VarDecl 0x4 <<stdin>:7:1, col:32> col:12 __xenabi_text_1 'const char[9]' cinit",
      "  `-StringLiteral 0x5 <col:32> 'const char[9]' \"a\\\"b\\\\c??/\"",
    ].join('\n');
    expect(readAst(ast).texts.map((t) => [t.name, t.value])).toEqual([
      ['__xenabi_text_0', 'a-abi'],
      ['__xenabi_text_1', 'a"b\\c??/'],
    ]);
  });
});

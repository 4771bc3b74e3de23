// Header mode's function-like macros: read from the headers' text (no compiler), for the names
// the registry declares, then compared by the checker's rules as registry mode compares them.
import { describe, expect, it } from 'vitest';
import { checkAbi } from '../../src/check/engine.js';
import { addFunctionMacros } from '../../src/check/side/headers.js';
import { emptySide, type AbiSide } from '../../src/check/side/types.js';
import { functionMacros } from '../../src/headers/function-macros.js';
import type { HeaderFile } from '../../src/headers/roots.js';
import { parseMacroBody } from '../../src/model/macros.js';
import type { AbiModel, MacroDecl } from '../../src/model/types.js';

const loc = { file: 'abi/stable/memory.ts', line: 1, column: 1 };
const decl = (name: string, params: string[], body: string): MacroDecl => ({
  kind: 'macro',
  name,
  params,
  body: parseMacroBody(body, params),
  width: 32,
  samples: [params.map(() => '3')],
  namespace: 'stable',
  module: 'memory',
  since: '4.6',
  loc,
});
const registry = { macros: [decl('XENMEMF_node', ['x'], '(x + 1) << 8'), decl('XENMEMF_exact_node', ['n'], '((n + 1) << 8) | XENMEMF_exact_node_request'), decl('MASK_IDX', ['i'], 'i & (RING - 1)')] } as unknown as AbiModel;
const NAMES = new Set(registry.macros!.map((m) => m.name));

const memoryH = (node: string) => `#define XENMEMF_exact_node_request  (1<<17)
#define XENMEMF_node(x)     ${node}
#define XENMEMF_exact_node(n) (XENMEMF_node(n) | XENMEMF_exact_node_request)
#define XENMEMF_get_node(x) ((((x) >> 8) - 1) & 0xffu)
#define MASK_IDX(i) ((i) & (RING-1)) /* a comment */
#define MASK_IDX(i) never read: the first definition counts
`;

function side(text: string): AbiSide {
  const s = emptySide('headers', 'tree', '4.17', ['constantArchs', 'modules'], ['stable', 'unstable']);
  s.constants.XENMEMF_exact_node_request = { name: 'XENMEMF_exact_node_request', namespace: 'stable', module: 'memory', since: '4.6', value: String(1 << 17) };
  s.constants.RING = { name: 'RING', namespace: 'stable', module: 'memory', since: '4.6', value: '1024' };
  addFunctionMacros(s, [{ path: 'memory.h', text }], registry, 'xen/include/public/');
  return s;
}

describe('functionMacros', () => {
  it('reads the registry\'s macros with their parameters and normalised bodies, expanding calls of each other', () => {
    const files: HeaderFile[] = [{ path: 'memory.h', text: memoryH('(((x)+1)<<8)') }];
    expect(functionMacros(files, NAMES).map((m) => [m.name, m.params, m.body, m.line])).toEqual([
      ['XENMEMF_node', ['x'], '(x + 1) << 8', 2],
      ['XENMEMF_exact_node', ['n'], '((n + 1) << 8) | XENMEMF_exact_node_request', 3],
      ['MASK_IDX', ['i'], 'i & (RING - 1)', 5],
    ]);
  });

  it('keeps a body that is not pure arithmetic as empty: name and arity only', () => {
    const [m] = functionMacros([{ path: 'x.h', text: '#define XENMEMF_node(x) ((uint32_t)(x) + 1)\n' }], NAMES);
    expect(m).toMatchObject({ name: 'XENMEMF_node', params: ['x'], body: '' });
  });
});

describe('header mode compares macros as registry mode does', () => {
  it('says nothing for the same macros respelled', () => {
    const result = checkAbi(side(memoryH('(((x)+1)<<8)')), side(memoryH('((1 + (x)) << 0x8)')));
    expect(result.findings).toEqual([]);
    expect(result.skipped.map((s) => s.rule)).not.toContain('MACRO_VALUE_CHANGED');
  });

  it('reports another value (also through a macro that calls it), another arity and a removal, located in the header', () => {
    const base = side(memoryH('(((x)+1)<<8)'));
    const changed = checkAbi(base, side(memoryH('(((x)+2)<<8)'))).findings.map((f) => `${f.severity} ${f.rule} ${f.item} ${f.loc.file}:${f.loc.line}`);
    expect(changed).toEqual(['error MACRO_VALUE_CHANGED XENMEMF_node xen/include/public/memory.h:2', 'error MACRO_VALUE_CHANGED XENMEMF_exact_node xen/include/public/memory.h:3']);
    const arity = memoryH('(((x)+1)<<8)').replace('XENMEMF_node(x)     (((x)+1)<<8)', 'XENMEMF_node(x, y) (((x)+(y))<<8)');
    expect(checkAbi(base, side(arity)).findings.map((f) => `${f.rule} ${f.item} ${f.base} → ${f.head}`)).toContain('MACRO_PARAMS_CHANGED XENMEMF_node XENMEMF_node(x) → XENMEMF_node(x, y)');
    const gone = memoryH('(((x)+1)<<8)').replace(/^#define MASK_IDX.*$/gm, '');
    expect(checkAbi(base, side(gone)).findings.map((f) => `${f.severity} ${f.rule} ${f.item}`)).toEqual(['error MACRO_REMOVED MASK_IDX']);
  });
});

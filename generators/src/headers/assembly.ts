/**
 * Reading data back from the assembly clang writes with `-S`: the bytes under each label,
 * from the data directives of the four targets' assemblers (GNU as syntax on x86 and Arm).
 */

import type { Arch } from '../model/types.js';

/** The size of the assembler's `.word` on each architecture. */
export const WORD_BYTES: Record<Arch, 2 | 4> = { x86_32: 2, x86_64: 2, arm32: 4, arm64: 4 };

const DIRECTIVE_BYTES: Record<string, number> = {
  '.byte': 1,
  '.short': 2, '.hword': 2, '.2byte': 2, '.value': 2,
  '.long': 4, '.int': 4, '.4byte': 4,
  '.quad': 8, '.xword': 8, '.8byte': 8, '.dword': 8,
};

/**
 * The bytes under every label that is followed by data directives, in order. `.word` is 2
 * bytes on x86 and 4 on Arm; `word` says which (`WORD_BYTES`).
 */
export function parseAssemblyData(asm: string, word: 2 | 4): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let label: string | undefined;
  let bytes: number[] = [];
  const close = () => {
    if (label !== undefined && bytes.length) out.set(label, Uint8Array.from(bytes));
    label = undefined;
    bytes = [];
  };
  for (const raw of asm.split('\n')) {
    const line = stripComment(raw).trim();
    if (line === '') continue;
    const labelMatch = /^([A-Za-z_.$][\w.$]*):$/.exec(line);
    if (labelMatch) {
      close();
      label = labelMatch[1];
      continue;
    }
    if (label === undefined) continue;
    const m = /^(\.[a-z0-9]+)\s*(.*)$/.exec(line);
    const data = m ? directiveBytes(m[1] ?? '', m[2] ?? '', word) : undefined;
    if (data === undefined) close();
    else bytes.push(...data);
  }
  close();
  return out;
}

function stripComment(line: string): string {
  // Comments start with `#` (x86), `@` (arm32) or `//` (arm64), outside string literals.
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i - 1] !== '\\') inString = !inString;
    if (inString) continue;
    if (c === '#' || c === '@' || (c === '/' && line[i + 1] === '/')) return line.slice(0, i);
  }
  return line;
}

function directiveBytes(directive: string, operand: string, word: number): number[] | undefined {
  if (directive === '.zero' || directive === '.space' || directive === '.skip') {
    const [count = '0', fill = '0'] = operand.split(',').map((s) => s.trim());
    return new Array<number>(Number(count)).fill(Number(fill) & 0xff);
  }
  if (directive === '.ascii' || directive === '.asciz' || directive === '.string') {
    const text = cStringBytes(operand.trim());
    return directive === '.ascii' ? text : [...text, 0];
  }
  const width = directive === '.word' ? word : DIRECTIVE_BYTES[directive];
  if (width === undefined) return undefined;
  const bytes: number[] = [];
  for (const v of operand.split(',')) {
    let value = BigInt.asUintN(width * 8, BigInt(v.trim()));
    for (let b = 0; b < width; b++) {
      bytes.push(Number(value & 0xffn));
      value >>= 8n;
    }
  }
  return bytes;
}

/** The bytes of a GNU as string literal: `"\377\000a"`. */
export function cStringBytes(literal: string): number[] {
  const body = literal.replace(/^"/, '').replace(/"$/, '');
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1));
    if (octal) {
      out.push(Number.parseInt(octal[0], 8) & 0xff);
      i += octal[0].length;
      continue;
    }
    const hex = /^x([0-9a-fA-F]+)/.exec(body.slice(i + 1));
    if (hex) {
      out.push(Number.parseInt(hex[1] ?? '0', 16) & 0xff);
      i += hex[0].length;
      continue;
    }
    const next = body[i + 1] ?? '';
    out.push(simple[next] ?? next.charCodeAt(0));
    i += 1;
  }
  return out;
}

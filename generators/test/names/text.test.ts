// The characters no generated file carries (names/text.ts), and how string literals escape them.
import { describe, expect, it } from 'vitest';
import { describeCharacter, escapeUnsafe, firstUnsafe } from '../../src/names/text.js';

const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029,
];

describe('unsafe text', () => {
  it('finds every control character but tab and newline, every bidirectional control and both separators', () => {
    for (const c of UNSAFE) expect(firstUnsafe(`ab${String.fromCharCode(c)}c`), c.toString(16)).toEqual({ index: 2, codePoint: c });
  });

  it('leaves tabs, newlines, printable ASCII and other Unicode alone', () => {
    const fine = 'tab\there\nnext line: é ü ß 中文 – — … ✓ \u00a0 \u200b \u2060';
    expect(firstUnsafe(fine)).toBeUndefined();
    for (let c = 0x20; c < 0x7f; c++) expect(firstUnsafe(String.fromCharCode(c))).toBeUndefined();
  });

  it('names what it found', () => {
    expect(describeCharacter(0x202e)).toBe('U+202E (RIGHT-TO-LEFT OVERRIDE, a bidirectional or line-breaking control)');
    expect(describeCharacter(0x1b)).toBe('U+001B (a control character)');
  });

  it('escapes every one of them, and only them', () => {
    const text = `x${UNSAFE.map((c) => String.fromCharCode(c)).join('')}\t\ny`;
    const escaped = escapeUnsafe(text, (cp) => `<${cp}>`);
    expect(firstUnsafe(escaped)).toBeUndefined();
    expect(escaped).toBe(`x${UNSAFE.map((c) => `<${c}>`).join('')}\t\ny`);
  });
});

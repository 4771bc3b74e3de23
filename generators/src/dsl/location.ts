import type { RawLocation } from './defs.js';

/** Frames from these folders belong to xenabi itself, never to an ABI module. */
const OWN_FRAMES = /[\\/](generators[\\/](src|dist)[\\/]dsl|node_modules)[\\/]/;
const FRAME = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?$/;

/**
 * The place in an ABI module that called the DSL. Read from the stack, which the loader
 * maps back to the TypeScript source, so diagnostics can name `abi/stable/dm_op.ts:42`.
 */
export function callerLocation(): RawLocation {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match || OWN_FRAMES.test(match[1] ?? '')) continue;
    const file = (match[1] ?? '').replace(/^file:\/\//, '');
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return { file: '<unknown>', line: 0, column: 0 };
}

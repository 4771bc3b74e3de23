import { baselineEmitter } from '../emit/baseline/index.js';
import { cEmitter } from '../emit/c/index.js';
import { docsEmitter } from '../emit/docs/index.js';
import type { Emitter } from '../emit/emitter.js';
import { rustEmitter } from '../emit/rust/index.js';
import { tsEmitter } from '../emit/ts/index.js';

/** Every emitter `xenabi generate` runs, in a fixed order. */
export const EMITTERS: Emitter[] = [cEmitter, rustEmitter, tsEmitter, docsEmitter, baselineEmitter];

import { docsEmitter } from '../emit/docs/index.js';
import type { Emitter } from '../emit/emitter.js';

/** Every emitter `xenabi generate` runs, in a fixed order. */
export const EMITTERS: Emitter[] = [docsEmitter];

import type { ValidationPass } from '../pass.js';

/** Every semantic pass, in the order they run. */
export const PASSES: ValidationPass[] = [];

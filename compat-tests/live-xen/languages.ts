/**
 * The languages each live-Xen boot runs, in order: first the guest alone (no device model),
 * proving the pipeline and what an unclaimed range reads.
 */
import type { LanguageSpec } from './lib/suite.js';

export function LANGUAGES(): LanguageSpec[] {
  return [{ language: 'none' }];
}

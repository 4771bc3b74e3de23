/**
 * The fuzzers of `fuzz-properties.ts` over every record the package exports.
 */
import { CODECS } from './codecs.js';
import { fuzzCodecs } from './fuzz-properties.js';

fuzzCodecs(CODECS);

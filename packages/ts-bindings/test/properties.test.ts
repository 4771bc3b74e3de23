/**
 * Property tests of every record the package exports, on every architecture it exists on
 * (see record-properties.ts).
 */
import { CODECS } from './codecs.js';
import { recordProperties } from './record-properties.js';

recordProperties(CODECS);

import type { ValidationPass } from '../pass.js';
import { arrayLength } from './array-length.js';
import { constantValue } from './constant-value.js';
import { bitField } from './bit-field.js';
import { declarationOrder } from './declaration-order.js';
import { duplicateName } from './duplicate-name.js';
import { duplicateOp } from './duplicate-op.js';
import { fieldDirection } from './field-direction.js';
import { flagBits } from './flag-bits.js';
import { flexibleArray } from './flexible-array.js';
import { implicitPadding } from './implicit-padding.js';
import { interfaceVersion } from './interface-version.js';
import { keyword } from './keyword.js';
import { lifetime } from './lifetime.js';
import { macroBody } from './macro-body.js';
import { linuxLifetime } from './linux-lifetime.js';
import { moduleName } from './module-name.js';
import { recordRuns } from './record-runs.js';
import { recordSize } from './record-size.js';
import { referenceLifetime } from './reference-lifetime.js';
import { rings } from './rings.js';
import { stableReference } from './stable-reference.js';
import { stringConstant } from './string-constant.js';
import { typeCycle } from './type-cycle.js';
import { unionSelector } from './union-selector.js';
import { unknownReference } from './unknown-reference.js';
import { unsafeText } from './unsafe-text.js';

/**
 * Every semantic pass, in the order they run: names first, then references, lifetimes,
 * structure, and last the layout-based checks (sizes, then padding).
 */
export const PASSES: ValidationPass[] = [
  moduleName,
  duplicateName,
  recordRuns,
  keyword,
  unsafeText,
  stringConstant,
  unknownReference,
  stableReference,
  interfaceVersion,
  lifetime,
  linuxLifetime,
  referenceLifetime,
  flexibleArray,
  bitField,
  arrayLength,
  typeCycle,
  declarationOrder,
  duplicateOp,
  fieldDirection,
  unionSelector,
  constantValue,
  macroBody,
  flagBits,
  rings,
  recordSize,
  implicitPadding,
];

/**
 * `stable-reference`: the stable ABI never changes, so nothing in it may depend on an item
 * of the unstable (interface-versioned) ABI: no field or typedef of an unstable type, no
 * array length spelled with an unstable constant, no set tied to an unstable record.
 */
import type { ValidationPass } from '../pass.js';
import { referencesOf, resolveTarget } from '../references.js';
import { error, where } from '../report.js';
import { scopesOf } from '../scope.js';

const RULE = 'stable-reference';

export const stableReference: ValidationPass = {
  id: RULE,
  description: 'Stable items must not refer to unstable ones.',
  run(model) {
    const { index } = scopesOf(model);
    return referencesOf(model).flatMap((ref) => {
      if (ref.namespace !== 'stable') return [];
      const target = resolveTarget(index, ref.target);
      if (!target || target.namespace !== 'unstable') return [];
      return [
        error(
          RULE,
          ref.loc,
          ref.item,
          `stable ${ref.item} uses \`${ref.target.name}\` (${ref.role} it), which is unstable (module ${target.module}, ${where(target.loc)}); the stable ABI cannot depend on an interface-versioned one`,
        ),
      ];
    });
  },
};

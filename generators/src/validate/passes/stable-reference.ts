/**
 * `stable-reference`: the stable ABI never changes, so nothing in it may depend on an item
 * of the unstable (interface-versioned) ABI: no field or typedef of an unstable type, no
 * array length spelled with an unstable constant, no set tied to an unstable record. Linux's
 * interface builds on Xen's stable ABI (`domid_t`) and obeys the same rule; Xen's ABI, which
 * no operating system owns, refers to none of Linux's items.
 */
import type { ValidationPass } from '../pass.js';
import { referencesOf, resolveTarget } from '../references.js';
import { error, where } from '../report.js';
import { scopesOf } from '../scope.js';

const RULE = 'stable-reference';

export const stableReference: ValidationPass = {
  id: RULE,
  description: 'Stable and linux items must not refer to unstable ones; Xen items must not refer to linux ones.',
  run(model) {
    const { index } = scopesOf(model);
    return referencesOf(model).flatMap((ref) => {
      const target = resolveTarget(index, ref.target);
      if (!target || target.namespace === ref.namespace) return [];
      if (target.namespace === 'linux') {
        return [error(RULE, ref.loc, ref.item, `${ref.namespace} ${ref.item} uses \`${ref.target.name}\` (${ref.role} it), which is Linux's (module ${target.module}, ${where(target.loc)}); Xen's ABI cannot depend on one operating system's interface`)];
      }
      if (ref.namespace === 'unstable' || target.namespace !== 'unstable') return [];
      return [
        error(
          RULE,
          ref.loc,
          ref.item,
          `${ref.namespace} ${ref.item} uses \`${ref.target.name}\` (${ref.role} it), which is unstable (module ${target.module}, ${where(target.loc)}); the ${ref.namespace === 'linux' ? "Linux interface" : 'stable ABI'} cannot depend on an interface-versioned one`,
        ),
      ];
    });
  },
};

/**
 * The JSON Schema of the waivers file (`abi/waivers.json`). `xenabi generate` also writes it
 * to `abi/waivers.schema.json`, which the waivers file names in `$schema` so editors check it.
 */
import { ARCHES } from '../../model/arch.js';
import { RULES } from '../rules/catalogue.js';

export const WAIVERS_SCHEMA_PATH = 'abi/waivers.schema.json';

export const WAIVERS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'xenabi waivers',
  description: 'Breaking changes the project accepted, each with the rule, the item and why. Read by `xenabi check`.',
  type: 'object',
  required: ['waivers'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    waivers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'item', 'reason'],
        additionalProperties: false,
        properties: {
          rule: {
            description: 'The rule ID the waiver accepts, as `xenabi check` reports it.',
            enum: RULES.filter((r) => r.category !== 'waiver').map((r) => r.id),
          },
          item: { description: 'The item exactly as reported: `record`, `record.field`, a constant, a module.', type: 'string', minLength: 1 },
          reason: { description: 'Why the break is accepted: reviewed in the pull request that adds it.', type: 'string', minLength: 10 },
          expires: {
            description: 'The Xen release from which the waiver no longer applies (it is then reported as expired).',
            type: 'string',
            pattern: '^[0-9]+\\.[0-9]+$',
          },
          arch: { description: 'Only on this architecture.', enum: [...ARCHES] },
          release: {
            description:
              'The Xen release whose change the waiver accepts (a break Xen itself made). The waiver then applies only to comparisons whose base is older than this release and whose head is at it or newer, and is ignored, not reported unused, in any other.',
            type: 'string',
            pattern: '^[0-9]+\\.[0-9]+$',
          },
        },
      },
    },
  },
} as const;

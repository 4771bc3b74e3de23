/**
 * Runs every `count`-th selected mutation (`selectMutations`), starting at `index`: the test starts one process per core
 * (`shard.ts`), since each check is independent of the others. The model comes in as data,
 * as the parent loaded it, so a shard never evaluates `abi/` itself.
 */
import type { AbiModel } from '../../../generators/src/model/types.js';
import { NEWEST_RELEASE } from '../../../generators/src/model/releases.js';
import { atRelease } from '../../../generators/src/select/release.js';
import { generateMutations, selectMutations } from './generate.js';
import { runMutation, sideOfView } from './judge.js';

/** One judgement as a shard reports it. */
export interface ShardResult {
  id: string;
  ok: boolean;
  problem?: string;
  reported: string[];
}

export function runShard(model: AbiModel, index: number, count: number): ShardResult[] {
  const view = atRelease(model, NEWEST_RELEASE);
  const base = sideOfView(view, 'abi/ (unmutated)');
  return selectMutations(generateMutations(view))
    .filter((_, i) => i % count === index)
    .map((m) => {
      const { ok, problem, reported } = runMutation(base, view, m);
      return { id: m.id, ok, ...(problem ? { problem } : {}), reported };
    });
}

/**
 * One shard of the mutation suite as a process: reads the model the test loaded (JSON) and
 * prints its judgements as JSON. The test bundles this file with esbuild into build/ and
 * starts one per core.
 *
 *     node build/shard.mjs MODEL.json INDEX COUNT
 */
import { readFileSync } from 'node:fs';
import { runShard } from './lib/shard.js';

const [modelFile, index = '0', count = '1'] = process.argv.slice(2);
if (!modelFile) throw new Error('usage: shard.mjs MODEL.json INDEX COUNT');
process.stdout.write(JSON.stringify(runShard(JSON.parse(readFileSync(modelFile, 'utf8')), Number(index), Number(count))));

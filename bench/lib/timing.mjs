// Wall-time measurement of whole processes, interleaved so machine noise hits every
// contender alike; reports medians and ratios measured in the same run.
import { spawnSync } from 'node:child_process';

/** Runs each contender `rounds` times, interleaved; returns the median, min and max milliseconds per contender. */
export function timeProcesses(contenders, { rounds = 15, warmup = 2 } = {}) {
  const samples = new Map(contenders.map((c) => [c.name, []]));
  for (let round = -warmup; round < rounds; round++) {
    for (const c of contenders) {
      const start = process.hrtime.bigint();
      const result = spawnSync(c.command, c.args, { cwd: c.cwd, env: { ...process.env, ...c.env }, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // `okStatus` lists the exit codes that mean success (a checker reporting a break exits non-zero).
      if (!(c.okStatus ?? [0]).includes(result.status)) throw new Error(`${c.name} failed (${result.status}): ${result.stderr}`);
      if (round >= 0) samples.get(c.name).push(ms);
    }
  }
  return contenders.map((c) => ({ name: c.name, medianMs: median(samples.get(c.name)), minMs: Math.min(...samples.get(c.name)), maxMs: Math.max(...samples.get(c.name)), rounds }));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Wall-time measurement of whole processes, interleaved so machine noise hits every
// contender alike; reports medians and ratios measured in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Runs each contender `rounds` times, interleaved; returns the median, min and max milliseconds per contender. */
export function timeProcesses(contenders, { rounds = 15, warmup = 2 } = {}) {
  const samples = new Map(contenders.map((c) => [c.name, []]));
  const cpu = new Map(contenders.map((c) => [c.name, []]));
  for (let round = -warmup; round < rounds; round++) {
    for (const c of contenders) {
      const cpuBefore = childrenCpuMs();
      const start = process.hrtime.bigint();
      const result = spawnSync(c.command, c.args, { cwd: c.cwd, env: { ...process.env, ...c.env }, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const cpuAfter = childrenCpuMs();
      // `okStatus` lists the exit codes that mean success (a checker reporting a break exits non-zero).
      if (!(c.okStatus ?? [0]).includes(result.status)) throw new Error(`${c.name} failed (${result.status}): ${result.stderr}`);
      if (round >= 0) samples.get(c.name).push(ms);
      if (round >= 0 && cpuBefore !== undefined && cpuAfter !== undefined) cpu.get(c.name).push(cpuAfter - cpuBefore);
    }
  }
  return contenders.map((c) => ({ name: c.name, samples: samples.get(c.name), medianMs: median(samples.get(c.name)), minMs: Math.min(...samples.get(c.name)), maxMs: Math.max(...samples.get(c.name)), ...(cpu.get(c.name).length ? { cpuMedianMs: median(cpu.get(c.name)) } : {}), rounds }));
}

/**
 * A ratio taken per round, `a`'s time over `b`'s in the same round (both from one
 * `timeProcesses` or `timeProcessesWithMemory` run), as min, median and max over the rounds.
 */
export function roundRatios(a, b) {
  const ratios = a.samples.map((x, i) => x / b.samples[i]);
  return { min: Math.min(...ratios), median: median(ratios), max: Math.max(...ratios), ratios };
}

/** `min / median / max` of a `roundRatios` result, with `digits` decimals. */
export function formatSpread({ min, median: mid, max }, digits = 2) {
  return [min, mid, max].map((v) => v.toFixed(digits)).join(' / ');
}

/**
 * What a figure needs beside it: the date and time (UTC), the commit measured (short hash,
 * marked when the work tree has uncommitted changes to tracked files) and the load average.
 */
export function runInfo(root) {
  const git = (...argv) => spawnSync('git', argv, { cwd: root, encoding: 'utf8' }).stdout.trim();
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  let load = 'unknown';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {}
  return { date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, commit: `${commit}${dirty ? ' (with uncommitted changes)' : ''}`, load };
}

/**
 * The CPU time (user + system) of this process's waited-for children so far, from
 * /proc/self/stat (Linux; 10 ms ticks): a process's CPU time counts its own waited-for
 * children, so a contender's compilers are in it. Undefined elsewhere.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command name: field 3 is the state, so cutime and cstime (fields 16, 17) are at 13, 14.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Like `timeProcesses`, but each contender runs under GNU time, which records its peak
 * resident set and CPU time: returns min, median and max milliseconds, every sample, the
 * largest and median peak RSS (MiB), and every CPU sample (user + system, in GNU time's
 * 10 ms steps) with its median, per contender. GNU time adds the same fork to every contender.
 */
export function timeProcessesWithMemory(contenders, { rounds = 9, warmup = 2, rssFile }) {
  const samples = new Map(contenders.map((c) => [c.name, { ms: [], rss: [], cpu: [] }]));
  for (let round = -warmup; round < rounds; round++) {
    for (const c of contenders) {
      const start = process.hrtime.bigint();
      const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', rssFile, c.command, ...c.args], { cwd: c.cwd, env: { ...process.env, ...c.env }, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!(c.okStatus ?? [0]).includes(result.status)) throw new Error(`${c.name} failed (${result.status}): ${result.stderr}`);
      // User and system seconds (10 ms steps), then the peak resident set in KiB.
      const [user, system, kib] = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
      if (round >= 0) samples.get(c.name).ms.push(ms), samples.get(c.name).rss.push(kib / 1024), samples.get(c.name).cpu.push((user + system) * 1000);
    }
  }
  return contenders.map((c) => {
    const { ms, rss, cpu } = samples.get(c.name);
    return { name: c.name, samples: ms, minMs: Math.min(...ms), medianMs: median(ms), maxMs: Math.max(...ms), medianRssMiB: median(rss), maxRssMiB: Math.max(...rss), cpuSamples: cpu, medianCpuMs: median(cpu), rounds };
  });
}

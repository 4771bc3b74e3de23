// Types of timing.mjs, for benchmarks written in TypeScript (run with tsx).
export interface Contender {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Exit codes that mean success; default [0]. */
  okStatus?: number[];
}

export interface Timing {
  name: string;
  /** The milliseconds of each round, in round order. */
  samples: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  rounds: number;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  ratios: number[];
}

export function roundRatios(a: Timing, b: Timing): Spread;
export function formatSpread(spread: Spread, digits?: number): string;
export function runInfo(root: string): { date: string; commit: string; load: string };

export function timeProcesses(contenders: Contender[], options?: { rounds?: number; warmup?: number }): Timing[];
export function median(values: number[]): number;

export interface FullTiming extends Timing {
  medianRssMiB: number;
  maxRssMiB: number;
  /** CPU time (user + system) of each round, in milliseconds (GNU time's 10 ms steps). */
  cpuSamples: number[];
  medianCpuMs: number;
}

export function timeProcessesWithMemory(contenders: Contender[], options: { rounds?: number; warmup?: number; rssFile: string }): FullTiming[];

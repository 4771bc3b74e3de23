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
  medianMs: number;
  minMs: number;
  rounds: number;
}

export function timeProcesses(contenders: Contender[], options?: { rounds?: number; warmup?: number }): Timing[];
export function median(values: number[]): number;

export interface FullTiming extends Timing {
  samples: number[];
  maxMs: number;
  medianRssMiB: number;
  maxRssMiB: number;
}

export function timeProcessesWithMemory(contenders: Contender[], options: { rounds?: number; warmup?: number; rssFile: string }): FullTiming[];

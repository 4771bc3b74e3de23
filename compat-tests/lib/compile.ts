/**
 * Runs compiler invocations in parallel, a few at a time, and collects their output. Every
 * job is one process; nothing is run through a shell.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface Job {
  /** What the job checks, for failure messages. @example "clang x86_64 c11: xenabi/stable/dm_op.h" */
  label: string;
  command: string;
  args: string[];
  /** Where it runs (default: the test's working directory). */
  cwd?: string;
  /** Variables added to the environment. */
  env?: Record<string, string>;
}

export interface JobResult {
  job: Job;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs every job, at most `concurrency` at once; results are in job order. */
export async function runJobs(jobs: readonly Job[], concurrency = Math.max(2, availableParallelism())): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index] as Job;
      results[index] = await runJob(job);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return results;
}

export function runJob(job: Job): Promise<JobResult> {
  return new Promise((resolve) => {
    const child = spawn(job.command, job.args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: job.cwd, env: job.env ? { ...process.env, ...job.env } : process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => resolve({ job, code: 127, stdout, stderr: stderr + String(e) }));
    child.on('close', (code) => resolve({ job, code: code ?? 1, stdout, stderr }));
  });
}

/** The command line of a job, for a person to re-run it. */
export function commandLine(job: Job): string {
  return [job.command, ...job.args].map((a) => (/^[\w./=+:-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A readable report of failed jobs: label, command and the first lines of the compiler's output. */
export function failureReport(results: readonly JobResult[], lines = 12): string {
  return results
    .map((r) => `✗ ${r.job.label}\n  $ ${commandLine(r.job)}\n${(r.stderr || r.stdout).split('\n').slice(0, lines).map((l) => `    ${l}`).join('\n')}`)
    .join('\n\n');
}

/**
 * Runs a host program without blocking the event loop (a fetch or a build can take a minute,
 * and vitest's worker must keep answering its runner meanwhile); fails with its command line
 * and output.
 */
import { commandLine, runJob } from '../../lib/compile.js';

export async function exec(command: string, args: string[]): Promise<string> {
  const job = { label: command, command, args };
  const r = await runJob(job);
  if (r.code !== 0) throw new Error(`${commandLine(job)} failed (exit ${r.code}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

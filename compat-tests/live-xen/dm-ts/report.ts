/** The "@lx" lines the host reads from dom0's console (lib/report.ts). */
export class Report {
  failures = 0;

  constructor(readonly language: string) {}

  /** Reports `name` and returns whether it passed. */
  step(name: string, passed: boolean, detail: string): boolean {
    if (!passed) this.failures++;
    console.log(`@lx step ${this.language} ${name} ${passed ? 'pass' : 'fail'} ${detail}`);
    return passed;
  }

  /** Runs `call` as step `name`: what it was, and its result or error. */
  call<T>(name: string, what: string, call: () => T): T | undefined {
    try {
      const result = call();
      this.step(name, true, `${what}: ok`);
      return result;
    } catch (e) {
      this.step(name, false, `${what}: ${message(e)}`);
      return undefined;
    }
  }

  count(name: string, value: number | bigint): void {
    console.log(`@lx count ${this.language} ${name} ${value}`);
  }
}

export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');

/** What a command may touch: output streams and the working directory. Tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** True when stdout is a terminal (colour allowed). */
  isTty: boolean;
}

export const EXIT_OK = 0;
/** A finding: stale output, a breaking change. */
export const EXIT_FINDING = 1;
/** Bad input or usage. */
export const EXIT_BAD_INPUT = 2;

/** A usage error: printed with the command's help hint, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

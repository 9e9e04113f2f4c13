/** Where the command writes and reads: the real terminal, or the lines a test collects. */
import { createInterface } from 'node:readline';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  stdin: () => AsyncIterable<string>;
  /** Whether standard input is a terminal (a person typing), not a pipe or a file. */
  stdinIsTTY?: () => boolean;
}

export const defaultIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  stdin: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  stdinIsTTY: () => process.stdin.isTTY === true,
};

/** A failure the user can fix: printed as one sentence, exit code attached. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

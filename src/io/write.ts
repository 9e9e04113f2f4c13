/**
 * Writing a workbook file without ever damaging one: the new file is written beside the target under a
 * unique temporary name, synced, then renamed over the target. A failure (disk full, a file-size limit,
 * an error in the middle) leaves the target as it was and removes the temporary file; concurrent runs
 * on one target each rename a whole file, so the last one wins and the target is never a mix.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { WorkbookAdapter, WorkbookRead, WritePlan } from '../core/types.js';
import { FILE_MESSAGES, PackageError, WorkbookFileError } from './errors.js';
import { patchPackage } from './patch.js';
import { openPackage, readWorkbookFile } from './read.js';

/** Whether two paths name the same file (through links or different spellings). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    try {
      return realpathSync(dirname(resolve(a))) === realpathSync(dirname(resolve(b))) && basename(a) === basename(b);
    } catch {
      return resolve(a) === resolve(b);
    }
  }
}

/**
 * Produces a file at `target` atomically. `produce` writes into the open temporary file descriptor.
 */
export async function atomicWrite(target: string, produce: (fd: number) => Promise<void>): Promise<void> {
  const dir = dirname(resolve(target));
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o666);
  } catch (e) {
    throw new WorkbookFileError(FILE_MESSAGES.cannotWrite(target, (e as Error).message), (e as NodeJS.ErrnoException).code);
  }
  // Under `ulimit -f` the kernel sends SIGXFSZ, whose default action kills the process; ignored, the
  // write fails with EFBIG instead and the temporary file is cleaned up.
  const ignore = () => {};
  process.on('SIGXFSZ', ignore);
  try {
    try {
      // The copy keeps the target's permissions when it replaces one.
      fchmodSync(fd, statSync(target).mode & 0o7777);
    } catch {
      /* a new file: the default mode */
    }
    await produce(fd);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(temp, target);
    try {
      // Make the rename itself durable.
      const dfd = openSync(dir, 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      /* not every file system lets a directory be synced */
    }
  } catch (e) {
    if (fd >= 0) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      /* never created or already gone */
    }
    if (e instanceof WorkbookFileError) throw e;
    if (e instanceof PackageError) throw new WorkbookFileError(FILE_MESSAGES.unreadable(target));
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(FILE_MESSAGES.cannotWrite(target, code ?? (e as Error).message), code);
  } finally {
    process.off('SIGXFSZ', ignore);
  }
}

export interface WriteOptions {
  /** Allow the output to be the input file itself (replaced by the same atomic rename). */
  inPlace?: boolean;
}

/**
 * The scored copy: `input` with `plan` applied, written atomically to `output`. Refuses an output that
 * is the input unless `inPlace` is set.
 */
export async function writeScoredCopy(input: string | Uint8Array, output: string, plan: WritePlan, options: WriteOptions = {}): Promise<void> {
  if (typeof input === 'string' && !options.inPlace && sameFile(input, output)) throw new WorkbookFileError(FILE_MESSAGES.sameFile(output));
  const zip = openPackage(input);
  try {
    await atomicWrite(output, (fd) => patchPackage(zip, plan, fd));
  } finally {
    zip.close();
  }
}

/** The xlsx file as a host: read the plan sheets, apply a write plan into `output`. */
export class XlsxFileAdapter implements WorkbookAdapter {
  constructor(
    private readonly source: string | Uint8Array,
    private readonly output: string,
    private readonly options: WriteOptions = {},
  ) {}

  read(): Promise<WorkbookRead> {
    return readWorkbookFile(this.source);
  }

  apply(plan: WritePlan): Promise<void> {
    return writeScoredCopy(this.source, this.output, plan, this.options);
  }
}

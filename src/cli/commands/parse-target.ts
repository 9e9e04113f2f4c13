/** `cruscotto parse-target`: target expressions as JSON, one a line, from the arguments or standard input. */
import { parseTarget, targetToJson, t as coreT } from '../../core/index.js';
import type { CommandLine } from '../args.js';
import type { Io } from '../terminal.js';
import { say } from '../text.js';

export async function parseTargetCommand(line: CommandLine, io: Io): Promise<number> {
  const year = line.options.year ?? null;
  let failed = false;
  const one = (input: string) => {
    const json = targetToJson(input, parseTarget(input, { year }));
    if ('error' in json) {
      failed = true;
      json.error = coreT(line.lang, `target.error.${json.error as 'unreadable'}`);
    }
    io.out(JSON.stringify(json));
  };
  if (line.positional.length > 0) line.positional.forEach(one);
  else {
    // A person at a terminal would otherwise see a command that seems to hang.
    if (io.stdinIsTTY?.()) io.err(say(line.lang, 'stdinHint'));
    for await (const text of io.stdin()) if (text.trim() !== '') one(text);
  }
  return failed ? 1 : 0;
}

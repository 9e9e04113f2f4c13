/**
 * google.script.run as promises, typed by the server module (the pattern of gas-client's
 * GASClient<typeof serverFunctions>): calling a function the server does not have, or with the wrong
 * arguments, does not compile, and the answer has the server function's return type.
 */
import type { ServerFunctions } from './sidebar-api.js';

export type ServerName = keyof ServerFunctions;

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error) => void): ScriptRun;
}
declare const google: { script: { run: ScriptRun } };

export function server<K extends ServerName>(fn: K, ...args: Parameters<ServerFunctions[K]>): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<ServerFunctions[K]>))
      .withFailureHandler(reject) as unknown as Record<K, (...a: Parameters<ServerFunctions[K]>) => void>;
    runner[fn](...args);
  });
}

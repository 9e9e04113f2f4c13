/**
 * Runs before functions.ts (first in its webpack entry). The metadata plugin appends
 * CustomFunctions.associate(...) calls to functions.ts; where the page has no custom-functions runtime
 * (opened outside Excel, or an Excel without CustomFunctionsRuntime) they would throw
 * "CustomFunctions is not defined" and the pane would never say what is wrong. A no-op stands in there:
 * with nothing to register the functions with, not registering them is the right outcome.
 */
const scope = globalThis as { CustomFunctions?: unknown };

if (typeof scope.CustomFunctions === 'undefined') {
  class CustomFunctionError extends Error {
    constructor(readonly code: string, message?: string) {
      super(message);
    }
  }
  scope.CustomFunctions = { associate: () => undefined, Error: CustomFunctionError, ErrorCode: { invalidValue: '#VALUE!' } };
}

export {};

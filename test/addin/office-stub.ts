/**
 * Stands in for Office in the browser test, on top of Microsoft's real excel-web-16.00.js (the test serves
 * both as the CDN's office.js): Office.onReady, the ribbon action registry, a stub CustomFunctions, and
 * Excel.run whose requests office.js serialises and the strict fake executes, in the page.
 */
import { FakeExcel } from './fake-excel.js';
import { monitoredPlan, ownersPlan, piraPlan } from './plans.js';

declare const OfficeExtension: { HttpUtility: { setCustomSendRequestFunc(f: (r: { body: unknown }) => Promise<unknown>): void } };
declare const Excel: { RequestContext: new (url: string) => unknown; run: unknown };

// ?plan=monitored (a 30/06 column) or ?plan=owners (people from Responsabile only); the bundled example otherwise.
const plans = { monitored: monitoredPlan, owners: ownersPlan };
const plan = (plans[new URLSearchParams(location.search).get('plan') as keyof typeof plans] ?? piraPlan)();
const workbook = new FakeExcel();
for (const [name, table] of Object.entries(plan.sheets)) workbook.load(name, table);
OfficeExtension.HttpUtility.setCustomSendRequestFunc((request) => {
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  return Promise.resolve({ statusCode: 200, headers: {}, body: workbook.process(body) });
});
Excel.run = (batch: (context: unknown) => Promise<unknown>) => batch(new Excel.RequestContext(`${location.origin}/richapi`));

const actions = new Map<string, (event: { completed(): void }) => unknown>();
let paneShown = 0;
const dialogs: string[] = [];
class CustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}
const host = new URLSearchParams(location.search).get('host') ?? 'Excel';

Object.assign(window, {
  __workbook: workbook,
  __actions: actions,
  __paneShown: () => paneShown,
  __dialogs: dialogs,
  Office: {
    HostType: { Excel: 'Excel', Word: 'Word' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: 'it-IT',
      requirements: { isSetSupported: () => true },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (r: { status: string }) => void) => {
          dialogs.push(url);
          callback({ status: 'succeeded' });
        },
      },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const ready = Promise.resolve({ host, platform: 'OfficeOnline' });
      if (callback) void ready.then((info) => setTimeout(() => callback(info), 0));
      return ready;
    },
    actions: { associate: (name: string, fn: (event: { completed(): void }) => unknown) => actions.set(name, fn) },
    addin: { showAsTaskpane: async () => void paneShown++ },
  },
  CustomFunctions: { associate: () => {}, Error: CustomFunctionError, ErrorCode: { invalidValue: '#VALUE!' } },
});

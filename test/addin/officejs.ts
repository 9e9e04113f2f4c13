/**
 * Microsoft's real office.js for Excel (excel-web-16.00.js from @microsoft/office-js) loaded in a Node vm,
 * its request executor pointed at the strict fake: the add-in's code builds real proxies, office.js
 * serialises the real RichApi requests, and the fake executes them. What office.js checks on the client
 * (PropertyNotLoaded, objects used outside their batch, API availability) is checked by office.js itself.
 *
 * The npm package's office.js predates the cell Notes API (ExcelApi 1.18, which Excel ships): the small
 * shim below declares worksheet.notes the way office.js declares every collection (the same
 * BatchApiHelper calls, the same path and action shapes), so notes are serialised like the rest.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { FakeExcel } from './fake-excel.js';

const require = createRequire(import.meta.url);
const OFFICE_JS = require.resolve('@microsoft/office-js/dist/excel-web-16.00.js');
let source: string | null = null;
let script: vm.Script | null = null;

/** ExcelApi versions a build supports, e.g. '1.9' -> every 1.x up to 1.9. */
export interface OfficeJsOptions {
  excelApi?: string;
}

export interface OfficeJsRuntime {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  /** Office.context.requirements.isSetSupported as the chosen build answers it. */
  isSetSupported(name: string, version?: string): boolean;
  /** Excel.run against the fake, through office.js's request serialiser. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  fake: FakeExcel;
}

function versionAtMost(version: string | undefined, max: string): boolean {
  const [a, b] = (version ?? '1.1').split('.').map(Number);
  const [x, y] = max.split('.').map(Number);
  return a < x || (a === x && b <= y);
}

/** The NoteCollection/Note classes of ExcelApi 1.18, declared as office.js declares CommentCollection. */
export const NOTES_SHIM = `
(function () {
  var H = OfficeExtension.BatchApiHelper;
  var U = OfficeExtension.Utility;
  function Note() { return OfficeExtension.ClientObject.apply(this, arguments) || this; }
  Note.prototype = Object.create(OfficeExtension.ClientObject.prototype, { constructor: { value: Note } });
  Object.defineProperty(Note.prototype, '_className', { get: function () { return 'Note'; } });
  Object.defineProperty(Note.prototype, '_scalarPropertyNames', { get: function () { return ['content']; } });
  Object.defineProperty(Note.prototype, 'content', { get: function () { U.throwIfNotLoaded('content', this._C, 'Note', this._isNull); return this._C; } });
  Note.prototype.delete = function () { H.invokeMethod(this, 'Delete', 0, [], 0, 0); };
  Note.prototype.getLocation = function () { return H.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, true, null, 4); };
  Note.prototype.load = function (o) { return U.load(this, o); };
  Note.prototype._handleResult = function (v) {
    OfficeExtension.ClientObject.prototype._handleResult.call(this, v);
    if (v == null) return;
    U.fixObjectPathIfNecessary(this, v);
    if (v.Content !== undefined) this._C = v.Content;
  };
  Note.prototype._handleIdResult = function (v) { OfficeExtension.ClientObject.prototype._handleIdResult.call(this, v); if (v) U.fixObjectPathIfNecessary(this, v); };
  function NoteCollection() { return OfficeExtension.ClientObject.apply(this, arguments) || this; }
  NoteCollection.prototype = Object.create(OfficeExtension.ClientObject.prototype, { constructor: { value: NoteCollection } });
  Object.defineProperty(NoteCollection.prototype, '_className', { get: function () { return 'NoteCollection'; } });
  Object.defineProperty(NoteCollection.prototype, '_isCollection', { get: function () { return true; } });
  Object.defineProperty(NoteCollection.prototype, 'items', { get: function () { U.throwIfNotLoaded('items', this._items, 'NoteCollection', this._isNull); return this._items; } });
  NoteCollection.prototype.add = function (cell, content) { return H.createMethodObject(Note, this, 'Add', 0, [cell, content], false, true, null, 0); };
  NoteCollection.prototype.getItem = function (key) { return H.createIndexerObject(Note, this, [key]); };
  NoteCollection.prototype.getItemOrNullObject = function (key) { return H.createMethodObject(Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4); };
  NoteCollection.prototype.load = function (o) { return U.load(this, o); };
  NoteCollection.prototype._handleResult = function (v) {
    OfficeExtension.ClientObject.prototype._handleResult.call(this, v);
    if (v == null) return;
    U.fixObjectPathIfNecessary(this, v);
    if (v._Items != null) {
      this._items = [];
      for (var i = 0; i < v._Items.length; i++) {
        var item = H.createChildItemObject(Note, true, this, v._Items[i], i);
        item._handleResult(v._Items[i]);
        this._items.push(item);
      }
    }
  };
  Excel.Note = Note;
  Excel.NoteCollection = NoteCollection;
  Object.defineProperty(Excel.Worksheet.prototype, 'notes', {
    get: function () { if (!this._notes) this._notes = H.createPropertyObject(NoteCollection, this, 'Notes', true, 4); return this._notes; },
  });
})();
`;

/** A fresh office.js over a fresh fake workbook. */
export function loadOfficeJs(options: OfficeJsOptions = {}, fake = new FakeExcel()): OfficeJsRuntime {
  source ??= readFileSync(OFFICE_JS, 'utf8');
  script ??= new vm.Script(source, { filename: 'excel-web-16.00.js' });
  const excelApi = options.excelApi ?? '1.18';
  const isSetSupported = (name: string, version?: string) => name === 'ExcelApi' && versionAtMost(version, excelApi);
  const sandbox: Record<string, unknown> = {
    setTimeout, clearTimeout, console, navigator: { userAgent: 'node' }, location: { href: 'http://127.0.0.1/' },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  script.runInContext(context);
  const { Excel: excel, OfficeExtension: ext } = sandbox as { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension };
  if (versionAtMost('1.18', excelApi)) vm.runInContext(NOTES_SHIM, context);
  // office.js asks window.Office.context.requirements before any API of a newer set (and refuses it):
  // answer as the chosen Excel build would, so a call the adapter did not guard fails here too.
  sandbox.Office = Object.create((sandbox.Office ?? null) as object, { context: { value: { requirements: { isSetSupported } } } });
  (ext as unknown as { CommonUtility: { _doApiNotSupportedCheck: boolean } }).CommonUtility._doApiNotSupportedCheck = true;
  (ext as unknown as { HttpUtility: { setCustomSendRequestFunc(f: (r: { body: unknown }) => Promise<unknown>): void } }).HttpUtility.setCustomSendRequestFunc((request) => {
    const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    return Promise.resolve({ statusCode: 200, headers: {}, body: fake.process(body) });
  });
  return {
    Excel: excel,
    OfficeExtension: ext,
    isSetSupported,
    fake,
    run: (batch) => batch(new excel.RequestContext('http://127.0.0.1/richapi')),
  };
}

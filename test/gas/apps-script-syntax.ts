/**
 * Syntax the Apps Script editor refuses although V8 runs it, found with TypeScript's own scanner and parser
 * (a real tokenizer: a `10n` inside a string, a comment, a regular expression or a template is not a
 * literal). What is refused, and where that is documented or reported:
 *
 * - BigInt literals (`10n`): "Unexpected token ILLEGAL" (enuchi/React-Google-Apps-Script#236; Google's own
 *   note quoted in endojs/endo#3058: use BigInt() instead; endojs/endo#3071).
 * - Module syntax (`import`, `export`, `import()`, `import.meta`): Apps Script files are scripts, not modules
 *   ("Unexpected token 'export'", enuchi/React-Google-Apps-Script#43, google/clasp#743).
 * - Class field declarations (`class A { x = 1 }`): the server's syntax check refuses them even though the
 *   runtime is V8 (google/clasp#907).
 */
import ts from 'typescript';

export interface Rejected {
  line: number;
  column: number;
  what: string;
  text: string;
}

export function rejectedSyntax(source: string, fileName = 'Code.js'): Rejected[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: Rejected[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ line: line + 1, column: character + 1, what, text: node.getText(file).slice(0, 60) });
  };
  // A file that does not even parse is refused too.
  for (const d of (file as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics) {
    const { line, character } = file.getLineAndCharacterOfPosition(d.start);
    found.push({ line: line + 1, column: character + 1, what: 'syntax error', text: ts.flattenDiagnosticMessageText(d.messageText, ' ') });
  }
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.BigIntLiteral:
        report(node, 'BigInt literal');
        break;
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ImportEqualsDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.ExportAssignment:
        report(node, 'module syntax');
        break;
      case ts.SyntaxKind.ImportKeyword:
        // import() and import.meta: the keyword as an expression.
        if (node.parent && !ts.isImportDeclaration(node.parent)) report(node.parent, 'module syntax');
        break;
      case ts.SyntaxKind.ExportKeyword:
        if (node.parent && !ts.isExportDeclaration(node.parent) && !ts.isExportAssignment(node.parent)) report(node.parent, 'module syntax');
        break;
      case ts.SyntaxKind.PropertyDeclaration:
        if (ts.isClassLike(node.parent)) report(node, 'class field');
        break;
    }
    // getChildren() yields every token too, so keywords and literals are visited as the scanner made them.
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  return found;
}

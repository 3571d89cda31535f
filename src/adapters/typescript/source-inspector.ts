import { createRequire } from "node:module";
import type TypeScript from "typescript";
import type { LocatedImport, SourceInspector, SyntaxProblem } from "../../application/ports.js";

let loaded: typeof TypeScript | undefined;
/** Loaded on first use: a check with nothing to locate (a clean or cached one) never loads the parser. */
export const typescript = (): typeof TypeScript =>
  (loaded ??= createRequire(import.meta.url)("typescript") as typeof TypeScript);

/** Reads import statements with TypeScript's parser, so comments and strings never count as imports. */
export const typescriptSourceInspector: SourceInspector = {
  // At the next turn of the event loop: what the caller started first (the cruise's job) goes out before the
  // thread is busy loading for about 0.3 s.
  prepare: () => setImmediate(typescript),
  locateImports(fileName, text) {
    const ts = typescript();
    const sourceFile = parse(fileName, text);
    const found: LocatedImport[] = [];
    const add = (statement: TypeScript.Node, literal: TypeScript.Node | undefined, typeOnly: boolean) => {
      if (literal === undefined || !ts.isStringLiteralLike(literal)) return;
      const position = sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile));
      found.push({ specifier: literal.text, line: position.line + 1, column: position.character + 1, typeOnly });
    };
    const visit = (node: TypeScript.Node): void => {
      if (ts.isImportDeclaration(node)) {
        add(node, node.moduleSpecifier, isTypeOnlyImport(node));
      } else if (ts.isExportDeclaration(node)) {
        add(node, node.moduleSpecifier, isTypeOnlyExport(node));
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        add(node, node.moduleReference.expression, node.isTypeOnly);
      } else if (ts.isCallExpression(node) && isImportOrRequire(node)) {
        add(node, node.arguments[0], false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        add(node, node.argument.literal, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    for (const reference of [...sourceFile.referencedFiles, ...sourceFile.typeReferenceDirectives]) {
      const position = sourceFile.getLineAndCharacterOfPosition(reference.pos);
      found.push({
        specifier: reference.fileName,
        line: position.line + 1,
        column: position.character + 1,
        typeOnly: false,
      });
    }
    return found.sort((a, b) => a.line - b.line || a.column - b.column);
  },

  syntaxProblems(fileName, text) {
    return syntaxProblemsOf(typescript(), parse(fileName, text));
  },
};

/** The parse errors TypeScript met building `sourceFile` (its internal `parseDiagnostics`), in source order. */
export function syntaxProblemsOf(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile): SyntaxProblem[] {
  const diagnostics = (sourceFile as { parseDiagnostics?: readonly TypeScript.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((diagnostic): SyntaxProblem => {
    const position = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return {
      line: position.line + 1,
      column: position.character + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " "),
    };
  });
}

export function parse(fileName: string, text: string): TypeScript.SourceFile {
  const ts = typescript();
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKindOf(fileName));
}

/** As dependency-cruiser decides it: `import type`, or named bindings that are all `type`. */
function isTypeOnlyImport(node: TypeScript.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    typescript().isNamedImports(bindings) &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function isTypeOnlyExport(node: TypeScript.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && typescript().isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly);
}

function isImportOrRequire(call: TypeScript.CallExpression): boolean {
  const ts = typescript();
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return ts.isIdentifier(call.expression) && call.expression.text === "require" && call.arguments.length === 1;
}

function scriptKindOf(fileName: string): TypeScript.ScriptKind {
  const ts = typescript();
  if (/\.(tsx)$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.(jsx)$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

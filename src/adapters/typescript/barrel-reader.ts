import type ts from "typescript";
import type { BarrelReader } from "../../application/ports.js";
import type { ImportedName, ImportedNames, ModuleExports, ReExport } from "../../domain/barrels/module-exports.js";
import { parse, typescript } from "./source-inspector.js";
import { appendAll } from "../../domain/collections/append-all.js";

/** Reads re-exports and imported names with TypeScript's parser (syntax only: no type checker, no resolution). */
export const typescriptBarrelReader: BarrelReader = {
  exportsOf(fileName, text) {
    return exportsOf(parse(fileName, text));
  },
  importsOf(fileName, text) {
    return importsOf(parse(fileName, text));
  },
};

interface ImportBinding {
  readonly specifier: string;
  readonly imported: string;
  readonly typeOnly: boolean;
}

function exportsOf(sourceFile: ts.SourceFile): ModuleExports {
  const ts = typescript();
  const reExports: ReExport[] = [];
  const names: string[] = [];
  const bindings = new Map<string, ImportBinding>();
  const localExports: { exported: string; local: string; typeOnly: boolean }[] = [];
  let exportsStar = false;
  let onlyReExports = true;

  for (const statement of sourceFile.statements) {
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.exportClause;
      if (clause === undefined) {
        exportsStar = true;
        reExports.push({ specifier, star: true, typeOnly: statement.isTypeOnly, names: [] });
      } else if (ts.isNamespaceExport(clause)) {
        names.push(clause.name.text);
        reExports.push({
          specifier,
          star: false,
          typeOnly: statement.isTypeOnly,
          names: [{ exported: clause.name.text, imported: "*", typeOnly: statement.isTypeOnly }],
        });
      } else {
        const entries = clause.elements.map((element) => ({
          exported: element.name.text,
          imported: (element.propertyName ?? element.name).text,
          typeOnly: statement.isTypeOnly || element.isTypeOnly,
        }));
        for (const entry of entries) names.push(entry.exported);
        reExports.push({ specifier, star: false, typeOnly: statement.isTypeOnly, names: entries });
      }
    } else if (
      ts.isImportDeclaration(statement) &&
      statement.importClause !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name !== undefined)
        bindings.set(clause.name.text, { specifier, imported: "default", typeOnly: clause.isTypeOnly });
      const named = clause.namedBindings;
      if (named !== undefined && ts.isNamespaceImport(named))
        bindings.set(named.name.text, { specifier, imported: "*", typeOnly: clause.isTypeOnly });
      if (named !== undefined && ts.isNamedImports(named)) {
        for (const element of named.elements)
          bindings.set(element.name.text, {
            specifier,
            imported: (element.propertyName ?? element.name).text,
            typeOnly: clause.isTypeOnly || element.isTypeOnly,
          });
      }
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier === undefined &&
      statement.exportClause !== undefined &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) {
        localExports.push({
          exported: element.name.text,
          local: (element.propertyName ?? element.name).text,
          typeOnly: statement.isTypeOnly || element.isTypeOnly,
        });
        names.push(element.name.text);
      }
    } else {
      onlyReExports = false;
      appendAll(names, declaredExports(statement));
    }
  }

  for (const { exported, local, typeOnly } of localExports) {
    const binding = bindings.get(local);
    if (binding === undefined) {
      onlyReExports = false;
      continue;
    }
    reExports.push({
      specifier: binding.specifier,
      star: false,
      typeOnly: false,
      names: [{ exported, imported: binding.imported, typeOnly: typeOnly || binding.typeOnly }],
    });
  }
  return { barrel: onlyReExports && reExports.length > 0, reExports, names: [...new Set(names)], exportsStar };
}

/** The names an `export`-modified declaration or `export default` adds. */
function declaredExports(statement: ts.Statement): string[] {
  const ts = typescript();
  if (ts.isExportAssignment(statement)) return statement.isExportEquals === true ? [] : ["default"];
  const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
  if (!modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return [];
  if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) return ["default"];
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isModuleDeclaration(statement)) &&
    statement.name !== undefined &&
    ts.isIdentifier(statement.name)
  ) {
    return [statement.name.text];
  }
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  const ts = typescript();
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function importsOf(sourceFile: ts.SourceFile): ImportedNames[] {
  const ts = typescript();
  const bySpecifier = new Map<string, { names: ImportedName[]; whole: boolean }>();
  const take = (literal: ts.Node | undefined, names: readonly ImportedName[], whole: boolean) => {
    if (literal === undefined || !ts.isStringLiteralLike(literal)) return;
    const entry = bySpecifier.get(literal.text) ?? { names: [], whole: false };
    appendAll(entry.names, names);
    entry.whole ||= whole;
    bySpecifier.set(literal.text, entry);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause === undefined) take(node.moduleSpecifier, [], true);
      else {
        const names: ImportedName[] =
          clause.name === undefined ? [] : [{ name: "default", typeOnly: clause.isTypeOnly }];
        const named = clause.namedBindings;
        if (named !== undefined && ts.isNamedImports(named))
          for (const element of named.elements) {
            names.push({
              name: (element.propertyName ?? element.name).text,
              typeOnly: clause.isTypeOnly || element.isTypeOnly,
            });
          }
        take(node.moduleSpecifier, names, named !== undefined && ts.isNamespaceImport(named));
      }
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      if (clause !== undefined && ts.isNamedExports(clause)) {
        take(
          node.moduleSpecifier,
          clause.elements.map((element) => ({
            name: (element.propertyName ?? element.name).text,
            typeOnly: node.isTypeOnly || element.isTypeOnly,
          })),
          false,
        );
      } else take(node.moduleSpecifier, [], true);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      take(node.moduleReference.expression, [], true);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    ) {
      take(node.arguments[0], [], true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      take(node.argument.literal, [], true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...bySpecifier].map(([specifier, entry]) => ({ specifier, names: entry.names, whole: entry.whole }));
}

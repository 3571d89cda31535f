import { join } from "node:path";
import type { GraphDependency, GraphModule } from "../domain/graph/module-graph.js";
import type { FileSystem, SourceInspector } from "./ports.js";

/**
 * dependency-cruiser forgets that an import is type-only when it cannot resolve it (a package that is not
 * installed), so `dependencyTypesNot: ["type-only"]` never spares it. Under `typeOnlyImports: allow` this
 * reads the statements of each unresolved import: when every one is type-only, the dependency is marked
 * type-only and breaks no rule, as every compiled rule leaves type-only imports alone under allow.
 */
export async function markTypeOnlyUnresolved(
  ports: { readonly fileSystem: FileSystem; readonly inspector: SourceInspector },
  rootDir: string,
  modules: readonly GraphModule[],
): Promise<GraphModule[]> {
  const marked: GraphModule[] = [];
  for (const module of modules) {
    if (!module.dependencies.some(isUnresolvedValueImport)) {
      marked.push(module);
      continue;
    }
    const imports = ports.inspector.locateImports(
      module.source,
      await ports.fileSystem.readText(join(rootDir, module.source), "source"),
    );
    const typeOnly = (specifier: string): boolean => {
      const statements = imports.filter((found) => found.specifier === specifier);
      return statements.length > 0 && statements.every((found) => found.typeOnly);
    };
    const dependencies = module.dependencies.map((dependency) =>
      isUnresolvedValueImport(dependency) && typeOnly(dependency.specifier)
        ? {
            ...dependency,
            typeOnly: true,
            dependencyTypes: [...dependency.dependencyTypes, "type-only"].sort(),
            brokenRules: [],
          }
        : dependency,
    );
    marked.push({ ...module, dependencies });
  }
  return marked;
}

function isUnresolvedValueImport(dependency: GraphDependency): boolean {
  return dependency.target === "unresolved" && !dependency.typeOnly;
}

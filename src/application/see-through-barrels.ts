import { join } from "node:path";
import { seeThroughBarrels, type BarrelFacts, type RulesBroken } from "../domain/barrels/attribute-barrel-imports.js";
import type { ImportedNames, ModuleExports } from "../domain/barrels/module-exports.js";
import type { GraphModule, ModuleGraph } from "../domain/graph/module-graph.js";
import type { CheckPorts } from "./ports.js";

export type BarrelPorts = Pick<CheckPorts, "fileSystem" | "barrels">;

export interface BarrelRequest {
  readonly rootDir: string;
  /** The whole cruise: barrels and what they re-export need not be checked files. */
  readonly graph: ModuleGraph;
  /** The checked modules, whose barrel dependencies are attributed. */
  readonly modules: readonly GraphModule[];
  readonly rulesBroken: RulesBroken;
}

/**
 * `--through-barrels`: reads the local modules checked files import that import something themselves (to
 * tell barrels), what barrels re-export from, and the files importing a barrel; nothing else.
 */
export async function seeThroughBarrelsOf(ports: BarrelPorts, request: BarrelRequest): Promise<GraphModule[]> {
  const modules = new Map(request.graph.modules.map((module) => [module.source, module]));
  const exports = new Map<string, ModuleExports>();
  const read = (path: string) => ports.fileSystem.readText(join(request.rootDir, path), "source");
  const readExports = async (paths: Iterable<string>): Promise<string[]> => {
    const fresh = [...new Set(paths)].filter((path) => !exports.has(path) && modules.has(path));
    for (const path of fresh) exports.set(path, ports.barrels.exportsOf(path, await read(path)));
    return fresh;
  };

  const imported = request.modules.flatMap((module) =>
    module.dependencies.filter((dependency) => dependency.target === "local").map((dependency) => dependency.resolved),
  );
  let pending = (
    await readExports(imported.filter((path) => (modules.get(path)?.dependencies.length ?? 0) > 0))
  ).filter((path) => exports.get(path)?.barrel === true);
  while (pending.length > 0) {
    const reExported = pending.flatMap((barrel) =>
      (modules.get(barrel)?.dependencies ?? [])
        .filter((dependency) => dependency.target === "local")
        .map((dependency) => dependency.resolved),
    );
    pending = (await readExports(reExported)).filter((path) => exports.get(path)?.barrel === true);
  }

  const facts: BarrelFacts = { modules, exportsOf: (path) => exports.get(path) };
  const importers = request.modules.filter((module) =>
    module.dependencies.some(
      (dependency) => dependency.target === "local" && exports.get(dependency.resolved)?.barrel === true,
    ),
  );
  const imports = new Map<string, ImportedNames[]>();
  for (const module of importers)
    imports.set(module.source, ports.barrels.importsOf(module.source, await read(module.source)));
  return seeThroughBarrels(request.modules, (path) => imports.get(path) ?? [], facts, request.rulesBroken);
}

import { describe, expect, it } from "vitest";
import {
  attributeName,
  seeThroughBarrels,
  type BarrelFacts,
} from "../../src/domain/barrels/attribute-barrel-imports.js";
import type { ImportedNames, ModuleExports, ReExport } from "../../src/domain/barrels/module-exports.js";
import type { GraphDependency, GraphModule } from "../../src/domain/graph/module-graph.js";

/** A module literal: path → { specifier: resolved path }; a resolved path under node_modules is a package. */
function modulesOf(tree: Record<string, Record<string, string>>): Map<string, GraphModule> {
  return new Map(
    Object.entries(tree).map(([source, imports]) => [
      source,
      { source, dependencies: Object.entries(imports).map(([specifier, resolved]) => dependency(specifier, resolved)) },
    ]),
  );
}

function dependency(specifier: string, resolved: string, brokenRules: string[] = []): GraphDependency {
  const local = !resolved.includes("node_modules/");
  return {
    specifier,
    resolved,
    target: local ? "local" : "package",
    typeOnly: false,
    dependencyTypes: local ? ["import", "local"] : ["npm"],
    brokenRules,
  };
}

const star = (specifier: string, typeOnly = false): ReExport => ({ specifier, star: true, typeOnly, names: [] });
const named = (specifier: string, ...names: [exported: string, imported?: string, typeOnly?: boolean][]): ReExport => ({
  specifier,
  star: false,
  typeOnly: false,
  names: names.map(([exported, imported, typeOnly]) => ({
    exported,
    imported: imported ?? exported,
    typeOnly: typeOnly ?? false,
  })),
});
const barrel = (...reExports: ReExport[]): ModuleExports => ({
  barrel: true,
  reExports,
  names: reExports.flatMap((entry) => entry.names.map((name) => name.exported)),
  exportsStar: reExports.some((entry) => entry.star),
});
const definer = (names: string[], exportsStar = false): ModuleExports => ({
  barrel: false,
  reExports: [],
  names,
  exportsStar,
});

const TREE = {
  "dal/index.ts": {
    "./users/index.js": "dal/users/index.ts",
    "./audit.js": "dal/audit.ts",
    "./order.js": "dal/order.ts",
    "./invoice.js": "dal/invoice.ts",
    zod: "node_modules/zod/index.js",
  },
  "dal/users/index.ts": { "./repo.js": "dal/users/repo.ts", "./types.js": "dal/users/types.ts" },
  "dal/users/repo.ts": {},
  "dal/users/types.ts": {},
  "dal/audit.ts": {},
  "dal/order.ts": {},
  "dal/invoice.ts": {},
  "loop/a.ts": { "./b.js": "loop/b.ts" },
  "loop/b.ts": { "./a.js": "loop/a.ts" },
};

const EXPORTS: Record<string, ModuleExports> = {
  "dal/index.ts": barrel(
    star("./users/index.js"),
    named("./audit.js", ["AuditLog"], ["default", "AuditLog"]),
    named("./invoice.js", ["Invoice", "Invoice", true]),
    star("./order.js"),
    named("zod", ["z"]),
    named("./users/index.js", ["UsersNamespace", "*"]),
  ),
  "dal/users/index.ts": barrel(named("./repo.js", ["UserRepository"], ["Users", "*"]), star("./types.js", true)),
  "dal/users/repo.ts": definer(["UserRepository"]),
  "dal/users/types.ts": definer(["User", "Order"]),
  "dal/audit.ts": definer(["AuditLog"]),
  "dal/order.ts": definer(["Order"]),
  "dal/invoice.ts": definer(["Invoice"]),
  "loop/a.ts": barrel(star("./b.js")),
  "loop/b.ts": barrel(star("./a.js")),
};

const facts: BarrelFacts = { modules: modulesOf(TREE), exportsOf: (path) => EXPORTS[path] };
const value = (name: string) => ({ name, typeOnly: false });

describe("attributeName", () => {
  it("follows export * and named re-exports through nested barrels to the defining module, the barrels in order", () => {
    expect(attributeName("dal/index.ts", value("UserRepository"), facts)).toEqual({
      definer: "dal/users/repo.ts",
      via: ["dal/index.ts", "dal/users/index.ts"],
      typeOnly: false,
    });
    expect(attributeName("dal/index.ts", value("AuditLog"), facts)).toEqual({
      definer: "dal/audit.ts",
      via: ["dal/index.ts"],
      typeOnly: false,
    });
  });

  it("follows a default re-export (`export { AuditLog as default }`) and a renamed one", () => {
    expect(attributeName("dal/index.ts", value("default"), facts)).toEqual({
      definer: "dal/audit.ts",
      via: ["dal/index.ts"],
      typeOnly: false,
    });
  });

  it("a name is type-only when imported as a type or re-exported as one (`export type *`, `export { type X }`)", () => {
    expect(attributeName("dal/index.ts", { name: "UserRepository", typeOnly: true }, facts)?.typeOnly).toBe(true);
    expect(attributeName("dal/index.ts", value("User"), facts)).toEqual({
      definer: "dal/users/types.ts",
      via: ["dal/index.ts", "dal/users/index.ts"],
      typeOnly: true,
    });
    expect(attributeName("dal/index.ts", value("Invoice"), facts)).toEqual({
      definer: "dal/invoice.ts",
      via: ["dal/index.ts"],
      typeOnly: true,
    });
  });

  it("a namespace re-export (`export * as Users`) of a module that defines names is that module", () => {
    expect(attributeName("dal/users/index.ts", value("Users"), facts)).toEqual({
      definer: "dal/users/repo.ts",
      via: ["dal/users/index.ts"],
      typeOnly: false,
    });
  });

  it("cannot follow a name two `export *` provide, a package's name, a barrel's namespace, a missing name or a loop of barrels", () => {
    expect(attributeName("dal/index.ts", value("UsersNamespace"), facts)).toBeNull();
    expect(attributeName("dal/index.ts", value("Order"), facts)).toBeNull();
    expect(attributeName("dal/index.ts", value("z"), facts)).toBeNull();
    expect(attributeName("dal/index.ts", value("Missing"), facts)).toBeNull();
    expect(attributeName("loop/a.ts", value("Anything"), facts)).toBeNull();
  });
});

describe("seeThroughBarrels", () => {
  const controller = (specifier: string, brokenRules: string[] = []): GraphModule => ({
    source: "app/controller.ts",
    dependencies: [dependency(specifier, "dal/index.ts", brokenRules), dependency("./util.js", "app/util.ts")],
  });
  const rulesBroken = (from: string, to: string, typeOnly: boolean) =>
    to.includes("repo") && !typeOnly ? [`${from} may not import ${to}`] : [];
  const run = (module: GraphModule, imports: ImportedNames[]) =>
    seeThroughBarrels([module], () => imports, facts, rulesBroken)[0]?.dependencies;

  it("replaces the barrel dependency by one per defining module, judged by the rules, carrying via; other dependencies stay", () => {
    const taken: ImportedNames[] = [
      {
        specifier: "@dal",
        names: [value("UserRepository"), value("AuditLog"), { name: "User", typeOnly: true }],
        whole: false,
      },
    ];
    expect(run(controller("@dal", ["barrel-rule"]), taken)).toEqual([
      {
        specifier: "@dal",
        resolved: "dal/users/repo.ts",
        target: "local",
        typeOnly: false,
        dependencyTypes: ["import", "local"],
        brokenRules: ["app/controller.ts may not import dal/users/repo.ts"],
        via: ["dal/index.ts", "dal/users/index.ts"],
      },
      {
        specifier: "@dal",
        resolved: "dal/audit.ts",
        target: "local",
        typeOnly: false,
        dependencyTypes: ["import", "local"],
        brokenRules: [],
        via: ["dal/index.ts"],
      },
      {
        specifier: "@dal",
        resolved: "dal/users/types.ts",
        target: "local",
        typeOnly: true,
        dependencyTypes: ["import", "local", "type-only"],
        brokenRules: [],
        via: ["dal/index.ts", "dal/users/index.ts"],
      },
      dependency("./util.js", "app/util.ts"),
    ]);
  });

  it("a defining module reached by a value and a type-only name is a value import", () => {
    const taken: ImportedNames[] = [
      { specifier: "@dal", names: [value("UserRepository"), { name: "UserRepository", typeOnly: true }], whole: false },
    ];
    expect(run(controller("@dal"), taken)?.[0]).toMatchObject({
      resolved: "dal/users/repo.ts",
      typeOnly: false,
      brokenRules: ["app/controller.ts may not import dal/users/repo.ts"],
    });
  });

  it("keeps the barrel dependency, with its own broken rules, beside the attributed ones when the file also takes it whole or a name cannot be followed", () => {
    const whole: ImportedNames[] = [{ specifier: "@dal", names: [value("AuditLog")], whole: true }];
    expect(
      run(controller("@dal", ["barrel-rule"]), whole)?.map((found) => [found.resolved, found.brokenRules]),
    ).toEqual([
      ["dal/index.ts", ["barrel-rule"]],
      ["dal/audit.ts", []],
      ["app/util.ts", []],
    ]);
    const unfollowable: ImportedNames[] = [{ specifier: "@dal", names: [value("Order")], whole: false }];
    expect(run(controller("@dal", ["barrel-rule"]), unfollowable)?.map((found) => found.resolved)).toEqual([
      "dal/index.ts",
      "app/util.ts",
    ]);
  });

  it("attributes a specifier once when dependency-cruiser lists it per kind of statement (`import` and `import type`)", () => {
    const typeOnlyEntry: GraphDependency = {
      ...dependency("@dal", "dal/index.ts"),
      typeOnly: true,
      dependencyTypes: ["import", "local", "type-only"],
    };
    const module: GraphModule = {
      source: "app/controller.ts",
      dependencies: [dependency("@dal", "dal/index.ts"), typeOnlyEntry],
    };
    const taken: ImportedNames[] = [
      { specifier: "@dal", names: [value("AuditLog"), { name: "User", typeOnly: true }], whole: false },
    ];
    expect(run(module, taken)?.map((found) => [found.resolved, found.dependencyTypes])).toEqual([
      ["dal/audit.ts", ["import", "local"]],
      ["dal/users/types.ts", ["import", "local", "type-only"]],
    ]);
    const whole: ImportedNames[] = [{ specifier: "@dal", names: [value("AuditLog")], whole: true }];
    expect(run(module, whole)?.map((found) => found.resolved)).toEqual([
      "dal/index.ts",
      "dal/audit.ts",
      "dal/index.ts",
    ]);
  });

  it("keeps the barrel when the file's statement for that specifier was not found (a triple-slash reference, say)", () => {
    expect(run(controller("@dal"), [])?.map((found) => found.resolved)).toEqual(["dal/index.ts", "app/util.ts"]);
  });

  it("leaves a module without barrel dependencies untouched", () => {
    const module: GraphModule = {
      source: "app/other.ts",
      dependencies: [dependency("../dal/audit.js", "dal/audit.ts", ["rule"])],
    };
    expect(seeThroughBarrels([module], () => [], facts, rulesBroken)).toEqual([module]);
  });
});

describe("attributeName through a chain of barrels deeper than the call stack", () => {
  const DEPTH = 20_000;
  const chainOf = (reExport: (next: string) => ReExport) => {
    const tree: Record<string, Record<string, string>> = {};
    const exports = new Map<string, ModuleExports>();
    for (let index = 0; index < DEPTH; index++) {
      const next = index + 1 < DEPTH ? `b${index + 1}.ts` : "definer.ts";
      tree[`b${index}.ts`] = { [`./${next}`]: next };
      exports.set(`b${index}.ts`, barrel(reExport(`./${next}`)));
    }
    tree["definer.ts"] = {};
    exports.set("definer.ts", definer(["Thing"]));
    return { modules: modulesOf(tree), exportsOf: (path: string) => exports.get(path) };
  };
  const barrels = Array.from({ length: DEPTH }, (_, index) => `b${index}.ts`);

  it("follows 20,000 `export *` barrels to the definer, every barrel in `via`", () => {
    const facts = chainOf((next) => star(next));
    expect(attributeName("b0.ts", { name: "Thing", typeOnly: false }, facts)).toEqual({
      definer: "definer.ts",
      via: barrels,
      typeOnly: false,
    });
  });

  it("follows 20,000 named re-exports to the definer, type-only when one of them is", () => {
    const facts = chainOf((next) => named(next, ["Thing", "Thing", next === "./b7.ts"]));
    expect(attributeName("b0.ts", { name: "Thing", typeOnly: false }, facts)).toEqual({
      definer: "definer.ts",
      via: barrels,
      typeOnly: true,
    });
  });
});

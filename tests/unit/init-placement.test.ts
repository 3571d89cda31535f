import { describe, expect, it } from "vitest";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";
import { groupUnclaimed } from "../../src/domain/diagnostics/unclaimed-findings.js";
import { detectContexts } from "../../src/domain/init/detect-contexts.js";
import { planByVocabulary } from "../../src/domain/init/plan-by-vocabulary.js";

/** The layer each file lands in, read back through the planned map as `check` would classify it. */
function layersOf(files: readonly string[], roots: readonly string[] = ["src"]): Record<string, string | null> {
  const plan = planByVocabulary(files, roots, detectContexts(files, roots));
  const classifier = createLayerClassifier(plan.layers);
  return Object.fromEntries(files.map((file) => [file, classifier.layerOf(file)]));
}

describe("init places files by the layouts real backends use", () => {
  it("a use-case index.ts beside its controller wires them: composition; one beside no controller stays application", () => {
    expect(
      layersOf([
        "src/modules/users/useCases/createUser/CreateUser.ts",
        "src/modules/users/useCases/createUser/CreateUserController.ts",
        "src/modules/users/useCases/createUser/index.ts",
        "src/modules/users/useCases/updateStats/UpdateStats.ts",
        "src/modules/users/useCases/updateStats/index.ts",
        "src/modules/users/domain/user.ts",
        "src/modules/posts/domain/post.ts",
        "src/modules/posts/useCases/createPost/CreatePost.ts",
      ]),
    ).toEqual({
      "src/modules/users/useCases/createUser/CreateUser.ts": "application",
      "src/modules/users/useCases/createUser/CreateUserController.ts": "transport",
      "src/modules/users/useCases/createUser/index.ts": "composition",
      "src/modules/users/useCases/updateStats/UpdateStats.ts": "application",
      "src/modules/users/useCases/updateStats/index.ts": "application",
      "src/modules/users/domain/user.ts": "domain",
      "src/modules/posts/domain/post.ts": "domain",
      "src/modules/posts/useCases/createPost/CreatePost.ts": "application",
    });
  });

  it("a domain folder under an application folder holds handlers of domain events, not the domain", () => {
    expect(
      layersOf([
        "src/todo/application/event-handlers/domain/index.ts",
        "src/todo/application/event-handlers/domain/todo-added.handler.ts",
        "src/todo/domain/todo.entity.ts",
        "src/todo/infrastructure/todo.repository.ts",
        "src/iam/application/login.command.ts",
        "src/iam/domain/user.ts",
      ]),
    ).toEqual({
      "src/todo/application/event-handlers/domain/index.ts": "application",
      "src/todo/application/event-handlers/domain/todo-added.handler.ts": "application",
      "src/todo/domain/todo.entity.ts": "domain",
      "src/todo/infrastructure/todo.repository.ts": "persistence",
      "src/iam/application/login.command.ts": "application",
      "src/iam/domain/user.ts": "domain",
    });
  });

  it("a shared-kernel folder at the root is shared whatever its folders are called; program files are composition", () => {
    expect(
      layersOf([
        "src/libs/api/response.base.ts",
        "src/libs/ports/logger.port.ts",
        "src/libs/ddd/aggregate-root.base.ts",
        "src/modules/user/user.controller.ts",
        "src/modules/user/infra/http/server.ts",
        "src/modules/user/dtos/user.response.dto.ts",
        "src/modules/user/useCases/CreateUserErrors.ts",
        "src/modules/user/useCases/CreateUser.ts",
      ]),
    ).toEqual({
      "src/libs/api/response.base.ts": "shared",
      "src/libs/ports/logger.port.ts": "shared",
      "src/libs/ddd/aggregate-root.base.ts": "shared",
      "src/modules/user/user.controller.ts": "transport",
      "src/modules/user/infra/http/server.ts": "composition",
      "src/modules/user/dtos/user.response.dto.ts": "contracts",
      "src/modules/user/useCases/CreateUserErrors.ts": "contracts",
      "src/modules/user/useCases/CreateUser.ts": "application",
    });
  });

  it("transport tolerates importing the composition at severity warn, with the reason written into the map", () => {
    const files = ["src/main.ts", "src/routes/users.route.ts", "src/services/users.service.ts"];
    const plan = planByVocabulary(files, ["src"], null);
    const transport = plan.layers.find((layer) => layer.name === "transport");
    expect(transport?.mayImport).toEqual(["application"]);
    expect(transport?.warnImports).toEqual([
      {
        layer: "composition",
        reason:
          "routes take wired instances from the composition (a service locator): inject them from the composition root instead",
      },
    ]);
  });
});

describe("doctor's unclaimed groups are globs", () => {
  it("a folder whose name holds glob syntax is escaped, so the suggested glob matches it", () => {
    const classifier = createLayerClassifier([
      { name: "domain", paths: ["src/domain/**"], mayImport: [], packages: null, description: null },
    ]);
    expect(
      groupUnclaimed(classifier, ["src/domain/a.ts", "src/{legacy}/b.ts", "src/domain/*odd*.ts"]).map(
        (group) => group.glob,
      ),
    ).toEqual(["src/?legacy?/**"]);
  });
});

import { defined } from "../collections/defined.js";

/**
 * The words real backends use for their layers, by folder name and by file suffix, gathered from many
 * public layouts (DDD modules, hexagonal and CQRS NestJS apps, clean architecture, Express MVC,
 * bounded contexts). `layerlint init` classifies a file by them; the README lists the table.
 */

export type Role =
  "composition" | "transport" | "application" | "infrastructure" | "persistence" | "contracts" | "domain" | "shared";

export interface RoleWords {
  readonly role: Role;
  /** Folder names, compared without case, `-` or `_` (`useCases`, `use-cases`, `use_cases` are one). */
  readonly folders: readonly string[];
  /** The last word of a file's name (`users.controller.ts`, `CreateUserController.ts`, `user-repo.ts`). */
  readonly suffixes: readonly string[];
  /** The layers this role's layer may import (besides itself). */
  readonly mayImport: readonly Role[];
  /** Layers it may not import but whose imports are only warnings, with the reason written into the map. */
  readonly tolerates?: readonly { readonly role: Role; readonly reason: string }[];
  readonly description: string;
}

/** In map order: the order layers are written in. */
export const VOCABULARY: readonly RoleWords[] = [
  {
    role: "composition",
    folders: ["di", "container", "containers", "dependencyinjection", "ioc", "bootstrap", "composition"],
    suffixes: ["module", "container", "bootstrap", "locator", "app"],
    mayImport: ["transport", "application", "infrastructure", "persistence", "contracts", "domain", "shared"],
    description: "The entry points and the wiring (modules, containers, main): may import every layer.",
  },
  {
    role: "transport",
    folders: [
      "controllers",
      "controller",
      "routes",
      "route",
      "routers",
      "router",
      "http",
      "api",
      "rest",
      "graphql",
      "resolvers",
      "grpc",
      "websocket",
      "websockets",
      "gateways",
      "presentation",
      "web",
      "cli",
      "middleware",
      "middlewares",
    ],
    suffixes: [
      "controller",
      "resolver",
      "gateway",
      "guard",
      "interceptor",
      "pipe",
      "filter",
      "middleware",
      "router",
      "routes",
      "route",
    ],
    mayImport: ["application", "contracts", "domain", "shared"],
    tolerates: [
      {
        role: "composition",
        reason:
          "routes take wired instances from the composition (a service locator): " +
          "inject them from the composition root instead",
      },
    ],
    description: "Controllers, routes and resolvers: parse input, call the application, map the result.",
  },
  {
    role: "application",
    folders: [
      "usecases",
      "usecase",
      "application",
      "services",
      "service",
      "commands",
      "queries",
      "handlers",
      "subscriptions",
      "subscribers",
      "listeners",
      "consumers",
      "sagas",
      "workflows",
      "interactors",
    ],
    suffixes: [
      "service",
      "usecase",
      "handler",
      "interactor",
      "saga",
      "listener",
      "subscriber",
      "consumer",
      "command",
      "query",
    ],
    mayImport: ["contracts", "domain", "persistence", "shared"],
    description: "Use cases, services and handlers: orchestrate the domain, reach storage through repositories.",
  },
  {
    role: "infrastructure",
    folders: ["infra", "infrastructure", "adapters", "adapter", "integrations", "clients", "external", "providers"],
    suffixes: ["adapter", "client", "provider"],
    mayImport: ["application", "contracts", "domain", "persistence", "shared"],
    description: "Adapters to the outside world (queues, mail, other services) implementing the application's ports.",
  },
  {
    role: "persistence",
    folders: [
      "repos",
      "repositories",
      "repository",
      "persistence",
      "database",
      "db",
      "orm",
      "migrations",
      "typeorm",
      "prisma",
      "sequelize",
      "mongoose",
      "knex",
      "drizzle",
      "models",
      "model",
    ],
    suffixes: ["repository", "repo", "entity", "schema", "model", "migration", "seed"],
    mayImport: ["contracts", "domain", "shared"],
    description: "Repositories, ORM entities and models, migrations.",
  },
  {
    role: "contracts",
    folders: ["dtos", "dto", "contracts", "contract", "ports", "port", "interfaces", "types", "mappers", "mapper"],
    suffixes: ["dto", "port", "interface", "contract", "types", "request", "response", "errors", "mapper", "map"],
    mayImport: ["domain", "shared"],
    description: "DTOs, ports, interfaces and mappers shared between layers.",
  },
  {
    role: "domain",
    folders: ["domain", "entities", "valueobjects", "valueobject", "aggregates", "aggregate"],
    suffixes: ["aggregate", "valueobject", "vo"],
    mayImport: ["shared"],
    description: "Business rules: entities, value objects, aggregates; free of I/O and of every other layer.",
  },
  {
    role: "shared",
    folders: [
      "shared",
      "common",
      "core",
      "utils",
      "util",
      "lib",
      "libs",
      "helpers",
      "kernel",
      "sharedkernel",
      "config",
      "configs",
      "configuration",
    ],
    suffixes: [],
    mayImport: [],
    description: "Helpers every layer may use; they import no layer.",
  },
];

/** Folders whose name says "domain": a file under one is domain whatever its suffix says. */
export const DOMAIN_FOLDERS: ReadonlySet<string> = new Set([
  "domain",
  "entities",
  "valueobjects",
  "aggregates",
  "aggregate",
]);

/** Files at a source root that start the program: composition. */
export const ENTRY_FILES: ReadonlySet<string> = new Set(["main", "server", "app", "index", "bootstrap", "container"]);

/**
 * Folders directly in a source root that hold the shared kernel (`src/shared`, `src/libs`): everything in them
 * is shared, whatever their own folders are called (`src/libs/api/response.base.ts` is a base class every layer
 * may use, not a controller).
 */
export const SHARED_KERNEL_FOLDERS: ReadonlySet<string> = new Set([
  "shared",
  "common",
  "libs",
  "kernel",
  "sharedkernel",
]);

/**
 * Files that start a program or a server wherever they are (`infra/http/app.ts`, `webserver/server.js`):
 * composition.
 */
export const PROGRAM_FILES: ReadonlySet<string> = new Set(["main", "server", "app", "bootstrap", "start"]);

/** Folder names that hold contexts (`src/modules/<context>`, `src/Contexts/<context>`). */
export const CONTEXT_CONTAINERS: ReadonlySet<string> = new Set([
  "modules",
  "contexts",
  "boundedcontexts",
  "features",
  "domains",
]);

/** Tests in every convention, and what a build writes: never mapped. */
export const TEST_AND_OUTPUT_GLOBS: readonly string[] = [
  "**/*.{test,spec,e2e,e2e-spec,test-d}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  "**/__tests__/**",
  "**/__mocks__/**",
  "**/test/**",
  "**/tests/**",
  "**/e2e/**",
];

/** Folders a build, a coverage run or a framework writes; never source. */
export const OUTPUT_FOLDERS: ReadonlySet<string> = new Set([
  "node_modules",
  "dist",
  "build",
  "out",
  "coverage",
  ".next",
  ".nuxt",
  ".turbo",
  ".cache",
  ".git",
  "tmp",
  "test",
  "tests",
  "e2e",
  "__tests__",
  "scripts",
  "docs",
]);

export function folderKey(name: string): string {
  return name.toLowerCase().replace(/[-_.]/g, "");
}

const ROLE_BY_FOLDER = new Map<string, Role>(
  VOCABULARY.flatMap((words) => words.folders.map((folder) => [folder, words.role] as const)),
);
const ROLE_BY_SUFFIX = new Map<string, Role>(
  VOCABULARY.flatMap((words) => words.suffixes.map((suffix) => [suffix, words.role] as const)),
);

export function roleOfFolder(name: string): Role | null {
  return ROLE_BY_FOLDER.get(folderKey(name)) ?? null;
}

/** The suffix of a file name that names a role (`controller` of `users.controller.ts` or `CreateUserController.ts`). */
export function roleSuffixOf(
  fileName: string,
): { readonly suffix: string; readonly glob: string; readonly role: Role } | null {
  const extension = /\.[cm]?[jt]sx?$/.exec(fileName)?.[0] ?? "";
  const stem = fileName.slice(0, fileName.length - extension.length);
  const dotted = /[.\-_]([A-Za-z0-9]+)$/.exec(stem);
  if (dotted !== null) {
    const role = ROLE_BY_SUFFIX.get(defined(dotted[1], "the suffix group").toLowerCase());
    if (role !== undefined) return { suffix: dotted[0], glob: `*${dotted[0]}${extension}`, role };
  }
  const camel = /[a-z0-9]([A-Z][a-z0-9]+)$/.exec(stem);
  if (camel !== null) {
    const word = defined(camel[1], "the last word group");
    const role = ROLE_BY_SUFFIX.get(word.toLowerCase());
    if (role !== undefined) return { suffix: word, glob: `*${word}${extension}`, role };
  }
  return null;
}

import type { Layer } from "../map/layer-map.js";

/** A known architecture init can fit a project to: a built-in preset, or the NestJS file-suffix layout. */
export interface LayoutCandidate {
  readonly name: string;
  /** How the written map names its origin, e.g. `the "clean" preset`. */
  readonly origin: string;
  readonly layers: readonly Layer[];
  readonly exclude: readonly string[];
}

/**
 * NestJS names files by role rather than by folder (`users/users.controller.ts`), so its layers are
 * file suffixes. Nest injects repositories by class, so services may import them directly.
 */
export const NESTJS_LAYOUT: LayoutCandidate = {
  name: "nestjs",
  origin: "the NestJS file-suffix layout",
  exclude: ["**/*.test.ts", "**/*.spec.ts"],
  layers: [
    {
      name: "composition",
      paths: ["src/main.ts", "src/**/*.module.ts", "src/config/**"],
      mayImport: ["transport", "application", "persistence", "domain", "contracts"],
      packages: null,
      description: "The bootstrap and the modules that wire providers together; may import every layer.",
    },
    {
      name: "transport",
      paths: [
        "src/**/*.controller.ts",
        "src/**/*.resolver.ts",
        "src/**/*.gateway.ts",
        "src/**/*.guard.ts",
        "src/**/*.interceptor.ts",
        "src/**/*.pipe.ts",
        "src/**/*.filter.ts",
        "src/**/*.middleware.ts",
      ],
      mayImport: ["application", "contracts"],
      packages: null,
      description:
        "Controllers, resolvers and their guards, pipes and filters: parse input, call a service, map the result.",
    },
    {
      name: "application",
      paths: ["src/**/*.service.ts", "src/**/*.use-case.ts", "src/**/*.handler.ts"],
      mayImport: ["persistence", "domain", "contracts"],
      packages: null,
      description: "Services and use cases; they reach the database through repositories.",
    },
    {
      name: "persistence",
      paths: ["src/**/*.repository.ts", "src/**/*.entity.ts", "src/**/*.schema.ts"],
      mayImport: ["domain", "contracts"],
      packages: null,
      description: "Repositories and ORM entities.",
    },
    {
      name: "domain",
      paths: ["src/**/domain/**"],
      mayImport: ["contracts"],
      packages: [],
      description: "Business rules, free of Nest and of I/O.",
    },
    {
      name: "contracts",
      paths: ["src/**/*.dto.ts", "src/**/dto/**", "src/**/*.interface.ts"],
      mayImport: [],
      packages: null,
      description: "DTOs and interfaces shared across layers; they import no other layer.",
    },
  ],
};

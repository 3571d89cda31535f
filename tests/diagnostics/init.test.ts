import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { CliRun } from "../helpers/run-built-cli.js";
import { copyFixtureInProcess, type TempFixture } from "../helpers/temp-fixture.js";

/**
 * `layerlint init` on fixtures shaped like real layouts (Express, NestJS suffixes, clean architecture, DDD
 * modules, JavaScript without src/), each copied to a temporary folder: the exact map, the folded first check,
 * and a map its own doctor does not flag.
 */

const copies: TempFixture[] = [];

function copyOf(fixture: string): TempFixture {
  const copy = copyFixtureInProcess(fixture);
  copies.push(copy);
  return copy;
}

afterEach(() => {
  for (const copy of copies.splice(0)) copy.remove();
});

const initialised = new Map<string, Promise<{ copy: TempFixture; run: CliRun }>>();
afterAll(async () => {
  for (const pending of initialised.values()) (await pending).copy.remove();
});

/** A copy of the fixture after one `init`, shared by the tests that only read what it wrote. */
function initialisedCopy(fixture: string): Promise<{ copy: TempFixture; run: CliRun }> {
  let pending = initialised.get(fixture);
  if (pending === undefined) {
    const copy = copyFixtureInProcess(fixture);
    pending = copy.run("init").then((run) => ({ copy, run }));
    initialised.set(fixture, pending);
  }
  return pending;
}

function layersOf(yaml: string): string[] {
  return [...yaml.matchAll(/^ {2}([A-Za-z][\w-]*):\n {4}paths: (.*)$/gm)].map((match) => `${match[1]}: ${match[2]}`);
}

describe("layerlint init", () => {
  it.each([
    {
      fixture: "init-express",
      layers: [
        'composition: ["src/app.ts", "src/server.ts"]',
        'transport: ["src/**/*-controller.ts", "src/**/middleware/**", "src/**/routes/**"]',
        'application: ["src/**/*-service.ts"]',
        'persistence: ["src/**/db/**", "src/**/models/**"]',
        'shared: ["src/**/utils/**"]',
      ],
      counts:
        "✔ no errors, 0 warnings (layer 0, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 9 modules, 11 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      rules: [],
    },
    {
      fixture: "init-nestjs",
      layers: [
        'composition: ["src/**/*.module.ts", "src/main.ts"]',
        'transport: ["src/**/*.controller.ts"]',
        'application: ["src/**/*.service.ts"]',
        'persistence: ["src/**/*.entity.ts", "src/**/*.repository.ts"]',
        'contracts: ["src/**/*.dto.ts"]',
        'shared: ["src/common/**"]',
      ],
      counts:
        "✔ no errors, 0 warnings (layer 0, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 12 modules, 16 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      rules: [],
    },
    {
      fixture: "init-clean",
      layers: [
        'composition: ["src/**/server.ts", "src/main.ts"]',
        'transport: ["src/**/*-controller.ts"]',
        'application: ["src/**/use-cases/**", "!src/**/ports/**"]',
        'infrastructure: ["src/**/adapters/**", "!src/**/*-controller.ts"]',
        'persistence: ["src/**/db/**"]',
        'contracts: ["src/**/ports/**"]',
        'domain: ["src/**/entities/**"]',
      ],
      counts:
        "✖ 1 error, 0 warnings (layer 1, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 8 modules, 12 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      rules: ["1 × transport-may-not-import-infrastructure"],
    },
    {
      fixture: "init-ddd-modules",
      layers: [
        'composition: ["src/index.ts"]',
        'transport: ["src/modules/*/**/*Controller.ts", "src/modules/*/**/http/**"]',
        'application: ["src/modules/*/**/useCases/**", "!src/modules/*/**/*Controller.ts"]',
        'persistence: ["src/modules/*/**/*Repo.ts"]',
        'contracts: ["src/modules/*/**/*Map.ts"]',
        'domain: ["src/modules/*/**/domain/**"]',
        'shared: ["src/shared/**"]',
      ],
      counts:
        "✖ 7 errors, 0 warnings (layer 5, package 0, private 0, context 2, unassigned 0, cycle 0, size 0) · 13 modules, 18 dependencies, 0 unresolved, 1 excluded, 0 parse errors",
      rules: [
        "2 × contexts-may-not-import-each-other",
        "2 × shared-may-not-import-transport",
        "1 × application-may-not-import-transport",
        "1 × domain-may-not-import-application",
        "1 × transport-may-not-import-persistence",
      ],
    },
    {
      fixture: "init-no-src-js",
      layers: [
        'composition: ["server.js"]',
        'transport: ["**/routes/**"]',
        'application: ["**/*Service.js"]',
        'persistence: ["**/*Repository.js"]',
        'shared: ["**/lib/**"]',
      ],
      counts:
        "✖ 1 error, 1 warning (layer 1, package 0, private 0, context 0, unassigned 0, cycle 1, size 0) · 5 modules, 5 dependencies, 0 unresolved, 1 excluded, 0 parse errors",
      rules: ["1 × persistence-may-not-import-transport", "1 × no-import-cycles"],
    },
    {
      fixture: "init-hexagonal-nest",
      layers: [
        'composition: ["src/**/*.module.ts", "src/main.ts", "src/modules/*/**/*.module.ts"]',
        'transport: ["src/modules/*/**/*.controller.ts"]',
        'application: ["src/modules/*/**/*.service.ts"]',
        'persistence: ["src/modules/*/**/*.repository.ts"]',
        'contracts: ["src/modules/*/**/*.dto.ts", "src/modules/*/**/*.port.ts"]',
        'domain: ["src/modules/*/**/domain/**"]',
      ],
      counts:
        "✖ 4 errors, 3 warnings (layer 3, package 0, private 0, context 1, unassigned 0, cycle 3, size 0) · 13 modules, 21 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      rules: [
        "1 × contexts-may-not-import-each-other",
        "1 × domain-may-not-import-contracts",
        "1 × domain-may-not-import-persistence",
        "1 × transport-may-not-import-persistence",
        "3 × no-import-cycles",
      ],
    },
    {
      fixture: "init-contexts-two-level",
      layers: [
        'composition: ["src/**/*App.ts", "src/**/dependency-injection/**"]',
        'transport: ["src/**/*Controller.ts"]',
        'application: ["src/Contexts/*/**/application/**"]',
        'persistence: ["src/Contexts/*/**/*Repository.ts", "!src/Contexts/*/**/domain/**"]',
        'domain: ["src/Contexts/*/**/domain/**"]',
      ],
      counts:
        "✖ 1 error, 0 warnings (layer 0, package 0, private 0, context 1, unassigned 0, cycle 0, size 0) · 9 modules, 11 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      rules: ["1 × contexts-may-not-import-each-other"],
      doctorWarnings: [],
    },
    {
      fixture: "init-cqrs-contexts",
      layers: [
        'application: ["src/*/**/*.handler.ts"]',
        'persistence: ["src/*/**/*.repository.ts"]',
        'domain: ["src/*/**/domain/**"]',
      ],
      counts:
        "✖ 2 errors, 2 warnings (layer 1, package 0, private 0, context 1, unassigned 2, cycle 0, size 0) · 8 modules, 8 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      rules: [
        "1 × contexts-may-not-import-each-other",
        "1 × domain-may-not-import-persistence",
        "2 × no-unassigned-files",
      ],
      doctorWarnings: [
        'unclaimed-files "src/?legacy?/**": 1 file in no layer',
        "unclaimed-files src/config/**: 1 file in no layer",
      ],
    },
    {
      fixture: "init-packages-side-by-side",
      layers: [
        'composition: ["backend/src/main.ts"]',
        'transport: ["backend/src/**/*.controller.ts", "frontend/src/**/api/**"]',
        'application: ["backend/src/**/*.service.ts"]',
        'persistence: ["backend/src/**/*.repository.ts"]',
      ],
      counts:
        "✖ 1 error, 2 warnings (layer 1, package 0, private 0, context 0, unassigned 1, cycle 1, size 0) · 6 modules, 5 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      rules: ["1 × persistence-may-not-import-application", "1 × no-import-cycles", "1 × no-unassigned-files"],
      doctorWarnings: ["unclaimed-files frontend/src/components/**: 1 file in no layer"],
    },
  ])(
    "places $fixture by its folder and file names: the exact map, the folded first check, and a map its doctor does not flag",
    async ({ fixture, layers, counts, rules, doctorWarnings = [] }) => {
      const { copy, run } = await initialisedCopy(fixture);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout.split("\n")[0]).toMatch(
        /^wrote layers\.yaml: \d+ layers(, \d+ contexts \([^)]*\))?; \d+ of \d+ source files placed/,
      );
      const yaml = copy.read("layers.yaml");
      expect(layersOf(yaml)).toEqual(layers);
      expect(yaml).toContain("options:\n  unassigned: warn\n");
      expect(run.stdout).toContain(`\nfirst check: ${counts}\n`);
      const shownRules = [...run.stdout.matchAll(/^ {4}(\d+ × .*)$/gm)].map((match) => match[1]);
      expect(shownRules).toEqual(rules);
      expect(run.stdout).toContain("\nnext: `layerlint check` shows every violation;");

      const doctor = await copy.run("doctor", "--format", "json");
      expect(doctor.status).toBe(0);
      const diagnosis = JSON.parse(doctor.stdout) as {
        summary: { error: number };
        findings: { severity: string; code: string; message: string }[];
      };
      expect(diagnosis.summary.error).toBe(0);
      expect(
        diagnosis.findings
          .filter((finding) => finding.severity === "warning")
          .map((finding) => `${finding.code} ${finding.message}`),
      ).toEqual(doctorWarnings);
    },
  );

  it("writes contexts for src/Contexts/<context> with Shared as the shared kernel", async () => {
    const { copy } = await initialisedCopy("init-contexts-two-level");
    expect(copy.read("layers.yaml")).toContain(
      'contexts:\n  pattern: "src/Contexts/<context>/**"\n  shared: ["src/Contexts/Shared/**"]\n',
    );
  });

  it("writes contexts for src/modules/<context>", async () => {
    const { copy } = await initialisedCopy("init-ddd-modules");
    expect(copy.read("layers.yaml")).toContain('contexts:\n  pattern: "src/modules/<context>/**"\nlayers:');
  });

  it("writes contexts for src/<context> when the folders of src/ hold layer folders, the other folders (name escaped) as the shared kernel", async () => {
    const { copy } = await initialisedCopy("init-cqrs-contexts");
    expect(copy.read("layers.yaml")).toContain(
      'contexts:\n  pattern: "src/<context>/**"\n  shared: ["src/?legacy?/**", "src/config/**"]\nlayers:',
    );
  });

  it("without src/ or a tsconfig include, takes the src/ folders of the packages beside each other", async () => {
    const { copy, run } = await initialisedCopy("init-packages-side-by-side");
    expect(run.stdout).toContain(
      "\n  include: backend/src, frontend/src (the src/ folders of the packages with a package.json);",
    );
    expect(copy.read("layers.yaml")).toContain('include: ["backend/src", "frontend/src"]\n');
  });

  it("without src/, includes the folders holding source and the entry file, never build output, gitignored folders or tool configuration, and excludes tests", async () => {
    const { copy } = await initialisedCopy("init-no-src-js");
    const yaml = copy.read("layers.yaml");
    expect(yaml).toContain('include: ["db", "lib", "routes", "services", "server.js"]\n');
    expect(yaml).toContain(
      'exclude: ["**/*.{test,spec,e2e,e2e-spec,test-d}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}", "**/__tests__/**", "**/__mocks__/**", "**/test/**", "**/tests/**", "**/e2e/**"]\n',
    );
  });

  it("writes nothing when the first check fails (a tsconfig extending an uninstalled package), so it can be run again", async () => {
    const copy = copyOf("init-ddd-modules");
    copy.write("tsconfig.json", `{ "extends": "@acme/tsconfig-not-installed/base.json", "include": ["src"] }\n`);
    const run = await copy.run("init");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("TS6053");
    expect(existsSync(join(copy.dir, "layers.yaml"))).toBe(false);
  });

  it("never overwrites a map without --force (exit 2), and overwrites with it", async () => {
    const copy = copyOf("init-clean");
    copy.write("layers.yaml", "version: 1\n");
    const refused = await copy.run("init");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      "layerlint: layers.yaml already exists here: pass --force to overwrite it, or edit it (layerlint doctor reviews it) [LL-USAGE]\n",
    );
    expect(copy.read("layers.yaml")).toBe("version: 1\n");

    expect((await copy.run("init", "--force")).status).toBe(0);
    expect(copy.read("layers.yaml")).toContain("# Written by `layerlint init`, which placed 8 of 8");
  });

  it("--preset forces a preset, leaves what it does not describe unassigned, and an unknown one is a usage error with the closest name", async () => {
    const copy = copyOf("init-express");
    const forced = await copy.run("init", "--preset", "layered");
    expect(forced.status).toBe(0);
    expect(forced.stdout.split("\n")[0]).toBe('wrote layers.yaml after the "layered" preset (--preset)');
    expect(layersOf(copy.read("layers.yaml"))).toEqual([
      'presentation: ["src/controllers/**", "src/routes/**"]',
      'business: ["src/services/**"]',
      'persistence: ["src/db/**"]',
    ]);
    // What the preset does not describe stays unassigned, at severity warn: no catch-all layer.
    expect(copy.read("layers.yaml")).toContain("options:\n  unassigned: warn\n");

    const unknown = await copy.run("init", "--preset", "hexagnal", "--force");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'layerlint: unknown preset "hexagnal"; did you mean "hexagonal"? (init knows backend-standard, clean, hexagonal, layered, nestjs) [LL-USAGE]\n',
    );
  });
});

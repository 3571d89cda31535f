import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BUILT_BIN, fixturePath, runBuiltCli } from "../helpers/run-built-cli.js";

/**
 * `layerlint init` on fixtures shaped like an Express app, a NestJS app and a clean-architecture app,
 * each copied to a temporary folder: the map it writes must pass doctor and classify every source file.
 */

const copies: string[] = [];

function copyOf(fixture: string): string {
  const folder = mkdtempSync(join(tmpdir(), `layerlint-${fixture}-`));
  cpSync(fixturePath(fixture), folder, { recursive: true });
  copies.push(folder);
  return folder;
}

beforeAll(() => {
  if (!existsSync(BUILT_BIN)) throw new Error(`${BUILT_BIN} is missing: run \`npm run build\` before these tests`);
});

afterEach(() => {
  for (const folder of copies.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function layersOf(yaml: string): string[] {
  return [...yaml.matchAll(/^ {2}([A-Za-z][\w-]*):\n {4}paths: (.*)$/gm)].map((match) => `${match[1]}: ${match[2]}`);
}

describe("layerlint init", () => {
  it.each([
    {
      fixture: "init-express",
      origin: 'the "backend-standard" preset',
      layers: [
        'composition: ["src/app.ts", "src/server.ts"]',
        'transport: ["src/controllers/**", "src/routes/**"]',
        'application: ["src/services/**"]',
        'persistence: ["src/db/**"]',
        'shared: ["src/middleware/**", "src/models/**", "src/utils/**"]',
      ],
    },
    {
      fixture: "init-nestjs",
      origin: "the NestJS file-suffix layout",
      layers: [
        'composition: ["src/**/*.module.ts", "src/main.ts"]',
        'transport: ["src/**/*.controller.ts"]',
        'application: ["src/**/*.service.ts"]',
        'persistence: ["src/**/*.entity.ts", "src/**/*.repository.ts"]',
        'contracts: ["src/**/*.dto.ts"]',
        'shared: ["src/common/**"]',
      ],
    },
    {
      fixture: "init-clean",
      origin: 'the "clean" preset',
      layers: [
        'frameworks: ["src/frameworks/**", "src/main.ts"]',
        'adapters: ["src/adapters/**"]',
        'use-cases: ["src/use-cases/**"]',
        'entities: ["src/entities/**"]',
      ],
    },
  ])("fits $fixture to $origin; the map passes doctor and claims every file", ({ fixture, origin, layers }) => {
    const folder = copyOf(fixture);
    const run = runBuiltCli(["init"], folder);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toMatch(
      new RegExp(`^wrote layers\\.yaml after ${origin.replace(/[.*"]/g, "\\$&")} \\(closest: `),
    );
    const yaml = readFileSync(join(folder, "layers.yaml"), "utf8");
    expect(yaml).toContain(`# Written by \`layerlint init\` after ${origin}`);
    expect(layersOf(yaml)).toEqual(layers);
    for (const layer of layers) expect(yaml).toMatch(new RegExp(`  # ${layer.split(":")[0]}[:,]`));

    const doctor = runBuiltCli(["doctor", "--strict", "--format", "json"], folder);
    expect(doctor.status).toBe(0);
    expect(JSON.parse(doctor.stdout).summary).toMatchObject({ error: 0, warning: 0 });
    const check = JSON.parse(runBuiltCli(["check", "--format", "json"], folder).stdout) as {
      summary: { violations: { unassigned: number } };
    };
    expect(check.summary.violations.unassigned).toBe(0);
  });

  it("prints the check it ran with the written map", () => {
    const folder = copyOf("init-express");
    const run = runBuiltCli(["init"], folder);
    expect(run.stdout).toContain(
      "layerlint check:\napplication-may-not-import-persistence error (1)\n  src/services/user-service.ts:3:1",
    );
    expect(run.stdout).toContain(
      "\nnext: edit layers.yaml and run `layerlint doctor` to review it; `layerlint explain FILE` shows why a file's imports pass or fail, and `layerlint explain --violation ID` tells one violation's story (`layerlint check --format json` prints the ids)\n",
    );
  });

  it("never overwrites a map without --force (exit 2), and overwrites with it", () => {
    const folder = copyOf("init-clean");
    writeFileSync(join(folder, "layers.yaml"), "version: 1\n");
    const refused = runBuiltCli(["init"], folder);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      "layerlint: layers.yaml already exists here: pass --force to overwrite it, or edit it (layerlint doctor reviews it) [LL-USAGE]\n",
    );
    expect(readFileSync(join(folder, "layers.yaml"), "utf8")).toBe("version: 1\n");

    expect(runBuiltCli(["init", "--force"], folder).status).toBe(0);
    expect(readFileSync(join(folder, "layers.yaml"), "utf8")).toContain('the "clean" preset');
  });

  it("--preset forces a preset, and an unknown one is a usage error with the closest name", () => {
    const folder = copyOf("init-express");
    const forced = runBuiltCli(["init", "--preset", "layered"], folder);
    expect(forced.status).toBe(0);
    expect(forced.stdout.split("\n")[0]).toBe('wrote layers.yaml after the "layered" preset (--preset)');
    expect(layersOf(readFileSync(join(folder, "layers.yaml"), "utf8"))).toEqual([
      'presentation: ["src/controllers/**", "src/routes/**"]',
      'business: ["src/services/**"]',
      'persistence: ["src/db/**"]',
      'shared: ["src/app.ts", "src/middleware/**", "src/models/**", "src/server.ts", "src/utils/**"]',
    ]);

    const unknown = runBuiltCli(["init", "--preset", "hexagnal", "--force"], folder);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'layerlint: unknown preset "hexagnal"; did you mean "hexagonal"? (init knows backend-standard, clean, hexagonal, layered, nestjs) [LL-USAGE]\n',
    );
  });
});

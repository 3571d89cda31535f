import { z } from "zod";

/** The JSON report's contract; `schema/report.schema.json` is generated from it. */

const location = z.strictObject({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  specifier: z.string(),
});

const violation = z.strictObject({
  id: z.string().describe("Stable across line moves: derived from kind, from and to."),
  kind: z
    .string()
    .describe(
      "layer | package | private | context | unassigned | cycle | size today; " +
        "more kinds will come: ignore kinds you do not know.",
    ),
  severity: z.enum(["error", "warn"]),
  rule: z.string(),
  from: z
    .string()
    .describe(
      "The importing file, relative to the map's folder (with --workspaces, to the current folder), forward slashes.",
    ),
  to: z
    .string()
    .nullable()
    .describe(
      "A path for local files, the package name for packages, " +
        "the next module of the loop for cycle, null for unassigned and size.",
    ),
  fromLayer: z.string().nullable(),
  toLayer: z.string().nullable(),
  fromContext: z
    .string()
    .nullable()
    .describe(
      "The context of from; " +
        "null when the map declares no contexts or from is in none (shared kernel, outside every context).",
    ),
  toContext: z
    .string()
    .nullable()
    .describe(
      "The context of to, a local file; null as for fromContext, and for packages and violations without a to.",
    ),
  specifier: z.string().nullable().describe("The first import statement's module name, as written."),
  line: z.number().int().min(1).nullable(),
  column: z.number().int().min(1).nullable(),
  locations: z.array(location).describe("Every import statement behind this violation, in source order."),
  dependencyTypes: z.array(z.string()),
  message: z.string(),
  fix: z.string(),
  cycle: z
    .array(z.string())
    .min(3)
    .optional()
    .describe("Kind cycle only: the loop, starting and ending at from (from, to, …, from)."),
  via: z
    .array(z.string())
    .min(1)
    .optional()
    .describe("Kind layer seen through barrels (--through-barrels) only: the barrels between from and to, in order."),
});

const counts = {
  modules: z.number().int().min(0),
  dependencies: z.number().int().min(0),
  unresolved: z.number().int().min(0),
  excluded: z.number().int().min(0),
  parseErrors: z.number().int().min(0),
  skipped: z
    .number()
    .int()
    .min(0)
    .describe(
      "Source files over the 2 MiB limit or not regular files (named pipes, devices): " +
        "not checked, each named in a file-too-large or not-a-regular-file warning.",
    ),
  violations: z.record(z.string(), z.number().int().min(0)),
};

const baselineEntry = z.strictObject({
  id: z.string(),
  kind: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  count: z.number().int().min(1),
});

export const checkReportSchema = z
  .strictObject({
    version: z.literal(1),
    summary: z.strictObject({
      ...counts,
      maps: z
        .array(
          z.strictObject({ map: z.string().describe("The layer map, relative to the current folder."), ...counts }),
        )
        .optional()
        .describe(
          "Present with --workspaces: each workspace package's map checked, " +
            "in folder order, with its own counts; the counts above are their sums.",
        ),
      exceptions: z
        .array(
          z.strictObject({
            from: z.string(),
            to: z.string(),
            reason: z.string(),
            until: z.string().nullable(),
            covered: z.number().int().min(0).describe("How many violations it excepted in the whole tree."),
            status: z.enum(["active", "stale", "expired"]),
            map: z
              .string()
              .optional()
              .describe("With --workspaces: the map that declares it, relative to the current folder."),
          }),
        )
        .optional()
        .describe("Present when the map has exceptions: each one, in map order, with what it did."),
      baseline: z
        .strictObject({
          new: z.number().int().min(0),
          known: z.number().int().min(0),
          stale: z.array(baselineEntry),
          staleAction: z.enum(["error", "warn", "removed"]),
        })
        .optional()
        .describe("Present with --baseline: violations then lists only the new ones."),
      failures: z
        .array(
          z.strictObject({
            code: z.string().describe("stale-baseline | max-warnings | unresolved-imports | warnings-as-errors"),
            message: z.string(),
          }),
        )
        .optional()
        .describe("Why the check fails besides error-severity violations; absent when there is no such reason."),
    }),
    violations: z.array(violation),
    warnings: z.array(z.strictObject({ code: z.string(), message: z.string(), file: z.string().optional() })),
  })
  .describe("layerlint check --format json");

import { z } from "zod";
import { WARNING_CODES, WARNING_LEVELS } from "../report/warning-levels.js";

/**
 * The one schema of a layer map file (the user's `layers.yaml` and every preset alike).
 * Types and the shipped JSON Schema are derived from it.
 */

export const LAYER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const MAX_LAYERS = 200;
export const MAX_GLOBS_PER_LIST = 500;

const globList = z
  .array(z.string().min(1, "a glob cannot be empty"))
  .max(
    MAX_GLOBS_PER_LIST,
    `at most ${MAX_GLOBS_PER_LIST} globs per list: use wider globs (\`src/domain/**\`) instead of one per file`,
  );

const allowanceReason = z
  .string()
  .trim()
  .min(1, "a reason cannot be empty")
  .describe("Why the import is tolerated; shown in the violation's message.");

/**
 * `{ layer: persistence, severity: warn }`: still not allowed, but its imports are reported at severity warn (a
 * migration in progress).
 */
export const warnAllowanceSchema = z.strictObject({
  layer: z
    .string({ error: "a mayImport entry written as a mapping needs `layer:`, the layer it tolerates" })
    .describe("The layer tolerated."),
  severity: z
    .literal("warn", { error: "severity must be warn (write the plain layer name to allow it)" })
    .describe("Imports of the layer are violations of severity warn: reported, not failing the check."),
  reason: allowanceReason.optional(),
});

const maxLines = z.number().int("maxLines must be a whole number of lines").min(1, "maxLines must be at least 1");

export const layerSchema = z
  .strictObject({
    paths: globList.describe(
      "Globs (relative to the map's folder) of the files in this layer. " +
        "A file belongs to the first layer, in map order, that matches it.",
    ),
    mayImport: z
      .array(
        z.union([z.string(), warnAllowanceSchema], {
          error: "expected a layer name or `{ layer: NAME, severity: warn, reason: TEXT }`",
        }),
      )
      .describe(
        "Layers this layer may import; `{ layer, severity: warn, reason? }` tolerates one at severity warn. " +
          "Absent: none. A layer may always import itself.",
      )
      .optional(),
    packages: z
      .array(z.string().min(1))
      .describe(
        "npm packages (by the name as imported; globs allowed: `@aws-sdk/*`) and built-ins (`node:fs`, `node:*`) " +
          "this layer may use. Absent: any.",
      )
      .optional(),
    public: globList
      .describe(
        "Globs (relative to the map's folder) of this layer's public files: " +
          "other layers may import only these. Absent: every file is public.",
      )
      .optional(),
    description: z.string().describe("What belongs in this layer; shown in reports.").optional(),
    maxLines: maxLines
      .describe("Files of this layer longer than this are violations of kind `size`; overrides `options.maxLines`.")
      .optional(),
  })
  .partial({ paths: true });

export const optionsSchema = z.strictObject({
  typeOnlyImports: z
    .enum(["check", "allow"])
    .describe("`check` (default): `import type` obeys the rules; `allow`: type-only imports are never violations.")
    .optional(),
  unassigned: z
    .enum(["error", "warn", "off"])
    .describe("Severity for source files no layer claims (default `error`).")
    .optional(),
  cycles: z
    .enum(["error", "warn", "off"])
    .describe("Severity for import cycles between modules (default `warn`).")
    .optional(),
  maxLines: maxLines.describe("Files longer than this are violations of kind `size` (default: no limit).").optional(),
  throughBarrels: z
    .boolean({ error: "throughBarrels must be true or false" })
    .describe(
      "`true`: an import of a barrel (a module that only re-exports) counts as imports of " +
        "the modules defining the names taken, as `check --through-barrels` (default `false`).",
    )
    .optional(),
  warnings: z
    .strictObject(
      Object.fromEntries(
        WARNING_CODES.map((code) => [
          code,
          z
            .enum(WARNING_LEVELS, { error: `${code} must be off, warn or error` })
            .describe(
              `\`off\`: never reported; \`warn\` (default): reported; \`error\`: reported, and fails the check.`,
            )
            .optional(),
        ]),
      ) as Record<
        (typeof WARNING_CODES)[number],
        z.ZodOptional<z.ZodEnum<{ off: "off"; warn: "warn"; error: "error" }>>
      >,
    )
    .describe("The level of each warning code (`unresolved-import: off`); `check --warnings CODE=LEVEL` overrides it.")
    .optional(),
});

export const exceptionSchema = z.strictObject({
  from: z.string().min(1, "an exception's from cannot be empty").describe("Glob of the importing files."),
  to: z
    .string()
    .min(1, "an exception's to cannot be empty")
    .describe("Glob of the imported files, or a package name (glob)."),
  reason: z
    .string({ error: "an exception needs a reason: say why this import is tolerated" })
    .trim()
    .min(1, "an exception needs a reason: say why this import is tolerated")
    .describe("Why this import is tolerated (mandatory)."),
  until: z.iso
    .date("until must be a date written YYYY-MM-DD")
    .describe("After this day (YYYY-MM-DD) the exception no longer applies.")
    .optional(),
});

export const contextAllowanceSchema = z.strictObject({
  from: z
    .string()
    .min(1, "an allow entry's from cannot be empty")
    .describe("The importing context, by its folder name."),
  to: z.string().min(1, "an allow entry's to cannot be empty").describe("The imported context, by its folder name."),
  layers: z
    .array(z.string())
    .min(1, "layers cannot be empty: leave it out to allow every layer")
    .describe("Only files of these layers of `to` may be imported. Absent: any layer.")
    .optional(),
});

export const contextsSchema = z.strictObject({
  pattern: z
    .string({ error: "contexts needs a pattern, e.g. `src/modules/<context>/**`" })
    .min(1, "contexts.pattern cannot be empty")
    .describe(
      "Glob of a context's files with the placeholder `<context>` once, " +
        "as a whole path segment: `src/modules/<context>/**`.",
    ),
  shared: globList
    .describe("Globs of the shared kernel: every context may import it; it may import no context.")
    .optional(),
  public: globList
    .describe(
      "A context's public surface, globs that may hold `<context>` (`src/modules/<context>/index.ts`): " +
        "another context that `allow` lets in may import only these files of it. Absent: every file is public.",
    )
    .optional(),
  allow: z
    .array(contextAllowanceSchema)
    .max(MAX_GLOBS_PER_LIST, `at most ${MAX_GLOBS_PER_LIST} allow entries`)
    .describe("Context-to-context imports allowed besides a context itself and the shared kernel.")
    .optional(),
});

export const layerMapFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: "version must be 1 (the only layer map version)" }),
    name: z.string().describe("The architecture's name, shown in reports.").optional(),
    extends: z
      .union([z.string(), z.array(z.string())], { error: "extends must be a preset name or a list of preset names" })
      .describe(
        "Presets applied before this file, in order: a built-in name (`backend-standard`), " +
          "a relative file (`./base.yaml`) or an npm package.",
      )
      .optional(),
    include: globList
      .describe(
        "Folders or files to check, relative to the map's folder. " +
          "Default: `src` when it exists, else the map's folder.",
      )
      .optional(),
    exclude: globList.describe("Globs of files not checked at all (counted in the summary).").optional(),
    tsconfig: z
      .string()
      .min(1)
      .describe("tsconfig used to resolve imports. Default: tsconfig.json beside the map when present.")
      .optional(),
    options: optionsSchema.optional(),
    contexts: contextsSchema
      .describe(
        "Vertical slices (modules, bounded contexts): " +
          "a context may import only itself, the shared kernel and what `allow` lists.",
      )
      .optional(),
    exceptions: z
      .array(exceptionSchema)
      .max(MAX_GLOBS_PER_LIST, `at most ${MAX_GLOBS_PER_LIST} exceptions: fix some, or use a baseline`)
      .describe("Layer and package violations tolerated, each with a reason and an optional end date.")
      .optional(),
    layers: z
      .record(z.string(), layerSchema.nullable())
      .describe("The layers, in priority order. `name: null` removes a layer an extended preset defines.")
      .optional(),
  })
  .describe("A layerlint layer map");

export type LayerMapFile = z.infer<typeof layerMapFileSchema>;
export type WarnAllowanceFileEntry = z.infer<typeof warnAllowanceSchema>;
export type ExceptionFileEntry = z.infer<typeof exceptionSchema>;
export type ContextsFileEntry = z.infer<typeof contextsSchema>;

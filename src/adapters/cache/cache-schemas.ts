import { z } from "zod";

/**
 * What each cache file must hold to be used. A file is data from outside (a CI cache restored from
 * shared storage, an edit by hand): every entry is checked here, and per-file tables are lists of
 * [path, entry] pairs read into Maps, so a path such as `__proto__` is a path like any other.
 */

const hash = z.string().min(1);
const pairs = <T extends z.ZodType>(entry: T) => z.array(z.tuple([z.string(), entry]));

const dependency = z.strictObject({
  specifier: z.string(),
  resolved: z.string(),
  target: z.enum(["local", "package", "builtin", "unresolved"]),
  typeOnly: z.boolean(),
  dependencyTypes: z.array(z.string()),
  brokenRules: z.array(z.string()),
  via: z.array(z.string()).optional(),
});

const graphModule = z.strictObject({ source: z.string().min(1), dependencies: z.array(dependency) });

export const graphCacheSchema = z.strictObject({
  key: hash,
  /** Content hash of every module inside the map's folder. */
  hashes: pairs(hash),
  /** Fingerprint of where each module's imports could resolve (see resolution-probes.ts). */
  probes: pairs(hash),
  /**
   * Paths the graph resolved to without reading them (packages, files outside the map's folder): they must still exist.
   */
  present: z.array(z.string()),
  graph: z.strictObject({ modules: z.array(graphModule) }),
  /** The tsconfig's resolution and what it was read from (see tsconfig-resolution.ts); null without a tsconfig. */
  tsconfig: z
    .strictObject({
      path: z.string(),
      looked: z.array(z.tuple([z.string(), z.string()])),
      resolution: z.strictObject({
        paths: z.array(z.tuple([z.string(), z.array(z.string())])),
        pathsBase: z.string(),
        baseUrl: z.string().nullable(),
      }),
    })
    .nullable(),
});

export type GraphCacheFile = z.infer<typeof graphCacheSchema>;

const position = { line: z.number().int().min(0), column: z.number().int().min(0) };

export const syntaxCacheSchema = z.strictObject({
  key: hash,
  /** Per file: its content hash and its first syntax problem, null when it has none. */
  files: pairs(z.strictObject({ hash, problem: z.strictObject({ ...position, message: z.string() }).nullable() })),
});

export type SyntaxCacheFile = z.infer<typeof syntaxCacheSchema>;

export const locatedCacheSchema = z.strictObject({
  key: hash,
  /** Per file: the content hash of the text its imports were located in, and where they are. */
  files: pairs(
    z.strictObject({
      hash,
      imports: z.array(z.strictObject({ specifier: z.string(), ...position, typeOnly: z.boolean() })),
    }),
  ),
});

export type LocatedCacheFile = z.infer<typeof locatedCacheSchema>;

export const statsCacheSchema = z.strictObject({
  /** Per file: its stat signature when last read, and the content hash read then (see content-hashes.ts). */
  files: pairs(z.strictObject({ stat: z.string().min(1), hash })),
});

export const loopsCacheSchema = z.strictObject({
  /** What the search read (see caching-loop-store.ts). */
  key: hash,
  /** Per loop, in the order found: its violation's id and its modules, by their index in the graph. */
  loops: z.array(z.tuple([z.string().min(1), z.array(z.number().int().min(0)).min(1)])),
});

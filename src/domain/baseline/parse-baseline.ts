import { z } from "zod";
import { BaselineError, type ConfigurationIssue } from "../errors.js";
import { formatKeyPath } from "../map/map-issue.js";
import { BASELINE_VERSION, sortedBaseline, type Baseline } from "./baseline.js";
import { findJsonSyntaxError } from "./json-syntax-error.js";

const entrySchema = z.strictObject({
  id: z.string().min(1),
  kind: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1).nullable(),
  count: z.number().int().min(1),
});

const baselineSchema = z.strictObject({
  version: z.literal(BASELINE_VERSION),
  violations: z.array(entrySchema),
});

/** Reads a baseline file's text; `file` is how messages name it. Every problem is a BaselineError. */
export function parseBaseline(file: string, text: string): Baseline {
  const issue = (
    message: string,
    key = "",
    line: number | null = null,
    column: number | null = null,
  ): ConfigurationIssue => ({ file, line, column, key, message });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const syntax = findJsonSyntaxError(text);
    throw new BaselineError([
      issue(
        `the baseline is not valid JSON: ${syntax?.message ?? "it cannot be parsed"}`,
        "",
        syntax?.line ?? null,
        syntax?.column ?? null,
      ),
    ]);
  }

  const version = typeof value === "object" && value !== null && "version" in value ? value.version : undefined;
  if (typeof version === "number" && Number.isInteger(version) && version > BASELINE_VERSION) {
    const newer = `written by a newer layerlint; this one reads version ${BASELINE_VERSION}`;
    throw new BaselineError([issue(`the baseline has version ${version}, ${newer}: upgrade layerlint`, "version")]);
  }

  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) {
    throw new BaselineError(
      parsed.error.issues.map((problem) =>
        issue(`${problem.message}${hint(problem.path)}`, formatKeyPath(problem.path.filter(isKeyPart))),
      ),
    );
  }
  const seen = new Set<string>();
  const duplicates: ConfigurationIssue[] = [];
  parsed.data.violations.forEach((entry, index) => {
    if (seen.has(entry.id))
      duplicates.push(issue(`the id "${entry.id}" is listed twice`, formatKeyPath(["violations", index, "id"])));
    seen.add(entry.id);
  });
  if (duplicates.length > 0) throw new BaselineError(duplicates);
  return sortedBaseline(parsed.data.violations);
}

function isKeyPart(part: PropertyKey): part is string | number {
  return typeof part === "string" || typeof part === "number";
}

function hint(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? ` (a baseline is { "version": ${BASELINE_VERSION}, "violations": [...] }: record one with \`layerlint baseline\`)`
    : "";
}

import { extname } from "node:path";
import { UsageError } from "../../domain/errors.js";

/** Which format each file extension means, per command; an extension not listed means nothing. */
export type ExtensionFormats<F extends string> = Readonly<Record<string, F>>;

export const CHECK_EXTENSIONS: ExtensionFormats<"json" | "sarif" | "junit" | "markdown"> = {
  ".json": "json",
  ".sarif": "sarif",
  ".xml": "junit",
  ".md": "markdown",
};

export const GRAPH_EXTENSIONS: ExtensionFormats<"mermaid" | "dot" | "svg" | "json" | "html"> = {
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
  ".dot": "dot",
  ".gv": "dot",
  ".svg": "svg",
  ".json": "json",
  ".html": "html",
  ".htm": "html",
};

export const COMPILE_EXTENSIONS: ExtensionFormats<"json" | "cjs"> = { ".json": "json", ".cjs": "cjs", ".js": "cjs" };

/**
 * The format of a command's output: `--format` when given, else what the `--output` file's extension
 * means, else the command's default. `--format` and an extension that means another format is a usage error.
 */
export function formatFor<F extends string>(
  given: F | undefined,
  output: string | undefined,
  extensions: ExtensionFormats<string>,
  fallback: F,
): F {
  const extension = output === undefined ? "" : extname(output).toLowerCase();
  const implied = Object.hasOwn(extensions, extension) ? (extensions[extension] as F) : undefined;
  if (given === undefined) return implied ?? fallback;
  if (implied !== undefined && implied !== given) {
    const fix = `drop --format, or name the file for ${given}`;
    throw new UsageError(
      `--format ${given} disagrees with --output ${output}: a ${extension} file gets format ${implied}; ${fix}`,
    );
  }
  return given;
}

import { realpathSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";
import type { ReadBoundary } from "../../application/ports.js";
import { isInsideRepository, mayRead, outsideMessage } from "../../application/read-boundary.js";
import { ConfigurationError, UnreadableInputError, type ConfigurationIssue } from "../../domain/errors.js";
import { plural } from "../../domain/plural.js";
import { readRegularFileSync } from "../file-system/regular-file-reader.js";

/** Quoted parts of TypeScript's messages are cut to this many characters. */
const MAX_QUOTED = 40;

/**
 * A tsconfig and its `extends` chain as TypeScript parses it (what dependency-cruiser would do), every file
 * read through the regular-file reader and within the read boundary. Problems are a ConfigurationError
 * (LL-TSCONFIG) naming file, line and column; nothing is quoted from a file outside the repository.
 */
export function readTsconfig(fileName: string, baseDir: string, boundary: ReadBoundary): ts.ParsedCommandLine {
  const refused: ConfigurationIssue[] = [];
  const shown = (path: string) => relative(baseDir, path) || path;
  const readFile = (path: string): string | undefined => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return undefined;
    }
    if (!mayRead(real, boundary)) {
      refused.push(
        issue(
          shown(fileName),
          outsideMessage(
            path === fileName ? `the tsconfig (a link to ${real})` : `its extends "${shown(path)}"`,
            relative(baseDir, boundary.root) || ".",
          ),
        ),
      );
      return undefined;
    }
    try {
      return readRegularFileSync(path, "tsconfig").toString("utf8");
    } catch (error) {
      if (error instanceof UnreadableInputError) {
        refused.push(issue(shown(path), error.reason));
        return undefined;
      }
      return undefined;
    }
  };
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    fileExists: (path) => ts.sys.fileExists(path),
    readFile,
  };
  const config = ts.readConfigFile(fileName, readFile);
  if (refused.length > 0) throw new ConfigurationError(refused, "LL-TSCONFIG");
  if (config.error !== undefined) throw diagnosticsError([config.error], fileName, baseDir, boundary);
  const parsed = ts.parseJsonConfigFileContent(config.config, host, dirname(resolve(fileName)), {}, fileName);
  if (refused.length > 0) throw new ConfigurationError(refused, "LL-TSCONFIG");
  if (parsed.errors.length > 0) throw diagnosticsError(parsed.errors, fileName, baseDir, boundary);
  return parsed;
}

function diagnosticsError(
  diagnostics: readonly ts.Diagnostic[],
  fileName: string,
  baseDir: string,
  boundary: ReadBoundary,
): ConfigurationError {
  const issues: ConfigurationIssue[] = [];
  const outside = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    const path = diagnostic.file?.fileName ?? fileName;
    const file = relative(baseDir, path) || path;
    if (!isInsideRepository(path, boundary.root)) {
      outside.set(file, (outside.get(file) ?? 0) + 1);
      continue;
    }
    const start =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : null;
    const message = shortenQuotes(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n").split("\n")[0] ?? "");
    issues.push({
      file,
      line: start === null ? null : start.line + 1,
      column: start === null ? null : start.character + 1,
      key: "",
      message:
        start === null
          ? `tsconfig cannot be read: error TS${diagnostic.code}: ${message}`
          : `TS${diagnostic.code}: ${message}`,
    });
  }
  for (const [file, count] of outside) {
    const problems = plural(count, "problem");
    issues.push(
      issue(file, `not a valid tsconfig (${problems}); it lies outside the repository, so nothing of it is quoted`),
    );
  }
  return new ConfigurationError(issues, "LL-TSCONFIG");
}

function issue(file: string, message: string): ConfigurationIssue {
  return { file, line: null, column: null, key: "", message };
}

function shortenQuotes(message: string): string {
  return message.replace(/'([^']*)'/g, (_, quoted: string) => {
    const characters = [...quoted];
    return `'${characters.length <= MAX_QUOTED ? quoted : `${characters.slice(0, MAX_QUOTED).join("")}…`}'`;
  });
}

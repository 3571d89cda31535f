import * as fsPromises from "node:fs/promises";
import { join } from "node:path";
import type { FileSystem } from "../../application/ports.js";
import { FileSystemFailure, UnreadableInputError } from "../../domain/errors.js";
import { readRegularFile } from "./regular-file-reader.js";
import { writeOutputFile, type WriteCalls } from "./write-output-file.js";

export { removeTemporaryFiles } from "./write-output-file.js";

const NEVER_ENTERED = new Set(["node_modules", ".git"]);

/** The calls the adapter makes; tests pass failing ones to prove how failures are reported. */
export type FileSystemCalls = Pick<typeof fsPromises, "open" | "readdir" | "realpath" | "stat"> & WriteCalls;

export function createNodeFileSystem(calls: FileSystemCalls = fsPromises): FileSystem {
  const statOrNull = async (path: string) => {
    try {
      return await calls.stat(path);
    } catch (error) {
      if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return null;
      throw failure("cannot inspect", path, error);
    }
  };

  // A link to a file is listed like the file (a cold cruise reaches it through an import all the same); a link to
  // a folder is never entered, so a link loop cannot hang the walk; a dangling or looping link leads nowhere.
  const linkLeadsToFile = async (path: string): Promise<boolean> => {
    try {
      return !(await calls.stat(path)).isDirectory();
    } catch (error) {
      if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR" || errorCode(error) === "ELOOP") return false;
      throw failure("cannot inspect", path, error);
    }
  };

  const walk = async (root: string, relativeDir: string, files: Set<string>): Promise<void> => {
    const folder = join(root, relativeDir);
    const entries = await calls.readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      throw failure("cannot list the folder", folder, error);
    });
    for (const entry of entries) {
      const relative = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
      // Named pipes, sockets and devices are listed, for the caller to name them in a warning and never read them.
      if (entry.isDirectory()) {
        if (!NEVER_ENTERED.has(entry.name)) await walk(root, relative, files);
      } else if (!entry.isSymbolicLink() || (await linkLeadsToFile(join(folder, entry.name)))) {
        files.add(relative);
      }
    }
  };

  return {
    async readText(absolutePath, kind) {
      try {
        return (await readRegularFile(absolutePath, kind, calls)).toString("utf8");
      } catch (error) {
        if (error instanceof UnreadableInputError) throw error;
        throw failure("cannot read", absolutePath, error);
      }
    },
    exists: async (absolutePath) => (await statOrNull(absolutePath)) !== null,
    isDirectory: async (absolutePath) => (await statOrNull(absolutePath))?.isDirectory() ?? false,
    fileSize: async (absolutePath) => {
      const stats = await statOrNull(absolutePath);
      return stats?.isFile() ? stats.size : null;
    },
    async listFiles(root, entries) {
      const files = new Set<string>();
      for (const entry of entries) {
        const relative = normalizeEntry(entry);
        const stats = await statOrNull(join(root, relative));
        if (stats?.isDirectory()) {
          await walk(root, relative, files);
        } else if (stats !== null) {
          files.add(relative);
        }
      }
      return [...files].sort();
    },
    async realPath(absolutePath) {
      try {
        return await calls.realpath(absolutePath);
      } catch (error) {
        if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return absolutePath;
        throw failure("cannot inspect", absolutePath, error);
      }
    },
    writeTextAtomic: (absolutePath, text) => writeOutputFile(absolutePath, text, calls),
  };
}

export const nodeFileSystem: FileSystem = createNodeFileSystem();

const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "it does not exist (deleted or moved during the run?)",
  EISDIR: "it is a folder",
  ENOSPC: "the disk is full",
  EMFILE: "too many open files",
  EROFS: "the file system is read-only",
};

function failure(action: string, path: string, error: unknown): FileSystemFailure {
  const code = errorCode(error);
  const known = REASONS[code ?? ""];
  const reason =
    code === undefined
      ? error instanceof Error
        ? error.message
        : String(error)
      : `${known ?? "the file system refused"} (${code})`;
  return new FileSystemFailure(`${action} ${path}: ${reason}`, error);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function normalizeEntry(entry: string): string {
  const trimmed = entry.replace(/^\.\/?/, "").replace(/\/+$/, "");
  return trimmed === "." ? "" : trimmed;
}

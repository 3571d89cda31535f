import { randomBytes } from "node:crypto";
import { rmSync, writeSync, type Stats } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { pid } from "node:process";
import { FileSystemFailure, UsageError } from "../../domain/errors.js";
import { removeStaleTemporaryFiles, temporaryFileName } from "./temporary-file-names.js";

/** The calls the writer makes; tests pass failing ones to prove how failures are reported. */
export type WriteCalls = Pick<
  typeof fsPromises,
  "chmod" | "lstat" | "mkdir" | "readdir" | "readlink" | "rename" | "rm" | "stat" | "writeFile"
>;

/** Temporary files of writes in progress, so an interrupted run can remove them. */
const temporaryFiles = new Set<string>();

/** Removes the temporary files of writes still in progress; synchronous, for a signal handler. */
export function removeTemporaryFiles(): void {
  for (const temporary of temporaryFiles) rmSync(temporary, { force: true });
  temporaryFiles.clear();
}

/** Symbolic links followed before the path is called a loop (Linux's own limit). */
const MAX_LINKS = 40;

/**
 * Writes a report, a baseline, a diagram or a cache file where it is asked to go, destroying nothing else:
 * a regular file (or a missing path, whose missing folders are created) is replaced atomically through a
 * temporary file renamed into place; a symbolic link is followed and its target replaced the same way, the
 * link staying a link; a device, a FIFO or a descriptor path (`/dev/stdout`) is written straight to.
 * A path that cannot hold a file (a folder, a socket, under a file) is a UsageError; an I/O failure
 * (permissions, a full disk) a FileSystemFailure.
 */
export async function writeOutputFile(path: string, text: string, calls: WriteCalls = fsPromises): Promise<void> {
  const target = await followLinks(path, calls);
  if (target.descriptor !== undefined) return writeToDescriptor(path, target.descriptor, text);
  if (target.straight) return writeStraight(path, text, calls);
  const stats = target.stats;
  if (stats === null) {
    await createFolders(target.path, path, calls);
    return writeAtomically(target.path, text, null, calls);
  }
  if (stats.isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder; name a file`);
  if (stats.isFile()) return writeAtomically(target.path, text, stats.mode & 0o7777, calls);
  if (stats.isSocket()) throw new UsageError(`cannot write ${path}: it is a socket; name a file, a device or a FIFO`);
  return writeStraight(target.path, text, calls);
}

interface Target {
  /** The path after every symbolic link is followed. */
  readonly path: string;
  /** lstat of that path; null when nothing is there. */
  readonly stats: Stats | null;
  /** A link in /proc or /dev/fd names an open descriptor (/dev/stdout): written straight through the given path. */
  readonly straight: boolean;
  /** This process's open descriptor the path names (/dev/stdout: 1), written to as it is, whatever it is. */
  readonly descriptor?: number;
}

async function followLinks(path: string, calls: WriteCalls): Promise<Target> {
  let current = path;
  for (let hop = 0; hop <= MAX_LINKS; hop += 1) {
    const stats = await lstatOrNull(current, path, calls);
    if (stats === null || !stats.isSymbolicLink()) return { path: current, stats, straight: false };
    const descriptor = /^\/(?:proc\/self\/fd|dev\/fd)\/(\d+)$/.exec(current);
    if (descriptor !== null) return { path: current, stats, straight: true, descriptor: Number(descriptor[1]) };
    if (/^\/(proc|dev\/fd)\//.test(current)) return { path: current, stats, straight: true };
    const link = await calls.readlink(current).catch((error: unknown) => {
      throw writeFailure(path, error);
    });
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  throw new UsageError(`cannot write ${path}: it is a loop of symbolic links`);
}

async function lstatOrNull(path: string, asked: string, calls: WriteCalls): Promise<Stats | null> {
  try {
    return await calls.lstat(path);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw writeFailure(asked, error);
  }
}

async function createFolders(path: string, asked: string, calls: WriteCalls): Promise<void> {
  try {
    await calls.mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw writeFailure(asked, error);
  }
}

async function writeAtomically(path: string, text: string, mode: number | null, calls: WriteCalls): Promise<void> {
  await removeStaleTemporaryFiles(path, calls, temporaryFiles);
  const temporary = join(dirname(path), temporaryFileName(basename(path), pid, randomBytes(6).toString("hex")));
  temporaryFiles.add(temporary);
  try {
    // "wx": a file or link planted at the temporary name is an error, never written through.
    await calls.writeFile(temporary, text, { encoding: "utf8", flag: "wx" });
    if (mode !== null) await calls.chmod(temporary, mode);
    await calls.rename(temporary, path);
  } catch (error) {
    await calls.rm(temporary, { force: true });
    throw writeFailure(path, error);
  } finally {
    temporaryFiles.delete(temporary);
  }
}

/** Appending: a device or FIFO ignores it, and `/dev/stdout` redirected to a file keeps what is already there. */
async function writeStraight(path: string, text: string, calls: WriteCalls): Promise<void> {
  try {
    await calls.writeFile(path, text, { encoding: "utf8", flag: "a" });
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/** A socket (Node's own pipes to a child are sockets) cannot be opened by path: the descriptor is used as it is. */
function writeToDescriptor(path: string, descriptor: number, text: string): Promise<void> {
  const bytes = Buffer.from(text, "utf8");
  try {
    for (let written = 0; written < bytes.length;) written += writeSync(descriptor, bytes, written);
  } catch (error) {
    return Promise.reject(writeFailure(path, error));
  }
  return Promise.resolve();
}

const IO_REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exceeded",
  EROFS: "the file system is read-only",
  EMFILE: "too many open files",
  EIO: "an input/output error",
  EPIPE: "the reader closed the pipe",
  EAGAIN: "the reader is not keeping up (a non-blocking descriptor)",
  EBADF: "the descriptor is not open for writing",
  ENOENT: "it disappeared during the run",
};

/** Codes that say the path itself cannot hold a file: the user named the wrong thing. */
const PATH_REASONS: Readonly<Record<string, string>> = {
  EISDIR: "it is a folder; name a file",
  ENOTDIR: "a part of its path is a file, not a folder",
  EEXIST: "a part of its path is a file, not a folder",
  ELOOP: "it is a loop of symbolic links",
  ENXIO: "nothing is reading at the other end (a socket or a FIFO without a reader)",
  ENAMETOOLONG: "the path is too long",
};

function writeFailure(path: string, error: unknown): FileSystemFailure | UsageError {
  const code = errorCode(error);
  const pathReason = PATH_REASONS[code ?? ""];
  if (pathReason !== undefined) return new UsageError(`cannot write ${path}: ${pathReason} (${code})`);
  const reason =
    code === undefined
      ? error instanceof Error
        ? error.message
        : String(error)
      : `${IO_REASONS[code] ?? "the file system refused"} (${code})`;
  return new FileSystemFailure(`cannot write ${path}: ${reason}`, error);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

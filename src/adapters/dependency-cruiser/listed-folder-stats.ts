import fs from "node:fs";
import { constants } from "node:os";
import { basename, dirname, isAbsolute, sep } from "node:path";

type StatSync = typeof fs.statSync;

/** The calls the answers are made of; tests pass the real ones of a temporary tree. */
export type ListingCalls = Pick<typeof fs, "readdirSync" | "statSync">;

export interface ListedFolderStats {
  /** `statSync` with a name its folder does not hold answered from the folder's listing. */
  readonly statSync: StatSync;
  /** Lists folders afresh: what a cruise reads must be the tree as it is when that cruise starts. */
  forget(): void;
}

/** What a folder's listing says of the names in it; null when it cannot say (anything is asked of the file system). */
type Listing = ReadonlySet<string> | { readonly missing: "ENOENT" | "ENOTDIR" } | null;

/** A name plain lower-casing compares as every file system does: printable ASCII. */
const PLAIN_NAME = /^[\x20-\x7e]+$/;

/**
 * dependency-cruiser's resolver asks `statSync` of every place an import could lead (each extension, each
 * `paths` alias, each folder index), and most are not there: a failed `stat` is a system call and an error with
 * its stack, about 1.7 s of CPU in a cruise of 10,000 modules. Here a folder is listed once instead, and a
 * name the listing does not hold, compared without case, is answered "no such file" as `stat` would answer it
 * (ENOENT, or ENOTDIR under a file). Anything else (a name the listing holds in any case, so that
 * case-insensitive file systems answer as ever; a name or folder with other than printable ASCII; ".", "..";
 * a folder that cannot be listed; a call with options) is the real `statSync`. Not on Windows, whose paths
 * have more than one spelling. (A folder that can be listed but not entered answers ENOENT where `stat` says
 * EACCES: to the resolver, neither is there.)
 */
export function listedFolderStats(calls: ListingCalls = fs): ListedFolderStats {
  const real = calls.statSync.bind(calls) as StatSync;
  if (sep !== "/") return { statSync: real, forget: () => undefined };
  let listings = new Map<string, Listing>();
  const listingOf = (folder: string): Listing => {
    let listing = listings.get(folder);
    if (listing === undefined) {
      listing = list(calls, folder);
      listings.set(folder, listing);
    }
    return listing;
  };
  const statSync = ((path: unknown, ...options: unknown[]) => {
    if (options.length === 0 && typeof path === "string" && isAbsolute(path)) {
      const name = basename(path);
      if (name !== "." && name !== ".." && PLAIN_NAME.test(name)) {
        const listing = listingOf(dirname(path));
        if (listing !== null && "missing" in listing) throw noSuchFile(path, listing.missing);
        if (listing !== null && !listing.has(name.toLowerCase())) throw noSuchFile(path, "ENOENT");
      }
    }
    return (real as (...args: unknown[]) => unknown)(path, ...options);
  }) as StatSync;
  return {
    statSync,
    forget() {
      listings = new Map();
    },
  };
}

/**
 * Makes this thread's `fs.statSync` (dependency-cruiser's resolver takes it from the `fs` module object as each
 * cruise starts) answer from folder listings. Each worker thread has its own `fs` module object.
 */
export function installListedFolderStats(): ListedFolderStats {
  const listed = listedFolderStats();
  // The module object is mutable at run time; its type says otherwise for ES module namespaces.
  (fs as { statSync: StatSync }).statSync = listed.statSync;
  return listed;
}

function list(calls: ListingCalls, folder: string): Listing {
  let names: string[];
  try {
    names = calls.readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? { missing: code } : null;
  }
  if (!names.every((name) => PLAIN_NAME.test(name))) return null;
  return new Set(names.map((name) => name.toLowerCase()));
}

/** The error `statSync` throws, without the stack nobody reads (capturing it is most of a failed stat's cost). */
function noSuchFile(path: string, code: "ENOENT" | "ENOTDIR"): NodeJS.ErrnoException {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const reason = code === "ENOENT" ? "no such file or directory" : "not a directory";
  const error: NodeJS.ErrnoException = new Error(`${code}: ${reason}, stat '${path}'`);
  Error.stackTraceLimit = limit;
  return Object.assign(error, { errno: -constants.errno[code], code, syscall: "stat", path });
}

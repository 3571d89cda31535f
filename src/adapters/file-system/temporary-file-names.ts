import type * as fsPromises from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { kill, pid as ownPid } from "node:process";

/** Longer than any run could take: a temporary file this old was left by a killed run, whoever wrote it. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

type Calls = Pick<typeof fsPromises, "lstat" | "readdir" | "rm">;

/** `.report.json.<pid>.<12 hex>.tmp`, beside the file it will replace; the pid tells whether its writer still runs. */
export function temporaryFileName(fileName: string, pid: number, random: string): string {
  return `.${fileName}.${pid}.${random}.tmp`;
}

/**
 * Removes the temporary files a killed run (SIGKILL, a power cut) left beside `path`: those whose writer
 * process is gone, and any older than a run could be. Best effort: a file that cannot be removed stays.
 */
export async function removeStaleTemporaryFiles(
  path: string,
  calls: Calls,
  inProgress: ReadonlySet<string>,
  now = Date.now(),
): Promise<void> {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  const names = await calls.readdir(folder).catch((): string[] => []);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    // Also the names of earlier versions, without a pid: `.report.json.<12 hex>.tmp`.
    const match = /^(?:(\d+)\.)?[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    const temporary = join(folder, name);
    if (match === null || inProgress.has(temporary)) continue;
    const stats = await calls.lstat(temporary).catch(() => null);
    if (stats === null || !stats.isFile()) continue;
    const pid = match[1] === undefined ? null : Number(match[1]);
    const writerGone = pid !== null && (pid === ownPid || !processIsAlive(pid));
    if (writerGone || now - stats.mtimeMs > STALE_AFTER_MS) await calls.rm(temporary, { force: true }).catch(() => {});
  }
}

function processIsAlive(pid: number): boolean {
  try {
    kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

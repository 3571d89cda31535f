import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import * as fsPromises from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { check, expectedReport, project, removeProjects, runIn, temporaryFiles } from "./output-paths-kit.js";
import { STACK_FRAME, TWO_LAYERS_MAP } from "./temporary-project.js";

/**
 * Where a report, a baseline or a diagram may be written, and what is left at the path: a regular file is
 * replaced atomically, a link's target is replaced and the link stays, a device or a FIFO is written
 * straight to, missing folders are created; a path that cannot hold a file is a usage error (exit 2) and
 * an I/O failure exit 3. The CLI runs in-process; where a process (its stdout, a reader) is the point, see output-to-processes.test.ts.
 */

afterAll(removeProjects);

/** A pid no process has: the writer of a temporary file named with it is gone. */
function unusedPid(): number {
  for (let pid = 32_767; pid > 1; pid -= 1) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
  throw new Error("every pid is in use");
}

describe("a regular file or a missing path", () => {
  it("missing folders are created, as most CLIs do", async () => {
    const root = project();
    const run = await runIn(root, check("reports/arch/report.json"));
    expect(run).toEqual({ status: 1, stdout: "", stderr: "" });
    expect(readFileSync(join(root, "reports/arch/report.json"), "utf8")).toBe(await expectedReport(root));
  });

  it("graph -o and baseline -o create missing folders too", async () => {
    const root = project();
    expect(await runIn(root, ["graph", "-o", "docs/arch/layers.mmd"])).toMatchObject({ status: 0, stderr: "" });
    expect(readFileSync(join(root, "docs/arch/layers.mmd"), "utf8")).toContain("\nflowchart TB\n");
    expect(await runIn(root, ["baseline", "-o", "ci/known/baseline.json"])).toMatchObject({ status: 0 });
    expect(JSON.parse(readFileSync(join(root, "ci/known/baseline.json"), "utf8"))).toMatchObject({ version: 1 });
  });

  it("--report FILE: missing folders created; a folder named as FILE is exit 2", async () => {
    const root = project();
    expect((await runIn(root, [...check("report.json"), "--report", "junit=ci/deep/junit.xml"])).status).toBe(1);
    expect(readFileSync(join(root, "ci/deep/junit.xml"), "utf8")).toMatch(/^<\?xml/);
    const run = await runIn(root, [...check("report.json"), "--report", "sarif=ci"]);
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: `layerlint: cannot write ${join(root, "ci")}: it is a folder; name a file [LL-USAGE]\n`,
    });
  });

  it("an existing file is replaced whole, keeping its permissions, with no temporary file left", async () => {
    const root = project();
    writeFileSync(join(root, "report.json"), "previous\n", { mode: 0o640 });
    expect((await runIn(root, check("report.json"))).status).toBe(1);
    expect(readFileSync(join(root, "report.json"), "utf8")).toBe(await expectedReport(root));
    expect(statSync(join(root, "report.json")).mode & 0o777).toBe(0o640);
    expect(temporaryFiles(root)).toEqual([]);
  });
});

describe("a path that cannot hold a file: exit 2, nothing written", () => {
  it("-o '' is refused before the run, for every command that writes", async () => {
    const root = project();
    for (const argv of [
      ["check", "-o", ""],
      ["graph", "-o", ""],
      ["compile", "-o", ""],
      ["report", "-o", ""],
      ["baseline", "-o", ""],
    ]) {
      const run = await runIn(root, argv);
      expect(run.status, argv.join(" ")).toBe(2);
      expect(run.stderr).toBe(
        "error: option '-o, --output <file>' argument '' is invalid. expected a path, not an empty string.\n(run layerlint --help for usage)\n",
      );
    }
  });

  it("--cache-dir '' is refused: it would write the cache into the current folder", async () => {
    const root = project();
    const run = await runIn(root, ["check", "--cache-dir", ""]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "option '--cache-dir <dir>' argument '' is invalid. expected a path, not an empty string.",
    );
    expect(readdirSync(root).sort()).toEqual(["layers.yaml", "src"]);
  });

  it("a folder: exit 2 saying so, the folder untouched", async () => {
    const root = project();
    mkdirSync(join(root, "reports"));
    const run = await runIn(root, check("reports"));
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: `layerlint: cannot write ${join(root, "reports")}: it is a folder; name a file [LL-USAGE]\n`,
    });
    expect(readdirSync(join(root, "reports"))).toEqual([]);
  });

  it("a path under a file: exit 2 saying a part of it is a file", async () => {
    const root = project();
    const run = await runIn(root, check("layers.yaml/report.json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `layerlint: cannot write ${join(root, "layers.yaml/report.json")}: a part of its path is a file, not a folder (ENOTDIR) [LL-USAGE]\n`,
    );
    expect(readFileSync(join(root, "layers.yaml"), "utf8")).toBe(TWO_LAYERS_MAP.replace(", mayImport: [a]", ""));
  });
});

describe("a symbolic link", () => {
  it("is followed: its target is replaced, the link stays a link", async () => {
    const root = project();
    mkdirSync(join(root, "real"));
    writeFileSync(join(root, "real/report.json"), "previous\n");
    symlinkSync("real/report.json", join(root, "report.json"));
    expect((await runIn(root, check("report.json"))).status).toBe(1);
    expect(lstatSync(join(root, "report.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, "report.json"))).toBe("real/report.json");
    expect(readFileSync(join(root, "real/report.json"), "utf8")).toBe(await expectedReport(root));
    expect([...temporaryFiles(root), ...temporaryFiles(join(root, "real"))]).toEqual([]);
  });

  it("a link to a link to a missing file: the file is created where the last link points", async () => {
    const root = project();
    symlinkSync("second.json", join(root, "first.json"));
    symlinkSync("out/final.json", join(root, "second.json"));
    expect((await runIn(root, check("first.json"))).status).toBe(1);
    expect(lstatSync(join(root, "first.json")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(root, "second.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, "out/final.json"), "utf8")).toBe(await expectedReport(root));
  });

  it("a loop of links: exit 2", async () => {
    const root = project();
    symlinkSync("b.json", join(root, "a.json"));
    symlinkSync("a.json", join(root, "b.json"));
    const run = await runIn(root, check("a.json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `layerlint: cannot write ${join(root, "a.json")}: it is a loop of symbolic links [LL-USAGE]\n`,
    );
  });
});

describe("devices and FIFOs are written straight to, never replaced", () => {
  it("/dev/null stays the machine's null device", async () => {
    const root = project();
    const before = statSync("/dev/null");
    expect(await runIn(root, check("/dev/null"))).toEqual({ status: 1, stdout: "", stderr: "" });
    const after = statSync("/dev/null");
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
    expect(temporaryFiles("/dev")).toEqual([]);
  });

  it("/dev/full: the write error is reported, exit 3", async () => {
    const root = project();
    const run = await runIn(root, check("/dev/full"));
    expect(run).toEqual({
      status: 3,
      stdout: "",
      stderr: "layerlint: cannot write /dev/full: the disk is full (ENOSPC) [LL-FILE-SYSTEM]\n",
    });
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
  });
});

describe("I/O failures: exit 3, one line, the previous file intact", () => {
  it("permission denied (EACCES) on the write", async () => {
    const root = project();
    writeFileSync(join(root, "report.json"), "previous\n");
    const denied = () => Promise.reject(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }));
    const fileSystem = createNodeFileSystem({ ...fsPromises, writeFile: denied });
    const run = await runIn(root, check("report.json"), { fileSystem });
    expect(run).toEqual({
      status: 3,
      stdout: "",
      stderr: `layerlint: cannot write ${join(root, "report.json")}: permission denied (EACCES) [LL-FILE-SYSTEM]\n`,
    });
    expect(readFileSync(join(root, "report.json"), "utf8")).toBe("previous\n");
    expect(temporaryFiles(root)).toEqual([]);
  });
});

describe("temporary files left by a killed run (SIGKILL)", () => {
  it("are removed by the next write of the same file when their writer is gone or they are older than a day", async () => {
    const root = project();
    const deadPid = unusedPid();
    const stale = [`.report.json.${deadPid}.0123456789ab.tmp`, ".report.json.0123456789ab.tmp"];
    const kept = [
      `.report.json.${process.ppid}.0123456789ab.tmp`, // its writer still runs: maybe a concurrent run
      `.other.json.${deadPid}.0123456789ab.tmp`, // another file's
      ".report.json.notes.tmp", // not a name layerlint gives
    ];
    for (const name of [...stale, ...kept]) writeFileSync(join(root, name), "half a report");
    const dayAndAMinuteAgo = (Date.now() - 24 * 60 * 60 * 1000 - 60_000) / 1000;
    utimesSync(join(root, stale[1] as string), dayAndAMinuteAgo, dayAndAMinuteAgo);

    expect((await runIn(root, check("report.json"))).status).toBe(1);
    expect(temporaryFiles(root).sort()).toEqual([...kept].sort());
  });

  it("a recent temporary file of an old version (no pid in its name) is kept", async () => {
    const root = project();
    writeFileSync(join(root, ".report.json.0123456789ab.tmp"), "half a report");
    expect((await runIn(root, check("report.json"))).status).toBe(1);
    expect(temporaryFiles(root)).toEqual([".report.json.0123456789ab.tmp"]);
  });
});

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import { check, expectedReport, project, removeProjects, runIn, temporaryFiles } from "./output-paths-kit.js";

/** Output paths where another process is the point: a device node made by mknod, a FIFO's reader, the built CLI's stdout. */

afterAll(removeProjects);

describe("devices and FIFOs are written straight to, never replaced", () => {
  it("a device node made with mknod in a temporary folder stays a device", async (context) => {
    const root = project();
    const made = spawnSync("mknod", [join(root, "null-device"), "c", "1", "3"]);
    if (made.status !== 0) context.skip();
    expect((await runIn(root, check("null-device"))).status).toBe(1);
    expect(statSync(join(root, "null-device")).isCharacterDevice()).toBe(true);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it("a FIFO: the reader at the other end gets the whole report, and the FIFO stays", async () => {
    const root = project();
    const fifo = join(root, "report.pipe");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => (read += chunk.toString()));
    const readerDone = new Promise((resolve) => reader.once("close", resolve));
    expect((await runIn(root, check("report.pipe"))).status).toBe(1);
    await readerDone;
    expect(read).toBe(await expectedReport(root));
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(temporaryFiles(root)).toEqual([]);
  });

  it("/dev/stdout: the report goes to the process's stdout (the built CLI, whose stdout is a pipe)", async () => {
    const root = project();
    const run = spawnSync(process.execPath, [BUILT_BIN, ...check("/dev/stdout")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(await expectedReport(root));
  });
});

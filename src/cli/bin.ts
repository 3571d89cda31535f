#!/usr/bin/env node
import { nodeFileSystem } from "../adapters/file-system/node-file-system.js";
import { cleanUpWritesOnSignal } from "./interrupts.js";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  ports: { fileSystem: cleanUpWritesOnSignal(nodeFileSystem) },
});

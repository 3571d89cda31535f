#!/usr/bin/env node
import { nodeFileSystem } from "../adapters/file-system/node-file-system.js";
import { closableOutput } from "./closable-output.js";
import { cleanUpWritesOnSignal } from "./interrupts.js";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: closableOutput(process.stdout),
  stderr: closableOutput(process.stderr),
  ports: { fileSystem: cleanUpWritesOnSignal(nodeFileSystem) },
});

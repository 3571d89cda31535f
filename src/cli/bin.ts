#!/usr/bin/env node
import { removeTemporaryFiles } from "../adapters/file-system/node-file-system.js";
import { closableOutput } from "./closable-output.js";
import { runCli } from "./run-cli.js";

// An interrupted run leaves no half-written temporary file behind, then dies of the signal as it would have.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    removeTemporaryFiles();
    process.kill(process.pid, signal);
  });
}

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: closableOutput(process.stdout),
  stderr: closableOutput(process.stderr),
});

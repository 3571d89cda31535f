#!/usr/bin/env node
import { removeTemporaryFiles } from "../adapters/file-system/node-file-system.js";
import { runCli } from "./run-cli.js";

// An interrupted run leaves no half-written temporary file behind; the previous output stays intact.
for (const [signal, exitCode] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    removeTemporaryFiles();
    process.exit(exitCode);
  });
}

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});

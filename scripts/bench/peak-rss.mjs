#!/usr/bin/env node
// Runs a Node script in this process and prints its peak RSS (getrusage's maxRSS, in KiB) on stderr as it
// exits, as the last line `peak-rss-kib N`: how the editor benchmark measures raw dependency-cruiser
// without GNU time.
//
//   node scripts/bench/peak-rss.mjs path/to/script.mjs [its arguments…]

import { resourceUsage } from "node:process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [script, ...rest] = process.argv.slice(2);
if (script === undefined) throw new Error("usage: peak-rss.mjs SCRIPT [ARGS…]");
process.argv = [process.argv[0], resolve(script), ...rest];
process.on("exit", () => process.stderr.write(`\npeak-rss-kib ${resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);

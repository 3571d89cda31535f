// Builds and packages the VS Code extension: `node scripts/package-vscode-extension.mjs [OUT.vsix]`
// (default editors/vscode/layerlint.vsix). Type-checks it, bundles it with vscode-languageclient into one file
// (rolldown, so the .vsix carries no node_modules), then packs it with vsce; `npm test` runs this.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("../", import.meta.url));
const extension = resolve(root, "editors/vscode");
const out = resolve(process.argv[2] ?? resolve(extension, "layerlint.vsix"));
const require = createRequire(import.meta.url);
const run = (bin, args) => execFileSync(process.execPath, [bin, ...args], { cwd: extension, stdio: "inherit" });

run(require.resolve("typescript/bin/tsc"), ["-p", ".", "--noEmit"]);
await build({
  input: resolve(extension, "src/extension.ts"),
  platform: "node",
  external: ["vscode"],
  logLevel: "warn",
  output: { file: resolve(extension, "dist/extension.js"), format: "cjs", minify: true },
});
// --no-dependencies: the bundle holds them; the package's `files` names what ships.
run(resolve(root, "node_modules/@vscode/vsce/vsce"), [
  "package",
  "--no-dependencies",
  "--allow-missing-repository",
  "--skip-license",
  "--out",
  out,
]);

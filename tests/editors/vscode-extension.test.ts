import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileFunction } from "node:vm";
import { inflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "layerlint-vsix-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each entry of a zip archive by name, read through its central directory. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const name = archive.toString("utf8", at + 46, at + 46 + nameLength);
    const local = archive.readUInt32LE(at + 42);
    const data = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const stored = archive.subarray(data, data + size);
    entries.set(name, method === 8 ? inflateRawSync(stored) : stored);
    at += 46 + skip;
  }
  return entries;
}

/** VS Code's API as loading sees it: every name a class (the client extends some at load time). */
const VSCODE_API = new Proxy({}, { get: () => class {} });

describe("the VS Code extension's package", () => {
  it("is built and packed into a .vsix holding its manifest and one bundled main, no node_modules", () => {
    const out = join(scratch, "layerlint.vsix");
    execFileSync(process.execPath, [join(ROOT, "scripts/package-vscode-extension.mjs"), out], {
      cwd: ROOT,
      stdio: "pipe",
    });
    const archive = readFileSync(out);
    expect(archive.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const entries = unzip(archive);
    expect([...entries.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "extension.vsixmanifest",
      "extension/dist/extension.js",
      "extension/package.json",
      "extension/readme.md",
    ]);
    const manifest = JSON.parse(entries.get("extension/package.json")!.toString("utf8"));
    expect(manifest).toMatchObject({ name: "layerlint-vscode", main: "./dist/extension.js" });
    expect(manifest.contributes.configuration.properties).toHaveProperty(["layerlint.configPath"]);

    // The main loads with nothing but VS Code's API and Node's modules: the language client is inside it.
    const loaded: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const nodeRequire = createRequire(import.meta.url);
    compileFunction(entries.get("extension/dist/extension.js")!.toString("utf8"), ["require", "module", "exports"])(
      (name: string) => {
        loaded.push(name);
        return name === "vscode" ? VSCODE_API : nodeRequire(name);
      },
      module,
      module.exports,
    );
    expect(typeof module.exports.activate).toBe("function");
    expect(typeof module.exports.deactivate).toBe("function");
    expect(loaded.filter((name) => name !== "vscode" && !isBuiltin(name))).toEqual([]);
  });
});

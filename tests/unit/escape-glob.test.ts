import { describe, expect, it } from "vitest";
import { compileGlobList } from "../../src/domain/glob/compile-glob.js";
import { escapeGlob } from "../../src/domain/glob/escape-glob.js";

/** The globs `init` writes for names that hold glob syntax: they compile, and they match the name itself. */
describe("escapeGlob", () => {
  it.each([
    ["src/{legacy}/clock.ts", "src/?legacy?/clock.ts"],
    ["src/pages/[id].ts", "src/pages/[id].ts"],
    ["src/what?.ts", "src/what?.ts"],
    ["src/*draft*/a.ts", "src/?draft?/a.ts"],
    ["src/<context>/a.ts", "src/?context>/a.ts"],
    ["!important/a.ts", "?important/a.ts"],
    ["src/a,b.ts", "src/a,b.ts"],
  ])("writes %s as %s, which compiles and matches it", (name, glob) => {
    expect(escapeGlob(name)).toBe(glob);
    const [compiled] = compileGlobList([glob]);
    expect(new RegExp(compiled?.regex ?? "$^").test(name)).toBe(true);
  });
});

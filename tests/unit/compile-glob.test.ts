import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import {
  compileNameGlob,
  compilePathGlob,
  globsCannotOverlap,
  InvalidGlobError,
} from "../../src/domain/glob/compile-glob.js";

const matches = (glob: string, path: string) => new RegExp(compilePathGlob(glob)).test(path);

describe("compilePathGlob", () => {
  it.each([
    ["src/domain/**", "^src/domain(?:|/.*)$"],
    ["src/**/http/**", "^src/(?:|.*/)http(?:|/.*)$"],
    ["src/*.ts", "^src/[^/]*\\.ts$"],
    ["src/?.ts", "^src/[^/]\\.ts$"],
    ["src/{http,routes}/**", "^src/(?:http|routes)(?:|/.*)$"],
    ["src/domain", "^src/domain(?:|/.*)$"],
    ["./src/a+b(c).ts", "^src/a\\+b\\(c\\)\\.ts(?:|/.*)$"],
  ])("compiles %s to the plain regex %s", (glob, regex) => {
    expect(compilePathGlob(glob)).toBe(regex);
  });

  it("matches a folder without wildcards and everything under it, but not a sibling with the same prefix", () => {
    expect(matches("src/domain", "src/domain/a.ts")).toBe(true);
    expect(matches("src/domain", "src/domainx/a.ts")).toBe(false);
  });

  it("lets ** match zero folders", () => {
    expect(matches("src/**/*.controller.ts", "src/a.controller.ts")).toBe(true);
    expect(matches("src/**/*.controller.ts", "src/x/y/a.controller.ts")).toBe(true);
    expect(matches("src/**/*.controller.ts", "lib/a.controller.ts")).toBe(false);
  });

  it.each([
    ["", "it is empty"],
    ["../outside/**", "'..' would reach outside the map's folder"],
    ["src/../../x", "'..' would reach outside the map's folder"],
    ["/etc/**", "it is absolute"],
    ["C:/src/**", "it is absolute"],
    ["src\\domain", "use forward slashes"],
    ["src/a**/b", "'**' must be a whole path segment"],
    ["src/{a,b", "'{' without a matching '}'"],
    ["src/*.ts}", "'}' without a matching '{'"],
    ["!src/x", "negation is not supported"],
    ["src/modules/x<context>/**", "'<context>' must be a whole path segment"],
    ["src/{<context>,b}/**", "'<context>' must be a whole path segment"],
    ["src/modules/<module>/**", "unknown placeholder <module>: the only placeholder is <context>"],
  ])("refuses %j: %s", (glob, reason) => {
    expect(() => compilePathGlob(glob)).toThrow(InvalidGlobError);
    expect(() => compilePathGlob(glob)).toThrow(reason);
  });

  it.each([
    [undefined, "^src/modules/[^/]+/http(?:|/.*)$"],
    ["capture", "^src/modules/([^/]+)/http(?:|/.*)$"],
    ["reference", "^src/modules/$1/http(?:|/.*)$"],
    [{ name: "bill.ing" }, "^src/modules/bill\\.ing/http(?:|/.*)$"],
  ] as const)("compiles the placeholder <context> as %j: %s", (contextAs, regex) => {
    expect(compilePathGlob("src/modules/<context>/http/**", contextAs === undefined ? {} : { contextAs })).toBe(regex);
  });

  it("lets <context> match exactly one path segment, and a folder glob ending in it match what is under it", () => {
    expect(matches("src/modules/<context>/domain/**", "src/modules/billing/domain/a.ts")).toBe(true);
    expect(matches("src/modules/<context>/domain/**", "src/modules/a/b/domain/a.ts")).toBe(false);
    expect(matches("src/modules/<context>", "src/modules/billing/domain/a.ts")).toBe(true);
    expect(matches("src/modules/<context>", "src/modules/")).toBe(false);
  });

  it("never emits a nested quantifier, which dependency-cruiser refuses to run", () => {
    fc.assert(
      fc.property(globArbitrary, (glob) => {
        expect(compilePathGlob(glob)).not.toMatch(/\)[*+?]|\)\{/);
      }),
    );
  });

  it("agrees with picomatch on every generated glob and path", () => {
    fc.assert(
      fc.property(globArbitrary, pathArbitrary, (glob, path) => {
        // picomatch is inconsistent on whether `a/**` matches `a` itself (it does for `x/**`, not for `*/**`);
        // layerlint always says yes, which only matters for folders, never for the files it classifies.
        fc.pre(!(glob.endsWith("/**") && picomatch.isMatch(path, glob.slice(0, -3), { dot: true })));
        expect(matches(glob, path)).toBe(picomatch.isMatch(path, glob, { dot: true }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("globsCannotOverlap", () => {
  it.each([
    ["src/transport/**", "src/domain/**", true],
    ["src/a.ts", "src/b/**", true],
    ["src/domain/**", "src/domain/model/**", false],
    ["src/domain", "src/domainx/**", false],
    ["src/**/*.controller.ts", "src/users/**", false],
    ["{src,lib}/**", "test/**", false],
  ])("%j and %j: %j", (a, b, disjoint) => {
    expect(globsCannotOverlap(a, b)).toBe(disjoint);
    expect(globsCannotOverlap(b, a)).toBe(disjoint);
  });

  it("is never wrong: globs it calls disjoint never match the same path", () => {
    const anyGlob = fc.oneof(globArbitrary, pathArbitrary);
    fc.assert(
      fc.property(anyGlob, anyGlob, pathArbitrary, (a, b, path) => {
        fc.pre(globsCannotOverlap(a, b));
        expect(matches(a, path) && matches(b, path)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("compileNameGlob", () => {
  it("compiles package globs without anchors, a scope wildcard staying inside one segment", () => {
    const regex = new RegExp(`^${compileNameGlob("@aws-sdk/*")}$`);
    expect(regex.test("@aws-sdk/client-s3")).toBe(true);
    expect(regex.test("@aws-sdk/client-s3/x")).toBe(false);
  });
});

const segmentArbitrary = fc.constantFrom(
  "src",
  "domain",
  "a.ts",
  "b.js",
  "x",
  "*.ts",
  "*",
  "?",
  "a?",
  "{a.ts,b.js}",
  "{src,lib}",
  ".hidden",
);
const globArbitrary = fc
  .array(fc.oneof(segmentArbitrary, fc.constant("**")), { minLength: 1, maxLength: 4 })
  .filter((segments) => segments.some((segment) => /[*?{]/.test(segment)))
  .map((segments) => segments.join("/"));
const pathArbitrary = fc
  .array(fc.constantFrom("src", "domain", "lib", "a.ts", "b.js", "x", ".hidden", "ab"), { minLength: 1, maxLength: 5 })
  .map((segments) => segments.join("/"));

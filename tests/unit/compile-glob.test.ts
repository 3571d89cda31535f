import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import {
  compileGlobList,
  compileNameGlob,
  compilePathGlob,
  globsCannotOverlap,
  InvalidGlobError,
  unionOf,
} from "../../src/domain/glob/compile-glob.js";

const matches = (glob: string, path: string) => new RegExp(compilePathGlob(glob)).test(path);

describe("compilePathGlob", () => {
  it.each([
    ["src/domain/**", "^src/domain(?:|/[^]*)$"],
    ["src/**/http/**", "^src/(?:|[^]*/)http(?:|/[^]*)$"],
    ["src/*.ts", "^src/[^/]*\\.ts$"],
    ["src/?.ts", "^src/[^/]\\.ts$"],
    ["src/{http,routes}/**", "^src/(?:http|routes)(?:|/[^]*)$"],
    ["src/domain", "^src/domain(?:|/[^]*)$"],
    ["./src/a+b(c).ts", "^src/a\\+b\\(c\\)\\.ts(?:|/[^]*)$"],
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
    ["!src/x", "a '!' glob belongs in a list (paths, public, contexts.shared, exclude)"],
    ["src/modules/x<context>/**", "'<context>' must be a whole path segment"],
    ["src/{<context>,b}/**", "'<context>' must be a whole path segment"],
    ["src/modules/<module>/**", "unknown placeholder <module>: the only placeholder is <context>"],
  ])("refuses %j: %s", (glob, reason) => {
    expect(() => compilePathGlob(glob)).toThrow(InvalidGlobError);
    expect(() => compilePathGlob(glob)).toThrow(reason);
  });

  it.each([
    [undefined, "^src/modules/[^/]+/http(?:|/[^]*)$"],
    ["capture", "^src/modules/([^/]+)/http(?:|/[^]*)$"],
    ["reference", "^src/modules/$1/http(?:|/[^]*)$"],
    [{ name: "bill.ing" }, "^src/modules/bill\\.ing/http(?:|/[^]*)$"],
  ] as const)("compiles the placeholder <context> as %j: %s", (contextAs, regex) => {
    expect(compilePathGlob("src/modules/<context>/http/**", contextAs === undefined ? {} : { contextAs })).toBe(regex);
  });

  it("lets <context> match exactly one path segment, and a folder glob ending in it match what is under it", () => {
    expect(matches("src/modules/<context>/domain/**", "src/modules/billing/domain/a.ts")).toBe(true);
    expect(matches("src/modules/<context>/domain/**", "src/modules/a/b/domain/a.ts")).toBe(false);
    expect(matches("src/modules/<context>", "src/modules/billing/domain/a.ts")).toBe(true);
    expect(matches("src/modules/<context>", "src/modules/")).toBe(false);
  });

  it("reads <context> as a folder: a glob ending in it never matches a file beside the contexts", () => {
    expect(compilePathGlob("src/<context>/**", { contextAs: "capture" })).toBe("^src/([^/]+)/[^]*$");
    expect(matches("src/<context>/**", "src/main.ts")).toBe(false);
    expect(matches("src/<context>", "src/app.module.ts")).toBe(false);
    expect(matches("src/<context>/**", "src/orders/order.ts")).toBe(true);
    expect(matches("src/<context>/*.ts", "src/orders/order.ts")).toBe(true);
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

describe("paths holding a newline", () => {
  it("are matched: * and ** match any character but /, a newline too", () => {
    expect(matches("src/http/**", "src/http/a\nb.ts")).toBe(true);
    expect(matches("src/http/**", "src/http/we\nird/x.ts")).toBe(true);
    expect(matches("src/**/*.ts", "src/a\n/b\n.ts")).toBe(true);
    expect(matches("src/*.ts", "src/a\nb.ts")).toBe(true);
    expect(matches("src/?.ts", "src/\n.ts")).toBe(true);
    expect(matches("src/http", "src/http/\n")).toBe(true);
    expect(matches("src/*.ts", "src/a\n/b.ts")).toBe(false);
    expect(matches("src/http/**", "src/http\n/a.ts")).toBe(false);
  });

  it("match as the same path without the newline does, for every generated glob and path", () => {
    fc.assert(
      fc.property(globArbitrary, pathArbitrary, (glob, path) => {
        // "ab" is a segment no glob names: a newline in it changes only what wildcards see.
        expect(matches(glob, path.replaceAll("ab", "a\n"))).toBe(matches(glob, path));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("compileGlobList: '!' entries", () => {
  const listMatches = (globs: readonly string[], path: string) =>
    compileGlobList(globs).some((compiled) => new RegExp(compiled.regex).test(path));

  it("removes what the entries before it matched, and a later entry adds back", () => {
    const useCases = ["src/modules/*/useCases/**", "!src/modules/*/useCases/**/*Controller.ts"];
    expect(listMatches(useCases, "src/modules/users/useCases/createUser/CreateUser.ts")).toBe(true);
    expect(listMatches(useCases, "src/modules/users/useCases/createUser/CreateUserController.ts")).toBe(false);
    const back = [...useCases, "src/modules/users/useCases/createUser/CreateUserController.ts"];
    expect(listMatches(back, "src/modules/users/useCases/createUser/CreateUserController.ts")).toBe(true);
    expect(listMatches(back, "src/modules/posts/useCases/x/XController.ts")).toBe(false);
  });

  it("compiles to one plain regex per entry without '!', the '!' entries after it in one look-ahead", () => {
    expect(compileGlobList(["src/a/**", "!src/a/*.spec.ts", "src/b/**", "!src/**/x.ts"])).toEqual([
      { glob: "src/a/**", regex: "^(?!(?:src/(?:|[^]*/)x\\.ts)$|(?:src/a/[^/]*\\.spec\\.ts)$)src/a(?:|/[^]*)$" },
      { glob: "src/b/**", regex: "^(?!(?:src/(?:|[^]*/)x\\.ts)$)src/b(?:|/[^]*)$" },
    ]);
    expect(compileGlobList(["src/a/**"])).toEqual([{ glob: "src/a/**", regex: compilePathGlob("src/a/**") }]);
  });

  it("a '!' entry never captures: <context> in it matches any context, and $1 stays the positive entry's", () => {
    const [entry] = compileGlobList(["src/modules/<context>/**", "!src/modules/<context>/test/**"], {
      contextAs: "capture",
    });
    expect(entry?.regex).toBe("^(?!(?:src/modules/[^/]+/test(?:|/[^]*))$)src/modules/([^/]+)/[^]*$");
    expect(new RegExp(entry?.regex ?? "").exec("src/modules/billing/a.ts")?.[1]).toBe("billing");
  });

  it.each([
    [["!src/a/**", "src/**"], "a '!' glob removes files that the globs before it matched, and no glob comes before it"],
    [["src/**", "!!src/a/**"], "write one '!' at most"],
    [["src/**", "!src/a**/b"], "'**' must be a whole path segment"],
  ])("refuses %j: %s", (globs, reason) => {
    expect(() => compileGlobList(globs)).toThrow(InvalidGlobError);
    expect(() => compileGlobList(globs)).toThrow(reason);
  });

  it("never emits a nested quantifier", () => {
    fc.assert(
      fc.property(globListArbitrary, (globs) => {
        for (const { regex } of compileGlobList(globs)) expect(regex).not.toMatch(/\)[*+?]|\)\{/);
      }),
    );
  });

  it("agrees with a reference matcher (picomatch, the last entry matching a path decides) on every generated list and path", () => {
    fc.assert(
      fc.property(globListArbitrary, pathArbitrary, (globs, path) => {
        const positives = globs.map((glob) => glob.replace(/^!/, ""));
        fc.pre(
          positives.every(
            (glob) => !(glob.endsWith("/**") && picomatch.isMatch(path, glob.slice(0, -3), { dot: true })),
          ),
        );
        const last = globs.findLast((glob) => picomatch.isMatch(path, glob.replace(/^!/, ""), { dot: true }));
        expect(listMatches(globs, path)).toBe(last !== undefined && !last.startsWith("!"));
      }),
      { numRuns: 3000 },
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
const globListArbitrary = fc
  .tuple(globArbitrary, fc.array(fc.tuple(fc.boolean(), globArbitrary), { maxLength: 4 }))
  .map(([first, rest]) => [first, ...rest.map(([negated, glob]) => (negated ? `!${glob}` : glob))]);

describe("unionOf", () => {
  it("joins the globs without wildcards into one regex with one repetition, the others beside it", () => {
    const regexes = ["src/domain/**", "src/main.ts", "src/*.ts", "lib/a+b"].map((glob) => compilePathGlob(glob));
    expect(unionOf(regexes)).toBe("(?:^(?:src/domain|src/main\\.ts|lib/a\\+b)(?:|/[^]*)$)|(?:^src/[^/]*\\.ts$)");
    expect(unionOf([regexes[2] as string, regexes[0] as string])).toBe(
      "(?:^src/[^/]*\\.ts$)|(?:^src/domain(?:|/[^]*)$)",
    );
    expect(unionOf([compilePathGlob("src/domain")])).toBe("^src/domain(?:|/[^]*)$");
  });

  it("merges unions of unions: what it joined it can join again", () => {
    const inner = unionOf(["src/a/**", "src/b/**"].map((glob) => compilePathGlob(glob)));
    expect(unionOf([inner, compilePathGlob("src/c")])).toBe("^(?:src/a|src/b|src/c)(?:|/[^]*)$");
  });

  it("matches what one of its regexes matches, and nothing else", () => {
    const segment = fc.constantFrom("a", "b", "a.b", "a+b", "(x)", "[y]", "c|d", "e$", "*", "?", "{a,b}", "**", "");
    const glob = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join("/"));
    const path = fc.array(fc.constantFrom("a", "b", "a.b", "a+b", "(x)", "[y]", "c|d", "e$", "ab", "x"), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(glob, { minLength: 1, maxLength: 6 }), fc.array(path, { maxLength: 10 }), (globs, paths) => {
        const valid = globs.flatMap((one) => {
          try {
            return [compilePathGlob(one)];
          } catch {
            return [];
          }
        });
        fc.pre(valid.length > 0);
        const union = new RegExp(unionOf(valid));
        for (const segments of paths) {
          const file = segments.join("/");
          expect(union.test(file)).toBe(valid.some((regex) => new RegExp(regex).test(file)));
        }
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});

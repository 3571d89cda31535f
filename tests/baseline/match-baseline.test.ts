import { describe, expect, it } from "vitest";
import { createBaseline, serializeBaseline, type Baseline } from "../../src/domain/baseline/baseline.js";
import { matchBaseline } from "../../src/domain/baseline/match-baseline.js";
import { parseBaseline } from "../../src/domain/baseline/parse-baseline.js";
import { violationId } from "../../src/domain/violations/violation-id.js";
import type { Violation } from "../../src/domain/violations/violation.js";

function violation(from: string, to: string, statements: number): Violation {
  const locations = Array.from({ length: statements }, (_, index) => ({ line: index + 1, column: 1, specifier: to }));
  return {
    id: violationId("layer", from, to),
    kind: "layer",
    severity: "error",
    rule: "a-may-not-import-b",
    from,
    to,
    fromLayer: "a",
    toLayer: "b",
    fromContext: null,
    toContext: null,
    specifier: to,
    line: 1,
    column: 1,
    locations,
    dependencyTypes: ["local"],
    message: "",
    messageWords: [],
    fix: "",
  };
}

const everywhere = () => true;

describe("matchBaseline", () => {
  const recorded: Baseline = createBaseline([
    violation("src/b.ts", "src/x.ts", 2),
    violation("src/a.ts", "src/x.ts", 1),
    violation("src/c.ts", "src/x.ts", 1),
  ]);

  it("records entries sorted by kind, from, to, and reads back what it writes", () => {
    expect(recorded.violations.map((entry) => [entry.from, entry.count])).toEqual([
      ["src/a.ts", 1],
      ["src/b.ts", 2],
      ["src/c.ts", 1],
    ]);
    expect(parseBaseline("b.json", serializeBaseline(recorded))).toEqual(recorded);
  });

  it("new, known and stale; the shrunk baseline loses stale entries, lowers counts and never gains one", () => {
    const today = [
      violation("src/b.ts", "src/x.ts", 1),
      violation("src/a.ts", "src/x.ts", 2),
      violation("src/d.ts", "src/x.ts", 1),
    ];
    const match = matchBaseline(today, recorded, everywhere);
    expect(match.known.map((found) => found.from)).toEqual(["src/b.ts"]);
    expect(match.fresh.map((found) => found.from)).toEqual(["src/a.ts", "src/d.ts"]);
    expect(match.stale.map((entry) => entry.from)).toEqual(["src/c.ts"]);
    expect(match.shrunk.violations.map((entry) => [entry.from, entry.count])).toEqual([
      ["src/a.ts", 1],
      ["src/b.ts", 1],
    ]);
  });

  it("entries of files out of scope are neither stale nor dropped", () => {
    const match = matchBaseline([], recorded, (file) => file === "src/a.ts");
    expect(match.stale.map((entry) => entry.from)).toEqual(["src/a.ts"]);
    expect(match.shrunk.violations.map((entry) => entry.from)).toEqual(["src/b.ts", "src/c.ts"]);
  });
});

describe("parseBaseline", () => {
  it("names every problem of shape with its key, and a duplicated id", () => {
    const entry = '{"id":"layer-1","kind":"layer","from":"src/a.ts","to":"src/b.ts","count":1}';
    expect(() => parseBaseline("b.json", `{"version":1,"violations":[${entry},${entry}]}`)).toThrow(
      'b.json (violations[1].id): the id "layer-1" is listed twice',
    );
    expect(() =>
      parseBaseline(
        "b.json",
        '{"version":1,"violations":[{"id":"layer-1","kind":"layer","from":"src/a.ts","to":"src/b.ts","count":1,"line":3}]}',
      ),
    ).toThrow('b.json (violations[0]): Unrecognized key: "line"');
    expect(() => parseBaseline("b.json", '{"version":0,"violations":[]}')).toThrow(
      "b.json (version): Invalid input: expected 1",
    );
  });
});

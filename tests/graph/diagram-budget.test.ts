import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { NODE_BUDGET } from "../../src/domain/architecture/build-module-graph.js";
import { READABLE_FONT_PX } from "../../src/cli/commands/fit-to-screen.js";
import { describeInBrowser, launchChromium } from "./browser.js";
import { labelsOnTheirLine, measure, tooClose, type Measured } from "./measure-svg.js";
import { generateBackend, type GeneratedBackend } from "./generated-backend.js";
import { runInProcess } from "../helpers/run-in-process.js";

interface JsonGraph {
  readonly collapse?: number;
  readonly nodes: readonly { id: string }[];
  readonly edges: readonly { from: string; to: string; severity: string | null }[];
}

const backend = generateBackend({ contexts: 5, areas: 3, files: 4, kernel: 10 });
const json = async (args: readonly string[], dir = backend.dir) => {
  const run = await runInProcess(["graph", "--format", "json", ...args], dir);
  expect(run.status).toBe(0);
  return { graph: JSON.parse(run.stdout) as JsonGraph, stderr: run.stderr };
};

afterAll(() => rmSync(backend.dir, { recursive: true, force: true }));

describe("graph on a generated 250-module backend: every diagram fits a screen", () => {
  it("is the size the proofs need", () => {
    expect(backend.modules).toBe(250);
  });

  it("the default folder graph folds its folders to the deepest level within the node budget, and says so on stderr", async () => {
    const { graph, stderr } = await json(["--level", "folder"]);
    expect(graph.nodes.length).toBeLessThanOrEqual(NODE_BUDGET);
    expect(graph.collapse).toBe(4);
    expect(graph.nodes.map((node) => node.id)).toContain("src/modules/context00/http");
    expect(graph.edges.filter((edge) => edge.severity === "error")).toHaveLength(5);
    expect(graph.edges.filter((edge) => edge.severity === "warn")).toHaveLength(5);
    expect(stderr).toBe(
      "layerlint: note: folders folded to 4 path segments to fit 40 nodes; --collapse N or --focus GLOB draws more\n",
    );
  });

  it("a folder graph within the budget but too large to read on screen is folded further, and says so on stderr", async () => {
    const wide = generateBackend({ contexts: 8, areas: 2, files: 2, kernel: 4 });
    try {
      const run = await runInProcess(["graph", "--level", "folder", "--format", "svg"], wide.dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('id="node:src/shared"');
      expect(run.stdout).not.toContain('id="node:src/modules/context00');
      expect(run.stderr).toBe(
        "layerlint: note: folders folded to 2 path segments to fit the screen with text at least 10 px tall; --collapse N or --focus GLOB draws more\n",
      );
    } finally {
      rmSync(wide.dir, { recursive: true, force: true });
    }
  });

  it("--collapse overrides the folding: deeper folders beyond the budget, and no note", async () => {
    const { graph, stderr } = await json(["--level", "folder", "--collapse", "5"]);
    expect(graph.nodes.length).toBe(61);
    expect(graph.collapse).toBe(5);
    expect(stderr).toBe("");
  });

  it("--focus draws the focus, its direct imports and importers, and only the edges touching the focus", async () => {
    const focus = "src/modules/context00/application/area0/application-1.ts";
    const { graph } = await json(["--level", "module", "--focus", focus]);
    expect(graph.nodes.map((node) => node.id).sort()).toEqual([
      focus,
      "src/modules/context00/domain/area0/domain-1.ts",
      "src/modules/context00/http/area0/http-1.ts",
      "src/shared/kernel-1.ts",
    ]);
    expect(graph.edges.map((edge) => `${edge.from} -> ${edge.to}`)).toEqual([
      `src/modules/context00/http/area0/http-1.ts -> ${focus}`,
      `${focus} -> src/modules/context00/domain/area0/domain-1.ts`,
      `${focus} -> src/shared/kernel-1.ts`,
    ]);
  });

  it("--focus too wide to fit the screen readably is scaled down all the same, and says so on stderr", async () => {
    const run = await runInProcess(
      ["graph", "--level", "module", "--focus", "src/shared/**", "--format", "svg"],
      backend.dir,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/<g id="graph0" class="graph" transform="scale\(0\.[0-6]/);
    expect(run.stderr).toMatch(
      /^layerlint: note: drawn at \d{1,2}% to fit the screen, its smallest text under 10 px tall; a narrower --focus GLOB draws it larger\n$/,
    );
  });

  it("--focus that fits the screen readably says nothing on stderr", async () => {
    const focus = "src/modules/context00/application/area0/application-1.ts";
    const run = await runInProcess(["graph", "--level", "module", "--focus", focus, "--format", "svg"], backend.dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("a module-level Mermaid diagram beyond what GitHub renders is refused with what to do instead: exit 2", async () => {
    const run = await runInProcess(["graph", "--level", "module"], backend.dir);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^layerlint: the Mermaid diagram has \d{5} characters \(at most 50000\), more than GitHub renders: draw less with --focus GLOB or --collapse N, or use --format svg \[LL-USAGE\]\n$/,
    );
    expect(run.status).toBe(2);
  });

  it.each(["mermaid", "dot", "json", "svg"])(
    "graph --check (%s) lists the nodes and edges added, removed and changed, and exits 1",
    async (format) => {
      const small = generateBackend({ contexts: 2, areas: 1, files: 2, kernel: 2 });
      try {
        const file = join(small.dir, `architecture.${format}`);
        const args = ["graph", "--level", "folder", "--collapse", "5", "--format", format];
        expect((await runInProcess([...args, "-o", file], small.dir)).status).toBe(0);
        expect((await runInProcess([...args, "--check", file], small.dir)).status).toBe(0);

        writeFileSync(
          join(small.dir, "src/modules/context00/http/area0/extra.ts"),
          'import "../../infrastructure/area0/infrastructure-0.js";\n',
        );
        writeFileSync(
          join(small.dir, "src/modules/context01/http/area9.ts"),
          'import "../../../shared/kernel-0.js";\n',
        );
        rmSync(join(small.dir, "src/modules/context01/infrastructure"), { recursive: true });
        const stale = await runInProcess([...args, "--check", file], small.dir);
        expect(stale.status).toBe(1);
        const lines = stale.stderr.split("\n").slice(1);
        const expected = {
          mermaid: [
            "~ node src/modules/context00/http/area0: 2 modules → 3 modules",
            "+ node src/modules/context01/http",
            "+ edge src/modules/context00/http/area0 → src/modules/context00/infrastructure/area0 (violation: 1 import)",
            "+ edge src/modules/context01/http → src/shared (1 import)",
            "- node src/modules/context01/infrastructure/area0 (2 modules)",
          ],
          dot: [
            "~ node src/modules/context00/http/area0: 2 modules → 3 modules",
            "+ node src/modules/context01/http",
            "+ edge src/modules/context00/http/area0 → src/modules/context00/infrastructure/area0 (violation: 1 import)",
            "+ edge src/modules/context01/http → src/shared (1 import)",
            "- node src/modules/context01/infrastructure/area0 (2 modules)",
          ],
          json: [
            "~ node src/modules/context00/http/area0: 2 modules → 3 modules",
            "+ node src/modules/context01/http (1 module)",
            "+ edge src/modules/context00/http/area0 → src/modules/context00/infrastructure/area0 (violation: 1 import)",
            "+ edge src/modules/context01/http → src/shared (1 import)",
            "- node src/modules/context01/infrastructure/area0 (2 modules)",
          ],
          svg: [
            "~ node src/modules/context00/http/area0: 2 modules → 3 modules",
            "+ node src/modules/context01/http (1 module)",
            "+ edge src/modules/context00/http/area0 → src/modules/context00/infrastructure/area0 (violation: 1 import)",
            "+ edge src/modules/context01/http → src/shared (1 import)",
            "- node src/modules/context01/infrastructure/area0 (2 modules)",
          ],
        }[format] as string[];
        for (const line of expected) expect(lines).toContain(`  ${line}`);
        expect(stale.stderr).toMatch(/^layerlint: .* is out of date: run layerlint graph with the same options/);
      } finally {
        rmSync(small.dir, { recursive: true, force: true });
      }
    },
  );
});

/** Draws `args` as SVG in a fresh Chromium page of 1,600 × 1,200 px, then measures it; stderr is what graph noted. */
function measureInBrowser(make: () => GeneratedBackend, args: readonly string[]) {
  const drawn = { measured: undefined as unknown as Measured, stderr: "", onTheirLine: [] as string[] };
  let browser: Browser | undefined;
  let project: GeneratedBackend | undefined;
  beforeAll(async () => {
    project = make();
    const run = await runInProcess(["graph", ...args, "--format", "svg"], project.dir);
    expect(run.status).toBe(0);
    drawn.stderr = run.stderr;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    drawn.measured = await measure(page, run.stdout);
    drawn.onTheirLine = await labelsOnTheirLine(page);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    if (project !== undefined && project !== backend) rmSync(project.dir, { recursive: true, force: true });
  });
  return drawn;
}

function describeFit(name: string, make: () => GeneratedBackend, slow: boolean): void {
  (slow && process.env.LAYERLINT_SLOW !== "1" ? describe.skip : describeInBrowser)(name, () => {
    let measured: Measured;
    const drawn = measureInBrowser(make, ["--level", "folder"]);
    beforeAll(() => {
      measured = drawn.measured;
    });

    it("has at most the node budget, and fits 1,600 × 1,200 px unscaled", () => {
      expect(measured.nodes).toBeGreaterThan(1);
      expect(measured.nodes).toBeLessThanOrEqual(NODE_BUDGET);
      expect(measured.width).toBeLessThanOrEqual(1600);
      expect(measured.height).toBeLessThanOrEqual(1200);
    });

    it(`writes every label at a readable size (font at least ${READABLE_FONT_PX} px) and no two labels' boxes overlap or touch`, () => {
      expect(measured.texts.length).toBeGreaterThan(measured.nodes);
      for (const text of measured.texts) expect(text.px, text.text).toBeGreaterThanOrEqual(READABLE_FONT_PX);
      expect(tooClose(measured.texts)).toEqual([]);
    });

    it("draws every edge label clear of its own line", () => {
      expect(drawn.onTheirLine).toEqual([]);
    });

    it("has the legend: the layer colours and the four kinds of edge", () => {
      const texts = measured.texts.map((text) => text.text);
      for (const entry of ["http", "application", "domain", "infrastructure", "kernel"]) expect(texts).toContain(entry);
      for (const kind of ["forbidden (error)", "tolerated (warning)", "allowed", "allowed, unused"])
        expect(texts.some((text) => text.endsWith(kind))).toBe(true);
    });
  });
}

describeFit("the default folder diagram of the 250-module backend in Chromium", () => backend, false);

describeInBrowser("the layer diagram of the 250-module backend in Chromium", () => {
  const drawn = measureInBrowser(() => backend, ["--level", "layer", "--show-unused"]);

  it(`fits 1,600 × 1,200 px with every text at least ${READABLE_FONT_PX} px, no two labels touching`, () => {
    expect(drawn.measured.width).toBeLessThanOrEqual(1600);
    expect(drawn.measured.height).toBeLessThanOrEqual(1200);
    for (const text of drawn.measured.texts) expect(text.px, text.text).toBeGreaterThanOrEqual(READABLE_FONT_PX);
    expect(tooClose(drawn.measured.texts)).toEqual([]);
  });

  it("draws every edge label clear of its own line", () => {
    expect(drawn.measured.texts.filter((text) => text.owner.startsWith("edge:")).length).toBeGreaterThan(5);
    expect(drawn.onTheirLine).toEqual([]);
  });
});
describeFit(
  "the default folder diagram of a generated 10,000-module tree in Chromium (LAYERLINT_SLOW=1)",
  () => generateBackend({ contexts: 25, areas: 10, files: 10, kernel: 20 }),
  true,
);

function describeMatrixFit(name: string, make: () => GeneratedBackend, slow: boolean, folded: number): void {
  (slow && process.env.LAYERLINT_SLOW !== "1" ? describe.skip : describeInBrowser)(name, () => {
    let measured: Measured;
    const drawn = measureInBrowser(make, ["--level", "context", "--matrix"]);
    beforeAll(() => {
      measured = drawn.measured;
    });

    it(`fits 1,600 × 1,200 px with every text at least ${READABLE_FONT_PX} px and no two labels' boxes overlapping or touching`, () => {
      expect(measured.width).toBeLessThanOrEqual(1600);
      expect(measured.height).toBeLessThanOrEqual(1200);
      for (const text of measured.texts) expect(text.px, text.text).toBeGreaterThanOrEqual(READABLE_FONT_PX);
      expect(tooClose(measured.texts)).toEqual([]);
    });

    it(`draws the 8 largest contexts as columns and the ${folded} others together, saying so in the diagram and on stderr`, () => {
      const texts = measured.texts.map((text) => text.text);
      for (const context of ["context00", "context07"]) expect(texts).toContain(context);
      expect(texts).not.toContain("context08");
      expect(texts).toContain("(other contexts)");
      expect(texts).toContain(`${folded} contexts`);
      expect(texts).toContain(
        `the 8 largest of ${8 + folded} contexts; ${folded} smaller contexts drawn together as (other contexts)`,
      );
      expect(drawn.stderr).toBe(
        `layerlint: note: ${folded} smaller contexts drawn together as (other contexts) to fit the screen; --format json lists every context\n`,
      );
      for (const kind of ["forbidden (error)", "tolerated (warning)", "allowed"])
        expect(texts.some((text) => text.endsWith(kind))).toBe(true);
    });
  });
}

describeMatrixFit(
  "the contexts × layers matrix of a generated 12-context backend in Chromium",
  () => generateBackend({ contexts: 12, areas: 1, files: 2, kernel: 4 }),
  false,
  4,
);
describeMatrixFit(
  "the contexts × layers matrix of a generated 10,000-module tree in Chromium (LAYERLINT_SLOW=1)",
  () => generateBackend({ contexts: 25, areas: 10, files: 10, kernel: 20 }),
  true,
  17,
);

import type { SvgRenderer } from "../../application/ports.js";
import { DependencyFailure } from "../../domain/errors.js";

type Viz = Awaited<ReturnType<typeof import("@viz-js/viz").instance>>;

let viz: Promise<Viz> | undefined;

/**
 * Graphviz compiled to WebAssembly (`@viz-js/viz`): no system `dot`, no network. Loaded on first use,
 * so commands that draw nothing never pay for it.
 */
export const vizSvgRenderer: SvgRenderer = {
  async renderDot(dot) {
    viz ??= import("@viz-js/viz").then((module) => module.instance());
    const result = (await viz).render(dot, { format: "svg" });
    if (result.status === "failure") {
      throw new DependencyFailure(
        `Graphviz could not lay out the graph: ${result.errors.map((error) => error.message.trim()).join("; ")}`,
      );
    }
    return result.output;
  },
};

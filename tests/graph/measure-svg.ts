import type { Page } from "playwright-core";

/** What the browser measures of an inline SVG: its size, its nodes, and every label's box. */
export interface Measured {
  readonly width: number;
  readonly height: number;
  readonly nodes: number;
  /**
   * Each text's box, its font size as drawn (the SVG's font size times the scale the SVG is drawn at), and the
   * node, edge or graph it labels (the id of its nearest group with one).
   */
  readonly texts: readonly MeasuredText[];
}

interface MeasuredText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly px: number;
  readonly owner: string;
}

/** Two labels' boxes at least this far apart (px), so that neither touches the other. */
export const LABEL_GAP_PX = 2;

export async function measure(page: Page, source: string): Promise<Measured> {
  await page.setContent(
    `<!doctype html><html><body style="margin:0">${source.slice(source.indexOf("<svg"))}</body></html>`,
  );
  const svg = page.locator("svg").first();
  const box = await svg.boundingBox();
  const texts = await svg.locator("text").evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      // In the page: the font size in the SVG's units times the scale from those units to screen pixels.
      const drawn = element as unknown as { getScreenCTM(): { a: number } | null };
      const style = globalThis as unknown as { getComputedStyle(of: unknown): { fontSize: string } };
      const px = parseFloat(style.getComputedStyle(element).fontSize) * (drawn.getScreenCTM()?.a ?? 0);
      const owner = element.closest("g.node, g.edge, g.graph")?.id ?? "";
      const { x, y, width, height } = rect;
      return { text: element.textContent ?? "", x, y, width, height, px, owner };
    }),
  );
  return {
    width: box?.width ?? Infinity,
    height: box?.height ?? Infinity,
    nodes: await svg.locator("g.node").count(),
    texts,
  };
}

/**
 * The pairs of labels closer than LABEL_GAP_PX: overlapping, touching, or so close they read as one (two edge
 * counts "2" and "3" side by side read as "23"). The lines of one label are stacked exactly and may touch.
 */
export function tooClose(texts: Measured["texts"]): string[] {
  const found: string[] = [];
  texts.forEach((a, index) => {
    for (const b of texts.slice(index + 1)) {
      if (a.owner === b.owner) continue;
      const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (across > -LABEL_GAP_PX && down > -LABEL_GAP_PX) found.push(`"${a.text}" and "${b.text}"`);
    }
  });
  return found;
}

/** The edge labels a line runs through: its own edge's line, sampled every pixel, inside the label's box. */
export async function labelsOnTheirLine(page: Page): Promise<string[]> {
  return page.locator("svg g.edge").evaluateAll((edges) =>
    edges.flatMap((edge) => {
      const path = edge.querySelector("path") as unknown as {
        getTotalLength(): number;
        getPointAtLength(at: number): { matrixTransform(by: unknown): { x: number; y: number } };
        getScreenCTM(): unknown;
      } | null;
      if (path === null) return [];
      const toScreen = path.getScreenCTM();
      const length = path.getTotalLength();
      const points = Array.from({ length: Math.ceil(length) + 1 }, (_, at) =>
        path.getPointAtLength(Math.min(at, length)).matrixTransform(toScreen),
      );
      return [...edge.querySelectorAll("text")]
        .filter((text) => {
          const box = text.getBoundingClientRect();
          return points.some(
            ({ x, y }) => x > box.left + 0.5 && x < box.right - 0.5 && y > box.top + 0.5 && y < box.bottom - 0.5,
          );
        })
        .map((text) => `${edge.id}: "${text.textContent ?? ""}"`);
    }),
  );
}

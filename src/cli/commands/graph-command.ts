import { resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { buildContextMatrix, buildGraph, type GraphOutcome } from "../../application/build-graph.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap, type LoadedLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import {
  GRAPH_LEVELS,
  GRAPH_VERSION,
  type ArchitectureGraph,
  type GraphLevel,
} from "../../domain/architecture/architecture-graph.js";
import { mapRelativeFile } from "../../application/typed-file.js";
import { FocusError } from "../../domain/architecture/focus-problem.js";
import { NODE_BUDGET } from "../../domain/architecture/build-module-graph.js";
import { UsageError } from "../../domain/errors.js";
import { describeChanges, drawnElements } from "../../renderers/drawn-elements.js";
import { mermaidLimitExceeded } from "../../renderers/mermaid-limits.js";
import { renderers, renderGraphHtml, renderSvgPage } from "../../renderers/index.js";
import { plural } from "../../domain/plural.js";
import { OTHER_CONTEXTS_COLUMN } from "../../domain/architecture/fold-context-matrix.js";
import type { CliEnvironment } from "../cli-environment.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { GRAPH_EXTENSIONS, formatFor } from "./format-from-extension.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { nonEmptyPath } from "./path-option.js";
import { fitMatrixToScreen, fitReadably, READABLE_FONT_PX } from "./fit-to-screen.js";
import { quoted } from "../../domain/quoted-name.js";

/** The pure renderers' formats, SVG (the DOT laid out by Graphviz) and HTML (that SVG on a page). */
export const GRAPH_FORMATS = ["mermaid", "dot", "svg", "json", "html"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphCommandOptions {
  readonly config?: string;
  readonly level: GraphLevel;
  readonly format: GraphFormat;
  readonly output?: string;
  readonly check?: string;
  readonly showUnused: boolean;
  readonly packages: boolean;
  readonly focus?: string;
  readonly depth?: number;
  readonly collapse?: number;
  readonly matrix?: boolean;
}

export const registerGraphCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("graph")
    .description("draw the architecture as the code has it: layers, modules or folders, forbidden edges in red")
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .addOption(new Option("-l, --level <level>", "what a node is").choices(GRAPH_LEVELS).default("layer"))
    .addOption(
      new Option(
        "-f, --format <format>",
        "diagram format (default: what the --output or --check extension means, else mermaid; svg with --matrix)",
      ).choices(GRAPH_FORMATS),
    )
    .option("-o, --output <file>", "write the diagram to a file instead of stdout", nonEmptyPath)
    .option("--check <file>", "exit 1 when FILE differs from the diagram these options generate")
    .option("--show-unused", "layer level: also draw allowed edges the code never uses, dashed", false)
    .option("--packages", "layer level: list the packages each layer uses", false)
    .option("--focus <glob>", "module and folder levels: only the modules the glob matches and their neighbours")
    .option(
      "--depth <n>",
      "with --focus: how many dependency hops around the focus to keep (default 1)",
      positiveInteger,
    )
    .option("--collapse <n>", "module and folder levels: fold paths to their first N segments", positiveInteger)
    .option(
      "--matrix",
      "context level: contexts as columns, layers as rows, cross-context imports between cells",
      false,
    )
    .action(async (options: Omit<GraphCommandOptions, "format"> & { format?: GraphFormat }) => {
      const fallback = options.matrix === true ? "svg" : "mermaid";
      const format = formatFor(options.format, options.output ?? options.check, GRAPH_EXTENSIONS, fallback);
      exitWith(await runGraphCommand(environment, ports, { ...options, format }));
    });
};

export async function runGraphCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  options: GraphCommandOptions,
): Promise<ExitCode> {
  if (options.output !== undefined && options.check !== undefined)
    throw new UsageError("--output and --check cannot be used together");
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  if (options.matrix === true) return runMatrix(environment, ports, loaded, options);
  const built = await buildGraph(ports, {
    loaded,
    level: options.level,
    showUnused: options.showUnused,
    packages: options.packages,
    ...(options.focus === undefined
      ? {}
      : { focus: await focusGlob(ports, environment.cwd, loaded.rootDir, options.focus) }),
    ...(options.depth === undefined ? {} : { depth: options.depth }),
    ...(options.collapse === undefined ? {} : { collapse: options.collapse }),
  }).catch((error: unknown) => {
    throw error instanceof FocusError ? focusUsageError(error) : error;
  });
  const { graph, text, scale, readable } = await render(ports, built, options);
  if (options.collapse === undefined && graph.collapse !== undefined)
    environment.stderr.write(foldedNote(graph.collapse, graph.collapse === built.graph.collapse));
  if (!readable) environment.stderr.write(scaledNote(scale));
  const tooBig = options.format === "mermaid" ? mermaidLimitExceeded(text, graph) : null;
  if (tooBig !== null)
    throw new UsageError(`the Mermaid diagram has ${tooBig}, more than GitHub renders: ${DRAW_LESS}`);

  if (options.check !== undefined) {
    const committed = resolve(environment.cwd, options.check);
    if (!(await ports.fileSystem.exists(committed)))
      throw new UsageError(`${options.check} does not exist: write it first with --output ${options.check}`);
    const before = await ports.fileSystem.readText(committed, "committed-output");
    if (before === text) return EXIT.clean;
    const rerun = `run layerlint graph with the same options and --output ${options.check}`;
    environment.stderr.write(
      `layerlint: ${options.check} is out of date: ${rerun}\n${changesOf(before, text, options.format)}`,
    );
    return EXIT.violations;
  }
  if (options.output === undefined) {
    environment.stdout.write(text);
  } else {
    await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, options.output), text);
  }
  return EXIT.clean;
}

async function runMatrix(
  environment: CliEnvironment,
  ports: CheckPorts,
  loaded: LoadedLayerMap,
  options: GraphCommandOptions,
): Promise<ExitCode> {
  if (options.level !== "context") throw new UsageError("--matrix applies only to --level context");
  if (options.check !== undefined) throw new UsageError("--matrix cannot be used with --check");
  if (options.format === "mermaid")
    throw new UsageError("Mermaid has no matrix form: use --format svg (the default with --matrix), html, dot or json");
  const { matrix } = await buildContextMatrix(ports, loaded);
  let text: string;
  if (options.format === "json") {
    text = `${JSON.stringify({ version: GRAPH_VERSION, ...matrix }, null, 2)}\n`;
  } else {
    const fitted = await fitMatrixToScreen(ports.svg, matrix, loaded.map.name);
    if (fitted.matrix.folded.length > 0)
      environment.stderr.write(
        `layerlint: note: ${plural(fitted.matrix.folded.length, "smaller context")} ${OTHERS_DRAWN_TOGETHER}\n`,
      );
    const title = `${loaded.map.name ?? "architecture"}: contexts × layers`;
    text =
      options.format === "dot" ? fitted.dot : options.format === "svg" ? fitted.svg : renderSvgPage(title, fitted.svg);
  }
  if (options.output === undefined) environment.stdout.write(text);
  else await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, options.output), text);
  return EXIT.clean;
}

/**
 * Diagrams fit the screen unless `--collapse` asked for a size; folder and module diagrams without `--focus`
 * are folded further rather than drawn with text too small to read; a layer or context diagram that cannot fit
 * with readable text is drawn at full size.
 */
async function render(ports: CheckPorts, built: GraphOutcome, options: GraphCommandOptions): Promise<FittedGraph> {
  const { graph } = built;
  const { format } = options;
  const folds = graph.level === "folder" || graph.level === "module";
  if (options.collapse === undefined && format !== "mermaid" && format !== "json") {
    const fitted = await fitReadably(ports.svg, graph, folds && options.focus === undefined ? built.refold : undefined);
    const text =
      format === "dot" ? fitted.dot : format === "svg" ? fitted.svg : renderGraphHtml(fitted.graph, fitted.svg);
    if (folds || fitted.readable) return { graph: fitted.graph, text, scale: fitted.scale, readable: fitted.readable };
  }
  const unscaled = { graph, scale: 1, readable: true };
  if (format === "svg") return { ...unscaled, text: await ports.svg.renderDot(renderers.dot(graph)) };
  if (format === "html")
    return { ...unscaled, text: renderGraphHtml(graph, await ports.svg.renderDot(renderers.dot(graph))) };
  return { ...unscaled, text: renderers[format](graph) };
}

/** The graph drawn (folded further to fit, perhaps), its text, and how it was scaled to fit the screen. */
interface FittedGraph {
  readonly graph: ArchitectureGraph;
  readonly text: string;
  readonly scale: number;
  readonly readable: boolean;
}

/** Said when the fitted drawing's smallest text is under READABLE_FONT_PX: a focus is drawn, not folded further. */
function scaledNote(scale: number): string {
  const drawnAt = `drawn at ${Math.floor(scale * 100)}% to fit the screen`;
  return `layerlint: note: ${drawnAt}, its smallest text under ${READABLE_FONT_PX} px tall; ${NARROWER_FOCUS}\n`;
}

/** Said when the folder level was folded to fit the node budget or, further, the screen with readable text. */
function foldedNote(segments: number, toBudget: boolean): string {
  const fit = toBudget ? `${NODE_BUDGET} nodes` : `the screen with text at least ${READABLE_FONT_PX} px tall`;
  return `layerlint: note: folders folded to ${segments} path segments to fit ${fit}; ${DRAWS_MORE}\n`;
}

const DRAWS_MORE = "--collapse N or --focus GLOB draws more";
const NARROWER_FOCUS = "a narrower --focus GLOB draws it larger";
const DRAW_LESS = "draw less with --focus GLOB or --collapse N, or use --format svg";
const EVERY_CONTEXT = "--format json lists every context";
const OTHERS_DRAWN_TOGETHER = `drawn together as ${OTHER_CONTEXTS_COLUMN} to fit the screen; ${EVERY_CONTEXT}`;

/** What changed, element by element, at most CHANGES_SHOWN lines; the diagram's other bytes when no element did. */
function changesOf(before: string, after: string, format: GraphFormat): string {
  const old = drawnElements(before, format);
  const now = drawnElements(after, format);
  if (old === null || now === null) return `  the file is not a ${format} diagram layerlint draws\n`;
  const lines = describeChanges(old, now);
  if (lines.length === 0) return "  same nodes and edges; the layout, styles or legend changed\n";
  const shown = lines.slice(0, CHANGES_SHOWN).map((line) => `  ${line}\n`);
  if (lines.length > CHANGES_SHOWN) shown.push(`  and ${lines.length - CHANGES_SHOWN} more changes\n`);
  return shown.join("");
}

const CHANGES_SHOWN = 50;

/**
 * A focus that names a file, relative to the current folder or to the map's folder, as its map-relative path; any other
 * glob as typed.
 */
async function focusGlob(ports: CheckPorts, cwd: string, rootDir: string, focus: string): Promise<string> {
  const file = await mapRelativeFile(ports.fileSystem, { cwd, rootDir }, focus);
  return file === null || file.startsWith("..") ? focus : file;
}

function focusUsageError({ problem }: FocusError): UsageError {
  return new UsageError(
    problem.kind === "matches-nothing"
      ? `--focus ${quoted(problem.glob)} matches no checked module`
      : `--focus: ${problem.reason}`,
  );
}

function positiveInteger(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError("expected a positive whole number");
  return Number(value);
}

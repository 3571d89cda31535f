import { resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { buildGraph } from "../../application/build-graph.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { GRAPH_LEVELS, type ArchitectureGraph, type GraphLevel } from "../../domain/architecture/architecture-graph.js";
import { UsageError } from "../../domain/errors.js";
import { renderers, renderGraphHtml } from "../../renderers/index.js";
import type { CliEnvironment } from "../cli-environment.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

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
}

export const registerGraphCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("graph")
    .description("draw the architecture as the code has it: layers, modules or folders, forbidden edges in red")
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .addOption(new Option("-l, --level <level>", "what a node is").choices(GRAPH_LEVELS).default("layer"))
    .addOption(new Option("-f, --format <format>", "diagram format").choices(GRAPH_FORMATS).default("mermaid"))
    .option("-o, --output <file>", "write the diagram to a file instead of stdout")
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
    .action(async (options: GraphCommandOptions) => {
      exitWith(await runGraphCommand(environment, ports, options));
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
  const { graph } = await buildGraph(ports, {
    loaded,
    level: options.level,
    showUnused: options.showUnused,
    packages: options.packages,
    ...(options.focus === undefined ? {} : { focus: options.focus }),
    ...(options.depth === undefined ? {} : { depth: options.depth }),
    ...(options.collapse === undefined ? {} : { collapse: options.collapse }),
  });
  const text = await render(ports, graph, options.format);

  if (options.check !== undefined) {
    const committed = resolve(environment.cwd, options.check);
    if (!(await ports.fileSystem.exists(committed)))
      throw new UsageError(`${options.check} does not exist: write it first with --output ${options.check}`);
    if ((await ports.fileSystem.readText(committed, "committed-output")) === text) return EXIT.clean;
    environment.stderr.write(
      `layerlint: ${options.check} is out of date: run layerlint graph with the same options and --output ${options.check}\n`,
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

async function render(ports: CheckPorts, graph: ArchitectureGraph, format: GraphFormat): Promise<string> {
  if (format === "svg") return ports.svg.renderDot(renderers.dot(graph));
  if (format === "html") return renderGraphHtml(graph, await ports.svg.renderDot(renderers.dot(graph)));
  return renderers[format](graph);
}

function positiveInteger(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError("expected a positive whole number");
  return Number(value);
}

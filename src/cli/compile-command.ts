import { resolve } from "node:path";
import { compileConfig } from "../application/compile-config.js";
import { findLayerMap } from "../application/find-layer-map.js";
import { loadLayerMap } from "../application/load-layer-map.js";
import type { CheckPorts } from "../application/ports.js";
import type { EjectFormat } from "../domain/compile/eject-config.js";
import type { CliEnvironment } from "./cli-environment.js";
import { EXIT, type ExitCode } from "./exit-codes.js";

export interface CompileCommandOptions {
  readonly config?: string;
  readonly format: EjectFormat;
  readonly output?: string;
}

export async function runCompileCommand(environment: CliEnvironment, ports: CheckPorts, options: CompileCommandOptions): Promise<ExitCode> {
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const text = compileConfig(loaded, options.format);
  if (options.output === undefined) {
    environment.stdout.write(text);
  } else {
    await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, options.output), text);
  }
  return EXIT.clean;
}

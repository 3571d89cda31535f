import { dependencyCruiserExtractor } from "../adapters/dependency-cruiser/dependency-cruiser-extractor.js";
import { nodeFileSystem } from "../adapters/file-system/node-file-system.js";
import { gitVersionControl } from "../adapters/git/git-version-control.js";
import { vizSvgRenderer } from "../adapters/graphviz/viz-svg-renderer.js";
import { presetLocator } from "../adapters/presets/preset-locator.js";
import { typescriptBarrelReader } from "../adapters/typescript/barrel-reader.js";
import { typescriptSourceInspector } from "../adapters/typescript/source-inspector.js";
import { workerSyntaxChecker } from "../adapters/typescript/worker-syntax-checker.js";
import { yamlReader } from "../adapters/yaml/yaml-reader.js";
import type { CheckPorts } from "../application/ports.js";

/** The composition root: the only place that names concrete adapters. */
export function defaultPorts(overrides: Partial<CheckPorts> = {}): CheckPorts {
  return {
    fileSystem: nodeFileSystem,
    extractor: dependencyCruiserExtractor,
    inspector: typescriptSourceInspector,
    syntax: workerSyntaxChecker,
    yaml: yamlReader,
    presets: presetLocator,
    versionControl: gitVersionControl,
    svg: vizSvgRenderer,
    barrels: typescriptBarrelReader,
    ...overrides,
  };
}

import { createLayerClassifier } from "../domain/classify/layer-classifier.js";
import { compileCruiseOptions, compileRules } from "../domain/compile/compile-rules.js";
import { ejectConfig, renderEjectedConfig, type EjectFormat } from "../domain/compile/eject-config.js";
import type { LoadedLayerMap } from "./load-layer-map.js";

/** `layerlint compile`: the dependency-cruiser configuration the check runs with, for teams that eject. */
export function compileConfig(loaded: LoadedLayerMap, format: EjectFormat): string {
  const { map, rootDir } = loaded;
  const rules = compileRules(map, createLayerClassifier(map.layers));
  const options = compileCruiseOptions(rules, { baseDir: rootDir, tsconfig: map.tsconfig });
  return renderEjectedConfig(ejectConfig(options, map.tsconfig), format);
}

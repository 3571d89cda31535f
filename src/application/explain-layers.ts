import { UsageError } from "../domain/errors.js";
import { explainLayers as explainLayersIn, type LayerPairExplanation } from "../domain/explain/explain-layers.js";
import { didYouMean } from "../domain/map/closest-name.js";
import { setUpExplain, type Explained, type ExplainPorts, type ExplainRequest } from "./explain-setup.js";
import { listed, quoted } from "../domain/quoted-name.js";

/** `layerlint explain LAYER_A LAYER_B`. */
export async function explainLayers(
  ports: ExplainPorts,
  request: ExplainRequest & { readonly from: string; readonly to: string },
): Promise<Explained<LayerPairExplanation>> {
  const names = request.loaded.map.layers.map((layer) => layer.name);
  for (const name of [request.from, request.to]) {
    if (names.includes(name)) continue;
    const suggestion = didYouMean(name, names);
    throw new UsageError(`unknown layer ${quoted(name)}${suggestion} (layers: ${names.map(listed).join(", ")})`);
  }
  const setup = await setUpExplain(ports, request);
  const explanation = explainLayersIn(setup.context, request.from, request.to);
  const edges = [...explanation.direct, ...(explanation.chain ?? [])];
  return { explanation, render: await setup.renderContext(edges.map((edge) => edge.from)) };
}

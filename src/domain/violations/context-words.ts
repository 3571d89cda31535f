import { defined } from "../collections/defined.js";
import type { ContextClassifier } from "../classify/context-classifier.js";
import type { LayerClassifier } from "../classify/layer-classifier.js";
import { CONTEXT_PLACEHOLDER } from "../glob/compile-glob.js";
import { named, said, type SaidMessage } from "../message-words.js";
import { listed } from "../quoted-name.js";

/** What a violation says is wrong, and what to do about it. */
export type ViolationWords = SaidMessage & { readonly fix: string };

/**
 * The message and the way out of a context violation: through the shared kernel, an allowed layer, or a new allow
 * entry.
 */
export function contextWords(
  contexts: ContextClassifier,
  layers: LayerClassifier,
  from: string,
  to: string,
): ViolationWords {
  const targetName = defined(contexts.contextOf(to), "the imported context");
  const target = listed(targetName);
  const imports = said`${named(from)} imports ${named(to)}`.messageWords;
  if (contexts.isShared(from)) {
    const move = `move what it needs from ${target} into the shared kernel, or move ${from} into ${target}`;
    return {
      ...said`the shared kernel may not import context ${target}: ${imports}`,
      fix: `every context may import the shared kernel, so it may import no context: ${move}`,
    };
  }
  const sourceName = defined(contexts.contextOf(from), "the importing context");
  const source = listed(sourceName);
  const message = said`context ${source} may not import context ${target}: ${imports}`;
  const allowance = contexts.contexts?.allow.find(
    (candidate) => candidate.from === sourceName && candidate.to === targetName && candidate.layers !== null,
  );
  if (allowance?.layers) {
    const toLayer = layers.layerOf(to);
    const widen = toLayer === null ? "widen that entry's layers" : `add ${toLayer} to that entry's layers`;
    const one = allowance.layers.length === 1;
    const only = `only the ${allowance.layers.join(", ")} layer${one ? "" : "s"} of ${target}`;
    const goThrough = `go through ${one ? "it" : "one of them"}, or ${widen} if the map is what is wrong`;
    return { ...message, fix: `contexts.allow lets ${source} import ${only}: ${goThrough}` };
  }
  const shared = contexts.contexts?.shared ?? [];
  const kernel =
    shared.length === 0
      ? "a shared kernel (declare it under contexts.shared)"
      : `the shared kernel (${shared.join(", ")})`;
  const rule = "a context may import only itself, the shared kernel and what contexts.allow lists";
  const allowIt = `add { from: ${source}, to: ${target} } to contexts.allow if the map is what is wrong`;
  return { ...message, fix: `${rule}: move what ${source} needs from ${target} into ${kernel}, or ${allowIt}` };
}

/** An import that `allow` lets in but that reaches past the imported context's public surface. */
export function contextPrivateWords(contexts: ContextClassifier, from: string, to: string): ViolationWords {
  const source = listed(defined(contexts.contextOf(from), "the importing context"));
  const targetName = defined(contexts.contextOf(to), "the imported context");
  const target = listed(targetName);
  const surface = (contexts.contexts?.public ?? [])
    .map((glob) => listed(glob.split(CONTEXT_PLACEHOLDER).join(targetName)))
    .join(", ");
  const internal = `an internal file of context ${target}: import it through its public surface (${surface})`;
  const widen = "exporting it there, or widen contexts.public if the map is what is wrong";
  return {
    ...said`${named(from)} imports ${named(to)}, ${internal}`,
    fix: `import what ${source} needs through the public files of ${target} (${surface}), ${widen}`,
  };
}

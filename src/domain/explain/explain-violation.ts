import { quoted } from "../quoted-name.js";
import { defined } from "../collections/defined.js";
import { isContextPublicRule } from "../compile/compile-context-rules.js";
import { describeAllowedPackages } from "../compile/compile-rules.js";
import type { MapPointer } from "../diagnostics/diagnostic.js";
import { allowsPackage } from "../diagnostics/suggest-layer.js";
import type { Layer } from "../map/layer-map.js";
import type { Violation } from "../violations/violation.js";
import type { ExplainContext } from "./explain-context.js";
import { contextBreach, explainFile } from "./explain-file.js";
import { shownContext } from "./shown-context.js";

/** One sentence of a story, and the line of the map it rests on. */
export interface StoryLine {
  readonly text: string;
  readonly at: MapPointer | null;
}

export interface ViolationStory {
  readonly violation: Violation;
  /** What the map says and why this import breaks it. */
  readonly story: readonly StoryLine[];
  /** What to do about it, most likely remedy first. */
  readonly remedies: readonly StoryLine[];
}

/** `layerlint explain --violation ID`: the full story of one violation, ending in what to do. */
export function explainViolation(context: ExplainContext, violation: Violation): ViolationStory {
  if (violation.kind === "unassigned") return unassignedStory(context, violation);
  if (violation.kind === "private" && isContextPublicRule(violation.rule))
    return contextPrivateStory(context, violation);
  if (violation.kind === "private") return privateStory(context, violation);
  if (violation.kind === "context") return contextStory(context, violation);
  if (violation.kind !== "layer" && violation.kind !== "package") return ownWordsStory(context, violation);
  const layers = new Map(context.map.layers.map((layer) => [layer.name, layer]));
  const fromLayer = defined(layers.get(defined(violation.fromLayer, "the importing layer")), "the importing layer");
  const story: StoryLine[] = [membership(context, violation.from)];
  if (violation.kind === "layer") {
    const target = defined(violation.toLayer, "the imported layer");
    story.push(membership(context, defined(violation.to, "the imported file")));
    const allowed = fromLayer.mayImport.length === 0 ? "no other layer" : fromLayer.mayImport.join(", ");
    const tolerated =
      violation.severity === "warn"
        ? ", at severity warn: mayImport tolerates it while a migration is in progress"
        : "";
    story.push({
      text: `${fromLayer.name} may import ${allowed}; ${target} is not among them, ${forbids(violation)}${tolerated}`,
      at: context.origins.layerKey(fromLayer.name, "mayImport", violation.severity === "warn" ? target : undefined),
    });
    return {
      violation,
      story,
      remedies: layerRemedies(context, fromLayer, defined(layers.get(target), "the imported layer")),
    };
  }
  const packageName = defined(violation.to, "the imported package");
  const allowedPackages = describeAllowedPackages(fromLayer);
  story.push({
    text: `${fromLayer.name} may use ${allowedPackages}; ${packageName} is not on the list, ${forbids(violation)}`,
    at: context.origins.layerKey(fromLayer.name, "packages"),
  });
  const users = context.map.layers
    .filter((layer) => layer.name !== fromLayer.name && allowsPackage(layer, packageName))
    .map((layer) => layer.name);
  const moveIt = `move the code that needs ${packageName} to a layer that may use it (${users.join(", ")})`;
  const callIt = `call it from ${fromLayer.name} through an allowed import`;
  const remedies: StoryLine[] = [
    users.length > 0
      ? {
          text: `${moveIt} and ${callIt}`,
          at: null,
        }
      : { text: `no layer may use ${packageName}: if the project needs it, decide which layer owns it`, at: null },
    {
      text: `or, if the map is what is wrong, add ${quoted(packageName)} to layers.${fromLayer.name}.packages`,
      at: context.origins.layerKey(fromLayer.name, "packages"),
    },
  ];
  return { violation, story, remedies };
}

function forbids(violation: Violation): string {
  return `so rule ${violation.rule} forbids this import`;
}

/** After a list of public files: `to` is not one of them. */
function notPublic(to: string, violation: Violation): string {
  return `${to} is not one, ${forbids(violation)}`;
}

function membership(context: ExplainContext, file: string): StoryLine {
  const explained = explainFile(context, file);
  return { text: `${file} is in ${explained.layer}, by the glob ${quoted(explained.glob ?? "")}`, at: explained.at };
}

function layerRemedies(context: ExplainContext, from: Layer, to: Layer): StoryLine[] {
  const remedies: StoryLine[] = [];
  const routes = from.mayImport.filter((middle) =>
    context.map.layers.find((layer) => layer.name === middle)?.mayImport.includes(to.name),
  );
  if (routes.length > 0) {
    const reach = `${from.name} may import ${routes.join(", ")}, which may import ${to.name}`;
    const move = `move the call to ${to.name} there and call that from ${from.name}`;
    remedies.push({ text: `go through ${routes.join(" or ")}: ${reach}; ${move}`, at: null });
  } else {
    const unreachable = `no layer that ${from.name} may import reaches ${to.name}`;
    const move = `move the code that needs ${to.name} out of ${from.name}, into a layer that may import ${to.name}`;
    remedies.push({ text: `${unreachable}: ${move}, or pass it in from the composition root`, at: null });
  }
  const cycle = to.mayImport.includes(from.name)
    ? ` (${to.name} may already import ${from.name}: both ways would make the two layers one)`
    : "";
  remedies.push({
    text: `or, if the map is what is wrong, add ${to.name} to layers.${from.name}.mayImport${cycle}`,
    at: context.origins.layerKey(from.name, "mayImport"),
  });
  return remedies;
}

/** A cycle or an oversized file breaks one key of the map (options.cycles, maxLines), not a layer rule. */
function ownWordsStory(context: ExplainContext, violation: Violation): ViolationStory {
  const rule =
    violation.kind === "cycle"
      ? `options.cycles is ${context.map.options.cycles}: checked modules may not import each other in a loop`
      : "a file may not be longer than its layer's maxLines, else options.maxLines";
  return { violation, story: [{ text: rule, at: null }], remedies: [{ text: violation.fix, at: null }] };
}

function contextPrivateStory(context: ExplainContext, violation: Violation): ViolationStory {
  const to = defined(violation.to, "the imported file");
  const edge = `context ${shownContext(violation.fromContext)} import context ${shownContext(violation.toContext)}`;
  const story: StoryLine[] = [
    ...[violation.from, to].map((file) => ({
      text: `${file}: context ${explainFile(context, file).context ?? "?"}`,
      at: null,
    })),
    {
      text: `contexts.allow lets ${edge}, but only its public files (contexts.public); ${notPublic(to, violation)}`,
      at: null,
    },
  ];
  return { violation, story, remedies: [{ text: violation.fix, at: null }] };
}

function contextStory(context: ExplainContext, violation: Violation): ViolationStory {
  const to = defined(violation.to, "the imported file");
  const story: StoryLine[] = [
    ...[violation.from, to].map((file) => ({
      text: `${file}: context ${explainFile(context, file).context ?? "?"}`,
      at: null,
    })),
    { text: `${contextBreach(context, violation.from, to)}, ${forbids(violation)}`, at: null },
  ];
  return { violation, story, remedies: [{ text: violation.fix, at: null }] };
}

function privateStory(context: ExplainContext, violation: Violation): ViolationStory {
  const owner = defined(
    context.map.layers.find((layer) => layer.name === violation.toLayer),
    "the imported layer",
  );
  const to = defined(violation.to, "the imported file");
  const fromLayer = defined(violation.fromLayer, "the importing layer");
  const onlyPublic = `${owner.name}, but only its public files (${(owner.public ?? []).join(", ")})`;
  const story: StoryLine[] = [
    membership(context, violation.from),
    membership(context, to),
    {
      text: `${fromLayer} may import ${onlyPublic}; ${notPublic(to, violation)}`,
      at: context.origins.layerKey(owner.name, "public"),
    },
  ];
  const exportIt = "exporting it there if it is meant to be used from outside";
  const remedies: StoryLine[] = [
    { text: `import what ${fromLayer} needs through a public file of ${owner.name}, ${exportIt}`, at: null },
    {
      text: `or, if the map is what is wrong, add ${to} to layers.${owner.name}.public`,
      at: context.origins.layerKey(owner.name, "public"),
    },
  ];
  return { violation, story, remedies };
}

function unassignedStory(context: ExplainContext, violation: Violation): ViolationStory {
  const explained = explainFile(context, violation.from);
  const everyFile = "every checked source file must belong to a layer, so nothing slips past the rules";
  const story: StoryLine[] = [
    { text: `no layer claims ${violation.from}: ${explained.unclaimedReason ?? "?"}`, at: null },
    {
      text: `options.unassigned is ${context.map.options.unassigned}: ${everyFile}`,
      at: null,
    },
  ];
  const suggestion = explained.suggestion;
  const why = suggestion ? ` (${suggestion.reason})` : "";
  const remedies: StoryLine[] = suggestion?.layer
    ? [
        {
          text: `add a glob that matches it to layers.${suggestion.layer}.paths: ${suggestion.reason}`,
          at: context.origins.layerKey(suggestion.layer, "paths"),
        },
      ]
    : [
        {
          text: `add a glob that matches it to the paths of the layer it belongs to${why}`,
          at: null,
        },
      ];
  remedies.push({
    text: "or add it to exclude if it is not part of the architecture (a script, a generated file)",
    at: null,
  });
  return { violation, story, remedies };
}

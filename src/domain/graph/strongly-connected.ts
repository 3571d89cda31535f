import type { GraphModule } from "./module-graph.js";

/**
 * Tarjan's strongly connected components, iterative so a deep graph cannot overflow the stack.
 * Two modules share a component id exactly when each reaches the other, so an import lies on a
 * cycle exactly when its two ends do.
 */
export function componentsOf(modules: readonly GraphModule[]): ReadonlyMap<string, number> {
  const successors = new Map(
    modules.map((module) => [module.source, module.dependencies.map((dependency) => dependency.resolved)]),
  );
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let nextIndex = 0;
  let nextComponent = 0;

  for (const root of successors.keys()) {
    if (index.has(root)) continue;
    const frames: { node: string; next: number }[] = [];
    const enter = (node: string) => {
      index.set(node, nextIndex);
      lowLink.set(node, nextIndex);
      nextIndex++;
      stack.push(node);
      onStack.add(node);
      frames.push({ node, next: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { node: string; next: number };
      const targets = successors.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!successors.has(target)) continue;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target))
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node) as number, index.get(target) as number));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined)
        lowLink.set(parent.node, Math.min(lowLink.get(parent.node) as number, lowLink.get(frame.node) as number));
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.set(member, nextComponent);
        } while (member !== frame.node);
        nextComponent++;
      }
    }
  }
  return component;
}

import type { GraphModule } from "./module-graph.js";
import { defined } from "../collections/defined.js";

/**
 * Tarjan's strongly connected components, iterative so a deep graph cannot overflow the stack. Nodes are
 * tried as roots in the order given and successors in the order `successorsOf` lists them; a successor that
 * is not among `nodes` is ignored. Groups come in the order they are completed (a group before any group
 * that reaches it), each with its members in the order they leave Tarjan's stack.
 */
export function stronglyConnectedGroups(
  nodes: readonly string[],
  successorsOf: (node: string) => readonly string[],
): string[][] {
  const known = new Set(nodes);
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const frames: { node: string; targets: readonly string[]; next: number }[] = [];
  const indexOf = (node: string) => defined(index.get(node), "the index of a visited node");
  const lowOf = (node: string) => defined(lowLink.get(node), "the low link of a visited node");
  const enter = (node: string) => {
    lowLink.set(node, index.size);
    index.set(node, index.size);
    stack.push(node);
    onStack.add(node);
    frames.push({ node, targets: successorsOf(node), next: 0 });
  };

  for (const root of nodes) {
    if (index.has(root)) continue;
    enter(root);
    for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
      const target = frame.targets[frame.next];
      if (target !== undefined) {
        frame.next += 1;
        if (!known.has(target)) continue;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) lowLink.set(frame.node, Math.min(lowOf(frame.node), indexOf(target)));
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent !== undefined) lowLink.set(parent.node, Math.min(lowOf(parent.node), lowOf(frame.node)));
      if (lowOf(frame.node) === indexOf(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = defined(stack.pop(), "a member on Tarjan's stack");
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/**
 * Each module's component id: two modules share one exactly when each reaches the other, so an import lies
 * on a cycle exactly when its two ends do.
 */
export function componentsOf(modules: readonly GraphModule[]): ReadonlyMap<string, number> {
  const successors = new Map(
    modules.map((module) => [module.source, module.dependencies.map((dependency) => dependency.resolved)]),
  );
  const component = new Map<string, number>();
  stronglyConnectedGroups([...successors.keys()], (node) => successors.get(node) ?? []).forEach((group, id) => {
    for (const member of group) component.set(member, id);
  });
  return component;
}

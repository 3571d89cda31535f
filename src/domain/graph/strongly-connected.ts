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
 * on a cycle exactly when its two ends do. Tarjan's algorithm over integer indices (the graph of a large
 * project is searched again on every change in the editor, so this avoids maps keyed by path).
 */
export function componentsOf(modules: readonly GraphModule[]): ReadonlyMap<string, number> {
  const count = modules.length;
  const indexOf = new Map<string, number>();
  modules.forEach((module, index) => indexOf.set(module.source, index));
  const offsets = new Int32Array(count + 1);
  const targets: number[] = [];
  modules.forEach((module, index) => {
    for (const dependency of module.dependencies) {
      const target = indexOf.get(dependency.resolved);
      if (target !== undefined) targets.push(target);
    }
    offsets[index + 1] = targets.length;
  });
  const order = new Int32Array(count).fill(-1);
  const lowLink = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const component = new Int32Array(count);
  const stack = new Int32Array(count);
  const frameNode = new Int32Array(count);
  const frameNext = new Int32Array(count);
  let stackSize = 0;
  let frames = 0;
  let visited = 0;
  let components = 0;
  const enter = (node: number) => {
    order[node] = visited;
    lowLink[node] = visited;
    visited += 1;
    stack[stackSize++] = node;
    onStack[node] = 1;
    frameNode[frames] = node;
    frameNext[frames] = offsets[node] as number;
    frames += 1;
  };
  for (let root = 0; root < count; root++) {
    if ((order[root] as number) !== -1) continue;
    enter(root);
    while (frames > 0) {
      const top = frames - 1;
      const node = frameNode[top] as number;
      const next = frameNext[top] as number;
      if (next < (offsets[node + 1] as number)) {
        frameNext[top] = next + 1;
        const target = targets[next] as number;
        if ((order[target] as number) === -1) enter(target);
        else if (onStack[target] === 1) lowLink[node] = Math.min(lowLink[node] as number, order[target] as number);
        continue;
      }
      frames -= 1;
      if (frames > 0) {
        const parent = frameNode[frames - 1] as number;
        lowLink[parent] = Math.min(lowLink[parent] as number, lowLink[node] as number);
      }
      if (lowLink[node] === order[node]) {
        let member: number;
        do {
          member = stack[--stackSize] as number;
          onStack[member] = 0;
          component[member] = components;
        } while (member !== node);
        components += 1;
      }
    }
  }
  const ids = new Map<string, number>();
  modules.forEach((module, index) => ids.set(module.source, component[index] as number));
  return ids;
}

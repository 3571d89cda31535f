import type { ViolationKind } from "./violation.js";

/**
 * Stable across line moves and reformatting: derived from kind, from and to only (a cycle's from its
 * whole loop: see cycleId). The hash is 64-bit FNV-1a
 * of the UTF-8 bytes, computed on four 16-bit limbs straight from the string's code units, because BigInt
 * arithmetic and a byte array per id made the ids of long cycles a visible part of a check.
 */
export function violationId(kind: ViolationKind, from: string, to: string | null): string {
  const text = `${kind}\u0000${from}\u0000${to ?? ""}`;
  // The offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const add = (byte: number) => {
    h0 ^= byte;
    // Times the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  for (let index = 0; index < text.length; index++) {
    let point = text.charCodeAt(index);
    if (point >= 0xd800 && point <= 0xdfff) {
      const next = text.charCodeAt(index + 1);
      const paired = point <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
      point = paired ? 0x10000 + ((point - 0xd800) << 10) + (next - 0xdc00) : 0xfffd;
      if (paired) index++;
    }
    if (point < 0x80) add(point);
    else if (point < 0x800) {
      add(0xc0 | (point >> 6));
      add(0x80 | (point & 0x3f));
    } else if (point < 0x10000) {
      add(0xe0 | (point >> 12));
      add(0x80 | ((point >> 6) & 0x3f));
      add(0x80 | (point & 0x3f));
    } else {
      add(0xf0 | (point >> 18));
      add(0x80 | ((point >> 12) & 0x3f));
      add(0x80 | ((point >> 6) & 0x3f));
      add(0x80 | (point & 0x3f));
    }
  }
  const hex = [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
  return `${kind}-${hex.slice(0, 12)}`;
}

/** A cycle's id: from its whole loop (`a → b → a`), since two loops can leave one module by one import. */
export function cycleId(cycle: readonly string[]): string {
  return violationId("cycle", cycle[0] ?? "", cycle.join(" → "));
}

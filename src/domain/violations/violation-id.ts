import type { ViolationKind } from "./violation.js";

const encoder = new TextEncoder();

/**
 * Stable across line moves and reformatting: derived from kind, from and to only. The hash is 64-bit FNV-1a,
 * computed on four 16-bit limbs because BigInt arithmetic made ids of long cycles a visible part of a check.
 */
export function violationId(kind: ViolationKind, from: string, to: string | null): string {
  // The offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of encoder.encode(`${kind}\u0000${from}\u0000${to ?? ""}`)) {
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
  }
  const hex = [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
  return `${kind}-${hex.slice(0, 12)}`;
}

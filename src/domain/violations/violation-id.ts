import type { ViolationKind } from "./violation.js";

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** Stable across line moves and reformatting: derived from kind, from and to only. */
export function violationId(kind: ViolationKind, from: string, to: string | null): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(`${kind}\u0000${from}\u0000${to ?? ""}`)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return `${kind}-${hash.toString(16).padStart(16, "0").slice(0, 12)}`;
}

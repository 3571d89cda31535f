import type { MapPointer } from "../diagnostics/diagnostic.js";
import type { ImportLocation } from "../violations/violation.js";
import type { ViolationStory } from "./explain-violation.js";

/** What rendering needs from the outside: map positions as text, and import statements' positions. */
export interface RenderContext {
  /** `layers.yaml:12:5` for a pointer into the map. */
  where(pointer: MapPointer): string;
  /** A map-relative file path as printed: relative to the current folder. */
  shown(file: string): string;
  /** The first statement importing `specifier` in `file`, or null when it cannot be found. */
  position(file: string, specifier: string): ImportLocation | null;
}

/** `explain --violation`'s text for a story; the editor's hover and quick fix show the same text. */
export type ViolationStoryRenderer = (story: ViolationStory, context: RenderContext) => string;

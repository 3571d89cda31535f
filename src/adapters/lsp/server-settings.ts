import type {
  CheckPorts,
  DependencyExtractor,
  LoopStore,
  SourceInspector,
  SyntaxChecker,
} from "../../application/ports.js";
import type { ViolationStoryRenderer } from "../../domain/explain/render-context.js";

export interface LanguageServerSettings {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** The composition root's ports; the server puts unsaved texts and an in-memory graph in front of them. */
  readonly ports: CheckPorts;
  /** The first full analysis of a map's project answers from the check's cache (shared with `check`); default: none. */
  readonly checkCache?: (rootDir: string, mapFile: string) => Promise<SessionCache | null>;
  readonly today: () => string;
  /** The `explain --violation` text, shown in hovers and by the Explain quick fix. */
  readonly renderViolationStory: ViolationStoryRenderer;
}

/** The check's cache as a session uses it: for the first extraction and syntax check, and to locate imports. */
export interface SessionCache {
  readonly extractor: DependencyExtractor;
  readonly syntax: SyntaxChecker;
  readonly inspector: SourceInspector;
  /** The loops of the check's last cycle search: the first analysis builds its cycles from them when it can. */
  readonly loops?: LoopStore;
  /** Writes what was located (the extractor and syntax checker write their own files). */
  flush(): Promise<void>;
}

import type { FileSystem } from "./ports.js";

/** The text of files open in an editor, by absolute path, as typed and not yet saved. */
export interface UnsavedTexts {
  textOf(absolutePath: string): string | undefined;
  set(absolutePath: string, text: string): void;
  delete(absolutePath: string): void;
}

export function unsavedTexts(): UnsavedTexts {
  const texts = new Map<string, string>();
  return {
    textOf: (absolutePath) => texts.get(absolutePath),
    set: (absolutePath, text) => void texts.set(absolutePath, text),
    delete: (absolutePath) => void texts.delete(absolutePath),
  };
}

/** The file system as the editor shows it: an open file reads as its unsaved text. */
export function withUnsavedTexts(fileSystem: FileSystem, unsaved: UnsavedTexts): FileSystem {
  return {
    ...fileSystem,
    async readText(absolutePath, kind) {
      return unsaved.textOf(absolutePath) ?? fileSystem.readText(absolutePath, kind);
    },
    async fileSize(absolutePath) {
      const text = unsaved.textOf(absolutePath);
      return text === undefined ? fileSystem.fileSize(absolutePath) : new TextEncoder().encode(text).length;
    },
  };
}

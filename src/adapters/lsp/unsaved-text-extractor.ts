import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";
import type { DependencyExtractor } from "../../application/ports.js";
import type { UnsavedTexts } from "../../application/unsaved-texts.js";

/**
 * dependency-cruiser reads sources with `fs.readFileSync` and offers no way to hand it a text. For the
 * length of one extraction, a file open in the editor reads as its unsaved text: resolution still
 * happens on disk, so the answer is the one a check would give once the text is saved.
 */
export function unsavedTextExtractor(inner: DependencyExtractor, unsaved: UnsavedTexts): DependencyExtractor {
  return {
    forget: () => inner.forget?.(),
    async extract(files, options, hints) {
      const original = fs.readFileSync;
      const patched = function (this: unknown, ...args: Parameters<typeof fs.readFileSync>) {
        const [path, encoding] = args;
        const text = typeof path === "string" ? unsaved.textOf(resolve(options.baseDir, path)) : undefined;
        if (text === undefined) return original.apply(this, args);
        const wantsText = typeof encoding === "string" || (typeof encoding === "object" && encoding?.encoding);
        return wantsText ? text : Buffer.from(text, "utf8");
      };
      fs.readFileSync = patched as typeof fs.readFileSync;
      syncBuiltinESMExports();
      try {
        return await inner.extract(files, options, hints);
      } finally {
        fs.readFileSync = original;
        syncBuiltinESMExports();
      }
    },
  };
}

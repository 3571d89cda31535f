import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const LAYERS = ["http", "application", "domain", "infrastructure"] as const;
/** The layer each layer's files import as the map allows. */
const BELOW: Readonly<Record<string, string>> = {
  http: "application",
  application: "domain",
  infrastructure: "domain",
};

export interface GeneratedBackend {
  readonly dir: string;
  readonly modules: number;
  readonly contexts: readonly string[];
}

/**
 * Writes a DDD backend into a temporary folder: `contexts` contexts (`src/modules/<context>/<layer>/<area>/…`),
 * each with four layers of `areas` folders of `files` files, plus a shared kernel of `kernel` files.
 * Each file imports the kernel and the file of the same number in the layer below (http → application →
 * domain ← infrastructure); every 7th http file
 * imports infrastructure (an error), every 5th infrastructure file imports application (tolerated at
 * warn), and every 11th application file imports the next context's domain (a cross-context edge).
 */
export function generateBackend(options: {
  readonly contexts: number;
  readonly areas: number;
  readonly files: number;
  readonly kernel: number;
}): GeneratedBackend {
  const dir = mkdtempSync(join(tmpdir(), "layerlint-generated-"));
  const contexts = Array.from({ length: options.contexts }, (_, index) => `context${String(index).padStart(2, "0")}`);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const fileOf = (context: string, layer: string, area: number, file: number) =>
    `src/modules/${context}/${layer}/area${area}/${layer}-${file}.ts`;
  const importOf = (from: string, to: string) => {
    const up = from.split("/").length - 1;
    return `import "${"../".repeat(up)}${to.replace(/\.ts$/, ".js")}";`;
  };

  let modules = 0;
  for (let kernel = 0; kernel < options.kernel; kernel += 1) {
    write(`src/shared/kernel-${kernel}.ts`, `export const kernel${kernel} = ${kernel};\n`);
    modules += 1;
  }
  contexts.forEach((context, contextIndex) => {
    for (const layer of LAYERS)
      for (let area = 0; area < options.areas; area += 1)
        for (let file = 0; file < options.files; file += 1) {
          const path = fileOf(context, layer, area, file);
          const number = area * options.files + file;
          const imports = [importOf(path, `src/shared/kernel-${number % options.kernel}.ts`)];
          const below = BELOW[layer];
          if (below !== undefined) imports.push(importOf(path, fileOf(context, below, area, file)));
          if (layer === "http" && number % 7 === 3)
            imports.push(importOf(path, fileOf(context, "infrastructure", area, file)));
          if (layer === "infrastructure" && number % 5 === 2)
            imports.push(importOf(path, fileOf(context, "application", area, file)));
          const next = contexts[(contextIndex + 1) % contexts.length] as string;
          if (layer === "application" && number % 11 === 5 && next !== context)
            imports.push(importOf(path, fileOf(next, "domain", area, file)));
          write(path, `${imports.join("\n")}\nexport const value = ${number};\n`);
          modules += 1;
        }
  });
  write(
    "layers.yaml",
    `version: 1
name: generated-backend
contexts:
  pattern: "src/modules/<context>/**"
  shared: ["src/shared/**"]
  allow:
${contexts.map((context, index) => `    - { from: ${context}, to: ${contexts[(index + 1) % contexts.length]}, layers: [domain] }`).join("\n")}
layers:
  http: { paths: ["src/modules/<context>/http/**"], mayImport: [application, kernel] }
  application: { paths: ["src/modules/<context>/application/**"], mayImport: [domain, kernel] }
  domain: { paths: ["src/modules/<context>/domain/**"], mayImport: [kernel] }
  infrastructure:
    paths: ["src/modules/<context>/infrastructure/**"]
    mayImport: [domain, kernel, { layer: application, severity: warn, reason: "repositories still call use cases" }]
  kernel: { paths: ["src/shared/**"] }
`,
  );
  write(
    "tsconfig.json",
    `{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true } }\n`,
  );
  write("package.json", `{ "name": "generated-backend", "private": true, "type": "module" }\n`);
  return { dir, modules, contexts };
}

import { relative, resolve, sep } from "node:path";
import { UsageError } from "../domain/errors.js";
import { explainFile as explainFileIn, type FileExplanation } from "../domain/explain/explain-file.js";
import { setUpExplain, type Explained, type ExplainPorts, type ExplainRequest } from "./explain-setup.js";

/** `layerlint explain FILE` (FILE as typed, relative to cwd). */
export async function explainFile(
  ports: ExplainPorts,
  request: ExplainRequest & { readonly file: string },
): Promise<Explained<FileExplanation>> {
  const absolute = resolve(request.cwd, request.file);
  if (!(await ports.fileSystem.exists(absolute)) || (await ports.fileSystem.isDirectory(absolute))) {
    throw new UsageError(
      `${request.file} is not a file; explain takes a FILE, two layers (explain A B) or --violation ID`,
    );
  }
  const file = relative(request.loaded.rootDir, absolute).split(sep).join("/");
  if (file.startsWith(".."))
    throw new UsageError(`${request.file} is outside the map's folder ${request.loaded.rootDir}`);
  const setup = await setUpExplain(ports, request);
  const explanation = explainFileIn(setup.context, file);
  return { explanation, render: await setup.renderContext(explanation.imports.length > 0 ? [file] : []) };
}

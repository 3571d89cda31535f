import { UsageError } from "../domain/errors.js";
import { explainFile as explainFileIn, type FileExplanation } from "../domain/explain/explain-file.js";
import { mapRelativeFile } from "./typed-file.js";
import { setUpExplain, type Explained, type ExplainPorts, type ExplainRequest } from "./explain-setup.js";
import { listed } from "../domain/quoted-name.js";

/** `layerlint explain FILE` (FILE as typed, relative to the current folder or to the map's folder). */
export async function explainFile(
  ports: ExplainPorts,
  request: ExplainRequest & { readonly file: string },
): Promise<Explained<FileExplanation>> {
  const file = await mapRelativeFile(
    ports.fileSystem,
    { cwd: request.cwd, rootDir: request.loaded.rootDir },
    request.file,
  );
  if (file === null) {
    throw new UsageError(
      `${listed(request.file)} is not a file; explain takes a FILE, two layers (explain A B) or --violation ID`,
    );
  }
  if (file.startsWith(".."))
    throw new UsageError(`${listed(request.file)} is outside the map's folder ${listed(request.loaded.rootDir)}`);
  const setup = await setUpExplain(ports, request);
  const explanation = explainFileIn(setup.context, file);
  return { explanation, render: await setup.renderContext(explanation.imports.length > 0 ? [file] : []) };
}

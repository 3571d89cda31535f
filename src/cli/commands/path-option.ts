import { InvalidArgumentError } from "commander";

/** Commander's parser for options naming a file or folder: an empty value would mean the current folder. */
export function nonEmptyPath(value: string): string {
  if (value === "") throw new InvalidArgumentError("expected a path, not an empty string.");
  return value;
}

import { quoted } from "../../domain/quoted-name.js";
import { InvalidArgumentError } from "commander";
import type { WarningCode } from "../../domain/report/check-report.js";
import { didYouMean } from "../../domain/map/closest-name.js";
import {
  WARNING_CODES,
  WARNING_LEVELS,
  type WarningLevel,
  type WarningLevels,
} from "../../domain/report/warning-levels.js";

/** `--warnings CODE=off|warn|error`, repeatable: each occurrence adds to (or overrides in) the levels before it. */
export function parseWarningsOption(value: string, previous: WarningLevels = {}): WarningLevels {
  const match = /^([^=]*)=(.*)$/.exec(value);
  if (match === null) throw new InvalidArgumentError(`expected CODE=off|warn|error, got ${quoted(value)}.`);
  const [, code = "", level = ""] = match;
  if (!(WARNING_CODES as readonly string[]).includes(code)) {
    const suggestion = didYouMean(code, WARNING_CODES);
    throw new InvalidArgumentError(
      `unknown warning code ${quoted(code)}${suggestion} (codes: ${WARNING_CODES.join(", ")}).`,
    );
  }
  if (!(WARNING_LEVELS as readonly string[]).includes(level)) {
    throw new InvalidArgumentError(`the level of ${code} must be off, warn or error, got ${quoted(level)}.`);
  }
  return { ...previous, [code as WarningCode]: level as WarningLevel };
}

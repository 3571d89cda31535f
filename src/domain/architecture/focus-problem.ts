import { quoted } from "../quoted-name.js";

/** Why a focus glob cannot be drawn: it matches no checked module, or it is not a valid glob. The CLI words it. */
export type FocusProblem =
  | { readonly kind: "matches-nothing"; readonly glob: string }
  | { readonly kind: "invalid-glob"; readonly glob: string; readonly reason: string };

export class FocusError extends Error {
  constructor(readonly problem: FocusProblem) {
    super(problem.kind === "matches-nothing" ? `${quoted(problem.glob)} matches no checked module` : problem.reason);
    this.name = "FocusError";
  }
}

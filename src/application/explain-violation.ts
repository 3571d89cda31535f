import { UsageError } from "../domain/errors.js";
import { explainViolation as explainViolationIn, type ViolationStory } from "../domain/explain/explain-violation.js";
import { setUpExplain, type Explained, type ExplainPorts, type ExplainRequest } from "./explain-setup.js";
import { quoted } from "../domain/quoted-name.js";

/** `layerlint explain --violation ID`: ID as `check --format json` prints it. */
export async function explainViolation(
  ports: ExplainPorts,
  request: ExplainRequest & { readonly id: string },
): Promise<Explained<ViolationStory>> {
  const setup = await setUpExplain(ports, request);
  const violations = setup.analysis.report.violations;
  const violation = violations.find((candidate) => candidate.id === request.id);
  if (violation === undefined) {
    const known =
      violations.length === 0
        ? "this check finds no violation"
        : `ids of this check: ${violations
            .slice(0, 5)
            .map((candidate) => candidate.id)
            .join(", ")}${violations.length > 5 ? ", …" : ""}`;
    throw new UsageError(
      `no violation with id ${quoted(request.id)} (${known}; \`layerlint check --format json\` lists them)`,
    );
  }
  return { explanation: explainViolationIn(setup.context, violation), render: await setup.renderContext([]) };
}

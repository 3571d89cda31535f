import { isContextPublicRule } from "../domain/compile/compile-context-rules.js";
import type { CheckWarning, ExceptionUse } from "../domain/report/check-report.js";
import type { Violation } from "../domain/violations/violation.js";
import { exceptionSummary } from "./exception-summary.js";
import { groupByRule } from "./group-by-rule.js";
import { reportedPath } from "./reported-path.js";
import type { Reporter, ReporterOptions } from "./reporter.js";
import { shownViolations } from "./shown-violations.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const FINGERPRINT = "layerlintViolationId/v1";

/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per rule that has a violation, one result per
 * violation located at every import statement behind it. Files no layer claims are located at line 1.
 * Against a baseline every result is `new` (known violations are not reported); the other reasons a
 * check fails are error notifications. The map's exceptions are notes, so they never hide, and sit in
 * the run's property bag with their counts.
 */
export const sarifReporter: Reporter = (report, options) => {
  const violations = shownViolations(report, options);
  const rules = [...groupByRule(violations)];
  const ruleIndex = new Map(rules.map(([rule], index) => [rule, index]));
  const exceptions = report.summary.exceptions ?? [];
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "layerlint",
            ...(options.toolVersion === undefined
              ? {}
              : { version: options.toolVersion, semanticVersion: options.toolVersion }),
            rules: rules.map(([rule, ofRule]) => ruleDescriptor(rule, ofRule)),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...(report.summary.failures ?? []).map((failure) => ({
                descriptor: { id: failure.code },
                level: "error",
                message: { text: failure.message },
                locations: [],
              })),
              ...exceptions.map(exceptionNotification),
              ...(options.quiet ? [] : report.warnings.map((warning) => notification(warning, options))),
            ],
          },
        ],
        columnKind: "utf16CodeUnits",
        ...(exceptions.length === 0 ? {} : { properties: { exceptions } }),
        results: violations.map((violation) => ({
          ...result(violation, ruleIndex.get(violation.rule) ?? 0, options),
          ...(report.summary.baseline === undefined ? {} : { baselineState: "new" }),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

function ruleDescriptor(rule: string, violations: readonly Violation[]) {
  const first = violations[0] as Violation;
  const fixes = [...new Set(violations.map((violation) => violation.fix))].sort();
  const { short, full } = describeRule(first);
  return {
    id: rule,
    name: rule,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: fixes.join("\n") },
    defaultConfiguration: { level: level(first) },
    properties: { tags: ["architecture", first.kind] },
  };
}

function describeRule(violation: Violation): { short: string; full: string } {
  const layer = violation.fromLayer ?? "";
  const toLayer = violation.toLayer ?? "";
  const toContext = violation.toContext ?? "";
  switch (violation.kind) {
    case "layer":
      return {
        short: `${layer} may not import ${toLayer}`,
        full: `A file of layer ${layer} imports a file of layer ${toLayer}, which is not in layers.${layer}.mayImport.`,
      };
    case "package":
      return {
        short: `${layer} may use only the packages it lists`,
        full: `A file of layer ${layer} imports a package or built-in that layers.${layer}.packages does not list.`,
      };
    case "private":
      if (isContextPublicRule(violation.rule)) {
        return {
          short: `context ${toContext} is imported through its public files`,
          full:
            `A file of a context that contexts.allow lets import ${toContext} ` +
            "imports one of its files that contexts.public does not match.",
        };
      }
      return {
        short: `${toLayer} is imported through its public files`,
        full:
          `A file of a layer that may import ${toLayer} ` +
          `imports one of its files that layers.${toLayer}.public does not match.`,
      };
    case "context":
      return {
        short: "a context imports only itself, the shared kernel and what contexts.allow lists",
        full:
          "A file of one context (or of the shared kernel) imports a file of another context " +
          "that contexts.allow does not let it use.",
      };
    case "unassigned":
      return {
        short: "every checked file belongs to a layer",
        full: "A checked source file that no layer's paths match: nothing constrains its imports.",
      };
    case "cycle":
      return {
        short: "modules may not import each other in a loop",
        full: "Modules that import each other in a loop (options.cycles).",
      };
    case "size":
      return {
        short: "files stay within their line limit",
        full: "A file longer than the maxLines of its layer or of the map.",
      };
    default:
      return { short: violation.rule, full: violation.message };
  }
}

function result(violation: Violation, index: number, options: ReporterOptions) {
  const uri = reportedPath(violation.from, options);
  const regions =
    violation.locations.length > 0
      ? violation.locations.map((location) => ({ startLine: location.line, startColumn: location.column }))
      : [{ startLine: 1 }];
  return {
    ruleId: violation.rule,
    ruleIndex: index,
    level: level(violation),
    message: { text: `${violation.message}. Fix: ${violation.fix}` },
    locations: regions.map((region) => ({
      physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, region },
    })),
    partialFingerprints: { [FINGERPRINT]: violation.id },
    properties: {
      kind: violation.kind,
      to: violation.to,
      fromLayer: violation.fromLayer,
      toLayer: violation.toLayer,
      fromContext: violation.fromContext,
      toContext: violation.toContext,
      specifier: violation.specifier,
      ...(violation.via === undefined ? {} : { via: [...violation.via] }),
    },
  };
}

function notification(warning: CheckWarning, options: ReporterOptions) {
  const locations =
    warning.file === undefined
      ? []
      : [
          {
            physicalLocation: {
              artifactLocation: { uri: reportedPath(warning.file, options), uriBaseId: "%SRCROOT%" },
            },
          },
        ];
  return { descriptor: { id: warning.code }, level: "warning", message: { text: warning.message }, locations };
}

function exceptionNotification(use: ExceptionUse) {
  return {
    descriptor: { id: "exception" },
    level: use.status === "active" ? "note" : "warning",
    message: { text: exceptionSummary(use) },
    locations: [],
  };
}

function level(violation: Violation): "error" | "warning" {
  return violation.severity === "error" ? "error" : "warning";
}

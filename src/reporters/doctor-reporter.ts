import { plural } from "../domain/plural.js";
import { formatMapLocation, type DoctorFormat, type DoctorReport } from "../domain/diagnostics/doctor-report.js";

/** `layerlint doctor`'s output: the report as JSON, or one line per finding and a summary line. */
export function renderDoctorReport(report: DoctorReport, format: DoctorFormat): string {
  return format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderText(report);
}

function renderText(report: DoctorReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    const where = finding.location === null ? "" : `${formatMapLocation(finding.location)}  `;
    lines.push(`${finding.severity.padEnd(7)} ${where}${finding.message} [${finding.code}]`);
    if (finding.hint !== null) lines.push(`        → ${finding.hint}`);
  }
  const { error, warning, info, files, layers } = report.summary;
  const mark = error > 0 ? "✖" : "✔";
  if (lines.length > 0) lines.push("");
  const findings = `${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info`;
  lines.push(`${mark} doctor: ${findings} · ${plural(layers, "layer")}, ${plural(files, "checked file")}`);
  return `${lines.join("\n")}\n`;
}

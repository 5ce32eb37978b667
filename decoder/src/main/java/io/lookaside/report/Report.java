package io.lookaside.report;

import java.util.List;
import java.util.Map;

/**
 * The wait-time report of one capture, as written to JSON (schema {@value #SCHEMA}, documented
 * in docs/report-schema.md; every duration in nanoseconds). Records only: the writers (JSON, CSV,
 * HTML) render this and compute nothing.
 *
 * @param whatIf   per model id, in {@code Models.ALL} order
 * @param profiles per profile id, in {@code Profiles.ALL} order
 * @param findings highest score first
 */
public record Report(String schema, CaptureInfo capture, Totals totals, List<OperationRow> operations,
                     List<PathRow> paths, Map<String, WhatIfEntry> whatIf, Map<String, ProfileEntry> profiles,
                     List<FindingEntry> findings) {
    public static final String SCHEMA = "lookaside.report/1";

    public Report {
        operations = List.copyOf(operations);
        paths = List.copyOf(paths);
        whatIf = Maps.ordered(whatIf);
        profiles = Maps.ordered(profiles);
        findings = List.copyOf(findings);
    }
}

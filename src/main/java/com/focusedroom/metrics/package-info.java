/**
 * Business metrics for Prometheus ({@code /actuator/prometheus}, readable only with the
 * scrape token): counters of the events the other modules publish, counted after their
 * transaction commits. Owns no table. The mail outbox's queue depth belongs to the module
 * that owns the outbox, as a gauge on its own table (docs/operations.md, "Metrics").
 */
@ApplicationModule(displayName = "Metrics",
		allowedDependencies = { "assessment", "channel", "consent", "ebook", "limits", "report" })
@NullMarked
package com.focusedroom.metrics;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

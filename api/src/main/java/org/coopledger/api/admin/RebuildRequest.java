package org.coopledger.api.admin;

import jakarta.validation.constraints.Size;

import java.util.List;

/** The processing groups to rebuild; absent or empty = all of them. */
public record RebuildRequest(@Size(max = 16) List<@Size(min = 1, max = 64) String> groups) {
}

package org.coopledger.api.accesslog;

import java.util.List;

/** A page of the access log; {@code next} is the cursor of the following page, null on the last. */
public record PersonalDataAccessPage(List<PersonalDataAccess> accesses, String next) {
}

package org.coopledger.api.members;

import java.time.LocalDate;

public record ExitResponse(String memberId, String status, LocalDate exitDate) {
}

package org.coopledger.api.members;

import java.time.LocalDate;

public record ErasureResponse(String memberId, boolean erased, LocalDate erasedOn) {
}

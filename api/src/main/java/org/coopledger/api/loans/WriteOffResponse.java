package org.coopledger.api.loans;

/** What the loan owed when written off; only its principal is booked to loan loss (5100). */
public record WriteOffResponse(String transactionId, String loanId, Components writtenOff, String status) {
}

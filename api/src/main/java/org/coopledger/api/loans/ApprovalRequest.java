package org.coopledger.api.loans;

import jakarta.validation.constraints.Size;

/**
 * Optional body of an approval: {@code compulsorySavingsAccountId} names the borrower's account
 * whose balance must cover the product's compulsory savings share (needed when the product asks for one).
 */
public record ApprovalRequest(@Size(max = 64) String compulsorySavingsAccountId) {

    static ApprovalRequest orNone(ApprovalRequest body) {
        return body == null ? new ApprovalRequest(null) : body;
    }
}

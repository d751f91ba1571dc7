package org.coopledger.core.loans.api;

public record LoanProductDefined(String productCode, String name, LoanTerms terms) {
}

package org.coopledger.core.loans.api;

/** Defines a loan product; its code is unique and becomes the product's identity. */
public record DefineLoanProduct(String productCode, String name, LoanTerms terms) {
}

package org.coopledger.api.security;

/** The roles of API.md. Spring authorities are {@code ROLE_<name>}. */
public enum Role { ADMIN, TELLER, MANAGER, AUDITOR, MEMBER }

package org.coopledger.core.members.api;

/** Refugees often have no passport: {@link #NONE_YET} is a legitimate state, not an error. */
public enum DocumentType { PASSPORT, NATIONAL_ID, REFUGEE_CERTIFICATE, ASYLUM_SEEKER_CERTIFICATE, NONE_YET }

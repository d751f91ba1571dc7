package org.coopledger.core.members.api;

public enum Gender { FEMALE, MALE, OTHER, UNDISCLOSED }

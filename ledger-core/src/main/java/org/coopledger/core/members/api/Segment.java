package org.coopledger.core.members.api;

/** The population segments boards and donors report on. */
public enum Segment { MIGRANT_WORKER, REFUGEE, RETURN_MIGRANT, HOST_COMMUNITY }

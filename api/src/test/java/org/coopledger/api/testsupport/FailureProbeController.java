package org.coopledger.api.testsupport;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Test-only endpoints that fail in each of the ways the problem mapping must answer. */
@RestController
@RequestMapping(FailureProbeController.PATH)
public class FailureProbeController {

    public static final String PATH = "/api/test-support/failures";

    /** The message of the unexpected failure; it must never reach a client. */
    public static final String INTERNAL_MESSAGE = "internal-detail-that-must-not-leak";

    public record MemberBody(MemberId memberId, LocalDate date) {
    }

    @GetMapping("/{kind}")
    Map<String, String> fail(@PathVariable String kind) {
        throw switch (kind) {
            case "ledger-rejected" -> new LedgerException(ErrorCode.INSUFFICIENT_FUNDS, "not enough money");
            case "ledger-not-found" -> new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account");
            case "aggregate-not-found" -> new AggregateNotFoundException("some-id", "no aggregate");
            case "wrapped" -> new CommandExecutionException("handler failed",
                    new LedgerException(ErrorCode.CURRENCY_MISMATCH, "currencies differ"));
            case "concurrency" -> new ConcurrencyException("lost the race");
            case "boom" -> new IllegalStateException(INTERNAL_MESSAGE);
            default -> new IllegalArgumentException(INTERNAL_MESSAGE);
        };
    }

    @GetMapping(value = "/negotiated/json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> json() {
        return Map.of("ok", "yes");
    }

    @GetMapping("/typed/{id}")
    Map<String, String> typed(@PathVariable UUID id, @RequestParam LocalDate asOf,
                              @RequestHeader("X-Till") String till) {
        return Map.of("id", id.toString(), "asOf", asOf.toString(), "till", till);
    }

    @GetMapping("/limited")
    Map<String, Integer> limited(@RequestParam @Min(1) @Max(500) int limit) {
        return Map.of("limit", limit);
    }

    @PostMapping(value = "/member", consumes = MediaType.APPLICATION_JSON_VALUE)
    MemberBody member(@RequestBody MemberBody body) {
        return body;
    }
}

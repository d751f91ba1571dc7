package org.coopledger.api.members;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.accesslog.PersonalDataAccessLog;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.security.Access;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.ErasePersonalData;
import org.coopledger.core.members.api.ExitMember;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.RegisterMember;
import org.coopledger.core.members.api.UpdateMemberContact;
import org.coopledger.reporting.members.MemberQueries;
import org.coopledger.reporting.members.MemberView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

/** Registration, the member record, contact changes and exit. */
@RestController
@RequestMapping("/api/v1/members")
class MemberController {

    private final MemberCommands commands;
    private final MemberQueries queries;
    private final Access access;
    private final BusinessCalendar calendar;
    private final Idempotency idempotency;
    private final PersonalDataAccessLog accessLog;

    MemberController(MemberCommands commands, MemberQueries queries, Access access, BusinessCalendar calendar,
                     Idempotency idempotency, PersonalDataAccessLog accessLog) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.accessLog = accessLog;
    }

    @PostMapping
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MemberRegisteredResponse.class)))
    public ResponseEntity<Object> register(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @Valid @RequestBody RegisterMemberRequest body) {
        LocalDate today = calendar.today();
        LocalDate joinDate = body.joinDate() != null ? body.joinDate() : today;
        if (body.dateOfBirth().isAfter(today) || joinDate.isAfter(today)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "dateOfBirth and joinDate must not be in the future");
        }
        PersonalData personal = new PersonalData(body.legalName(), body.dateOfBirth(), body.gender(), body.phone(),
                body.countryOfOrigin(), body.address(), body.document().toDocument());
        RegisterMember command = new RegisterMember(MemberId.random(), body.memberNumber(), personal,
                body.segment(), body.branch(), joinDate);
        return idempotency.optional(key, body, () -> {
            String memberNumber = commands.send(command);
            return ResponseEntity.created(URI.create("/api/v1/members/" + command.memberId()))
                    .body(new MemberRegisteredResponse(command.memberId().value(), memberNumber));
        });
    }

    /** A member user asking for another member's id gets the same 404 as for an unknown id. */
    @GetMapping("/{memberId}")
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER', 'AUDITOR', 'MEMBER')")
    public MemberResponse get(@PathVariable String memberId) {
        MemberId id = MemberIds.parse(memberId);
        access.checkCanRead(id, ErrorCode.MEMBER_NOT_FOUND);
        MemberView view = queries.member(id)
                .orElseThrow(() -> new LedgerException(ErrorCode.MEMBER_NOT_FOUND, "no such member"));
        accessLog.recordRead(view, "GET /api/v1/members/{memberId}");
        return MemberResponse.of(view);
    }

    /**
     * Crypto-shredding: destroys the member's key, so every personal field in their history
     * becomes unreadable; the money history is untouched. Refused while accounts are open or
     * shares are held.
     */
    @PostMapping("/{memberId}/erasure")
    @PreAuthorize("hasRole('ADMIN')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ErasureResponse.class)))
    public ResponseEntity<Object> erase(@PathVariable String memberId,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                 @Valid @RequestBody ErasureRequest body) {
        MemberId id = MemberIds.parse(memberId);
        LocalDate erasedOn = calendar.today();
        return idempotency.optional(key, body, () -> {
            commands.send(new ErasePersonalData(id, erasedOn, body.reason()));
            return ResponseEntity.ok(new ErasureResponse(id.value(), true, erasedOn));
        });
    }

    @PatchMapping("/{memberId}/contact")
    @PreAuthorize("hasRole('TELLER')")
    public ResponseEntity<Object> updateContact(@PathVariable String memberId,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @Valid @RequestBody ContactRequest body) {
        MemberId id = MemberIds.parse(memberId);
        return idempotency.optional(key, body, () -> {
            commands.send(new UpdateMemberContact(id, body.phone(), body.address()));
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/{memberId}/exit")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExitResponse.class)))
    public ResponseEntity<Object> exit(@PathVariable String memberId,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @Valid @RequestBody ExitRequest body) {
        MemberId id = MemberIds.parse(memberId);
        LocalDate exitDate = calendar.today();
        return idempotency.optional(key, body, () -> {
            commands.send(new ExitMember(id, exitDate, body.reason()));
            return ResponseEntity.status(HttpStatus.OK).body(new ExitResponse(id.value(), "EXITED", exitDate));
        });
    }
}

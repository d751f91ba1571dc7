package org.coopledger.api.members;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.Segment;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/members}. Personal data: {@link #toString()} is redacted so that
 * no framework log line can carry it.
 *
 * @param memberNumber generated ({@code M-000042}) when absent
 * @param joinDate     today's business date when absent
 */
public record RegisterMemberRequest(@Size(max = 32) String memberNumber,
                                    @NotBlank @Size(max = 200) String legalName,
                                    @NotNull LocalDate dateOfBirth,
                                    @NotNull Gender gender,
                                    @NotBlank @Size(max = 32) String phone,
                                    @NotBlank @Size(max = 64) String countryOfOrigin,
                                    @NotBlank @Size(max = 500) String address,
                                    @NotNull Segment segment,
                                    @NotNull @Valid DocumentRequest document,
                                    @NotBlank @Size(max = 64) String branch,
                                    LocalDate joinDate) {

    @Override
    public String toString() {
        return "RegisterMemberRequest[redacted]";
    }
}

package org.coopledger.api.users;

import jakarta.validation.Valid;
import org.coopledger.api.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's users. Creating one is not routed through idempotency keys: the fingerprint
 * would be a fast hash of the password, and a repeated request already answers 409
 * USERNAME_TAKEN without creating anything.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserRegistry registry;
    private final Access access;

    UserController(UserRegistry registry, Access access) {
        this.registry = registry;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest body) {
        UserResponse created = registry.create(body, access.currentUser().username());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }
}

package org.coopledger.api.users;

import org.coopledger.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

/**
 * Creates the first user, {@code admin}, when the ledger starts on a database without users
 * (API.md). Its password is {@code LEDGER_ADMIN_PASSWORD}, which is never logged; without it a
 * random password is generated and printed to the log this one time, since there is no other
 * way to hand it to the operator. Production installations should set the variable.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    /** No 0/O, 1/l/I: the generated password is read off a console and typed in. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_CHARS = 24;

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(UserStore store, PasswordEncoder passwords, Clock clock,
                   @Value("${ledger.security.admin-password:}") String configuredPassword) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.hasUsers()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        if (!generated && !UserRegistry.acceptablePassword(configuredPassword)) {
            throw new IllegalStateException("LEDGER_ADMIN_PASSWORD must have " + UserRegistry.MIN_PASSWORD_CHARS
                    + " to " + UserRegistry.MAX_PASSWORD_CHARS + " characters");
        }
        String password = generated ? generate() : configuredPassword;
        UserStore.NewUser admin = new UserStore.NewUser(ADMIN, passwords.encode(password), Set.of(Role.ADMIN),
                null, clock.instant(), "bootstrap");
        if (!store.insertIfNoUserExists(admin)) {
            return;
        }
        if (generated) {
            log.warn("Created the first user '{}' with the generated password {} (shown only now; "
                    + "set LEDGER_ADMIN_PASSWORD to choose it)", ADMIN, password);
        } else {
            log.info("Created the first user '{}' with the password from LEDGER_ADMIN_PASSWORD", ADMIN);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_CHARS);
        for (int i = 0; i < GENERATED_CHARS; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

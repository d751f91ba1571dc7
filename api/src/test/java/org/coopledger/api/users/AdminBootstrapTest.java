package org.coopledger.api.users;

import org.coopledger.api.security.PasswordHashing;
import org.coopledger.api.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The first admin: with LEDGER_ADMIN_PASSWORD never logged; without it generated and shown once. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private final UserStore store = mock(UserStore.class);
    private final PasswordHashing passwords = new PasswordHashing();

    @Test
    void aConfiguredPasswordIsUsedAndNeverLogged(CapturedOutput output) {
        String configured = "configured-admin-password";
        when(store.insertIfNoUserExists(any())).thenReturn(true);

        bootstrap(configured).run(new DefaultApplicationArguments());

        UserStore.NewUser admin = inserted();
        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.roles()).isEqualTo(Set.of(Role.ADMIN));
        assertThat(passwords.matches(configured, admin.passwordHash())).isTrue();
        assertThat(output.getAll()).contains("LEDGER_ADMIN_PASSWORD").doesNotContain(configured);
    }

    @Test
    void withoutAConfiguredPasswordAGeneratedOneIsPrintedOnce(CapturedOutput output) {
        when(store.insertIfNoUserExists(any())).thenReturn(true);

        bootstrap("").run(new DefaultApplicationArguments());

        Matcher printed = Pattern.compile("generated password (\\S+)").matcher(output.getAll());
        assertThat(printed.find()).isTrue();
        assertThat(printed.group(1)).hasSize(24);
        assertThat(passwords.matches(printed.group(1), inserted().passwordHash())).isTrue();
    }

    @Test
    void aGeneratedPasswordIsNotPrintedWhenAnotherNodeCreatedTheAdminFirst(CapturedOutput output) {
        when(store.insertIfNoUserExists(any())).thenReturn(false);

        bootstrap("").run(new DefaultApplicationArguments());

        assertThat(output.getAll()).doesNotContain("generated password");
    }

    @Test
    void nothingHappensWhenUsersExist() {
        when(store.hasUsers()).thenReturn(true);

        bootstrap("").run(new DefaultApplicationArguments());

        verify(store, never()).insertIfNoUserExists(any());
    }

    @Test
    void aConfiguredPasswordThatIsTooShortStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> bootstrap("short-pw").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("short-pw");
    }

    private AdminBootstrap bootstrap(String configured) {
        return new AdminBootstrap(store, passwords, Clock.systemUTC(), configured);
    }

    private UserStore.NewUser inserted() {
        ArgumentCaptor<UserStore.NewUser> user = ArgumentCaptor.forClass(UserStore.NewUser.class);
        verify(store).insertIfNoUserExists(user.capture());
        return user.getValue();
    }
}

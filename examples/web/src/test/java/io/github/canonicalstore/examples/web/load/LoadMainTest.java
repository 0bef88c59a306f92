package io.github.canonicalstore.examples.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadMainTest {

    @Test
    void withoutArgumentsEveryConfigurationRunsInLongModeOnEmbeddedH2() {
        assertThat(LoadMain.settings(LoadMain.options())).isEqualTo(LoadSettings.longMode());
        assertThat(LoadMain.configurations(LoadMain.options())).containsExactly(LoadConfiguration.values());
    }

    @Test
    void argumentsSetTheLoadTheDatabaseAndTheConfigurations() {
        var options = LoadMain.options("--readers", "4", "--pages", "10", "--edits", "6", "--seconds", "9",
                "--seed", "7", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test", "--user", "postgres",
                "--configurations", "store_off,FACTORY_SCOPE_OSIV_ON");

        assertThat(LoadMain.settings(options)).isEqualTo(new LoadSettings(4, 10, 6, Duration.ofSeconds(9), 7,
                new Database("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null)));
        assertThat(LoadMain.configurations(options))
                .isEqualTo(List.of(LoadConfiguration.STORE_OFF, LoadConfiguration.FACTORY_SCOPE_OSIV_ON));
    }

    @Test
    void anUnknownArgumentOrAMissingValueIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadMain.options("--clients", "3"))
                .withMessageContaining("--clients");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadMain.options("--readers"))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadMain.configurations(LoadMain.options("--configurations", "CLIENT")));
    }
}

package ru.orientir.jobs.cli;

import ru.orientir.jobs.config.OrientirConfig;

/** Configuration as every command sees it: orientir.yml overridden by the environment. */
final class ConfigOption {
    private ConfigOption() {
    }

    static OrientirConfig load() {
        return OrientirConfig.load(System.getenv());
    }
}

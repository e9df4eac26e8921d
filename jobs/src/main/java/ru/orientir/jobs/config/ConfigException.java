package ru.orientir.jobs.config;

/** The configuration is wrong; the message says what and where, in Russian. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

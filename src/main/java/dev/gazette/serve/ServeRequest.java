package dev.gazette.serve;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What to serve.
 *
 * @param site the site folder
 * @param bind the address to listen on (loopback unless the user says otherwise)
 * @param port the port; 0 takes any free one
 * @param drafts whether drafts are built
 * @param future whether articles dated in the future are built
 */
public record ServeRequest(Path site, String bind, int port, boolean drafts, boolean future) {

    public ServeRequest {
        requireNonNull(site, "site is null");
        requireNonNull(bind, "bind is null");
        site = site.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }
}

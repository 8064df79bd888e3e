package io.ujumbe.gateway;

import io.ujumbe.http.Router;

import java.util.concurrent.ExecutorService;

/** The admin API under {@code /v1/admin/}: behind the admin's basic credentials. */
final class AdminApi {
    private final Gateway gateway;

    AdminApi(Gateway gateway) {
        this.gateway = gateway;
    }

    void register(Router.Builder b, ExecutorService slow) {
        // Filled in below.
    }
}

package io.ujumbe.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's ids: version-4 UUID text, never repeated, on many threads and across each thread's buffer refills. */
class IdsTest {
    @Test
    void idsAreRandomVersion4Uuids_uniqueAcrossThreadsAndBufferRefills() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                // 5,000 ids per thread: about 20 refills of its 4 KB buffer (256 ids each).
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String id = Ids.uuid();
                        UUID u = UUID.fromString(id);
                        assertThat(u.version()).isEqualTo(4);
                        assertThat(u.variant()).isEqualTo(2);
                        assertThat(u.toString()).isEqualTo(id);
                        assertThat(seen.add(id)).as("repeated id %s", id).isTrue();
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(20_000);
        // Every hex digit outside the version and variant positions varies: the bytes are used, not zeros.
        for (int pos : new int[] {0, 7, 9, 15, 20, 24, 35}) {
            assertThat(seen.stream().map(s -> s.charAt(pos)).distinct().count()).as("position %d", pos).isGreaterThan(8);
        }
    }
}

package io.ujumbe.session;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportTest {

    @Test
    void autoPicksEpollWhereItLoadsAndNioElsewhere() {
        Transport expected = Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;
        assertThat(Transport.choose("auto")).isEqualTo(expected);
        assertThat(Transport.choose("EPOLL")).isEqualTo(expected);
        // The run's own choice, unless the build forced one (-Dujumbe.transport=nio runs the suite on NIO).
        assertThat(Transport.CHOSEN).isEqualTo(Transport.choose(System.getProperty(Transport.PROPERTY, "auto")));
    }

    @Test
    void onLinuxX86OrArmTheBundledNativeLibraryLoads() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"))) {
            assertThat(Epoll.isAvailable()).as("epoll unavailable: %s", Epoll.unavailabilityCause()).isTrue();
        }
    }

    @Test
    void nioCanBeForced() {
        assertThat(Transport.choose("nio")).isEqualTo(Transport.NIO);
        assertThat(Transport.NIO.socketChannel().getSimpleName()).isEqualTo("NioSocketChannel");
    }

    @Test
    void anUnknownValueNamesTheProperty() {
        assertThatThrownBy(() -> Transport.choose("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ujumbe.transport").hasMessageContaining("kqueue");
    }
}

package io.ujumbe.smsc;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void writesAndReadsBackNestedObjectsWithEscapes() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("n", 3L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "quote \" backslash \\ newline \n emoji 📱");
        m.put("rate", 1.23456);
        m.put("ok", true);
        m.put("none", null);
        m.put("inner", inner);
        String json = Json.write(m);
        assertThat(json).contains("\"rate\":1.235");
        Map<String, Object> back = Json.readObject(json);
        assertThat(back).containsEntry("text", m.get("text")).containsEntry("ok", true).containsEntry("none", null)
                .containsEntry("inner", Map.of("n", 3.0));
        assertThat(Json.readObject(" { \"a\" : \"\\u00e9\" } ")).containsEntry("a", "é");
    }

    @Test
    void rejectsWhatIsNotAnObjectSayingWhere() {
        assertThatThrownBy(() -> Json.readObject("[1]")).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> Json.readObject("{\"a\":\"x}")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Json.readObject("{\"a\":1} x")).hasMessageContaining("after the object");
        assertThatThrownBy(() -> Json.readObject("{\"a\":[1]}")).hasMessageContaining("accepted as values");
    }
}

package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every YAML configuration the README and docs/deployment.md show is accepted as written by the
 * real loaders ({@link RunConfig} for {@code ujumbe run}, {@link SmscConfigFile} for
 * {@code ujumbe smsc}). A block that shows one section only (say {@code redis:}) is completed with
 * the minimal rest of a file ({@code smsc}, {@code outbox}, the rate a shared rate limit needs),
 * nothing of the block itself changed.
 */
class DocsConfigTest {
    private static final Pattern YAML_FENCE = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern HEREDOC = Pattern.compile("<<'YAML'\\n(.*?)\\nYAML\\n", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> ENV = Map.of("UJUMBE_PASSWORD", "secret", "REDIS_PASSWORD", "pw",
            "ACME_PASSWORD", "secret");

    @TempDir
    Path dir;

    @Test
    void everyYamlBlockOfTheReadmeAndTheDeploymentGuideIsAccepted() throws Exception {
        List<String> blocks = new ArrayList<>();
        for (String doc : List.of("README.md", "docs/deployment.md")) {
            String text = Files.readString(repositoryRoot().resolve(doc), StandardCharsets.UTF_8);
            for (Pattern p : List.of(YAML_FENCE, HEREDOC)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    blocks.add(m.group(1));
                }
            }
        }
        assertThat(blocks).as("YAML blocks found").hasSizeGreaterThanOrEqualTo(4);
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String block : blocks) {
            Path file = dir.resolve("block-" + (n++) + ".yaml");
            JsonNode tree = YAML.readTree(block);
            try {
                if (isSimulatorConfig(tree)) {
                    Files.writeString(file, block, StandardCharsets.UTF_8);
                    withTlsFiles(tree, () -> SmscConfigFile.load(file, ENV).build());
                } else {
                    Files.writeString(file, YAML.writeValueAsString(completed((ObjectNode) tree)), StandardCharsets.UTF_8);
                    RunConfig.load(file, ENV);
                }
            } catch (ConfigException | IllegalArgumentException e) {
                failures.add(e.getMessage() + "\n--- in this block ---\n" + block);
            }
        }
        assertThat(failures).as("blocks the loaders refuse").isEmpty();
    }

    /**
     * Runs {@code load} with the certificate and key files a block names present (empty files
     * where the working directory has none: only their readability is checked at load time).
     */
    private static void withTlsFiles(JsonNode tree, Runnable load) throws Exception {
        List<Path> created = new ArrayList<>();
        try {
            for (String key : List.of("certificateChain", "privateKey")) {
                JsonNode name = tree.path("tls").path(key);
                if (name.isTextual() && !Files.exists(Path.of(name.asText()))) {
                    created.add(Files.createFile(Path.of(name.asText())));
                }
            }
            load.run();
        } finally {
            for (Path p : created) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isSimulatorConfig(JsonNode tree) {
        return !tree.has("smsc") && !tree.has("redis") && !tree.has("outbox") && !tree.has("client");
    }

    /** The block plus what a whole run config needs and the block leaves out. */
    private static ObjectNode completed(ObjectNode tree) {
        if (!tree.has("smsc")) {
            tree.putObject("smsc").put("host", "127.0.0.1").put("systemId", "acme").put("password", "secret");
        }
        if (!tree.has("outbox")) {
            tree.putObject("outbox").put("type", tree.has("redis") ? "redis" : "jsonl").put("path", "-");
            if (tree.has("redis")) {
                ((ObjectNode) tree.get("outbox")).remove("path");
            }
        }
        if (tree.has("redis") && !tree.path("client").has("ratePerSecond")) {
            (tree.has("client") ? (ObjectNode) tree.get("client") : tree.putObject("client")).put("ratePerSecond", 35);
        }
        return tree;
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/deployment.md"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }
}
